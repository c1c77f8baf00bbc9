/**
 * The model-based tests walk two seeds; fixtures draw dates across the year, so a rule can break on
 * a seed whose dates meet a long holiday. Here every scenario's model answer and each rubric item's
 * mistake run on many seeds: the model answer scores 100, each mistake loses exactly its own item.
 */
import { describe, expect, it } from 'vitest';
import { listScenarios } from '../../scenarios/index';
import { recheckDueBy } from '../../scenarios/workflows/inspection/machine';
import { lostCodes, runAnswer } from './helpers';

const SEEDS = Array.from({ length: 60 }, (_, i) => `sweep-${i}`);

describe.each(listScenarios().map((s) => [s.id, s] as const))('%s over 60 seeds', (_id, scenario) => {
  it('the model answer loses nothing and each mistake loses exactly its item', { timeout: 120_000 }, () => {
    const failures: string[] = [];
    for (const seed of SEEDS) {
      const fixture = scenario.fixture(seed);
      const model = scenario.modelAnswer(fixture);
      const lost = lostCodes(runAnswer(scenario.id, seed, model));
      if (lost.length > 0) failures.push(`${seed} model: ${lost.join(',')}`);
      for (const item of scenario.rubric) {
        const codes = lostCodes(runAnswer(scenario.id, seed, item.mistake.apply(model, fixture)));
        if (codes.join() !== item.code) failures.push(`${seed} ${item.code}: ${codes.join(',')}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('复查 period over a holiday', () => {
  it('ends on the first working day after a holiday that covers its last day', () => {
    // 2025-10-01..08 is the National Day holiday: 7 days after 09-30 is 10-07, a holiday.
    expect(recheckDueBy('2025-09-30')).toBe('2025-10-09');
    expect(recheckDueBy('2025-06-02')).toBe('2025-06-09');
  });
});
