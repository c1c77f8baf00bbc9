/** 全流程案件：关闭报警装置具有现实危险，涉嫌危险作业罪，移送公安机关（《行政处罚法》第二十七条）. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const caseTransferCrime = builtInFromSpec(spec);
