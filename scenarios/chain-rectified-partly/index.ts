/** 复查转立案：两项一般事故隐患复查时一项已整改、一项逾期未消除，单位未拒不执行（《安全生产法》第一百零二条第一档）. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const chainRectifiedPartly = builtInFromSpec(spec);
