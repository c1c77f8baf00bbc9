/**
 * Walking a scenario's attempts: the pure helpers the publishing gate (gate.ts) and the model-based
 * tests share. The attempt itself (engine + workflow machine + step forms) is actor logic for
 * @xstate/graph; events are form submissions drawn from the model answer, each rubric item's mistake
 * and the alternative outcomes; states are keyed by workflow state, steps done and rubric items lost,
 * so document counters and dates stay out of the graph and traversal terminates. Event times are
 * deterministic (one minute per step from T0): no clock.
 */
import { getSimplePaths } from '@xstate/graph';
import { fromTransition } from 'xstate';
import { applyStep, scoreAttempt, startAttempt } from '../engine';
import type { AnswerStep, AnyScenario, AttemptState, Mode } from '../types';

export const T0 = '2025-01-06T01:00:00.000Z';

export function minutesAfter(start: string, minutes: number): string {
  return new Date(Date.parse(start) + minutes * 60_000).toISOString();
}

/** The result of submitting an answer step by step: the state, or the first refused step and why. */
export type AnswerRun =
  | { ok: true; state: AttemptState }
  | { ok: false; index: number; stepId: string; reason: string; fieldErrors?: Record<string, string[]> };

/** Submits each answer step in order, one minute apart, stopping at the first refusal. */
export function submitAnswer(
  scenarioId: string,
  seed: string,
  answer: AnswerStep[],
  mode: Mode = 'practice',
): AnswerRun {
  let state = startAttempt({ scenarioId, seed, mode, at: T0 });
  for (const [index, step] of answer.entries()) {
    const result = applyStep(state, { stepId: step.stepId, values: step.values, at: minutesAfter(T0, index + 1) });
    if (!result.ok)
      return { ok: false, index, stepId: step.stepId, reason: result.reason, fieldErrors: result.fieldErrors };
    state = result.state;
  }
  return { ok: true, state };
}

/** Codes of the rubric items the attempt loses (wholly or partly). */
export function lostCodes(state: AttemptState): string[] {
  return scoreAttempt(state)
    .items.filter((i) => i.earned < i.weight)
    .map((i) => i.code);
}

/** One candidate submission for model-based exploration. */
export interface GraphEvent {
  type: string;
  stepId: string;
  values: Record<string, string | string[]>;
}

/**
 * The answers explored for a scenario: the model answer, each rubric item's mistake (all, or the
 * first `mistakes` of them), and the alternatives that reach the workflow's other outcomes.
 */
export function explorationAnswers(
  scenario: AnyScenario,
  seed: string,
  include: { mistakes: boolean | number } = { mistakes: true },
): AnswerStep[][] {
  const fixture = scenario.fixture(seed);
  const model = scenario.modelAnswer(fixture);
  const items =
    include.mistakes === true ? scenario.rubric : include.mistakes ? scenario.rubric.slice(0, include.mistakes) : [];
  return [
    model,
    ...items.map((item) => item.mistake.apply(model, fixture)),
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

/** An attempt at the scenario as actor logic: a refused submission leaves the state as it was. */
export function attemptLogic(scenario: AnyScenario, seed: string) {
  return fromTransition(
    (state: AttemptState, event: GraphEvent) => {
      const result = applyStep(state, {
        stepId: event.stepId,
        values: event.values,
        at: minutesAfter(T0, state.events.length + 1),
      });
      return result.ok ? result.state : state;
    },
    () => startAttempt({ scenarioId: scenario.id, seed, mode: 'practice', at: T0 }),
  );
}

/** The graph's state key: workflow state, steps done, rubric items lost. */
export const stateKey = (state: AttemptState) =>
  JSON.stringify([state.current.state, state.current.completedStepIds, lostCodes(state)]);

/**
 * How many times the traversal may key a state per state it may visit: @xstate/graph bounds the states
 * it visits (`limit`) but not the simple paths it then enumerates, which grow combinatorially; keying
 * happens on every edge of that enumeration, so this bounds it too (the largest built-in keys ≈204 000 times, a fifth of the default budget).
 */
export const KEYINGS_PER_STATE = 200;

/**
 * Traversal options for @xstate/graph over `attemptLogic`. Past `limit` states, or `limit` ×
 * KEYINGS_PER_STATE keyings, it throws @xstate/graph's 'Traversal limit exceeded'. Keys are memoised
 * per snapshot (the enumeration keys the same snapshots over and over; a key scores the attempt).
 */
export function traversalOptions(answers: AnswerStep[][], limit = 5000) {
  const keys = new WeakMap<object, string>();
  let keyings = 0;
  return {
    events: (snapshot: { context: AttemptState }) => candidateEvents(snapshot.context, answers),
    serializeState: (snapshot: { context: AttemptState }) => {
      if (++keyings > limit * KEYINGS_PER_STATE) throw new Error('Traversal limit exceeded');
      let key = keys.get(snapshot);
      if (key === undefined) keys.set(snapshot, (key = stateKey(snapshot.context)));
      return key;
    },
    limit,
  };
}

/**
 * The ends of every simple path to a finished attempt, exploring the model answer, the alternative
 * outcomes and the first three mistakes (simple paths grow combinatorially with the mistakes mixed
 * in). Throws @xstate/graph's 'Traversal limit exceeded' past `limit` states.
 */
export function finishedSimplePathEnds(scenario: AnyScenario, seed: string, limit = 5000) {
  const answers = explorationAnswers(scenario, seed, { mistakes: 3 });
  const ends = getSimplePaths(attemptLogic(scenario, seed), traversalOptions(answers, limit))
    .map((path) => path.state.context)
    .filter((state) => state.status === 'finished');
  return { answers, ends };
}
