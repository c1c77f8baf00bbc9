import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { findOwnAttempt, handIn, startDrill, submitDrillStep, takeHint } from '../../app/models/attempt.server';
import { chinaDay } from '../../app/models/mastery.server';
import { rebuildRollups, ROLLUP_TABLES, type RebuildProgress } from '../../app/models/rollups.server';
import { createPrng } from '../../scenarios/prng';
import { getScenario, listScenarios } from '../../scenarios/index';
import type { AnswerStep } from '../../scenarios/types';
import { useTestDatabase } from '../support/db';
import { allRollupRows } from '../support/rollups';

type Db = ReturnType<typeof useTestDatabase>['db'];
const DAY = 24 * 60 * 60 * 1000;

async function userId(db: Db, username: string) {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

type Answer = 'model' | 'mistake' | 'handInEarly' | 'hint' | 'unfinished';

/**
 * Plays one drill through the real service, a minute per step from `start`: the model answer, one
 * rubric item's deliberate mistake, a hint then the model answer (practice), a hand-in halfway, or a
 * drill left unfinished. Returns the attempt's finish time (or null).
 */
async function drill(
  db: Db,
  user: number,
  opts: {
    scenarioId: string;
    mode: 'practice' | 'assessment';
    seed: string;
    start: Date;
    answer: Answer;
    mistakeIndex?: number;
  },
): Promise<Date | null> {
  const scenario = getScenario(opts.scenarioId)!;
  const started = await startDrill(db, user, {
    scenarioId: scenario.id,
    mode: opts.mode,
    seed: opts.seed,
    now: opts.start,
  });
  if (!started.ok) throw new Error(started.reason);
  const fixture = scenario.fixture(opts.seed);
  const model = scenario.modelAnswer(fixture);
  let steps: AnswerStep[] = model;
  if (opts.answer === 'mistake')
    steps = scenario.rubric[(opts.mistakeIndex ?? 0) % scenario.rubric.length]!.mistake.apply(model, fixture);
  if (opts.answer === 'handInEarly' || opts.answer === 'unfinished')
    steps = model.slice(0, Math.ceil(model.length / 2));
  let t = opts.start.getTime();
  const version = async () => (await findOwnAttempt(db, user, started.attemptId))!.event_count;
  if (opts.answer === 'hint') {
    const hint = scenario.hints.find((h) => h.stepId === model[0]!.stepId) ?? scenario.hints[0]!;
    t += 30_000;
    const r = await takeHint(db, user, started.attemptId, {
      hintId: hint.id,
      version: await version(),
      now: new Date(t),
    });
    if (!r.ok) throw new Error(`hint: ${r.reason}`);
  }
  for (const step of steps) {
    t += 60_000;
    const r = await submitDrillStep(db, user, started.attemptId, {
      stepId: step.stepId,
      values: step.values,
      version: await version(),
      now: new Date(t),
    });
    if (!r.ok) throw new Error(`${scenario.id} ${step.stepId}: ${r.reason}`);
    if (r.finished) return new Date(t);
  }
  if (opts.answer === 'unfinished') return null;
  t += 60_000;
  const r = await handIn(db, user, started.attemptId, { version: await version(), now: new Date(t) });
  if (!r.ok) throw new Error(`hand in: ${r.reason}`);
  return new Date(t);
}

describe('rebuildRollups', () => {
  it('recomputes from the attempts exactly what incremental maintenance produced', { timeout: 120_000 }, async () => {
    const { db } = useTestDatabase();
    const officers = [
      await userId(db, 'changli.officer'),
      await userId(db, 'zf130322002'),
      await userId(db, 'zf130322003'),
    ];
    const [a, b] = officers as [number, number, number];
    const inspection = listScenarios({ skill: 'inspection' });
    const onboarding = listScenarios({ skill: 'onboarding' });

    // Cases that must be covered, played first (times only ever move forward: attempts finish in
    // the order of their finished_at, as on the server).
    let clock = Date.parse('2025-03-01T02:00:00.000Z');
    const at = (advanceMs: number) => new Date((clock += advanceMs));
    // Two assessment passes on different seeds → mastered; a third on the first seed again.
    await drill(db, a, {
      scenarioId: inspection[0]!.id,
      mode: 'assessment',
      seed: 's1',
      start: at(0),
      answer: 'model',
    });
    await drill(db, a, {
      scenarioId: inspection[1]!.id,
      mode: 'assessment',
      seed: 's2',
      start: at(3 * DAY),
      answer: 'model',
    });
    await drill(db, a, {
      scenarioId: inspection[0]!.id,
      mode: 'assessment',
      seed: 's1',
      start: at(2 * DAY),
      answer: 'model',
    });
    // Starts on one China day (23:55 UTC+8) and finishes on the next.
    const lateEvening = new Date(Date.parse(`${chinaDay(new Date(clock + DAY).toISOString())}T15:55:00.000Z`));
    clock = lateEvening.getTime();
    await drill(db, b, {
      scenarioId: onboarding[0]!.id,
      mode: 'assessment',
      seed: 's1',
      start: at(0),
      answer: 'model',
    });
    // Same seed twice is one seed: not mastered.
    await drill(db, b, {
      scenarioId: onboarding[1]!.id,
      mode: 'assessment',
      seed: 's1',
      start: at(DAY),
      answer: 'model',
    });
    // A practice attempt after more than 180 days: the old passes drop out of passes_json.
    await drill(db, a, {
      scenarioId: inspection[1]!.id,
      mode: 'practice',
      seed: 's3',
      start: at(200 * DAY),
      answer: 'mistake',
      mistakeIndex: 2,
    });

    // Then a seeded mix across officers, skills, modes, seeds and answers, over about 600 more days.
    const prng = createPrng('rollups-equivalence');
    const scenarios = listScenarios();
    const answers: Answer[] = ['model', 'model', 'mistake', 'mistake', 'handInEarly', 'hint', 'unfinished'];
    for (let i = 0; i < 120; i++) {
      const mode = prng.next() < 0.55 ? 'assessment' : 'practice';
      let answer = prng.pick(answers);
      if (answer === 'hint' && mode === 'assessment') answer = 'model';
      await drill(db, prng.pick(officers), {
        scenarioId: prng.pick(scenarios).id,
        mode,
        seed: prng.pick(['s1', 's2', 's3', 's4']),
        start: at(prng.int(1, 9) * DAY + prng.int(0, 23) * 60 * 60 * 1000),
        answer,
        mistakeIndex: prng.int(0, 11),
      });
    }

    const incremental = await allRollupRows(db);
    // The script covered what matters: mastery, lapsed passes, repeated mistakes, unfinished attempts, days crossed.
    const attempts = await db.selectFrom('attempts').selectAll().execute();
    expect(attempts.filter((x) => x.status === 'active').length).toBeGreaterThan(0);
    expect(attempts.filter((x) => x.status === 'finished' && x.passed === 0).length).toBeGreaterThan(3);
    expect(attempts.some((x) => x.finished_at && chinaDay(x.finished_at) !== chinaDay(x.started_at))).toBe(true);
    expect(incremental.skill_mastery.filter((r) => r.mastered_until !== null).length).toBeGreaterThan(1);
    expect(incremental.skill_mastery.some((r) => r.last_pass_at !== null && r.mastered_until === null)).toBe(true);
    const passesPerSkill = (r: { user_id: number; skill: string }) =>
      incremental.skill_passes.filter((p) => p.user_id === r.user_id && p.skill === r.skill).length;
    expect(
      incremental.skill_mastery.some((r) => (JSON.parse(r.passes_json) as unknown[]).length < passesPerSkill(r)),
    ).toBe(true);
    expect(incremental.mistake_counts.some((r) => r.count > 1)).toBe(true);
    expect(incremental.officer_activity.length).toBeGreaterThan(40);

    // Wipe and corrupt the rollups; the rebuild brings back exactly what incremental maintenance had.
    await db.deleteFrom('officer_activity').where('user_id', '=', a).execute();
    await db.updateTable('skill_mastery').set({ mastered_until: null, passes_json: '[]', attempts: 999 }).execute();
    await db.deleteFrom('mistake_counts').execute();
    await db
      .insertInto('skill_passes')
      .values({
        user_id: b,
        skill: 'case',
        seed: 'bogus',
        passed_at: '2020-01-01T00:00:00.000Z',
        attempt_id: attempts[0]!.id,
      })
      .execute();
    const progress: RebuildProgress[] = [];
    const result = await rebuildRollups(db, { chunkUsers: 700, onProgress: (p) => progress.push(p) });
    const rebuilt = await allRollupRows(db);
    expect(rebuilt).toEqual(incremental);
    // One progress line per chunk of 700 users, the last one with every row.
    const users = (await db.selectFrom('users').select('id').execute()).length;
    expect(progress.map((p) => [p.chunk, p.chunks, p.users, p.totalUsers])).toEqual(
      Array.from({ length: Math.ceil(users / 700) }, (_, i) => [
        i + 1,
        Math.ceil(users / 700),
        Math.min(users, (i + 1) * 700),
        users,
      ]),
    );
    expect(result.chunks).toBe(progress.length);
    expect(progress.at(-1)!.rows).toEqual(result.rows);
    expect(result.rows).toEqual(Object.fromEntries(ROLLUP_TABLES.map((t) => [t, incremental[t].length])));

    // A second rebuild changes nothing.
    await rebuildRollups(db);
    expect(await allRollupRows(db)).toEqual(incremental);
  });

  it('leaves the rollups of the failing chunk untouched (one transaction per chunk)', async () => {
    const { db } = useTestDatabase();
    const user = await userId(db, 'changli.officer');
    const scenario = listScenarios({ skill: 'documents' })[0]!;
    await drill(db, user, {
      scenarioId: scenario.id,
      mode: 'assessment',
      seed: 'x1',
      start: new Date('2026-01-05T02:00:00.000Z'),
      answer: 'model',
    });
    const before = await allRollupRows(db);
    expect(before.skill_mastery).toHaveLength(1);
    // A malformed error_codes cell makes json_each fail midway (after two tables were rebuilt).
    await db.updateTable('attempts').set({ error_codes: 'not json' }).execute();
    await expect(rebuildRollups(db)).rejects.toThrow(/JSON/i);
    expect(await allRollupRows(db)).toEqual(before);
    expect((await sql<{ n: number }>`select count(*) as n from skill_passes`.execute(db)).rows[0]!.n).toBe(1);
  });

  it('on an empty attempts table empties every rollup', async () => {
    const { db } = useTestDatabase();
    const user = await userId(db, 'changli.officer');
    await db.insertInto('officer_activity').values({ user_id: user, day: '2026-01-01' }).execute();
    const result = await rebuildRollups(db);
    expect(result.rows).toEqual({ officer_activity: 0, skill_passes: 0, mistake_counts: 0, skill_mastery: 0 });
    expect(await allRollupRows(db)).toEqual({
      officer_activity: [],
      skill_passes: [],
      mistake_counts: [],
      skill_mastery: [],
    });
  });
});
