/** 全流程案件：逾期未改正的双罚，法制审核、集体讨论和听证（《安全生产法》第九十七条第二档）. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const caseHeavyDualPenalty = builtInFromSpec(spec);
