/** 执法文书：确有经济困难的当事人申请分期缴纳罚款 — 审批表、批准书，按期缴纳不催告、不加处罚款. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const enforceInstallments = builtInFromSpec(spec);
