/**
 * A 检查计划 (the authority's own 检查方案) can be corrected: a revised plan replaces the old one until the
 * findings are recorded, and the refusal of findings for an unplanned item names the item in Chinese
 * and says how to fix it — never an internal id.
 */
import { describe, expect, it } from 'vitest';
import { applyStep, scoreAttempt, startAttempt } from '../../scenarios/engine';
import { getScenario, listScenarios } from '../../scenarios/index';
import { majorItems, type InspectionFixture } from '../../scenarios/workflows/inspection/kit';
import type { AnswerStep, AttemptState } from '../../scenarios/types';
import { lostCodes, minutesAfter, T0 } from './helpers';

const FROM_PLAN = listScenarios().filter(
  (s) => s.workflow === 'inspection' && s.modelAnswer(s.fixture('plan-1'))[0]?.stepId === 'plan',
);

/** Applies the steps in order from `state`; each must be accepted. */
function play(state: AttemptState, steps: AnswerStep[]): AttemptState {
  for (const step of steps) {
    const result = applyStep(state, {
      stepId: step.stepId,
      values: step.values,
      at: minutesAfter(T0, state.events.length + 1),
    });
    if (!result.ok) throw new Error(`step ${step.stepId} rejected: ${result.reason}`);
    state = result.state;
  }
  return state;
}

function setUp(scenarioId: string) {
  const scenario = getScenario(scenarioId)!;
  const fixture = scenario.fixture('plan-1') as InspectionFixture;
  const answer = scenario.modelAnswer(fixture);
  const plan = answer.find((s) => s.stepId === 'plan')!;
  const left = majorItems(fixture)[0]!;
  const shortPlan: AnswerStep = {
    stepId: 'plan',
    values: { ...plan.values, itemIds: (plan.values.itemIds as string[]).filter((id) => id !== left.id) },
  };
  const start = startAttempt({ scenarioId, seed: 'plan-1', mode: 'practice', at: T0 });
  return { scenario, fixture, answer, plan, shortPlan, left, start };
}

it('covers the inspection scenarios that start with the plan', () => {
  expect(FROM_PLAN.length).toBeGreaterThanOrEqual(4);
});

describe.each(FROM_PLAN.map((s) => [s.id] as const))('%s: correcting the 检查计划', (id) => {
  it('refuses findings for an unplanned item by its Chinese name, saying how to fix the plan', () => {
    const { answer, shortPlan, left, start } = setUp(id);
    const onSite = play(start, [shortPlan, answer.find((s) => s.stepId === 'start')!]);
    const refused = applyStep(onSite, {
      stepId: 'findings',
      values: answer.find((s) => s.stepId === 'findings')!.values,
      at: minutesAfter(T0, 10),
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.reason).toContain(`请先修改检查计划，加入"${left.area}"`);
    expect(refused.reason).not.toContain(left.id);
  });

  it('a revised plan before the inspection starts replaces the old one and costs nothing', () => {
    const { answer, plan, shortPlan, start } = setUp(id);
    const planned = play(start, [shortPlan]);
    expect(planned.current.availableStepIds).toContain('plan');
    const end = play(planned, answer);
    expect(end.status).toBe('finished');
    expect(lostCodes(end)).toEqual([]);
    expect(scoreAttempt(end).total).toBe(100);
  });

  it('the plan can still be corrected on site, after the refusal, until the findings are recorded', () => {
    const { answer, plan, shortPlan, start } = setUp(id);
    const onSite = play(start, [shortPlan, answer.find((s) => s.stepId === 'start')!]);
    const corrected = play(onSite, [plan]);
    const rest = answer.slice(answer.findIndex((s) => s.stepId === 'findings'));
    const end = play(corrected, rest);
    expect(end.status).toBe('finished');
    expect(scoreAttempt(end).total).toBe(100);
  });

  it('refuses a revised plan dated after the day the inspection began', () => {
    const { answer, plan, start } = setUp(id);
    const startStep = answer.find((s) => s.stepId === 'start')!;
    const onSite = play(start, [plan, startStep]);
    const later = `${Number(String(startStep.values.startedOn).slice(0, 4)) + 1}${String(startStep.values.startedOn).slice(4)}`;
    const refused = applyStep(onSite, {
      stepId: 'plan',
      values: { ...plan.values, plannedOn: later },
      at: minutesAfter(T0, 10),
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain('修改后的检查计划日期不能晚于');
  });

  it('once the findings are recorded the plan is closed, with the reason', () => {
    const { answer, plan, start } = setUp(id);
    const recorded = play(start, answer.slice(0, answer.findIndex((s) => s.stepId === 'findings') + 1));
    expect(recorded.current.availableStepIds).not.toContain('plan');
    const refused = applyStep(recorded, { stepId: 'plan', values: plan.values, at: minutesAfter(T0, 20) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain('检查计划不能再修改');
  });
});
