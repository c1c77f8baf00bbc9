import { describe, expect, it } from 'vitest';
import { applyStep, startAttempt } from '../scenarios/engine';
import { listScenarios } from '../scenarios/index';
import type { AttemptState } from '../scenarios/types';
import { invalidVariants } from './support/invalid-variants';

describe.each(listScenarios().map((s) => [s.id, s] as const))('the forms of %s', (_id, scenario) => {
  it('refuse every invalid variant with a Chinese field error, never a throw, and change nothing', () => {
    const seed = 'forms-check';
    const fixture = scenario.fixture(seed);
    const steps = scenario.steps(fixture);
    let state: AttemptState = startAttempt({
      scenarioId: scenario.id,
      seed,
      mode: 'practice',
      at: '2026-03-02T01:00:00.000Z',
    });
    let minute = 0;
    for (const answer of scenario.modelAnswer(fixture)) {
      const step = steps.find((s) => s.id === answer.stepId)!;
      const at = new Date(Date.parse('2026-03-02T01:00:00.000Z') + ++minute * 60_000).toISOString();
      for (const variant of invalidVariants(step, answer.values)) {
        const before = JSON.stringify(state);
        const result = applyStep(state, { stepId: step.id, values: variant.values, at });
        expect(result.ok, `${step.title}：${variant.what}`).toBe(false);
        if (!result.ok) {
          expect(result.code, `${step.title}：${variant.what}`).toBe('INVALID_VALUES');
          const messages = Object.values(result.fieldErrors ?? {}).flat();
          expect(messages.length, `${step.title}：${variant.what}`).toBeGreaterThan(0);
          for (const message of messages) expect(message).toMatch(/[\u4e00-\u9fff]/);
        }
        expect(JSON.stringify(state)).toBe(before);
      }
      const accepted = applyStep(state, { stepId: step.id, values: answer.values, at });
      if (!accepted.ok) throw new Error(`${step.title}: ${accepted.reason}`);
      state = accepted.state;
    }
    expect(state.status).toBe('finished');
  });
});
