/**
 * Replay property: whatever a trainee submits — right, wrong, malformed, hints, hand-in — replaying
 * the accepted log from the seed rebuilds exactly the same state and score; rejected input changes
 * nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  applyStep,
  finishAttempt,
  replayAttempt,
  scoreAttempt,
  startAttempt,
  useHint,
} from '../../scenarios/engine';
import { listScenarios } from '../../scenarios/index';
import type { AttemptState } from '../../scenarios/types';
import { candidateEvents, explorationAnswers, minutesAfter, T0 } from './helpers';

type Action =
  | { kind: 'candidate'; pick: number; gap: number }
  | { kind: 'garbageStep'; pick: number; field: string; value: string; gap: number }
  | { kind: 'garbageEvent'; event: unknown; gap: number }
  | { kind: 'hint'; pick: number; gap: number }
  | { kind: 'past'; pick: number }
  | { kind: 'finish'; gap: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('candidate' as const),
      pick: fc.nat(),
      gap: fc.integer({ min: 0, max: 30 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('garbageStep' as const),
      pick: fc.nat(),
      field: fc.string({ maxLength: 12 }),
      value: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('x'.repeat(3000)), fc.constant('2025-02-30')),
      gap: fc.integer({ min: 0, max: 5 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('garbageEvent' as const),
      event: fc.oneof(
        fc.anything(),
        fc.record({
          type: fc.constantFrom('officer.issueDecision', 'officer.createPlan', 'officer.classify', 'nope'),
          at: fc.string(),
        }),
      ),
      gap: fc.integer({ min: 0, max: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('hint' as const), pick: fc.nat(), gap: fc.integer({ min: 0, max: 5 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('past' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('finish' as const), gap: fc.integer({ min: 0, max: 5 }) }) },
);

function lastAt(state: AttemptState) {
  return state.events.length ? state.events[state.events.length - 1]!.at : state.startedAt;
}

describe.each(listScenarios().map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
  it('replaying the accepted events rebuilds the same state and score', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('r1', 'r2', 'r3', 'r4'),
        fc.constantFrom('practice', 'assessment') as fc.Arbitrary<'practice' | 'assessment'>,
        fc.array(action, { maxLength: 25 }),
        (seed, mode, actions) => {
          const answers = explorationAnswers(scenario, seed);
          let state = startAttempt({ scenarioId: scenario.id, seed, mode, at: T0 });
          for (const a of actions) {
            const before = JSON.stringify(state);
            const at = a.kind === 'past' ? minutesAfter(lastAt(state), -5) : minutesAfter(lastAt(state), a.gap);
            let result;
            switch (a.kind) {
              case 'candidate':
              case 'past': {
                const candidates = candidateEvents(state, answers);
                if (candidates.length === 0) continue;
                const c = candidates[a.pick % candidates.length]!;
                result = applyStep(state, { stepId: c.stepId, values: c.values, at });
                break;
              }
              case 'garbageStep': {
                const ids = state.current.availableStepIds;
                const stepId = ids.length ? ids[a.pick % ids.length]! : 'none';
                result = applyStep(state, { stepId, values: { [a.field]: a.value }, at });
                break;
              }
              case 'garbageEvent':
                result = applyEvent(state, a.event);
                break;
              case 'hint': {
                const hint = scenario.hints[a.pick % scenario.hints.length]!;
                result = useHint(state, { hintId: hint.id, at });
                break;
              }
              case 'finish':
                result = finishAttempt(state, { at, reason: 'abandoned' });
                break;
            }
            if (a.kind === 'past' && state.events.length > 0) expect(result.ok).toBe(false);
            if (result.ok) state = result.state;
            else expect(JSON.stringify(state)).toBe(before);
          }
          const replayed = replayAttempt({
            scenarioId: scenario.id,
            seed,
            mode,
            startedAt: T0,
            events: state.events,
            scenarioVersion: scenario.version,
          });
          expect(replayed).toEqual(state);
          expect(scoreAttempt(replayed)).toEqual(scoreAttempt(state));
          const total = scoreAttempt(state).total;
          expect(total).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 60 },
    );
  });
});
