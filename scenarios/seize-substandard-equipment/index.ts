/** 文书制作：查封不符合国家标准的非防爆电气设备，整改后在期限内解除（《安全生产法》第六十五条第一款第（四）项）. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const seizeSubstandardEquipment = builtInFromSpec(spec);
