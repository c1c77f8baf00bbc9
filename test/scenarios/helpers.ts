/** Test helpers: drive an attempt through answers with deterministic event times. */
import { applyStep, scoreAttempt, startAttempt } from '../../scenarios/engine';
import type { AnswerStep, AnyScenario, AttemptState, Mode } from '../../scenarios/types';

export const T0 = '2025-01-06T01:00:00.000Z';

export function minutesAfter(start: string, minutes: number): string {
  return new Date(Date.parse(start) + minutes * 60_000).toISOString();
}

/** Submits each answer step in order; throws with the reason when one is rejected. */
export function runAnswer(
  scenarioId: string,
  seed: string,
  answer: AnswerStep[],
  mode: Mode = 'practice',
): AttemptState {
  let state = startAttempt({ scenarioId, seed, mode, at: T0 });
  answer.forEach((step, i) => {
    const result = applyStep(state, { stepId: step.stepId, values: step.values, at: minutesAfter(T0, i + 1) });
    if (!result.ok)
      throw new Error(
        `${scenarioId}/${seed}: step ${step.stepId} rejected: ${result.reason} ${JSON.stringify(result.fieldErrors ?? {})}`,
      );
    state = result.state;
  });
  return state;
}

export function lostCodes(state: AttemptState): string[] {
  return scoreAttempt(state)
    .items.filter((i) => i.earned < i.weight)
    .map((i) => i.code);
}

/** One candidate submission for model-based tests. */
export interface GraphEvent {
  type: string;
  stepId: string;
  values: Record<string, string | string[]>;
}

/**
 * The answers that model-based tests explore for a scenario: the model answer, each rubric item's
 * mistake, and the alternatives that reach the workflow's other outcomes.
 */
export function explorationAnswers(
  scenario: AnyScenario,
  seed: string,
  include: { mistakes: boolean } = { mistakes: true },
): AnswerStep[][] {
  const fixture = scenario.fixture(seed);
  const model = scenario.modelAnswer(fixture);
  return [
    model,
    ...(include.mistakes ? scenario.rubric.map((item) => item.mistake.apply(model, fixture)) : []),
    ...(scenario.alternativeAnswers?.(fixture) ?? []),
  ];
}

/** Candidate submissions in a state: each available step with the values any exploration answer gives it. */
export function candidateEvents(state: AttemptState, answers: AnswerStep[][]): GraphEvent[] {
  const out = new Map<string, GraphEvent>();
  for (const stepId of state.current.availableStepIds) {
    const done = state.events.filter((e) => e.kind === 'workflow' && e.stepId === stepId).length;
    for (const answer of answers) {
      const occurrences = answer.filter((s) => s.stepId === stepId);
      const values = occurrences[done]?.values;
      if (!values) continue;
      const event = { type: `submit.${stepId}`, stepId, values };
      out.set(JSON.stringify(event), event);
    }
  }
  return [...out.values()];
}
