/** 案件办理：当事人既不缴纳罚款也不复议、诉讼 — 加处罚款、催告、申请人民法院强制执行. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const enforceCourtApplication = builtInFromSpec(spec);
