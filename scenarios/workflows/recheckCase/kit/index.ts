/** Building blocks for 复查转立案 scenarios: fixture, forms, answer builder, rubric items and materials. */
export { datedCase, recheckCaseFixture, type RecheckCaseFixture, type RecheckCaseSpec } from './fixture';
export { recheckCaseSteps } from './steps';
export { recheckCaseAlternatives, recheckCaseAnswer, type RecheckCaseAnswerOptions } from './answer';
export { recheckCaseRubric } from './rubric';
export { recheckCaseMaterials } from './materials';

import type { RecheckCaseFixture } from './fixture';
import type { RecheckCaseInput } from '../machine';
import { inspectionMachineInput } from '../../inspection/kit';
import { caseInput } from '../../case/kit';
import { presetThroughFindings, inspectionModelAnswer, inspectionSteps } from '../../inspection/kit';
import type { WorkflowEvent } from '../../index';

/** The machine's input: the inspection's, and the case's people (its head, 法制审核 staff and leadership). */
export function recheckCaseInput(f: RecheckCaseFixture): RecheckCaseInput {
  const { head, reviewers, leaders } = caseInput(f.case);
  return { inspection: inspectionMachineInput(f.inspection), case: { head, reviewers, leaders } };
}

/**
 * The inspection up to the 责令限期整改指令书, as preset events: the inspection's own preset events, then
 * its model answer's 现场检查记录 and 指令书 forms turned into events by its own steps.
 */
export function recheckCasePreset(f: RecheckCaseFixture, at: string): WorkflowEvent[] {
  const steps = inspectionSteps(f.inspection);
  const forms = inspectionModelAnswer(f.inspection).filter((s) => s.stepId === 'record' || s.stepId === 'order');
  return [
    ...presetThroughFindings(f.inspection, at),
    ...forms.map((form) => {
      const step = steps.find((s) => s.id === form.stepId)!;
      return step.toEvent(step.schema.parse(form.values), at);
    }),
  ];
}
