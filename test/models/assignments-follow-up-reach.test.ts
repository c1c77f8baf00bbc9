import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listScenarios } from '../../scenarios/index';
import {
  changeAssignment,
  createAssignment,
  newAssignmentFormToken,
} from '../../app/models/assignment/commands.server';
import { sendDueReminders } from '../../app/models/assignment/due-reminders.server';
import { assignmentWorkbook, OFFICER_SHEET_HEADERS } from '../../app/models/assignment/export.server';
import {
  getAssignmentFollowUp,
  getFollowUpForExport,
  listAssignmentAudit,
  listAssignmentsInScope,
} from '../../app/models/assignment/follow-up.server';
import { findOfficerChoices, searchOfficers } from '../../app/models/assignment/officer-search.server';
import { listOfficerReminders, startAssignedDrill } from '../../app/models/assignment/officer-tasks.server';
import { competitionRanking } from '../../app/models/assignment/standing.server';
import { parseForm } from '../../app/utils/forms';
import { createAssignmentSchema, type CreateAssignmentInput } from '../../app/validation/assignment';
import { useTestDatabase } from '../support/db';

type Db = ReturnType<typeof useTestDatabase>['db'];

const T0 = new Date('2026-03-02T01:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const at = (ms: number) => new Date(T0.getTime() + ms);
const scenario = listScenarios({ skill: 'inspection' })[0]!;

async function actor(db: Db, username: string) {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.role', 'units.id as unit_id', 'units.path', 'units.code'])
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();
  return { id: row.id, role: row.role, unit: { id: row.unit_id, path: row.path, code: row.code } };
}

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

async function officersUnder(db: Db, unitCode: string) {
  const unit = await db.selectFrom('units').select('path').where('code', '=', unitCode).executeTakeFirstOrThrow();
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('users.role', '=', 'officer')
    .where('users.disabled', '=', 0)
    .where('units.path', '>=', unit.path)
    .where('units.path', '<', `${unit.path}~`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
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
  dueAt: at(7 * DAY).toISOString(),
  attemptsAllowed: 2,
  note: '',
  competition: false,
  ...over,
});

async function create(db: Db, who: Awaited<ReturnType<typeof actor>>, over: Partial<CreateAssignmentInput> = {}) {
  const result = await createAssignment(db, who, input(over), T0);
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

/** Finishes an officer's assigned attempt with a score, as if handed in (times in ms after T0). */
async function finish(
  db: Db,
  attemptId: number,
  score: number,
  times: { start: number; end: number; deadline?: number },
) {
  await db
    .updateTable('attempts')
    .set({
      status: 'finished',
      score,
      passed: score >= 80 ? 1 : 0,
      started_at: at(times.start).toISOString(),
      finished_at: at(times.end).toISOString(),
      deadline: times.deadline === undefined ? null : at(times.deadline).toISOString(),
    })
    .where('id', '=', attemptId)
    .execute();
}

async function startAndFinish(db: Db, officer: Awaited<ReturnType<typeof actor>>, id: number, score: number) {
  const started = await startAssignedDrill(db, officer, id, scenario.id, at(MINUTE));
  if (!started.ok) throw new Error(started.reason);
  await finish(db, started.attemptId, score, { start: MINUTE, end: 20 * MINUTE });
  return started.attemptId;
}

const ALL = { status: 'all', page: 1 } as const;

describe('managers follow the assignments that reach their subtree (read-only)', () => {
  it('a 秦皇岛市 manager sees every assignment covering the province, the city, a county or one officer of it — not one elsewhere — with figures of their subtree only', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const manager = await actor(db, 'qhd.manager');
    const changli = await actor(db, 'changli.officer');
    const province = await create(db, trainer, { unitCodes: ['130000'], title: '全省' });
    const city = await create(db, trainer, { unitCodes: ['130300'], title: '秦皇岛市' });
    const mixed = await create(db, trainer, { unitCodes: ['130322', '130200'], title: '昌黎与唐山' });
    const oneOfficer = await create(db, trainer, {
      unitCodes: [],
      officerUsernames: ['changli.officer'],
      title: '一人',
    });
    const elsewhere = await create(db, trainer, { unitCodes: ['130200'], title: '唐山' });
    await startAndFinish(db, changli, mixed, 90);
    const tangshan = await officerOf(db, '130202');
    await startAndFinish(db, tangshan, mixed, 60);

    // Before: the manager's own reach ("owned") lists nothing set by the province.
    expect(await listAssignmentsInScope(db, manager.unit, at(DAY))).toEqual([]);

    const list = await listAssignmentsInScope(db, manager.unit, at(DAY), 50, 'covered');
    expect(list.map((a) => a.id)).toEqual([oneOfficer, mixed, city, province]);
    expect(list.map((a) => a.id)).not.toContain(elsewhere);
    const qhdOfficers = await officersUnder(db, '130300');
    expect(list.find((a) => a.id === province)!.covered).toBe(qhdOfficers);
    expect(list.find((a) => a.id === mixed)).toMatchObject({ covered: 46, completed: 1, passed: 1 });

    const view = (await getAssignmentFollowUp(db, manager.unit, mixed, ALL, at(DAY), 'covered'))!;
    expect(view.readOnly).toBe(true);
    expect(view.units.map((u) => u.code)).toEqual(['130322']);
    expect(view.totals).toMatchObject({ covered: 46, completed: 1, passed: 1, avgScore: 90 });
    expect(view.officers.total).toBe(46);
    expect(view.officers.rows.every((r) => r.unit_name === '昌黎县')).toBe(true);
    expect(view.targets).toEqual([{ kind: 'unit', code: '130322', name: '昌黎县' }]);
    // The province-wide one: every unit shown is one of 秦皇岛市's; the province target (why it reaches them) is shown.
    const wide = (await getAssignmentFollowUp(db, manager.unit, province, ALL, at(DAY), 'covered'))!;
    const qhdUnits = await db
      .selectFrom('units')
      .select('code')
      .where('path', 'like', `${manager.unit.path}%`)
      .execute();
    expect(wide.units.length).toBeGreaterThan(0);
    expect(wide.units.every((u) => qhdUnits.some((q) => q.code === u.code))).toBe(true);
    expect(wide.totals.covered).toBe(qhdOfficers);
    expect(wide.targets).toEqual([{ kind: 'unit', code: '130000', name: '河北省' }]);
    // The trainer who set it still sees all of it.
    const full = (await getAssignmentFollowUp(db, trainer.unit, mixed, ALL, at(DAY)))!;
    expect(full.readOnly).toBe(false);
    expect(full.units.map((u) => u.code).sort()).toContain('130202');
    expect(full.totals.covered).toBe(46 + (await officersUnder(db, '130200')));

    // Not reaching the subtree: not found (never revealed).
    expect(await getAssignmentFollowUp(db, manager.unit, elsewhere, ALL, at(DAY), 'covered')).toBeNull();
    expect(await getAssignmentFollowUp(db, manager.unit, 99999, ALL, at(DAY), 'covered')).toBeNull();
  });

  it('the history a manager sees leaves out extensions elsewhere and who else was reminded', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const manager = await actor(db, 'qhd.manager');
    const id = await create(db, trainer, { unitCodes: ['130322', '130200'] });
    const extend = (scope: 'unit', unitCode: string, days: number, version: number) =>
      changeAssignment(
        db,
        trainer,
        id,
        { intent: 'extend', scope, unitCode, dueAt: at(days * DAY).toISOString(), reason: `${unitCode} 延期`, version },
        at(DAY),
      );
    expect(await extend('unit', '130200', 9, 0)).toMatchObject({ ok: true });
    expect(await extend('unit', '130322', 10, 1)).toMatchObject({ ok: true });
    expect(await changeAssignment(db, trainer, id, { intent: 'remind', message: '抓紧' }, at(DAY))).toMatchObject({
      ok: true,
    });

    const history = await listAssignmentAudit(db, id, manager.unit);
    expect(history.map((h) => h.action)).toEqual(['assignment.create', 'assignment.extend', 'assignment.remind']);
    expect(history[1]!.detail).toContain('130322');
    expect(JSON.parse(history[2]!.detail)).toEqual({ message: '抓紧' });
    expect(JSON.parse(history[0]!.detail)).toEqual({});
    expect((await listAssignmentAudit(db, id)).length).toBe(4);

    const view = (await getAssignmentFollowUp(db, manager.unit, id, ALL, at(DAY), 'covered'))!;
    expect(view.extensions.map((e) => e.unit_name)).toEqual(['昌黎县']);
    expect(view.reminders).toEqual([expect.objectContaining({ recipients: 46, automatic: 0 })]);
  });
});

describe('the follow-up export', () => {
  it('has one row per officer the viewer may see, with unit, name, username, status in Chinese, best score, attempts, last attempt and due date', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const manager = await actor(db, 'qhd.manager');
    const changli = await actor(db, 'changli.officer');
    const id = await create(db, trainer, { unitCodes: ['130322', '130200'], title: '=HYPERLINK("x")' });
    await startAndFinish(db, changli, id, 90);

    const view = (await getFollowUpForExport(db, manager.unit, id, at(DAY), 'covered'))!;
    const bytes = await assignmentWorkbook(view, '秦皇岛市', at(DAY));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['按单位', '按执法人员', '说明']);
    const sheet = workbook.getWorksheet('按执法人员')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(OFFICER_SHEET_HEADERS);
    expect(sheet.rowCount).toBe(1 + 46);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) =>
      (sheet.getRow(i + 2).values as unknown[]).slice(1),
    );
    expect(rows.every((r) => r[0] === '昌黎县')).toBe(true);
    const mine = rows.find((r) => r[2] === 'changli.officer')!;
    expect(mine.slice(3, 6)).toEqual(['已完成·合格', 90, 1]);
    expect(mine[6]).toMatch(/^2026\/3\/2 09:01$/);
    expect(mine[7]).toBe('2026/3/9 09:00');
    expect(rows.filter((r) => r[3] === '未开始')).toHaveLength(45);
    const units = workbook.getWorksheet('按单位')!;
    expect(units.rowCount).toBe(2);
    expect((units.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['昌黎县', '秦皇岛市', 46]);
    // Text a user typed never becomes a formula.
    const about = workbook.getWorksheet('说明')!;
    expect(about.getRow(2).getCell(2).value).not.toMatchObject({ formula: expect.anything() });
    expect(String(about.getRow(2).getCell(2).value)).toContain('HYPERLINK');
    expect(String(about.getRow(2).getCell(2).value).startsWith('=')).toBe(false);

    // The trainer's export has everyone covered.
    const full = (await getFollowUpForExport(db, trainer.unit, id, at(DAY)))!;
    expect(full.allOfficers.length).toBe(46 + (await officersUnder(db, '130200')));
  });
});

describe('the 布置任务 officer search', () => {
  it('finds officers by name, username or unit name within the trainer’s subtree, at most 50 with a hint', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const manager = await actor(db, 'qhd.manager'); // a city-level scope
    const someone = await db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select(['users.username', 'users.display_name', 'units.name as unit_name'])
      .where('units.code', '=', '130202')
      .where('users.role', '=', 'officer')
      .orderBy('users.id')
      .executeTakeFirstOrThrow();

    // A name and a unit: every word must match (name, username or unit name).
    const byName = await searchOfficers(db, trainer.unit, `${someone.unit_name} ${someone.display_name}`);
    expect(byName.officers).toContainEqual({
      username: someone.username,
      displayName: someone.display_name,
      unitName: someone.unit_name,
    });
    expect((await searchOfficers(db, trainer.unit, someone.username)).officers.map((o) => o.username)).toEqual([
      someone.username,
    ]);
    // Outside the subtree: not found.
    expect((await searchOfficers(db, manager.unit, someone.username)).officers).toEqual([]);
    expect(
      (await searchOfficers(db, manager.unit, someone.display_name)).officers.every((o) => o.unitName !== '路南区'),
    ).toBe(true);

    const changli = await searchOfficers(db, trainer.unit, '昌黎');
    expect(changli.officers).toHaveLength(46);
    expect(changli.more).toBe(false);
    expect(changli.units.map((u) => u.name)).toContain('昌黎县');
    const many = await searchOfficers(db, trainer.unit, '县');
    expect(many.officers).toHaveLength(50);
    expect(many.more).toBe(true);
    // Two words narrow; LIKE wildcards are plain characters.
    expect(
      (await searchOfficers(db, trainer.unit, `昌黎 ${someone.display_name}`)).officers.every(
        (o) => o.unitName === '昌黎县',
      ),
    ).toBe(true);
    expect((await searchOfficers(db, trainer.unit, '%')).officers).toEqual([]);
    expect((await searchOfficers(db, trainer.unit, '_')).officers).toEqual([]);

    expect(await findOfficerChoices(db, manager.unit, [someone.username, 'changli.officer'])).toEqual([
      expect.objectContaining({ username: 'changli.officer' }),
    ]);
  });

  it('officers ticked in the search are merged with those typed; the assignment reaches them', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const other = await officerOf(db, '130324');
    const form = new FormData();
    for (const [k, v] of Object.entries({
      formToken: newAssignmentFormToken(),
      scenarioIds: scenario.id,
      officerUsernames: 'changli.officer',
      mode: 'assessment',
      opensAt: '2026-03-02T09:00',
      dueAt: '2026-03-09T18:00',
    }))
      form.append(k, v);
    const username = (
      await db.selectFrom('users').select('username').where('id', '=', other.id).executeTakeFirstOrThrow()
    ).username;
    form.append('officerPicks', username);
    form.append('officerPicks', 'changli.officer');
    const parsed = parseForm(createAssignmentSchema, form);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.fieldErrors));
    expect(parsed.data.officerUsernames).toEqual(['changli.officer', username]);
    expect(parsed.data.remindDaysBefore).toBeUndefined();
    const created = await createAssignment(db, trainer, parsed.data, T0);
    expect(created).toMatchObject({ ok: true });
    const view = (await getAssignmentFollowUp(db, trainer.unit, (created as { id: number }).id, ALL, at(DAY)))!;
    expect(view.totals.covered).toBe(2);
    expect(view.assignment.remindDaysBefore).toBe(3);

    // Only picks, nothing typed, is enough; a bad number of days is refused in Chinese.
    form.delete('officerUsernames');
    form.set('remindDaysBefore', '31');
    const refused = parseForm(createAssignmentSchema, form);
    expect(refused).toMatchObject({
      success: false,
      fieldErrors: { remindDaysBefore: ['自动提醒提前天数须为 0–30 的整数'] },
    });
    expect(refused.success ? [] : Object.keys(refused.fieldErrors)).toEqual(['remindDaysBefore']);
  });
});

describe('automatic reminders before the due date', () => {
  const remindersOf = (db: Db, id: number) =>
    db.selectFrom('assignment_reminders').selectAll().where('assignment_id', '=', id).orderBy('id').execute();

  it('go N days before each officer’s effective due date to those not passed, once per due date, never twice a day, not for closed assignments', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const changli = await actor(db, 'changli.officer');
    const id = await create(db, trainer, { remindDaysBefore: 3, title: '三月检查' }); // due T0 + 7 days
    const closed = await create(db, trainer, { remindDaysBefore: 3 });
    const never = await create(db, trainer, { remindDaysBefore: 0 });
    await changeAssignment(db, trainer, closed, { intent: 'close' }, at(DAY));
    await startAndFinish(db, changli, id, 95); // passed: never reminded
    const failing = await officerOf(db, '130322', 1);
    await startAndFinish(db, failing, id, 40); // failed with an attempt left: reminded

    expect(await sendDueReminders(db, at(4 * DAY - MINUTE))).toEqual({ assignments: 0, recipients: 0 });
    expect(await remindersOf(db, id)).toEqual([]);

    const first = await sendDueReminders(db, at(4 * DAY));
    expect(first).toEqual({ assignments: 1, recipients: 45 });
    const sent = await remindersOf(db, id);
    expect(sent).toHaveLength(45);
    expect(sent.some((r) => r.user_id === changli.id)).toBe(false);
    expect(sent.some((r) => r.user_id === failing.id)).toBe(true);
    expect(sent[0]).toMatchObject({
      sent_by: null,
      automatic_for_due: at(7 * DAY).toISOString(),
      message: '练兵任务「三月检查」将于 2026/3/9 09:00 截止，请尽快完成。（系统自动提醒）',
    });
    expect(await remindersOf(db, closed)).toEqual([]);
    expect(await remindersOf(db, never)).toEqual([]);
    // Rerun at once, and later the same day and the next days: nothing new for the same due date.
    expect(await sendDueReminders(db, at(4 * DAY))).toEqual({ assignments: 0, recipients: 0 });
    expect(await sendDueReminders(db, at(4 * DAY + 5 * 60 * MINUTE))).toEqual({ assignments: 0, recipients: 0 });
    expect(await sendDueReminders(db, at(5 * DAY))).toEqual({ assignments: 0, recipients: 0 });
    // Recorded: one audit row, and the officer sees it as the system's.
    const audit = (await listAssignmentAudit(db, id)).filter((h) => h.action === 'assignment.autoRemind');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ recipients: 45, daysBefore: 3 });
    const mine = await listOfficerReminders(db, failing.id, at(4 * DAY));
    expect(mine).toEqual([expect.objectContaining({ automatic: 1, sent_by_name: null })]);

    // An extension of 昌黎县 to T0 + 12 days: announced again 3 days before the new date (not before).
    expect(
      await changeAssignment(
        db,
        trainer,
        id,
        {
          intent: 'extend',
          scope: 'unit',
          unitCode: '130322',
          dueAt: at(12 * DAY).toISOString(),
          reason: '汛期',
          version: 0,
        },
        at(5 * DAY),
      ),
    ).toMatchObject({ ok: true });
    expect(await sendDueReminders(db, at(9 * DAY - MINUTE))).toEqual({ assignments: 0, recipients: 0 });
    expect(await sendDueReminders(db, at(9 * DAY))).toEqual({ assignments: 1, recipients: 45 });
    expect((await remindersOf(db, id)).filter((r) => r.automatic_for_due === at(12 * DAY).toISOString())).toHaveLength(
      45,
    );
    expect(await sendDueReminders(db, at(9 * DAY + MINUTE))).toEqual({ assignments: 0, recipients: 0 });
    // Past the due date: nothing.
    expect(await sendDueReminders(db, at(13 * DAY))).toEqual({ assignments: 0, recipients: 0 });
  });

  it('a day already used by a trainer’s reminder is skipped (one reminder a day) and caught up the next day', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const id = await create(db, trainer, { remindDaysBefore: 2, dueAt: at(3 * DAY).toISOString() });
    expect(await changeAssignment(db, trainer, id, { intent: 'remind', message: '' }, at(DAY))).toMatchObject({
      ok: true,
    });
    expect(await sendDueReminders(db, at(DAY + MINUTE))).toEqual({ assignments: 0, recipients: 0 });
    expect(await sendDueReminders(db, at(2 * DAY))).toEqual({ assignments: 1, recipients: 46 });
    expect(await sendDueReminders(db, at(2 * DAY + MINUTE))).toEqual({ assignments: 0, recipients: 0 });
  });
});

describe('比武 ranking by time taken', () => {
  it('ties on score go to the shorter time; a timed-out attempt handed in late counts up to its deadline', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const id = await create(db, trainer, { competition: true, attemptsAllowed: 1, unitCodes: ['130322', '130202'] });
    const [a, b, c] = [
      await officerOf(db, '130322', 1),
      await officerOf(db, '130322', 2),
      await officerOf(db, '130322', 3),
    ];
    const attempt = async (o: typeof a) => {
      const r = await startAssignedDrill(db, o, id, scenario.id, at(MINUTE));
      if (!r.ok) throw new Error(r.reason);
      return r.attemptId;
    };
    // a: 20 minutes. b: time was up after 15 minutes, handed in by the server two hours later. c: 10 minutes, lower score.
    await finish(db, await attempt(a), 85, { start: MINUTE, end: 21 * MINUTE, deadline: 61 * MINUTE });
    await finish(db, await attempt(b), 85, { start: MINUTE, end: 121 * MINUTE, deadline: 16 * MINUTE });
    await finish(db, await attempt(c), 70, { start: MINUTE, end: 11 * MINUTE, deadline: 61 * MINUTE });
    const tangshan = await officerOf(db, '130202');
    await finish(db, await attempt(tangshan), 99, { start: MINUTE, end: 31 * MINUTE, deadline: 61 * MINUTE });
    const ranking = await competitionRanking(db, id, 1, at(8 * DAY));
    expect(ranking.officers.map((o) => [o.rank, o.user_id, o.score, o.seconds])).toEqual([
      [1, tangshan.id, 99, 30 * 60],
      [2, b.id, 85, 15 * 60],
      [3, a.id, 85, 20 * 60],
      [4, c.id, 70, 10 * 60],
    ]);
    // The 秦皇岛市 manager's follow-up ranks their own competitors only.
    const manager = await actor(db, 'qhd.manager');
    const view = (await getAssignmentFollowUp(db, manager.unit, id, ALL, at(8 * DAY), 'covered'))!;
    expect(view.ranking!.officers.map((o) => [o.rank, o.user_id])).toEqual([
      [1, b.id],
      [2, a.id],
      [3, c.id],
    ]);
    expect(view.ranking!.units.map((u) => u.name)).toEqual(['昌黎县']);
  });
});
