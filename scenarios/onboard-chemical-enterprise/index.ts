/** 企业入库：危险化学品生产企业（重大危险源），申请表漏报重大危险源、行政区划填错. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const onboardChemicalEnterprise = builtInFromSpec(spec);
