/**
 * The chain's forms: the inspection's 复查 form and the case's forms up to the service of the decision
 * (their own steps, imported unchanged): the notice and the decision carry the case's 双罚 fields and
 * 处罚裁量, and the 法制审核 and 集体讨论 forms are the case's.
 */
import type { Step } from '../../../types';
import { inspectionSteps } from '../../inspection/kit';
import { caseSteps } from '../../case/kit';
import { CASE_EVENT_TYPES } from '../machine';
import type { RecheckCaseFixture } from './fixture';

/** The forms the trainee fills in, from the 复查 to the service of the decision. */
export function recheckCaseSteps(f: RecheckCaseFixture): Step[] {
  const recheck = inspectionSteps(f.inspection).filter((s) => s.id === 'recheck');
  const inCase = caseSteps(f.case).filter((s) => (CASE_EVENT_TYPES as readonly string[]).includes(s.eventType));
  return [...recheck, ...inCase];
}
