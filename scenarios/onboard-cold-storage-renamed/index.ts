/** 企业入库：更名的涉氨冷库企业，已在名录中（重复入库核查），行政区划填错. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const onboardColdStorageRenamed = builtInFromSpec(spec);
