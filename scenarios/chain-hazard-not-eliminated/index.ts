/** 复查转立案：工贸企业的一般事故隐患逾期未消除，单位拒不执行（《安全生产法》第一百零二条，双罚）. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const chainHazardNotEliminated = builtInFromSpec(spec);
