/** 文书制作：个体经营者当场处罚（公民罚款不超过200元；第九十九条未规定警告）. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const summaryPersonWarningOrFine = builtInFromSpec(spec);
