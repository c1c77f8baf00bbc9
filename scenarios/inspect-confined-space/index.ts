/** 有限空间作业执法检查: a brewery's wastewater pool and fermentation tanks. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const inspectConfinedSpace = builtInFromSpec(spec);
