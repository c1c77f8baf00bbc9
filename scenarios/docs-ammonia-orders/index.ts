/** 文书制作：涉氨制冷企业的现场检查记录、现场处理措施决定书、整改指令书和复查意见书. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const docsAmmoniaOrders = builtInFromSpec(spec);
