/**
 * Trainers' scenarios in the engine (issue 16): several published versions of one scenario id live
 * side by side, each attempt runs and replays under its own, and the caches never mix them.
 */
import { describe, expect, it } from 'vitest';
import { spec as inspectDustExplosionSpec } from '../../scenarios/inspect-dust-explosion/spec';
import { parseScenarioSpec, scenarioFromSpec, type ScenarioSpecInput } from '../../scenarios/authoring/spec';
import { applyStep, attemptFixture, replayAttempt, scoreAttempt, startAttempt } from '../../scenarios/engine';
import { getScenario, isAuthoredVersionRegistered, registerAuthoredVersion } from '../../scenarios/index';

const ID = 'custom-versions-test';
const T0 = '2026-03-02T01:00:00.000Z';

function version(n: number, namePattern: string) {
  const input = {
    ...inspectDustExplosionSpec,
    id: ID,
    version: n,
    enterprise: { ...inspectDustExplosionSpec.enterprise, namePattern },
  } as ScenarioSpecInput;
  const parsed = parseScenarioSpec(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return scenarioFromSpec(parsed.spec);
}

const enterpriseName = (fixture: unknown) => (fixture as { enterprise: { name: string } }).enterprise.name;

describe('versions of a trainer’s scenario', () => {
  const v1 = version(1, '秦皇岛{字号}铝业有限公司');
  const v2 = version(2, '秦皇岛{字号}木业有限公司');
  registerAuthoredVersion(v1);
  registerAuthoredVersion(v2);

  it('are found only with their version; a built-in id cannot be taken', () => {
    expect(isAuthoredVersionRegistered(ID, 1)).toBe(true);
    expect(getScenario(ID)).toBeUndefined();
    expect(getScenario(ID, 1)).toBe(v1);
    expect(getScenario(ID, 2)).toBe(v2);
    expect(getScenario(ID, 3)).toBeUndefined();
    const builtIn = { ...v1, id: 'inspect-dust-explosion' };
    expect(() => registerAuthoredVersion(builtIn)).toThrow(/内置场景/);
  });

  it('start, step and replay each under its own version, with fixtures cached apart', () => {
    const seed = 'same-seed';
    const s1 = startAttempt({ scenarioId: ID, scenarioVersion: 1, seed, mode: 'practice', at: T0 });
    const s2 = startAttempt({ scenarioId: ID, scenarioVersion: 2, seed, mode: 'practice', at: T0 });
    expect(s1.scenarioVersion).toBe(1);
    expect(s2.scenarioVersion).toBe(2);
    expect(enterpriseName(attemptFixture(s1))).toMatch(/铝业有限公司$/);
    expect(enterpriseName(attemptFixture(s2))).toMatch(/木业有限公司$/);

    // The model answer of version 1, played and replayed under version 1 while version 2 is registered too.
    let state = s1;
    const answer = v1.modelAnswer(attemptFixture(s1));
    answer.forEach((step, i) => {
      const result = applyStep(state, {
        stepId: step.stepId,
        values: step.values,
        at: new Date(Date.parse(T0) + (i + 1) * 60_000).toISOString(),
      });
      if (!result.ok) throw new Error(result.reason);
      state = result.state;
    });
    expect(scoreAttempt(state).total).toBe(100);
    const replayed = replayAttempt({
      scenarioId: ID,
      scenarioVersion: 1,
      seed,
      mode: 'practice',
      startedAt: T0,
      events: state.events,
    });
    expect(replayed.snapshot).toEqual(state.snapshot);
    expect(scoreAttempt(replayed)).toEqual(scoreAttempt(state));
  });

  it('an unregistered version is refused by name, not run on another version', () => {
    expect(() => startAttempt({ scenarioId: ID, scenarioVersion: 9, seed: 'x', mode: 'practice', at: T0 })).toThrow(
      /未知的练兵场景：custom-versions-test（第9版）/,
    );
  });
});
