/** 案件办理：当事人对违法事实有异议，不能当场处罚，转为普通程序. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const summaryDisputedFacts = builtInFromSpec(spec);
