/** Persist → stringify → parse → restore → still advances, for every scenario. */
import { describe, expect, it } from 'vitest';
import { applyStep, replayAttempt, scoreAttempt, startAttempt } from '../../scenarios/engine';
import { listScenarios } from '../../scenarios/index';
import type { AttemptState } from '../../scenarios/types';
import { minutesAfter, T0 } from './helpers';

describe.each(listScenarios().map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
  it('survives a JSON round trip half way and still reaches 100', () => {
    const seed = 'json';
    const answer = scenario.modelAnswer(scenario.fixture(seed));
    let state: AttemptState = startAttempt({ scenarioId: scenario.id, seed, mode: 'practice', at: T0 });
    answer.forEach((step, i) => {
      if (i === Math.floor(answer.length / 2)) {
        const text = JSON.stringify(state);
        state = JSON.parse(text) as AttemptState;
        expect(JSON.stringify(state)).toBe(text);
      }
      const result = applyStep(state, { stepId: step.stepId, values: step.values, at: minutesAfter(T0, i + 1) });
      expect(result.ok, result.ok ? '' : result.reason).toBe(true);
      if (result.ok) state = result.state;
    });
    expect(state.status).toBe('finished');
    expect(scoreAttempt(state).total).toBe(100);
    const fromLog = replayAttempt({
      scenarioId: scenario.id,
      seed,
      mode: 'practice',
      startedAt: T0,
      events: JSON.parse(JSON.stringify(state.events)),
    });
    expect(fromLog).toEqual(state);
  });
});
