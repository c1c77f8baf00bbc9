import { describe, expect, it } from 'vitest';
import { attemptSteps, stepOutline } from '../scenarios/engine';
import { listScenarios } from '../scenarios/index';

describe('step outline', () => {
  it.each(listScenarios().map((s) => [s.id] as const))(
    'of %s is the same for every seed (the engine relies on it)',
    (scenarioId) => {
      const outline = stepOutline(scenarioId);
      expect(outline.length).toBeGreaterThan(0);
      for (const seed of ['a', 'b', 'c', 'seed-42', 'demo']) {
        const steps = attemptSteps({ scenarioId, seed });
        expect(
          steps.map(({ id, module, title, eventType, availableIn, repeatable, optional }) => ({
            id,
            module,
            title,
            eventType,
            availableIn,
            repeatable,
            optional,
          })),
        ).toEqual(outline);
      }
    },
  );
});
