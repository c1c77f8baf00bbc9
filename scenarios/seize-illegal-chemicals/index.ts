/** 案件办理：扣押无证经营的危险化学品，依法延长期限并作出没收处理决定（《安全生产法》第六十五条第一款第（四）项）. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const seizeIllegalChemicals = builtInFromSpec(spec);
