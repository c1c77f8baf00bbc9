/** 全流程案件：首次轻微违法并当场改正，不予行政处罚（《行政处罚法》第三十三条第一款）. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const caseFirstMinorNoPenalty = builtInFromSpec(spec);
