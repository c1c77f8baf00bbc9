/** Test helpers: drive an attempt through answers with deterministic event times. */
import { applyStep, scoreAttempt, startAttempt } from '../../scenarios/engine';
import type { AnswerStep, AttemptState, Mode } from '../../scenarios/types';

export const T0 = '2025-01-06T01:00:00.000Z';

export function minutesAfter(start: string, minutes: number): string {
  return new Date(Date.parse(start) + minutes * 60_000).toISOString();
}

/** Submits each answer step in order; throws with the reason when one is rejected. */
export function runAnswer(scenarioId: string, seed: string, answer: AnswerStep[], mode: Mode = 'practice'): AttemptState {
  let state = startAttempt({ scenarioId, seed, mode, at: T0 });
  answer.forEach((step, i) => {
    const result = applyStep(state, { stepId: step.stepId, values: step.values, at: minutesAfter(T0, i + 1) });
    if (!result.ok) throw new Error(`${scenarioId}/${seed}: step ${step.stepId} rejected: ${result.reason} ${JSON.stringify(result.fieldErrors ?? {})}`);
    state = result.state;
  });
  return state;
}

export function lostCodes(state: AttemptState): string[] {
  return scoreAttempt(state)
    .items.filter((i) => i.earned < i.weight)
    .map((i) => i.code);
}
