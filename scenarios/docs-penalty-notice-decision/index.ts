/** 文书制作：行政处罚告知书与决定书（工作日期限、听证权利、救济途径、加处罚款）. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const docsPenaltyNoticeDecision = builtInFromSpec(spec);
