/** 全流程案件：一氧化碳报警装置被关闭，逾期未改正（《安全生产法》第九十九条第二档）. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const caseAlarmDisabled = builtInFromSpec(spec);
