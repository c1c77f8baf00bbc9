import { describe, expect, it } from 'vitest';
import { getScenario, listScenarios } from '../../scenarios/index';
import { submitDrillStep } from '../../app/models/attempt.server';
import {
  changeAssignment,
  createAssignment,
  newAssignmentFormToken,
} from '../../app/models/assignment/commands.server';
import {
  getAssignmentFollowUp,
  listAssignmentAudit,
  listAssignmentsInScope,
  listOverdueByUnit,
} from '../../app/models/assignment/follow-up.server';
import {
  getRankingForOfficer,
  listOfficerAssignments,
  listOfficerReminders,
  startAssignedDrill,
} from '../../app/models/assignment/officer-tasks.server';
import { parseForm } from '../../app/utils/forms';
import { createAssignmentSchema, type CreateAssignmentInput } from '../../app/validation/assignment';
import { isUniqueViolation } from '../../db/dialect';
import { useTestDatabase } from '../support/db';

type Db = ReturnType<typeof useTestDatabase>['db'];

const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const scenario = listScenarios({ skill: 'inspection' })[0]!;
const other = listScenarios({ skill: 'onboarding' })[0]!;

async function actor(db: Db, username: string) {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.role', 'units.id as unit_id', 'units.path', 'units.code'])
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();
  return { id: row.id, role: row.role, unit: { id: row.unit_id, path: row.path, code: row.code } };
}

/** An officer on record of the unit (the n-th by id). */
async function officerOf(db: Db, unitCode: string, n = 0) {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select('users.username')
    .where('units.code', '=', unitCode)
    .where('users.role', '=', 'officer')
    .orderBy('users.id')
    .offset(n)
    .limit(1)
    .executeTakeFirstOrThrow();
  return actor(db, row.username);
}

const input = (over: Partial<CreateAssignmentInput> = {}): CreateAssignmentInput => ({
  formToken: newAssignmentFormToken(),
  title: '',
  scenarioIds: [scenario.id],
  unitCodes: ['130322'],
  officerUsernames: [],
  mode: 'assessment',
  passMark: 80,
  opensAt: T0.toISOString(),
  dueAt: at(7 * 24 * 60).toISOString(),
  attemptsAllowed: 2,
  note: '',
  competition: false,
  ...over,
});

/** Plays the scenario's model answer (or the first `upTo` steps) on an attempt. */
async function play(
  db: Db,
  userId: number,
  attemptId: number,
  seed: string,
  opts: { scenarioId?: string; upTo?: number; start?: number } = {},
) {
  const def = getScenario(opts.scenarioId ?? scenario.id)!;
  const answer = def.modelAnswer(def.fixture(seed)).slice(0, opts.upTo);
  let minute = opts.start ?? 1;
  for (const [version, step] of answer.entries()) {
    const result = await submitDrillStep(db, userId, attemptId, {
      stepId: step.stepId,
      values: step.values,
      version,
      now: at(minute++),
    });
    if (!result.ok) throw new Error(result.reason);
  }
}

async function seedOf(db: Db, attemptId: number) {
  return (await db.selectFrom('attempts').select('seed').where('id', '=', attemptId).executeTakeFirstOrThrow()).seed;
}

async function counts(db: Db) {
  const n = async (table: 'assignments' | 'assignment_targets' | 'assignment_scenarios' | 'audit_log') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    assignments: await n('assignments'),
    targets: await n('assignment_targets'),
    scenarios: await n('assignment_scenarios'),
    audit: await n('audit_log'),
  };
}

describe('assignments', () => {
  it('reach every officer of the targeted unit’s subtree — and only them — including officers who join later', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const created = await createAssignment(db, trainer, input(), T0);
    expect(created).toMatchObject({ ok: true });
    const changli = await actor(db, 'changli.officer');
    const lulong = await officerOf(db, '130324');
    expect(await listOfficerAssignments(db, changli, at(1))).toEqual([
      expect.objectContaining({
        scenarioId: scenario.id,
        mode: 'assessment',
        attemptsUsed: 0,
        attemptsAllowed: 2,
        bestScore: null,
        status: 'notStarted',
        canStart: true,
      }),
    ]);
    expect(await listOfficerAssignments(db, lulong, at(1))).toEqual([]);

    // An officer moved into 昌黎县 after the assignment was made receives it.
    const unit = await db.selectFrom('units').select('id').where('code', '=', '130322').executeTakeFirstOrThrow();
    await db.updateTable('users').set({ unit_id: unit.id }).where('id', '=', lulong.id).execute();
    const moved = await actor(
      db,
      (await db.selectFrom('users').select('username').where('id', '=', lulong.id).executeTakeFirstOrThrow()).username,
    );
    expect(await listOfficerAssignments(db, moved, at(1))).toHaveLength(1);
    const followUp = await getAssignmentFollowUp(
      db,
      trainer.unit,
      (created as { id: number }).id,
      { status: 'all', page: 1 },
      at(1),
    );
    expect(followUp!.totals.covered).toBe(47);
  });

  it('a city assigns to all its counties at once; officers chosen by name are added without duplicates', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const changli = await actor(db, 'changli.officer');
    const created = await createAssignment(
      db,
      trainer,
      input({ unitCodes: ['130300', '130322'], officerUsernames: ['changli.officer'] }),
      T0,
    );
    expect(created.ok).toBe(true);
    const followUp = await getAssignmentFollowUp(
      db,
      trainer.unit,
      (created as { id: number }).id,
      { status: 'all', page: 1 },
      at(1),
    );
    expect(followUp!.totals.covered).toBe(322);
    expect(followUp!.units).toHaveLength(9);
    expect(followUp!.units.reduce((sum, u) => sum + u.covered, 0)).toBe(322);
    expect(await listOfficerAssignments(db, changli, at(1))).toHaveLength(1);
  });

  it('refuse a unit or an officer outside the trainer’s subtree, an unknown scenario and a past due date; nothing is stored', async () => {
    const { db } = useTestDatabase();
    // A trainer of 秦皇岛市.
    const qhd = await db.selectFrom('units').select('id').where('code', '=', '130300').executeTakeFirstOrThrow();
    const { id: trainerId } = await db
      .insertInto('users')
      .values({
        username: 'qhd.trainer',
        display_name: '秦皇岛培训员',
        role: 'trainer',
        unit_id: qhd.id,
        password_hash: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const trainer = await actor(db, 'qhd.trainer');
    expect(trainer.id).toBe(trainerId);
    const tangshanOfficer = await officerOf(db, '130203');
    const username = (
      await db.selectFrom('users').select('username').where('id', '=', tangshanOfficer.id).executeTakeFirstOrThrow()
    ).username;
    const before = await counts(db);
    expect(await createAssignment(db, trainer, input({ unitCodes: ['130203'] }), T0)).toEqual({
      ok: false,
      field: 'unitCodes',
      message: '单位不存在或不在您的管辖范围内：130203',
    });
    expect(await createAssignment(db, trainer, input({ unitCodes: ['130000'] }), T0)).toMatchObject({
      ok: false,
      field: 'unitCodes',
    });
    expect(
      await createAssignment(db, trainer, input({ unitCodes: [], officerUsernames: [username] }), T0),
    ).toMatchObject({
      ok: false,
      field: 'officerUsernames',
      message: expect.stringContaining(username),
    });
    expect(
      await createAssignment(db, trainer, input({ unitCodes: [], officerUsernames: ['qhd.manager'] }), T0),
    ).toMatchObject({ ok: false, field: 'officerUsernames' });
    expect(await createAssignment(db, trainer, input({ scenarioIds: ['no-such-scenario'] }), T0)).toMatchObject({
      ok: false,
      field: 'scenarioIds',
    });
    expect(
      await createAssignment(db, trainer, input({ dueAt: at(-1).toISOString(), opensAt: at(-10).toISOString() }), T0),
    ).toMatchObject({ ok: false, field: 'dueAt' });
    expect(await counts(db)).toEqual(before);
  });

  it('the form schema refuses every invalid field with its Chinese message', () => {
    const form = (fields: Record<string, string | string[]>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) data.append(k, x);
      return parseForm(createAssignmentSchema, data);
    };
    const valid = {
      formToken: 'a'.repeat(22),
      scenarioIds: scenario.id,
      unitCodes: '130322',
      mode: 'assessment',
      passMark: '80',
      opensAt: '2026-03-02T09:00',
      dueAt: '2026-03-09T18:00',
      attemptsAllowed: '2',
    };
    const ok = form(valid);
    expect(ok.success).toBe(true);
    if (ok.success)
      expect(ok.data).toMatchObject({
        opensAt: '2026-03-02T01:00:00.000Z',
        dueAt: '2026-03-09T10:00:00.000Z',
        scenarioIds: [scenario.id],
        unitCodes: ['130322'],
      });
    const errorsOf = (fields: Record<string, string | string[]>) => {
      const r = form(fields);
      return r.success ? {} : r.fieldErrors;
    };
    expect(errorsOf({ ...valid, passMark: '101' }).passMark).toEqual(['合格分数线须为 0–100 的整数']);
    expect(errorsOf({ ...valid, passMark: '-1' }).passMark).toEqual(['合格分数线须为 0–100 的整数']);
    expect(errorsOf({ ...valid, passMark: 'abc' }).passMark).toEqual(['合格分数线须为 0–100 的整数']);
    expect(errorsOf({ ...valid, dueAt: '2026-03-01T09:00' }).dueAt).toEqual(['截止时间须晚于开始时间']);
    expect(errorsOf({ ...valid, dueAt: '' }).dueAt).toEqual(['请填写截止时间']);
    expect(errorsOf({ ...valid, opensAt: '明天' }).opensAt).toEqual(['开始时间格式不正确（应为 年-月-日 时:分）']);
    expect(errorsOf({ ...valid, attemptsAllowed: '0' }).attemptsAllowed).toEqual(['允许次数须为 1–20 的整数']);
    expect(errorsOf({ ...valid, scenarioIds: [] }).scenarioIds).toEqual(['请至少选择一个练兵场景']);
    expect(errorsOf({ ...valid, unitCodes: [] }).unitCodes).toEqual(['请至少选择一个单位或指定执法人员']);
    expect(errorsOf({ ...valid, mode: 'exam' }).mode).toEqual(['请选择练习或考核']);
    expect(errorsOf({ ...valid, mode: 'practice', competition: 'on' }).competition).toEqual(['比武须为考核模式']);
    expect(errorsOf({ ...valid, note: 'x'.repeat(501) }).note).toEqual(['说明不能超过 500 个字符']);
    expect(errorsOf({ ...valid, title: 'x'.repeat(61) }).title).toEqual(['任务名称不能超过 60 个字符']);
  });

  it('an officer starts from the assignment: its mode and pass mark, counted against attempts allowed, refused when used up or outside the window', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const created = await createAssignment(
      db,
      trainer,
      input({ passMark: 90, attemptsAllowed: 2, opensAt: at(10).toISOString() }),
      T0,
    );
    const id = (created as { id: number }).id;
    const officer = await actor(db, 'changli.officer');
    expect(await startAssignedDrill(db, officer, id, scenario.id, at(5))).toMatchObject({
      ok: false,
      status: 409,
      reason: expect.stringContaining('尚未开放'),
    });

    const first = await startAssignedDrill(db, officer, id, scenario.id, at(11));
    if (!first.ok) throw new Error(first.reason);
    const row = await db.selectFrom('attempts').selectAll().where('id', '=', first.attemptId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ mode: 'assessment', pass_mark: 90, assignment_id: id });
    // While it is active, starting again resumes it (no second attempt is counted).
    expect(await startAssignedDrill(db, officer, id, scenario.id, at(12))).toEqual({
      ok: true,
      attemptId: first.attemptId,
      resumed: true,
    });
    await play(db, officer.id, first.attemptId, row.seed, { start: 12 });
    const second = await startAssignedDrill(db, officer, id, scenario.id, at(40));
    if (!second.ok) throw new Error(second.reason);
    await play(db, officer.id, second.attemptId, await seedOf(db, second.attemptId), { upTo: 1, start: 41 });
    await db
      .updateTable('attempts')
      .set({ status: 'finished', score: 40, passed: 0, finished_at: at(50).toISOString() })
      .where('id', '=', second.attemptId)
      .execute();
    expect(await startAssignedDrill(db, officer, id, scenario.id, at(60))).toEqual({
      ok: false,
      status: 409,
      reason: '您已用完本任务允许的 2 次练兵机会。',
    });

    const [item] = await listOfficerAssignments(db, officer, at(60));
    expect(item).toMatchObject({
      attemptsUsed: 2,
      attemptsAllowed: 2,
      bestScore: 100,
      status: 'passed',
      canStart: false,
    });
    // Another scenario, a stranger and a closed window.
    expect(await startAssignedDrill(db, officer, id, other.id, at(60))).toMatchObject({ ok: false, status: 404 });
    expect(await startAssignedDrill(db, await officerOf(db, '130324'), id, scenario.id, at(60))).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(
      await startAssignedDrill(db, await officerOf(db, '130322', 3), id, scenario.id, at(8 * 24 * 60)),
    ).toMatchObject({
      ok: false,
      status: 409,
      reason: expect.stringContaining('截止'),
    });
  });

  it('follow-up: completion and pass rate per unit and officer, overdue list, score', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const created = await createAssignment(
      db,
      trainer,
      input({ unitCodes: ['130322', '130324'], attemptsAllowed: 3 }),
      T0,
    );
    const id = (created as { id: number }).id;
    const passer = await actor(db, 'changli.officer');
    const failer = await officerOf(db, '130324', 0);
    const starter = await officerOf(db, '130324', 1);
    const p = await startAssignedDrill(db, passer, id, scenario.id, at(1));
    if (!p.ok) throw new Error(p.reason);
    await play(db, passer.id, p.attemptId, await seedOf(db, p.attemptId), { start: 2 });
    const f = await startAssignedDrill(db, failer, id, scenario.id, at(1));
    if (!f.ok) throw new Error(f.reason);
    await db
      .updateTable('attempts')
      .set({ status: 'finished', score: 60, passed: 0, finished_at: at(30).toISOString() })
      .where('id', '=', f.attemptId)
      .execute();
    const s = await startAssignedDrill(db, starter, id, scenario.id, at(1));
    expect(s.ok).toBe(true);

    const lulongCount = Number(
      (
        await db
          .selectFrom('users')
          .innerJoin('units', 'units.id', 'users.unit_id')
          .where('units.code', '=', '130324')
          .where('role', '=', 'officer')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const during = (await getAssignmentFollowUp(db, trainer.unit, id, { status: 'all', page: 1 }, at(60)))!;
    expect(during.totals).toMatchObject({
      covered: 46 + lulongCount,
      completed: 2,
      passed: 1,
      overdue: 0,
      started: 3,
      avgScore: 80,
    });
    const changli = during.units.find((u) => u.code === '130322')!;
    expect(changli).toMatchObject({
      covered: 46,
      completed: 1,
      passed: 1,
      completionRate: Math.round((1 / 46) * 1000) / 10,
      avg_score: 100,
    });
    const lulong = during.units.find((u) => u.code === '130324')!;
    expect(lulong).toMatchObject({ completed: 1, passed: 0, avg_score: 60 });

    const passed = (await getAssignmentFollowUp(db, trainer.unit, id, { status: 'passed', page: 1 }, at(60)))!;
    expect(passed.officers.rows).toEqual([
      expect.objectContaining({ user_id: passer.id, score: 100, status: 'passed', started: 1, done: 1 }),
    ]);

    // After the due date, everyone not done is overdue (the one who failed has completed).
    const after = (await getAssignmentFollowUp(
      db,
      trainer.unit,
      id,
      { status: 'overdue', page: 1, unit: '130324' },
      at(8 * 24 * 60),
    ))!;
    expect(after.totals.overdue).toBe(46 + lulongCount - 2);
    expect(after.officers.total).toBe(lulongCount - 1);
    expect(after.officers.rows.map((r) => r.user_id)).toContain(starter.id);
    expect(after.overdue.rows.map((r) => r.status)).toEqual(after.overdue.rows.map(() => 'overdue'));

    // Not visible outside the owner's subtree.
    const qhdManager = await actor(db, 'qhd.manager');
    expect(await getAssignmentFollowUp(db, qhdManager.unit, id, { status: 'all', page: 1 }, at(60))).toBeNull();
    expect((await listAssignmentsInScope(db, trainer.unit, at(60)))[0]).toMatchObject({
      id,
      covered: 46 + lulongCount,
      completed: 2,
      passed: 1,
    });
  });

  it('extensions (whole, one unit, one officer) need a reason, go to the audit log and move only their due dates', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const created = await createAssignment(db, trainer, input({ unitCodes: ['130322', '130324'] }), T0);
    const id = (created as { id: number }).id;
    const due = at(7 * 24 * 60);
    const later = (days: number) => new Date(due.getTime() + days * 86_400_000).toISOString();
    const afterDue = new Date(due.getTime() + 60_000);

    expect(
      await changeAssignment(
        db,
        trainer,
        id,
        { intent: 'extend', scope: 'unit', dueAt: later(1), reason: '汛期', version: 0 },
        at(1),
      ),
    ).toEqual({
      ok: false,
      field: 'unitCode',
      message: '请选择要延期的单位',
    });
    expect(
      await changeAssignment(
        db,
        trainer,
        id,
        { intent: 'extend', scope: 'all', dueAt: at(60).toISOString(), reason: '汛期', version: 0 },
        at(1),
      ),
    ).toMatchObject({
      ok: false,
      field: 'dueAt',
    });
    expect(
      await changeAssignment(
        db,
        trainer,
        id,
        { intent: 'extend', scope: 'unit', unitCode: '130324', dueAt: later(3), reason: '汛期值守', version: 0 },
        at(1),
      ),
    ).toMatchObject({ ok: true });
    const changliOfficer = await officerOf(db, '130322', 5);
    const username = (
      await db.selectFrom('users').select('username').where('id', '=', changliOfficer.id).executeTakeFirstOrThrow()
    ).username;
    expect(
      await changeAssignment(
        db,
        trainer,
        id,
        { intent: 'extend', scope: 'officer', username, dueAt: later(2), reason: '病假', version: 1 },
        at(1),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await changeAssignment(
        db,
        trainer,
        id,
        { intent: 'extend', scope: 'officer', username: 'qhd.manager', dueAt: later(2), reason: '病假', version: 2 },
        at(1),
      ),
    ).toMatchObject({
      ok: false,
      field: 'username',
    });

    const lulong = await officerOf(db, '130324', 2);
    expect((await listOfficerAssignments(db, lulong, afterDue))[0]).toMatchObject({ dueAt: later(3), canStart: true });
    expect((await listOfficerAssignments(db, changliOfficer, afterDue))[0]).toMatchObject({
      dueAt: later(2),
      canStart: true,
    });
    const changli = await actor(db, 'changli.officer');
    expect((await listOfficerAssignments(db, changli, afterDue))[0]).toMatchObject({
      dueAt: due.toISOString(),
      canStart: false,
      status: 'overdue',
    });
    expect(await startAssignedDrill(db, changli, id, scenario.id, afterDue)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('截止'),
    });
    expect((await startAssignedDrill(db, lulong, id, scenario.id, afterDue)).ok).toBe(true);
    const followUp = (await getAssignmentFollowUp(db, trainer.unit, id, { status: 'overdue', page: 1 }, afterDue))!;
    expect(followUp.totals.overdue).toBe(45);

    expect(
      await changeAssignment(
        db,
        trainer,
        id,
        { intent: 'extend', scope: 'all', dueAt: later(10), reason: '统一延期', version: 2 },
        at(1),
      ),
    ).toMatchObject({ ok: true });
    expect((await listOfficerAssignments(db, changli, afterDue))[0]).toMatchObject({
      dueAt: later(10),
      canStart: true,
    });

    const log = await listAssignmentAudit(db, id);
    expect(log.map((l) => l.action)).toEqual([
      'assignment.create',
      'assignment.extend',
      'assignment.extend',
      'assignment.extend',
    ]);
    expect(log.slice(1).map((l) => JSON.parse(l.detail).reason)).toEqual(['汛期值守', '病假', '统一延期']);
  });

  it('reminders go to those not done and show on their home page; closing stops new attempts', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const id = ((await createAssignment(db, trainer, input(), T0)) as { id: number }).id;
    const done = await actor(db, 'changli.officer');
    const started = await startAssignedDrill(db, done, id, scenario.id, at(1));
    if (!started.ok) throw new Error(started.reason);
    await play(db, done.id, started.attemptId, await seedOf(db, started.attemptId), { start: 2 });

    expect(await changeAssignment(db, trainer, id, { intent: 'remind', message: '' }, at(60))).toEqual({
      ok: true,
      message: '已向 45 名尚未完成的执法人员发送提醒',
    });
    const notDone = await officerOf(db, '130322', 1);
    expect(await listOfficerReminders(db, notDone.id, at(61))).toEqual([
      expect.objectContaining({ assignment_id: id, message: expect.stringContaining('前完成练兵任务') }),
    ]);
    expect(await listOfficerReminders(db, done.id, at(61))).toEqual([]);

    expect(await changeAssignment(db, trainer, id, { intent: 'close' }, at(70))).toEqual({
      ok: true,
      message: '练兵任务已关闭',
    });
    expect(await startAssignedDrill(db, notDone, id, scenario.id, at(71))).toEqual({
      ok: false,
      status: 409,
      reason: '该练兵任务已关闭，不能再开始练兵。',
    });
    expect(await changeAssignment(db, trainer, id, { intent: 'remind', message: '' }, at(72))).toMatchObject({
      ok: false,
    });
    expect((await listOfficerAssignments(db, notDone, at(72)))[0]).toMatchObject({ status: 'closed', canStart: false });
    expect(await listOfficerReminders(db, notDone.id, at(72))).toEqual([]);
  });

  it('competition: one seed for all, hidden until it opens; ranking of officers and units by score then time when it closes', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const opens = at(60);
    const id = (
      (await createAssignment(
        db,
        trainer,
        input({ unitCodes: ['130322', '130324'], competition: true, attemptsAllowed: 1, opensAt: opens.toISOString() }),
        T0,
      )) as {
        id: number;
      }
    ).id;
    expect(
      (await getAssignmentFollowUp(db, trainer.unit, id, { status: 'all', page: 1 }, at(1)))!.assignment
        .competitionSeed,
    ).toBeNull();
    const seed = (await getAssignmentFollowUp(db, trainer.unit, id, { status: 'all', page: 1 }, at(61)))!.assignment
      .competitionSeed;
    expect(seed).toMatch(/^[0-9a-f]{12}$/);

    const a = await actor(db, 'changli.officer'); // 100, slower
    const b = await officerOf(db, '130324', 0); // 100, faster
    const c = await officerOf(db, '130324', 1); // 50
    const run = async (officer: typeof a, startMinute: number, score?: number) => {
      const r = await startAssignedDrill(db, officer, id, scenario.id, at(startMinute));
      if (!r.ok) throw new Error(r.reason);
      expect(await seedOf(db, r.attemptId)).toBe(seed);
      if (score === undefined) await play(db, officer.id, r.attemptId, seed!, { start: startMinute + 1 });
      else
        await db
          .updateTable('attempts')
          .set({ status: 'finished', score, passed: 0, finished_at: at(startMinute + 5).toISOString() })
          .where('id', '=', r.attemptId)
          .execute();
    };
    await run(a, 61);
    await run(b, 61, 100);
    await run(c, 61, 50);
    expect(await startAssignedDrill(db, b, id, scenario.id, at(80))).toMatchObject({
      ok: false,
      reason: '您已用完本任务允许的 1 次练兵机会。',
    });

    // Not shown before it closes.
    expect((await getAssignmentFollowUp(db, trainer.unit, id, { status: 'all', page: 1 }, at(90)))!.ranking).toBeNull();
    expect((await getRankingForOfficer(db, a, id, at(90)))!.ranking).toBeNull();
    expect(
      await changeAssignment(
        db,
        trainer,
        id,
        {
          intent: 'extend',
          scope: 'unit',
          unitCode: '130324',
          dueAt: at(9 * 24 * 60).toISOString(),
          reason: '个别',
          version: 0,
        },
        at(90),
      ),
    ).toMatchObject({
      ok: false,
      field: 'scope',
    });
    await changeAssignment(db, trainer, id, { intent: 'close' }, at(100));
    const ranking = (await getAssignmentFollowUp(db, trainer.unit, id, { status: 'all', page: 1 }, at(101)))!.ranking!;
    expect(ranking.officers.map((o) => [o.rank, o.user_id, o.score])).toEqual([
      [1, b.id, 100],
      [2, a.id, 100],
      [3, c.id, 50],
    ]);
    const lulongCount = ranking.units.find((u) => u.name === '卢龙县')!.covered;
    const expectedOrder = 150 / lulongCount > 100 / 46 ? ['卢龙县', '昌黎县'] : ['昌黎县', '卢龙县'];
    expect(ranking.units.map((u) => u.name)).toEqual(expectedOrder);
    expect(ranking.units.find((u) => u.name === '昌黎县')).toMatchObject({
      participants: 1,
      score: Math.round((100 / 46) * 10) / 10,
    });
    expect(ranking.units.find((u) => u.name === '卢龙县')).toMatchObject({
      participants: 2,
      score: Math.round((150 / lulongCount) * 10) / 10,
    });
    expect((await getRankingForOfficer(db, a, id, at(101)))!.ranking!.officers).toHaveLength(3);
  });

  it('overdue work per unit, for the readiness reports: counted within the viewer’s subtree only', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    await createAssignment(db, trainer, input({ unitCodes: ['130322', '130324'] }), T0);
    await createAssignment(db, trainer, input({ unitCodes: ['130322'], dueAt: at(30 * 24 * 60).toISOString() }), T0);
    const changli = await actor(db, 'changli.officer');
    const id = (await db.selectFrom('assignments').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const started = await startAssignedDrill(db, changli, id, scenario.id, at(1));
    if (!started.ok) throw new Error(started.reason);
    await play(db, changli.id, started.attemptId, await seedOf(db, started.attemptId), { start: 2 });
    const afterFirstDue = at(8 * 24 * 60);
    expect(await listOverdueByUnit(db, trainer.unit, at(60))).toEqual([]);
    const qhd = {
      path: (await db.selectFrom('units').select('path').where('code', '=', '130300').executeTakeFirstOrThrow()).path,
    };
    const rows = await listOverdueByUnit(db, qhd, afterFirstDue);
    const lulongCount = rows.find((r) => r.code === '130324')!.overdueOfficers;
    expect(rows.find((r) => r.code === '130322')).toMatchObject({ overdueOfficers: 45, assignments: 1 });
    expect(lulongCount).toBeGreaterThan(0);
    const changliOnly = (
      await db.selectFrom('units').select('path').where('code', '=', '130322').executeTakeFirstOrThrow()
    ).path;
    expect(await listOverdueByUnit(db, { path: changliOnly }, afterFirstDue)).toEqual([
      expect.objectContaining({ code: '130322', overdueOfficers: 45 }),
    ]);
  });
});

describe('abuse of legitimate actions', () => {
  const reminderRows = (db: Db, id: number) =>
    db
      .selectFrom('assignment_reminders')
      .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('assignment_id', '=', id)
      .groupBy('user_id')
      .execute();

  it('提醒 clicked ten times in one (Beijing) day writes one reminder per recipient; the repeats say so and write nothing; the next day reminds again', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const id = ((await createAssignment(db, trainer, input(), T0)) as { id: number }).id;
    // T0 is 09:00 in Beijing; 14 h later is 23:00 the same Beijing day (15:00 UTC).
    const clicks = [60, 61, 62, 120, 300, 600, 700, 800, 830, 839];
    const results = [];
    for (const minute of clicks)
      results.push(
        await changeAssignment(db, trainer, id, { intent: 'remind', message: `第 ${minute} 分钟` }, at(minute)),
      );
    expect(results[0]).toEqual({ ok: true, message: '已向 46 名尚未完成的执法人员发送提醒' });
    for (const repeat of results.slice(1)) {
      expect(repeat).toEqual({
        ok: false,
        status: 409,
        message:
          '今天（北京时间 2026-03-02）已经提醒过全部 46 名尚未完成的执法人员，每人每天只提醒一次，请明天再发送。',
      });
    }
    const rows = await reminderRows(db, id);
    expect(rows).toHaveLength(46);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const log = await listAssignmentAudit(db, id);
    expect(log.filter((l) => l.action === 'assignment.remind')).toHaveLength(1);
    const officer = await officerOf(db, '130322', 3);
    expect((await listOfficerReminders(db, officer.id, at(840))).map((r) => r.message)).toEqual(['第 60 分钟']);

    // 00:00 Beijing (16:00 UTC) is the next day: one more each.
    expect(await changeAssignment(db, trainer, id, { intent: 'remind', message: '' }, at(900))).toEqual({
      ok: true,
      message: '已向 46 名尚未完成的执法人员发送提醒',
    });
    expect((await reminderRows(db, id)).every((r) => r.n === 2)).toBe(true);
  });

  it('the database itself refuses a second reminder to the same officer on the same Beijing day', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const id = ((await createAssignment(db, trainer, input(), T0)) as { id: number }).id;
    const officer = await officerOf(db, '130322', 0);
    const row = (created_at: string) => ({
      assignment_id: id,
      user_id: officer.id,
      message: '提醒',
      sent_by: trainer.id,
      created_at,
    });
    await db.insertInto('assignment_reminders').values(row('2026-03-02T01:00:00.000Z')).execute();
    await expect(
      db.insertInto('assignment_reminders').values(row('2026-03-02T15:59:59.999Z')).execute(),
    ).rejects.toSatisfy(isUniqueViolation);
    await db.insertInto('assignment_reminders').values(row('2026-03-02T16:00:00.000Z')).execute();
  });

  it('two POSTs of one 布置任务 form (one token) create one assignment, in turn or at once; another form creates another', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('assignments')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const form = input({ title: '重复提交' });
    const first = await createAssignment(db, trainer, form, T0);
    expect(first).toMatchObject({ ok: true, repeated: false });
    const id = (first as { id: number }).id;
    // The repeat arrives later, when its due date check would otherwise matter: still the same assignment.
    expect(await createAssignment(db, trainer, form, at(8 * 24 * 60))).toEqual({ ok: true, id, repeated: true });
    expect(await count()).toBe(1);

    const together = input({ title: '同时提交' });
    const [a, b] = await Promise.all([
      createAssignment(db, trainer, together, T0),
      createAssignment(db, trainer, together, T0),
    ]);
    expect([a, b].map((r) => r.ok && r.repeated).sort()).toEqual([false, true]);
    expect((a as { id: number }).id).toBe((b as { id: number }).id);
    expect(await count()).toBe(2);
    expect(
      await db
        .selectFrom('assignment_targets')
        .select('assignment_id')
        .where('assignment_id', '=', (a as { id: number }).id)
        .execute(),
    ).toHaveLength(1);
    expect(
      (await db.selectFrom('audit_log').select('id').where('action', '=', 'assignment.create').execute()).length,
    ).toBe(2);

    // The same token from another trainer is theirs, not a repeat of this one.
    const admin = await actor(db, 'admin');
    expect(await createAssignment(db, admin, form, T0)).toMatchObject({ ok: true, repeated: false });
    expect(await count()).toBe(3);
  });

  it('two extensions built on the same page: one applies, the other gets 409; the audit log’s from is the due date replaced', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const id = ((await createAssignment(db, trainer, input({ unitCodes: ['130322', '130324'] }), T0)) as { id: number })
      .id;
    const due = at(7 * 24 * 60).toISOString();
    const later = (days: number) => new Date(Date.parse(due) + days * 86_400_000).toISOString();
    const version = (await getAssignmentFollowUp(db, trainer.unit, id, { status: 'all', page: 1 }, at(1)))!.assignment
      .version;
    expect(version).toBe(0);

    const [x, y] = await Promise.all([
      changeAssignment(
        db,
        trainer,
        id,
        { intent: 'extend', scope: 'all', dueAt: later(1), reason: '甲延期', version },
        at(1),
      ),
      changeAssignment(
        db,
        trainer,
        id,
        { intent: 'extend', scope: 'all', dueAt: later(2), reason: '乙延期', version },
        at(1),
      ),
    ]);
    const outcomes = [x, y];
    expect(outcomes.filter((r) => r.ok)).toHaveLength(1);
    const stale = outcomes.find((r) => !r.ok)!;
    expect(stale).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringContaining('请刷新页面，核对后重新提交'),
    });
    const winner = x.ok ? later(1) : later(2);
    const extends_ = async () =>
      (await listAssignmentAudit(db, id))
        .filter((l) => l.action === 'assignment.extend')
        .map((l) => JSON.parse(l.detail));
    expect(await extends_()).toEqual([expect.objectContaining({ scope: 'all', from: due, to: winner })]);
    const after = (await getAssignmentFollowUp(db, trainer.unit, id, { status: 'all', page: 1 }, at(2)))!.assignment;
    expect(after).toMatchObject({ dueAt: winner, version: 1 });

    // Resubmitted from the refreshed page: applies, and `from` is the date the first one set.
    expect(
      await changeAssignment(
        db,
        trainer,
        id,
        { intent: 'extend', scope: 'all', dueAt: later(3), reason: '乙延期', version: 1 },
        at(3),
      ),
    ).toMatchObject({ ok: true });
    // A unit extension replaces the unit's own due date (the whole assignment's here), then its own.
    expect(
      await changeAssignment(
        db,
        trainer,
        id,
        { intent: 'extend', scope: 'unit', unitCode: '130324', dueAt: later(5), reason: '汛期', version: 2 },
        at(4),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await changeAssignment(
        db,
        trainer,
        id,
        { intent: 'extend', scope: 'unit', unitCode: '130324', dueAt: later(4), reason: '汛期', version: 3 },
        at(5),
      ),
    ).toMatchObject({
      ok: false,
      field: 'dueAt',
      message: expect.stringContaining('须晚于卢龙县现在的截止时间'),
    });
    expect(
      await changeAssignment(
        db,
        trainer,
        id,
        { intent: 'extend', scope: 'unit', unitCode: '130324', dueAt: later(6), reason: '汛期', version: 3 },
        at(5),
      ),
    ).toMatchObject({ ok: true });
    expect((await extends_()).map((d) => [d.from, d.to])).toEqual([
      [due, winner],
      [winner, later(3)],
      [later(3), later(5)],
      [later(5), later(6)],
    ]);
    // A refused extension wrote nothing and did not move the version.
    expect(
      (await getAssignmentFollowUp(db, trainer.unit, id, { status: 'all', page: 1 }, at(6)))!.assignment.version,
    ).toBe(4);
  });
});
