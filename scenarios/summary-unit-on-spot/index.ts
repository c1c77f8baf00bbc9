/** 文书制作：单位违法当场处罚（行政（当场）处罚决定书，罚款不超过3,000元）. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const summaryUnitOnSpot = builtInFromSpec(spec);
