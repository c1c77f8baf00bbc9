/** 粉尘涉爆企业执法检查: find the dust-explosion major hazard, act on it, order rectification, re-inspect. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const inspectDustExplosion = builtInFromSpec(spec);
