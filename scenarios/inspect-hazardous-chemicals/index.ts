/**
 * 危险化学品企业执法检查: a methanol and ethyl-acetate plant with a tank farm that is a 二级重大危险源. Its
 * major hazards are judged under the 2017 化工和危险化学品 standard (安监总管三〔2017〕121号), not the 2023 工贸
 * standard (第二条 leaves 危险化学品 to its own rules).
 */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const inspectHazardousChemicals = builtInFromSpec(spec);
