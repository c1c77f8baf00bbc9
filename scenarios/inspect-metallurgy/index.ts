/** 冶金企业执法检查: a steel plant's converter shop, judged under 第四条 (冶金) of the 2023 工贸 standard. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const inspectMetallurgy = builtInFromSpec(spec);
