import { describe, expect, it } from 'vitest';
import { replayAttempt } from '../../scenarios/engine';
import { getScenario, listScenarios } from '../../scenarios/index';
import type { AttemptState } from '../../scenarios/types';
import {
  findOwnAttempt,
  getAttemptResult,
  getDrillView,
  handIn,
  loadAttemptState,
  openAssessmentOf,
  SNAPSHOT_EVERY_EVENTS,
  startDrill,
  submitDrillStep,
  takeHint,
} from '../../app/models/attempt.server';
import { getDemoFor } from '../../app/models/demo.server';
import { rebuildRollups } from '../../app/models/rollups.server';
import { isMastered, listMastery, masteredUntil } from '../../app/models/mastery.server';
import { useTestDatabase } from '../support/db';
import { connectDatabase } from '../../db/connection';
import type { Attempt } from '../../db/schema';

const T0 = new Date('2026-03-02T01:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const scenario = listScenarios({ skill: 'inspection' })[0]!;

async function officer(db: ReturnType<typeof useTestDatabase>['db'], username = 'changli.officer') {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** The attempt rebuilt from its stored event log alone (the record), as the engine replays it. */
async function replayStoredLog(db: ReturnType<typeof useTestDatabase>['db'], attempt: Attempt) {
  const events = await db
    .selectFrom('attempt_events')
    .select('event_json')
    .where('attempt_id', '=', attempt.id)
    .orderBy('seq')
    .execute();
  return replayAttempt({
    scenarioId: attempt.scenario_id,
    seed: attempt.seed,
    mode: attempt.mode,
    startedAt: attempt.started_at,
    events: events.map((e) => JSON.parse(e.event_json)),
  });
}

/** The officer as the demo's scope check needs them: id and unit. */
async function officerWithUnit(db: ReturnType<typeof useTestDatabase>['db'], userId: number) {
  const unit = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['units.id', 'units.path'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return { id: userId, unit };
}

/** Starts an attempt and plays the model answer (or `upTo` of its steps) through the service. */
async function play(
  db: ReturnType<typeof useTestDatabase>['db'],
  userId: number,
  opts: { mode?: 'practice' | 'assessment'; seed?: string; upTo?: number; start?: Date; scenarioId?: string } = {},
) {
  const scenarioId = opts.scenarioId ?? scenario.id;
  const definition = getScenario(scenarioId)!;
  const seed = opts.seed ?? 'seed-a';
  const started = await startDrill(db, userId, {
    scenarioId,
    mode: opts.mode ?? 'practice',
    seed,
    now: opts.start ?? T0,
  });
  if (!started.ok) throw new Error(started.reason);
  const answer = definition.modelAnswer(definition.fixture(seed)).slice(0, opts.upTo);
  let t = (opts.start ?? T0).getTime();
  for (const [version, step] of answer.entries()) {
    t += 60_000;
    const result = await submitDrillStep(db, userId, started.attemptId, {
      stepId: step.stepId,
      values: step.values,
      version,
      now: new Date(t),
    });
    if (!result.ok) throw new Error(result.reason);
  }
  return { attemptId: started.attemptId, seed, answer, lastTime: new Date(t) };
}

describe('attempts', () => {
  it('record the model answer as an event log, score 100 and pass', async () => {
    const { db } = useTestDatabase();
    const userId = await officer(db);
    const { attemptId, answer } = await play(db, userId);
    const attempt = (await findOwnAttempt(db, userId, attemptId))!;
    expect(attempt).toMatchObject({
      status: 'finished',
      score: 100,
      passed: 1,
      event_count: answer.length,
      error_codes: '[]',
    });
    const events = await db
      .selectFrom('attempt_events')
      .selectAll()
      .where('attempt_id', '=', attemptId)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.seq)).toEqual(answer.map((_, i) => i + 1));
    expect(JSON.parse(events[0]!.form_values_json!)).toEqual(answer[0]!.values);
  });

  it('the stored events, replayed, rebuild the state exactly; the stored snapshot is a cache the log corrects', async () => {
    const { db, location } = useTestDatabase();
    const userId = await officer(db);
    const { attemptId } = await play(db, userId, { upTo: 3 });
    const attempt = (await findOwnAttempt(db, userId, attemptId))!;
    const replayed = await replayStoredLog(db, attempt);
    // This process's hot state, and a second connection that has none (another process, or this one
    // after a restart): the stored snapshot (behind: it is rewritten every SNAPSHOT_EVERY_EVENTS) plus the log.
    expect(JSON.parse(attempt.state_json).events.length).toBeLessThan(3);
    expect(await loadAttemptState(db, attempt)).toEqual(replayed);
    const other = connectDatabase(location);
    try {
      expect(await loadAttemptState(other, attempt)).toEqual(replayed);
      // Each time through a new connection: one with no hot state, which must read the snapshot.
      const fresh = async () => {
        const reader = connectDatabase(location);
        try {
          return await loadAttemptState(reader, (await findOwnAttempt(reader, userId, attemptId))!);
        } finally {
          await reader.destroy();
        }
      };
      // A snapshot that does not match the log is ignored: the log is the record.
      await db
        .updateTable('attempts')
        .set({ state_json: JSON.stringify({ ...replayed, events: [] }) })
        .where('id', '=', attemptId)
        .execute();
      expect(await fresh()).toEqual(replayed);
      const wrongFirst = { ...replayed.events[0]!, at: minutes(30).toISOString() };
      await db
        .updateTable('attempts')
        .set({ state_json: JSON.stringify({ ...replayed, events: [wrongFirst] }) })
        .where('id', '=', attemptId)
        .execute();
      expect(await fresh()).toEqual(replayed);
    } finally {
      await other.destroy();
    }
  });

  it(`the stored snapshot is rewritten every ${SNAPSHOT_EVERY_EVENTS} events and at the finish, and always replays to the log`, async () => {
    const { db, location } = useTestDatabase();
    const userId = await officer(db);
    const long = listScenarios().find((s) => s.modelAnswer(s.fixture('seed-a')).length > SNAPSHOT_EVERY_EVENTS)!;
    const answer = long.modelAnswer(long.fixture('seed-a'));
    const { attemptId } = await play(db, userId, { scenarioId: long.id, upTo: 0 });
    const other = connectDatabase(location);
    try {
      for (const [version, step] of answer.entries()) {
        const result = await submitDrillStep(db, userId, attemptId, {
          stepId: step.stepId,
          values: step.values,
          version,
          now: minutes(version + 1),
        });
        expect(result.ok).toBe(true);
        const row = (await findOwnAttempt(db, userId, attemptId))!;
        const snapshotEvents = (JSON.parse(row.state_json) as AttemptState).events.length;
        const finished = row.status === 'finished';
        expect(snapshotEvents).toBe(
          finished ? version + 1 : Math.floor((version + 1) / SNAPSHOT_EVERY_EVENTS) * SNAPSHOT_EVERY_EVENTS,
        );
        // Whatever the snapshot holds, a reader without the hot state rebuilds the same state.
        const replayed = await replayStoredLog(db, row);
        expect(await loadAttemptState(other, row)).toEqual(replayed);
        if (finished) expect(JSON.parse(row.state_json)).toEqual(replayed);
      }
    } finally {
      await other.destroy();
    }
  });

  it('a step taken through another connection (another process) is seen: the hot state is checked against the version', async () => {
    const { db, location } = useTestDatabase();
    const userId = await officer(db);
    const { attemptId, seed } = await play(db, userId, { upTo: 1 });
    const answer = scenario.modelAnswer(scenario.fixture(seed));
    // This connection now holds the attempt at version 1; the other takes step 2.
    expect((await getDrillView(db, userId, attemptId, null))!.kind).toBe('drill');
    const other = connectDatabase(location);
    try {
      const second = await submitDrillStep(other, userId, attemptId, {
        stepId: answer[1]!.stepId,
        values: answer[1]!.values,
        version: 1,
        now: minutes(2),
      });
      expect(second.ok).toBe(true);
    } finally {
      await other.destroy();
    }
    const third = await submitDrillStep(db, userId, attemptId, {
      stepId: answer[2]!.stepId,
      values: answer[2]!.values,
      version: 2,
      now: minutes(3),
    });
    expect(third.ok).toBe(true);
    const view = (await getDrillView(db, userId, attemptId, null))!;
    expect(view.kind === 'drill' && view.attempt.version).toBe(3);
    const seqs = await db.selectFrom('attempt_events').select('seq').where('attempt_id', '=', attemptId).execute();
    expect(seqs.map((r) => r.seq).sort()).toEqual([1, 2, 3]);
  });

  it('a stale version (double click, old tab, replayed POST) is refused and applied at most once', async () => {
    const { db } = useTestDatabase();
    const userId = await officer(db);
    const { attemptId, seed } = await play(db, userId, { upTo: 0 });
    const [first] = scenario.modelAnswer(scenario.fixture(seed));
    const submit = () =>
      submitDrillStep(db, userId, attemptId, {
        stepId: first!.stepId,
        values: first!.values,
        version: 0,
        now: minutes(1),
      });
    const results = await Promise.all([submit(), submit()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, status: 409 });
    expect((await findOwnAttempt(db, userId, attemptId))!.event_count).toBe(1);
  });

  // On PostgreSQL the pool runs these side by side (real concurrency); on SQLite they take turns.
  it('eight submits of one version at once: one is applied, seven are refused as stale, none fails', async () => {
    const { db } = useTestDatabase();
    const userId = await officer(db);
    const { attemptId, seed } = await play(db, userId, { upTo: 1 });
    const second = scenario.modelAnswer(scenario.fixture(seed))[1]!;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        submitDrillStep(db, userId, attemptId, {
          stepId: second.stepId,
          values: second.values,
          version: 1,
          now: minutes(3),
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.status === 409)).toHaveLength(7);
    const events = await db.selectFrom('attempt_events').select('seq').where('attempt_id', '=', attemptId).execute();
    expect(events.map((e) => e.seq).sort((a, b) => a - b)).toEqual([1, 2]);
  });

  it('two attempts of one officer and skill finishing at once both count in the rollups, as a rebuild counts them', async () => {
    const { db } = useTestDatabase();
    const userId = await officer(db);
    const answer = scenario.modelAnswer(scenario.fixture('seed-a'));
    const a = await play(db, userId, { upTo: answer.length - 1, seed: 'seed-a' });
    const b = await play(db, userId, { upTo: answer.length - 1, seed: 'seed-b' });
    const finish = async (run: typeof a) => {
      const last = run.answer.length;
      const step = scenario.modelAnswer(scenario.fixture(run.seed))[last]!;
      const submitted = await submitDrillStep(db, userId, run.attemptId, {
        stepId: step.stepId,
        values: step.values,
        version: last,
        now: minutes(60),
      });
      if (!submitted.ok) throw new Error(submitted.reason);
      if (!submitted.finished) {
        const handedIn = await handIn(db, userId, run.attemptId, { version: last + 1, now: minutes(61) });
        if (!handedIn.ok) throw new Error(handedIn.reason);
      }
    };
    await Promise.all([finish(a), finish(b)]);
    const incremental = await listMastery(db, userId);
    expect(incremental.find((m) => m.skill === scenario.skill)?.attempts).toBe(2);
    await rebuildRollups(db);
    expect(await listMastery(db, userId)).toEqual(incremental);
  });

  it('invalid values are refused with field errors and nothing is stored', async () => {
    const { db } = useTestDatabase();
    const userId = await officer(db);
    const { attemptId, seed } = await play(db, userId, { upTo: 0 });
    const [first] = scenario.modelAnswer(scenario.fixture(seed));
    const empty = Object.fromEntries(Object.keys(first!.values).map((k) => [k, '']));
    const result = await submitDrillStep(db, userId, attemptId, {
      stepId: first!.stepId,
      values: empty,
      version: 0,
      now: minutes(1),
    });
    expect(result).toMatchObject({ ok: false, status: 400 });
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}).length).toBeGreaterThan(0);
    expect(await db.selectFrom('attempt_events').selectAll().execute()).toEqual([]);
  });

  it('another officer’s attempt is as good as missing', async () => {
    const { db } = useTestDatabase();
    const owner = await officer(db);
    const other = (
      await db.selectFrom('users').select('id').where('username', '=', 'zf130322002').executeTakeFirstOrThrow()
    ).id;
    const { attemptId } = await play(db, owner, { upTo: 0 });
    expect(await submitDrillStep(db, other, attemptId, { stepId: 'x', values: {}, version: 0 })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await getAttemptResult(db, other, attemptId)).toBeNull();
  });

  it('an assessment past its time limit refuses the submission and is handed in as timed out', async () => {
    const { db } = useTestDatabase();
    const userId = await officer(db);
    const limit = scenario.assessmentTimeLimitMinutes!;
    const { attemptId, seed } = await play(db, userId, { mode: 'assessment', upTo: 1 });
    const second = scenario.modelAnswer(scenario.fixture(seed))[1]!;
    const late = await submitDrillStep(db, userId, attemptId, {
      stepId: second.stepId,
      values: second.values,
      version: 1,
      now: minutes(limit + 1),
    });
    expect(late).toMatchObject({ ok: false, status: 409 });
    const attempt = (await findOwnAttempt(db, userId, attemptId))!;
    expect(attempt.status).toBe('finished');
    expect(attempt.score).toBeLessThan(100);
    const state = JSON.parse(attempt.state_json) as AttemptState;
    expect(state.finishReason).toBe('timeUp');
  });

  it('an assessment left open past its deadline is handed in when it is next viewed', async () => {
    const { db } = useTestDatabase();
    const userId = await officer(db);
    const { attemptId } = await play(db, userId, { mode: 'assessment', upTo: 1 }); // started in March 2026
    const view = await getDrillView(db, userId, attemptId, null); // viewed now, long after the limit
    expect(view!.attempt.status).toBe('finished');
    const attempt = (await findOwnAttempt(db, userId, attemptId))!;
    expect((JSON.parse(attempt.state_json) as AttemptState).finishReason).toBe('timeUp');
    expect(attempt.score).not.toBeNull();
    // A practice attempt has no deadline and stays open.
    const practice = await play(db, userId, { mode: 'practice', upTo: 1, seed: 'p' });
    expect((await getDrillView(db, userId, practice.attemptId, null))!.attempt.status).toBe('active');
  });

  it('assessment feedback stays hidden until the end; practice hints cost their points', async () => {
    const { db } = useTestDatabase();
    const userId = await officer(db);
    const definition = listScenarios().find((s) => s.hints.length > 0)!;
    const started = await startDrill(db, userId, { scenarioId: definition.id, mode: 'practice', seed: 'h', now: T0 });
    if (!started.ok) throw new Error(started.reason);
    const hint = definition.hints[0]!;
    expect(
      await takeHint(db, userId, started.attemptId, { hintId: hint.id, version: 0, now: minutes(1) }),
    ).toMatchObject({ ok: true });
    const handedIn = await handIn(db, userId, started.attemptId, { version: 1, now: minutes(2) });
    expect(handedIn).toMatchObject({ ok: true, finished: true });
    const result = (await getAttemptResult(db, userId, started.attemptId))!;
    if (result.kind !== 'scored') throw new Error('expected a scored result');
    expect(result.score.hintDeduction).toBe(hint.cost);

    const assessment = await startDrill(db, userId, {
      scenarioId: scenario.id,
      mode: 'assessment',
      seed: 'x',
      now: T0,
    });
    if (!assessment.ok) throw new Error(assessment.reason);
    expect(
      await takeHint(db, userId, assessment.attemptId, {
        hintId: scenario.hints[0]?.id ?? 'any',
        version: 0,
        now: minutes(1),
      }),
    ).toMatchObject({
      ok: false,
      status: 400,
    });
    const [first] = scenario.modelAnswer(scenario.fixture('x'));
    const step = await submitDrillStep(db, userId, assessment.attemptId, {
      stepId: first!.stepId,
      values: first!.values,
      version: 0,
      now: minutes(1),
    });
    expect(step).toMatchObject({ ok: true, feedback: [] });
  });
});

describe('mastery', () => {
  it('needs assessment passes on two different seeds within 180 days, and lapses after', () => {
    expect(masteredUntil([])).toBeNull();
    expect(masteredUntil([{ seed: 'a', at: '2026-01-01T00:00:00.000Z' }])).toBeNull();
    expect(
      masteredUntil([
        { seed: 'a', at: '2026-01-01T00:00:00.000Z' },
        { seed: 'a', at: '2026-02-01T00:00:00.000Z' },
      ]),
    ).toBeNull();
    expect(
      masteredUntil([
        { seed: 'a', at: '2026-01-01T00:00:00.000Z' },
        { seed: 'b', at: '2026-02-01T00:00:00.000Z' },
      ]),
    ).toBe('2026-06-30T00:00:00.000Z');
    expect(isMastered({ mastered_until: '2026-06-30T00:00:00.000Z' }, new Date('2026-06-29T00:00:00.000Z'))).toBe(true);
    expect(isMastered({ mastered_until: '2026-06-30T00:00:00.000Z' }, new Date('2026-07-01T00:00:00.000Z'))).toBe(
      false,
    );
  });

  it('is updated when attempts finish: practice counts as activity, two assessment passes master the skill', async () => {
    const { db } = useTestDatabase();
    const userId = await officer(db);
    await play(db, userId, { mode: 'practice', seed: 'p' });
    let [row] = await listMastery(db, userId);
    expect(row).toMatchObject({ skill: scenario.skill, attempts: 1, best_score: 100, mastered_until: null });

    await play(db, userId, { mode: 'assessment', seed: 'a', start: minutes(10) });
    [row] = await listMastery(db, userId);
    expect(row).toMatchObject({ attempts: 2, mastered_until: null });

    const { lastTime } = await play(db, userId, { mode: 'assessment', seed: 'b', start: minutes(60) });
    [row] = await listMastery(db, userId);
    expect(row!.attempts).toBe(3);
    expect(JSON.parse(row!.passes_json).map((p: { seed: string }) => p.seed)).toEqual(['a', 'b']);
    expect(isMastered(row!, lastTime)).toBe(true);
  });
});

describe('assessment integrity (issue 15)', () => {
  const withHints = listScenarios().find((s) => s.hints.length > 0 && s.assessmentTimeLimitMinutes)!;
  const other = listScenarios().find((s) => s.id !== withHints.id)!;

  it('while an assessment is open, practice, hints and the demo of that scenario are refused (403, in Chinese)', async () => {
    const { db } = useTestDatabase();
    const userId = await officer(db);
    const practice = await startDrill(db, userId, { scenarioId: withHints.id, mode: 'practice', seed: 'p', now: T0 });
    if (!practice.ok) throw new Error(practice.reason);
    const assessment = await startDrill(db, userId, {
      scenarioId: withHints.id,
      mode: 'assessment',
      seed: 'a',
      now: minutes(1),
    });
    if (!assessment.ok) throw new Error(assessment.reason);

    const again = await startDrill(db, userId, { scenarioId: withHints.id, mode: 'practice', now: minutes(2) });
    expect(again).toMatchObject({ ok: false, status: 403 });
    if (!again.ok) expect(again.reason).toMatch(/您正在进行本场景的考核（截止时间：.+），考核结束前不能开始练习/);
    const hint = await takeHint(db, userId, practice.attemptId, {
      hintId: withHints.hints[0]!.id,
      version: 0,
      now: minutes(2),
    });
    expect(hint).toMatchObject({ ok: false, status: 403 });
    if (!hint.ok) expect(hint.reason).toContain('考核结束前不能查看提示');
    expect((await findOwnAttempt(db, userId, practice.attemptId))!.hints_used).toBe(0);
    const demo = await getDemoFor(db, await officerWithUnit(db, userId), withHints.id, 0, null, minutes(2));
    expect(demo).toMatchObject({ ok: false, status: 403 });
    if (demo && !demo.ok) expect(demo.reason).toContain('考核结束前不能查看演示');
    expect(await openAssessmentOf(db, userId, withHints.id, minutes(2))).toMatchObject({ status: 403 });

    // Other scenarios, and other officers, are not affected.
    expect(await startDrill(db, userId, { scenarioId: other.id, mode: 'practice', now: minutes(2) })).toMatchObject({
      ok: true,
    });
    expect(await getDemoFor(db, await officerWithUnit(db, userId), other.id, 0, null, minutes(2))).toMatchObject({
      ok: true,
    });
    const colleague = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'officer')
      .where('id', '!=', userId)
      .executeTakeFirstOrThrow();
    expect(await openAssessmentOf(db, colleague.id, withHints.id, minutes(2))).toBeNull();

    // Past its deadline the assessment no longer closes anything (it is handed in when next seen).
    const after = minutes(1 + withHints.assessmentTimeLimitMinutes! + 1);
    expect(await openAssessmentOf(db, userId, withHints.id, after)).toBeNull();
    expect(await getDemoFor(db, await officerWithUnit(db, userId), withHints.id, 0, null, after)).toMatchObject({
      ok: true,
    });

    // Handed in: everything opens again.
    expect(await handIn(db, userId, assessment.attemptId, { version: 0, now: minutes(3) })).toMatchObject({
      ok: true,
    });
    expect(
      await takeHint(db, userId, practice.attemptId, { hintId: withHints.hints[0]!.id, version: 0, now: minutes(4) }),
    ).toMatchObject({ ok: true });
    expect(await startDrill(db, userId, { scenarioId: withHints.id, mode: 'practice', now: minutes(4) })).toMatchObject(
      { ok: true },
    );
  });

  it('the drill page of a practice attempt shows why its hints are closed', async () => {
    const { db } = useTestDatabase();
    const userId = await officer(db);
    const now = new Date();
    const practice = await startDrill(db, userId, { scenarioId: withHints.id, mode: 'practice', now });
    if (!practice.ok) throw new Error(practice.reason);
    expect((await getDrillView(db, userId, practice.attemptId, null)) as { hintsClosed: string | null }).toMatchObject({
      hintsClosed: null,
    });
    const assessment = await startDrill(db, userId, { scenarioId: withHints.id, mode: 'assessment', now });
    if (!assessment.ok) throw new Error(assessment.reason);
    const view = (await getDrillView(db, userId, practice.attemptId, null)) as { hintsClosed: string | null };
    expect(view.hintsClosed).toContain('考核结束前不能查看提示');
    const own = await getDrillView(db, userId, assessment.attemptId, null);
    expect(own).toMatchObject({ kind: 'drill', attempt: { status: 'active' } });
  });
});
