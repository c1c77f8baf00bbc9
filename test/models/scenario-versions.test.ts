import { describe, expect, it } from 'vitest';
import {
  closeOutdatedAttempts,
  findOwnAttempt,
  getAttemptDocuments,
  getAttemptResult,
  getAttemptResultInScope,
  getDrillView,
  handIn,
  listOwnAttempts,
  startDrill,
  submitDrillStep,
  takeHint,
} from '../../app/models/attempt.server';
import { createAssignment, newAssignmentFormToken } from '../../app/models/assignment/commands.server';
import { getAssignmentFollowUp } from '../../app/models/assignment/follow-up.server';
import { listOfficerAssignments, startAssignedDrill } from '../../app/models/assignment/officer-tasks.server';
import { getOfficerReadiness } from '../../app/models/readiness.server';
import { rebuildRollups } from '../../app/models/rollups.server';
import { listScenarios } from '../../scenarios/index';
import { useTestDatabase } from '../support/db';
import { allRollupRows } from '../support/rollups';

type Db = ReturnType<typeof useTestDatabase>['db'];

const T0 = new Date('2026-03-02T01:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
// A scenario this release moved to version 2, with hints (so a hint can be refused too).
const scenario = listScenarios().find((s) => s.version >= 2 && s.hints.length > 0)!;

async function user(db: Db, username: string) {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.role', 'units.id as unit_id', 'units.path', 'units.code'])
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();
  return { id: row.id, role: row.role, unit: { id: row.unit_id, path: row.path, code: row.code } };
}

/** Starts an attempt (or takes `attemptId`) and submits the first `upTo` steps of the model answer. */
async function play(
  db: Db,
  userId: number,
  opts: { seed: string; mode?: 'practice' | 'assessment'; upTo?: number; attemptId?: number },
) {
  let attemptId = opts.attemptId;
  if (attemptId === undefined) {
    const started = await startDrill(db, userId, {
      scenarioId: scenario.id,
      mode: opts.mode ?? 'practice',
      seed: opts.seed,
      now: T0,
    });
    if (!started.ok) throw new Error(started.reason);
    attemptId = started.attemptId;
  }
  const answer = scenario.modelAnswer(scenario.fixture(opts.seed)).slice(0, opts.upTo);
  for (const [version, step] of answer.entries()) {
    const result = await submitDrillStep(db, userId, attemptId, {
      stepId: step.stepId,
      values: step.values,
      version,
      now: minutes(version + 1),
    });
    if (!result.ok) throw new Error(result.reason);
  }
  return attemptId;
}

/** What an upgrade leaves behind: the attempt as recorded under the previous version of its scenario. */
async function recordUnderPreviousVersion(db: Db, attemptId: number) {
  await db
    .updateTable('attempts')
    .set({ scenario_version: scenario.version - 1 })
    .where('id', '=', attemptId)
    .execute();
}

async function rowAndEvents(db: Db, attemptId: number) {
  return {
    row: await db.selectFrom('attempts').selectAll().where('id', '=', attemptId).executeTakeFirstOrThrow(),
    events: await db
      .selectFrom('attempt_events')
      .selectAll()
      .where('attempt_id', '=', attemptId)
      .orderBy('seq')
      .execute(),
  };
}

/** Every submission an officer can make on the attempt, at the version the page was built on. */
async function submitEverything(db: Db, userId: number, attemptId: number, seed: string, version: number) {
  const step =
    scenario.modelAnswer(scenario.fixture(seed))[version] ?? scenario.modelAnswer(scenario.fixture(seed))[0]!;
  return [
    await submitDrillStep(db, userId, attemptId, {
      stepId: step.stepId,
      values: step.values,
      version,
      now: minutes(30),
    }),
    await takeHint(db, userId, attemptId, { hintId: scenario.hints[0]!.id, version, now: minutes(30) }),
    await handIn(db, userId, attemptId, { version, now: minutes(30) }),
  ];
}

describe('an attempt recorded under an older scenario version', () => {
  it('finished: keeps its stored result, is shown without re-scoring, and takes no more submissions', async () => {
    const { db } = useTestDatabase();
    const officer = await user(db, 'changli.officer');
    const manager = await user(db, 'admin');
    // A mistake in one rubric item, so the stored result has a lost error code to show.
    const fixture = scenario.fixture('old-finished');
    const answer = scenario.rubric[0]!.mistake.apply(scenario.modelAnswer(fixture), fixture);
    const started = await startDrill(db, officer.id, {
      scenarioId: scenario.id,
      mode: 'assessment',
      seed: 'old-finished',
      now: T0,
    });
    if (!started.ok) throw new Error(started.reason);
    for (const [version, step] of answer.entries()) {
      const r = await submitDrillStep(db, officer.id, started.attemptId, {
        stepId: step.stepId,
        values: step.values,
        version,
        now: minutes(version + 1),
      });
      if (!r.ok) throw new Error(r.reason);
      if (r.finished) break;
    }
    let stored = (await findOwnAttempt(db, officer.id, started.attemptId))!;
    if (stored.status !== 'finished') {
      await handIn(db, officer.id, started.attemptId, { version: stored.event_count, now: minutes(40) });
      stored = (await findOwnAttempt(db, officer.id, started.attemptId))!;
    }
    expect(stored.status).toBe('finished');
    const storedCodes = JSON.parse(stored.error_codes) as string[];
    expect(storedCodes.length).toBeGreaterThan(0);
    await recordUnderPreviousVersion(db, started.attemptId);
    const before = await rowAndEvents(db, started.attemptId);
    const rollupsBefore = await allRollupRows(db);

    const result = (await getAttemptResult(db, officer.id, started.attemptId))!;
    expect(result.kind).toBe('recorded');
    if (result.kind !== 'recorded') return;
    expect(result).toMatchObject({
      total: stored.score,
      passed: stored.passed === 1,
      change: { recorded: scenario.version - 1, current: scenario.version },
      attempt: { status: 'finished', closed: false, finishedAt: stored.finished_at, passMark: stored.pass_mark },
    });
    expect(result.errors.map((e) => e.code)).toEqual(storedCodes);
    expect(result.note).toContain(`按场景第${scenario.version - 1}版评定`);
    expect(result.note).toContain(`第${scenario.version}版`);
    const workflowEvents = before.events.filter(
      (e) => (JSON.parse(e.event_json) as { kind: string }).kind === 'workflow',
    );
    expect(result.steps.map((s) => s.seq)).toEqual(workflowEvents.map((e) => e.seq));
    expect(result).not.toHaveProperty('score'); // no re-evaluation with today's rubric

    const inScope = (await getAttemptResultInScope(db, manager.unit, started.attemptId))!;
    expect(inScope).toMatchObject({ kind: 'recorded', total: stored.score, officer: { id: officer.id } });

    const documents = (await getAttemptDocuments(db, officer.id, started.attemptId))!;
    expect(documents.documents).toEqual([]);
    expect(documents.note).toContain('不再提供');

    const view = (await getDrillView(db, officer.id, started.attemptId, null))!;
    expect(view).toMatchObject({ kind: 'outdated', attempt: { status: 'finished', closed: false } });

    for (const refused of await submitEverything(
      db,
      officer.id,
      started.attemptId,
      'old-finished',
      stored.event_count,
    )) {
      expect(refused).toMatchObject({ ok: false, status: 409 });
    }
    // Nothing the officer earned is touched: row, log and rollups as they were.
    expect(await rowAndEvents(db, started.attemptId)).toEqual(before);
    expect(await allRollupRows(db)).toEqual(rollupsBefore);
    expect((await listOwnAttempts(db, officer.id)).find((a) => a.id === started.attemptId)).toMatchObject({
      score: stored.score,
      closed_reason: null,
    });
  });

  it('finished: a cached snapshot that no longer reads degrades to a missing detail, not an error', async () => {
    const { db } = useTestDatabase();
    const officer = await user(db, 'changli.officer');
    const attemptId = await play(db, officer.id, { seed: 'broken-cache' });
    const stored = (await findOwnAttempt(db, officer.id, attemptId))!;
    expect(stored.status).toBe('finished');
    await recordUnderPreviousVersion(db, attemptId);
    await db.updateTable('attempts').set({ state_json: '{"snapshot": {' }).where('id', '=', attemptId).execute();
    await db
      .updateTable('attempt_events')
      .set({ event_json: 'not json' })
      .where('attempt_id', '=', attemptId)
      .where('seq', '=', 1)
      .execute();

    const result = (await getAttemptResult(db, officer.id, attemptId))!;
    expect(result).toMatchObject({ kind: 'recorded', total: stored.score, attempt: { finishReason: null } });
    if (result.kind !== 'recorded') return;
    expect(result.steps.map((s) => s.seq)).not.toContain(1);
    expect(result.steps.length).toBe(stored.event_count - 1);
  });

  it('active: refuses every submission, is closed when opened (no score, rollups unchanged) and can be started again', async () => {
    const { db } = useTestDatabase();
    const officer = await user(db, 'changli.officer');
    const manager = await user(db, 'admin');
    const attemptId = await play(db, officer.id, { seed: 'old-active', upTo: 2 });
    await recordUnderPreviousVersion(db, attemptId);
    const before = await rowAndEvents(db, attemptId);
    const rollupsBefore = await allRollupRows(db);

    const refusals = await submitEverything(db, officer.id, attemptId, 'old-active', 2);
    for (const refused of refusals) {
      expect(refused).toMatchObject({ ok: false, status: 409 });
      if (!refused.ok) expect(refused.reason).toContain(`第${scenario.version - 1}版`);
    }
    expect(await rowAndEvents(db, attemptId)).toEqual(before);

    // Managers can open it before the officer does; nothing is scored with today's rubric.
    const early = (await getAttemptResultInScope(db, manager.unit, attemptId))!;
    expect(early).toMatchObject({ kind: 'recorded', total: null, attempt: { status: 'active' } });

    const view = (await getDrillView(db, officer.id, attemptId, null))!;
    expect(view.kind).toBe('outdated');
    if (view.kind !== 'outdated') return;
    expect(view.attempt).toMatchObject({ status: 'finished', closed: true });
    expect(view.notice).toContain(`按场景第${scenario.version - 1}版开始`);
    expect(view.notice).toContain(`更新到第${scenario.version}版`);
    expect(view.restart).toEqual({ action: '/drills/start', scenarioId: scenario.id, mode: 'practice' });

    const closed = await rowAndEvents(db, attemptId);
    expect(closed.row).toMatchObject({
      status: 'finished',
      closed_reason: 'scenarioUpdated',
      score: null,
      passed: null,
      error_codes: '[]',
    });
    expect(closed.row.finished_at).not.toBeNull();
    // The record stays as it was: the log and the cached snapshot.
    expect(closed.events).toEqual(before.events);
    expect(closed.row.state_json).toBe(before.row.state_json);
    expect(closed.row.event_count).toBe(before.row.event_count);
    // Closing scores nothing, and the rebuild agrees with the incremental rollups.
    expect(await allRollupRows(db)).toEqual(rollupsBefore);
    await rebuildRollups(db);
    expect(await allRollupRows(db)).toEqual(rollupsBefore);

    // Opening it again changes nothing more; submissions stay refused.
    expect(await getDrillView(db, officer.id, attemptId, null)).toEqual(view);
    for (const refused of await submitEverything(db, officer.id, attemptId, 'old-active', 2)) {
      expect(refused).toMatchObject({ ok: false, status: 409 });
    }
    expect(await rowAndEvents(db, attemptId)).toEqual(closed);

    const result = (await getAttemptResult(db, officer.id, attemptId))!;
    expect(result).toMatchObject({
      kind: 'recorded',
      total: null,
      passed: false,
      attempt: { closed: true },
      errors: [],
    });
    if (result.kind === 'recorded') expect(result.steps).toHaveLength(2);
    expect((await getAttemptResultInScope(db, manager.unit, attemptId))!).toMatchObject({
      kind: 'recorded',
      attempt: { closed: true },
    });
    expect((await getAttemptDocuments(db, officer.id, attemptId))!.documents).toEqual([]);
    const readiness = (await getOfficerReadiness(db, manager.unit, officer.id))!;
    expect(readiness.attempts.find((a) => a.id === attemptId)).toMatchObject({
      status: 'finished',
      closed_reason: 'scenarioUpdated',
      score: null,
    });

    // Starting again (the page's form) gives a fresh attempt under the current version.
    const again = await startDrill(db, officer.id, {
      scenarioId: scenario.id,
      mode: 'practice',
      seed: 'old-active',
      now: minutes(60),
    });
    if (!again.ok) throw new Error(again.reason);
    expect((await findOwnAttempt(db, officer.id, again.attemptId))!).toMatchObject({
      status: 'active',
      scenario_version: scenario.version,
    });
    expect(await getDrillView(db, officer.id, again.attemptId, null)).toMatchObject({
      kind: 'drill',
      attempt: { status: 'active' },
    });
  });

  it('active assessment past its deadline: closed, not handed in and scored under the new rubric', async () => {
    const { db } = useTestDatabase();
    const officer = await user(db, 'changli.officer');
    const attemptId = await play(db, officer.id, { seed: 'old-late', mode: 'assessment', upTo: 1 });
    await recordUnderPreviousVersion(db, attemptId);
    const view = await getDrillView(db, officer.id, attemptId, null); // viewed long after its deadline
    expect(view).toMatchObject({ kind: 'outdated', attempt: { closed: true }, restart: { mode: 'assessment' } });
    expect((await findOwnAttempt(db, officer.id, attemptId))!).toMatchObject({
      score: null,
      closed_reason: 'scenarioUpdated',
      event_count: 1,
    });
  });

  it('the start-up pass closes only unfinished attempts of another version', async () => {
    const { db } = useTestDatabase();
    const officer = await user(db, 'changli.officer');
    const oldActive = await play(db, officer.id, { seed: 'a', upTo: 1 });
    const oldFinished = await play(db, officer.id, { seed: 'b' });
    const current = await play(db, officer.id, { seed: 'c', upTo: 1 });
    await recordUnderPreviousVersion(db, oldActive);
    await recordUnderPreviousVersion(db, oldFinished);
    const finishedBefore = await rowAndEvents(db, oldFinished);

    expect(await closeOutdatedAttempts(db, { now: minutes(90) })).toBe(1);
    expect((await findOwnAttempt(db, officer.id, oldActive))!).toMatchObject({
      status: 'finished',
      closed_reason: 'scenarioUpdated',
      finished_at: minutes(90).toISOString(),
    });
    expect(await rowAndEvents(db, oldFinished)).toEqual(finishedBefore);
    expect((await findOwnAttempt(db, officer.id, current))!).toMatchObject({ status: 'active', closed_reason: null });
    expect(await closeOutdatedAttempts(db)).toBe(0);
  });

  it('from an assignment: restarting closes it, does not resume it, and it costs none of the attempts allowed', async () => {
    const { db } = useTestDatabase();
    const trainer = await user(db, 'trainer');
    const officer = await user(db, 'changli.officer');
    const created = await createAssignment(
      db,
      trainer,
      {
        formToken: newAssignmentFormToken(),
        title: '',
        scenarioIds: [scenario.id],
        unitCodes: [],
        officerUsernames: ['changli.officer'],
        mode: 'assessment',
        passMark: 80,
        opensAt: T0.toISOString(),
        dueAt: minutes(7 * 24 * 60).toISOString(),
        attemptsAllowed: 1,
        note: '',
        competition: false,
      },
      T0,
    );
    if (!created.ok) throw new Error(created.message);
    const now = T0;
    const first = await startAssignedDrill(db, officer, created.id, scenario.id, now);
    if (!first.ok) throw new Error(first.reason);
    const seed = (await findOwnAttempt(db, officer.id, first.attemptId))!.seed;
    await play(db, officer.id, { seed, attemptId: first.attemptId, upTo: 1 });
    await recordUnderPreviousVersion(db, first.attemptId);

    // Before it is closed the home page still points at it; the drill page then closes it.
    const view = await getDrillView(db, officer.id, first.attemptId, null);
    expect(view).toMatchObject({
      kind: 'outdated',
      restart: { action: `/assignments/${created.id}/start`, scenarioId: scenario.id, mode: null },
    });
    if (view?.kind === 'outdated') expect(view.notice).toContain('不占用练兵任务的练兵次数');
    const [item] = await listOfficerAssignments(db, officer, now);
    expect(item).toMatchObject({ attemptsUsed: 0, activeAttemptId: null, canStart: true, status: 'notStarted' });
    const followUp = (await getAssignmentFollowUp(db, trainer.unit, created.id, { status: 'all', page: 1 }, now))!;
    expect(followUp.totals).toMatchObject({ started: 0, completed: 0 });

    const second = await startAssignedDrill(db, officer, created.id, scenario.id, now);
    expect(second).toMatchObject({ ok: true, resumed: false });
    if (!second.ok) return;
    expect(second.attemptId).not.toBe(first.attemptId);
    expect((await findOwnAttempt(db, officer.id, second.attemptId))!).toMatchObject({
      scenario_version: scenario.version,
      assignment_id: created.id,
      status: 'active',
    });
  });

  it('from an assignment, not yet opened: starting it again closes it instead of resuming it', async () => {
    const { db } = useTestDatabase();
    const trainer = await user(db, 'trainer');
    const officer = await user(db, 'changli.officer');
    const created = await createAssignment(
      db,
      trainer,
      {
        formToken: newAssignmentFormToken(),
        title: '',
        scenarioIds: [scenario.id],
        unitCodes: [],
        officerUsernames: ['changli.officer'],
        mode: 'practice',
        passMark: 80,
        opensAt: T0.toISOString(),
        dueAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString(),
        attemptsAllowed: 1,
        note: '',
        competition: false,
      },
      T0,
    );
    if (!created.ok) throw new Error(created.message);
    const first = await startAssignedDrill(db, officer, created.id, scenario.id);
    if (!first.ok) throw new Error(first.reason);
    await recordUnderPreviousVersion(db, first.attemptId);
    const second = await startAssignedDrill(db, officer, created.id, scenario.id);
    expect(second).toMatchObject({ ok: true, resumed: false });
    expect((await findOwnAttempt(db, officer.id, first.attemptId))!).toMatchObject({
      status: 'finished',
      closed_reason: 'scenarioUpdated',
    });
  });

  it('covers a scenario at version 1 too (recorded as version 0)', async () => {
    const { db } = useTestDatabase();
    const officer = await user(db, 'changli.officer');
    const v1 = listScenarios().find((s) => s.version === 1)!;
    const started = await startDrill(db, officer.id, { scenarioId: v1.id, mode: 'practice', seed: 'v0', now: T0 });
    if (!started.ok) throw new Error(started.reason);
    await db.updateTable('attempts').set({ scenario_version: 0 }).where('id', '=', started.attemptId).execute();
    const view = await getDrillView(db, officer.id, started.attemptId, null);
    expect(view).toMatchObject({ kind: 'outdated', change: { recorded: 0, current: 1 }, attempt: { closed: true } });
    const [first] = v1.modelAnswer(v1.fixture('v0'));
    expect(
      await submitDrillStep(db, officer.id, started.attemptId, {
        stepId: first!.stepId,
        values: first!.values,
        version: 0,
        now: minutes(1),
      }),
    ).toMatchObject({
      ok: false,
      status: 409,
    });
  });
});
