/**
 * Why the law does not allow an event in the chain's current state: the inspection's and the case's own
 * reasons (imported), and the hand-over between them — a case under 第一百零二条 follows a 复查 that found
 * the hazard not removed.
 */
import type { Prerequisites } from '../define';
import { casePrerequisites } from '../case/prerequisites';
import { inspectionPrerequisites } from '../inspection/prerequisites';
import { CASE_EVENT_TYPES, INSPECTION_EVENT_TYPES } from './machine';
import { LEGAL } from '../../law/legal-constants';

const BEFORE_CASE = ['inspecting', 'rectifying', 'closed'];
const NO_CASE = `复查发现事故隐患逾期未消除的，才依照《安全生产法》第一百零二条立案查处：须先在整改期限届满后复查，开具整改复查意见书（${LEGAL.recheckPeriod.source}）`;

export const recheckCasePrerequisites: Prerequisites = Object.fromEntries([
  ...INSPECTION_EVENT_TYPES.map((type) => [
    type,
    (state: string) =>
      type === 'officer.issueRecheckOpinion'
        ? state === 'inspecting'
          ? inspectionPrerequisites[type]!('recorded')
          : '复查已经完成'
        : '现场检查和责令限期整改指令书已经完成',
  ]),
  ...CASE_EVENT_TYPES.map((type) => [
    type,
    (state: string) =>
      state === 'closed'
        ? '复查时事故隐患已全部整改完毕，检查已闭环，不予立案'
        : BEFORE_CASE.includes(state)
          ? NO_CASE
          : casePrerequisites[type]!(state),
  ]),
]);
