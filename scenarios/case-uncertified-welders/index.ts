/** 全流程案件：特种作业人员未持证上岗，当事人要求听证（《安全生产法》第九十七条）. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const caseUncertifiedWelders = builtInFromSpec(spec);
