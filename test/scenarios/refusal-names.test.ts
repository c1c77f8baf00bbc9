/**
 * Refusals speak Chinese: an item outside the checklist or the site is refused without echoing its
 * internal id (issue 15), in the inspection and the seizure workflows alike.
 */
import { describe, expect, it } from 'vitest';
import { listScenarios } from '../../scenarios/index';
import type { AttemptState } from '../../scenarios/types';
import { inspectionProblem, type InspectionContext } from '../../scenarios/workflows/inspection/machine';
import { seizureProblem, type SeizureContext, type SeizureEvent } from '../../scenarios/workflows/seizure/machine';
import { runAnswer } from './helpers';

const UNKNOWN = 'no-such-item';

/** The state before `stepId` of the model answer and the workflow event that step produced. */
function around(scenarioId: string, stepId: string) {
  const scenario = listScenarios().find((s) => s.id === scenarioId)!;
  const answer = scenario.modelAnswer(scenario.fixture('names-1'));
  const at = answer.findIndex((s) => s.stepId === stepId);
  const before = runAnswer(scenarioId, 'names-1', answer.slice(0, at));
  const after = runAnswer(scenarioId, 'names-1', answer.slice(0, at + 1));
  const last = after.events.at(-1) as Extract<AttemptState['events'][number], { kind: 'workflow' }>;
  return { context: before.snapshot.context, event: last.event };
}

describe('refusals never show an internal id', () => {
  it.each(
    listScenarios()
      .filter((s) => s.workflow === 'inspection' && s.modelAnswer(s.fixture('names-1'))[0]?.stepId === 'plan')
      .map((s) => [s.id]),
  )('%s: a plan item outside the checklist', (id) => {
    const { context, event } = around(id, 'plan');
    const reason = inspectionProblem(context as InspectionContext, {
      ...(event as Extract<Parameters<typeof inspectionProblem>[1], { type: 'officer.createPlan' }>),
      itemIds: [UNKNOWN],
    });
    expect(reason).toContain('不在本次检查的检查清单中');
    expect(reason).not.toContain(UNKNOWN);
  });

  it.each(
    listScenarios()
      .filter((s) => s.workflow === 'seizure')
      .map((s) => [s.id]),
  )('%s: a finding for something not on site', (id) => {
    const { context, event } = around(id, 'record');
    const record = event as Extract<SeizureEvent, { type: 'officer.recordEnforcement' }>;
    const reason = seizureProblem(context as SeizureContext, {
      ...record,
      findings: [...record.findings, { itemId: UNKNOWN, category: record.findings[0]!.category }],
    });
    expect(reason).toContain('不在现场');
    expect(reason).not.toContain(UNKNOWN);
  });
});
