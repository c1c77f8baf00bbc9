import { describe, expect, it } from 'vitest';
import { applyStep, startAttempt } from '../scenarios/engine';
import { listScenarios } from '../scenarios/index';
import type { AnswerStep, AttemptState, Step } from '../scenarios/types';

type Values = AnswerStep['values'];

/** Invalid variants of valid values for a step: empty, too long, wrong type, not an option. */
function invalidVariants(step: Step, valid: Values): { what: string; values: Values }[] {
  const variants: { what: string; values: Values }[] = [];
  if (step.fields.some((f) => f.required)) variants.push({ what: '全部为空', values: Object.fromEntries(step.fields.map((f) => [f.name, ''])) });
  for (const field of step.fields) {
    if (field.kind === 'text' || field.kind === 'textarea') {
      variants.push({ what: `${field.label}过长`, values: { ...valid, [field.name]: '长'.repeat((field.maxLength ?? 100) + 1) } });
    }
    if (field.kind === 'number') variants.push({ what: `${field.label}不是数字`, values: { ...valid, [field.name]: '一百' } });
    if (field.kind === 'date') variants.push({ what: `${field.label}不是日期`, values: { ...valid, [field.name]: '2025-02-30' } });
    if (field.kind === 'select' || field.kind === 'multiselect') {
      variants.push({ what: `${field.label}不是选项`, values: { ...valid, [field.name]: 'no-such-option' } });
      variants.push({ what: `${field.label}为多个值`, values: { ...valid, [field.name]: ['no-such-option', 'another'] } });
    }
  }
  return variants;
}

describe.each(listScenarios().map((s) => [s.id, s] as const))('the forms of %s', (_id, scenario) => {
  it('refuse every invalid variant with a Chinese field error, never a throw, and change nothing', () => {
    const seed = 'forms-check';
    const fixture = scenario.fixture(seed);
    const steps = scenario.steps(fixture);
    let state: AttemptState = startAttempt({ scenarioId: scenario.id, seed, mode: 'practice', at: '2026-03-02T01:00:00.000Z' });
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
