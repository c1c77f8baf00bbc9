/**
 * The weekly 通报: real drills played through the services with a controlled clock, then issued,
 * reopened, exported and scheduled.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { startDrill, submitDrillStep } from '../../app/models/attempt.server';
import { bulletinDocx, bulletinWorkbook } from '../../app/models/bulletin-export.server';
import {
  buildBulletinContent,
  issueBulletin,
  issueScheduledBulletins,
  lastWeekMonday,
  listBulletins,
  requireBulletinInScope,
  weekEnd,
  weekOf,
  weekOptions,
} from '../../app/models/bulletin.server';
import { getReadinessReport } from '../../app/models/readiness.server';
import { BULLETIN_COLUMNS } from '../../app/ui/bulletin';
import { parseForm } from '../../app/utils/forms';
import { bulletinIssueSchema } from '../../app/validation/bulletin';
import { inflateEntry, readZipDirectory } from '../../app/utils/zip.server';
import { getScenario } from '../../scenarios/index';
import { useTestDatabase } from '../support/db';
import { isUniqueViolation } from '../../db/dialect';

type Db = ReturnType<typeof useTestDatabase>['db'];

// One scenario per core skill, the shortest of each.
const PER_SKILL = [
  'onboard-dust-enterprise',
  'inspect-dust-explosion',
  'enforce-installments',
  'enforce-court-application',
];

const WEEK = weekOf('2026-03-09'); // Monday 9 – Sunday 15 March 2026
const PREVIOUS = weekOf('2026-03-02');
// Monday 16 March, 10:00 China time.
const ISSUE_AT = new Date('2026-03-16T02:00:00.000Z');

async function actor(db: Db, username: string) {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'units.id as unit_id', 'units.code', 'units.name', 'units.level', 'units.path'])
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();
  return { id: row.id, unit: { id: row.unit_id, code: row.code, name: row.name, level: row.level, path: row.path } };
}

async function officersOf(db: Db, code: string) {
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.username', 'users.display_name'])
    .where('units.code', '=', code)
    .where('users.role', '=', 'officer')
    .orderBy('users.id')
    .execute();
}

/** Plays a scenario's model answer through the drill service, one minute per step from `start`. */
async function play(
  db: Db,
  userId: number,
  scenarioId: string,
  seed: string,
  mode: 'assessment' | 'practice',
  start: Date,
) {
  const scenario = getScenario(scenarioId)!;
  let minute = 0;
  const at = () => new Date(start.getTime() + minute++ * 60_000);
  const started = await startDrill(db, userId, { scenarioId, mode, seed, now: at() });
  if (!started.ok) throw new Error(started.reason);
  for (const [version, step] of scenario.modelAnswer(scenario.fixture(seed)).entries()) {
    const result = await submitDrillStep(db, userId, started.attemptId, {
      stepId: step.stepId,
      values: step.values,
      version,
      now: at(),
    });
    if (!result.ok) throw new Error(`${scenarioId} ${step.stepId}: ${result.reason}`);
  }
  const row = await db
    .selectFrom('attempts')
    .select(['passed'])
    .where('id', '=', started.attemptId)
    .executeTakeFirstOrThrow();
  expect(row.passed, `${scenarioId} ${seed}`).toBe(1);
}

/** Passes every core skill's assessment on two seeds: proficient from `start` on. */
async function makeProficient(db: Db, userId: number, start: Date) {
  let offset = 0;
  for (const scenarioId of PER_SKILL)
    for (const seed of [`${userId}a`, `${userId}b`]) {
      await play(db, userId, scenarioId, seed, 'assessment', new Date(start.getTime() + offset * 60 * 60_000));
      offset += 1;
    }
}

/**
 * 昌黎县 keeps three officers on record: A (proficient in the previous week), B (proficient this
 * week), F (never drilled). 卢龙县's C practises once this week.
 */
async function arrange(db: Db) {
  const changli = await officersOf(db, '130322');
  const [a, b, f] = changli;
  await db
    .updateTable('users')
    .set({ disabled: 1 })
    .where(
      'id',
      'in',
      changli.slice(3).map((o) => o.id),
    )
    .execute();
  const lulong = await officersOf(db, '130324');
  const c = lulong[0]!;
  await makeProficient(db, a!.id, new Date('2026-03-03T01:00:00.000Z'));
  await makeProficient(db, b!.id, new Date('2026-03-10T01:00:00.000Z'));
  await play(db, c.id, PER_SKILL[0]!, 'c1', 'practice', new Date('2026-03-11T01:00:00.000Z'));
  return { a: a!, b: b!, f: f!, c, lulong };
}

describe('the weekly 通报', () => {
  it('ranks the readiness report’s rows of the week, names praise and criticism by the thresholds, gives the change and the annex', async () => {
    const { db } = useTestDatabase();
    const { a, b, f, c, lulong } = await arrange(db);
    const manager = await actor(db, 'qhd.manager');

    const issued = await issueBulletin(db, manager, { week: WEEK.from }, ISSUE_AT);
    expect(issued).toEqual({ ok: true, id: expect.any(Number), number: '练兵通报〔2026〕第1期' });
    if (!issued.ok) return;
    const { content } = await requireBulletinInScope(db, manager.unit, issued.id);
    expect(content).toMatchObject({
      title: '关于秦皇岛市执法练兵工作落实情况的通报',
      number: '练兵通报〔2026〕第1期',
      period: { from: '2026-03-09', to: '2026-03-15' },
      previousPeriod: { from: '2026-03-02', to: '2026-03-08' },
      asOf: '2026-03-15T16:00:00.000Z',
      scheduled: false,
      realYear: 2023,
    });

    // The ranking holds exactly the readiness report's rows for the week (judged at its end).
    const report = await getReadinessReport(db, manager.unit, { period: WEEK, now: new Date(weekEnd(WEEK)) });
    expect(content.rows.map((r) => r.unitId).sort()).toEqual(report.rows.map((r) => r.unitId).sort());
    for (const row of content.rows) {
      const r = report.rows.find((x) => x.unitId === row.unitId)!;
      expect(row, r.name).toMatchObject({
        name: r.name,
        officers: r.officers,
        drilled: r.drilled,
        participationPct: r.participationPct,
        proficient: r.proficient,
        proficientPct: r.proficientPct,
        level: r.level,
        real: r.real && {
          enterprisesOnboarded: r.real.enterprisesOnboarded,
          inspections: r.real.inspections,
          coverageInsufficient: r.real.coverageInsufficient,
          realParticipationPct: r.real.realParticipationPct,
        },
      });
    }
    const changli = content.rows.find((r) => r.name === '昌黎县')!;
    expect(changli).toMatchObject({
      rank: 1,
      officers: 3,
      drilled: 1, // B; A drilled the week before
      proficient: 2,
      proficientPct: 66.7,
      level: 'green',
      change: { rank: 0, drilled: 0, proficient: 1, proficientPct: 33.4, participationPct: 0 },
    });
    const lulongRow = content.rows.find((r) => r.name === '卢龙县')!;
    expect(lulongRow).toMatchObject({
      rank: 2,
      drilled: 1,
      proficient: 0,
      level: 'red',
      change: { rank: 0, drilled: 1 },
    });
    // The seven units with nothing share rank 3.
    expect(content.rows.slice(2).map((r) => r.rank)).toEqual(Array(7).fill(3));

    // Praise: the unit at the green line (≥ 60%); criticism: the last three ranks (ties included), all red.
    expect(content.praised).toEqual([
      { unitId: changli.unitId, name: '昌黎县', reason: expect.stringContaining('达到“熟练掌握率不低于 60%”的达标线') },
    ]);
    expect(content.criticised.map((u) => u.name).sort()).toEqual(
      content.rows
        .slice(2)
        .map((r) => r.name)
        .sort(),
    );
    for (const u of content.criticised) {
      expect(u.reason).toContain('位列后 3 名（含并列）');
      expect(u.reason).toContain('低于“熟练掌握率不足 20% 且参训率不足 50% 为未达标”的标准');
    }
    // 秦皇岛市本级's imported 2023 figures: coverage insufficient, quoted with the rule.
    expect(content.criticised.find((u) => u.name === '秦皇岛市本级')!.reason).toMatch(
      /检查 \d+ 次，不足 11 次（覆盖不足）/,
    );
    expect(content.criticised.find((u) => u.name === '卢龙县')).toBeUndefined();

    // Overall change: one more proficient officer, one more officer drilled (C) — B replaces A.
    expect(content.totals.proficient - content.previousTotals.proficient).toBe(1);
    expect(content.totals.drilled).toBe(2);
    expect(content.previousTotals.drilled).toBe(1);

    // The annex: exactly the officers on record who are not proficient at the week's end.
    expect(content.annex.find((u) => u.name === '昌黎县')!.officers).toEqual([
      { name: f.display_name, username: f.username, missing: ['企业入库', '执法检查', '执法文书', '案件办理'] },
    ]);
    const lulongAnnex = content.annex.find((u) => u.name === '卢龙县')!.officers;
    expect(lulongAnnex.map((o) => o.username)).toEqual(lulong.map((o) => o.username));
    expect(lulongAnnex.map((o) => o.username)).toContain(c.username);
    const annexNames = content.annex.flatMap((u) => u.officers.map((o) => o.username));
    expect(annexNames).not.toContain(a.username);
    expect(annexNames).not.toContain(b.username);
    expect(annexNames).toHaveLength(content.totals.officers - content.totals.proficient);

    // The audit log has the issue.
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_type', '=', 'bulletin')
      .where('target_id', '=', String(issued.id))
      .execute();
    expect(audit).toMatchObject([{ actor_user_id: manager.id, action: 'bulletin.issue' }]);
  }, 120_000);

  it('counts a pass made after the week’s end for the next week, not this one', async () => {
    const { db } = useTestDatabase();
    const [d] = await officersOf(db, '130324');
    const manager = await actor(db, 'qhd.manager');
    // Monday 16 March from 08:30 China time: after the week, before the 通报 is issued.
    await makeProficient(db, d!.id, new Date('2026-03-16T00:30:00.000Z'));
    const content = await buildBulletinContent(db, manager.unit, WEEK, {
      number: 'x',
      issuedAt: new Date('2026-03-16T10:00:00.000Z').toISOString(),
      scheduled: false,
    });
    expect(content.rows.find((r) => r.name === '卢龙县')).toMatchObject({ proficient: 0, drilled: 0 });
    expect(content.annex.find((u) => u.name === '卢龙县')!.officers.map((o) => o.username)).toContain(d!.username);
    const next = await buildBulletinContent(db, manager.unit, weekOf('2026-03-16'), {
      number: 'y',
      issuedAt: new Date('2026-03-23T02:00:00.000Z').toISOString(),
      scheduled: false,
    });
    expect(next.rows.find((r) => r.name === '卢龙县')).toMatchObject({
      proficient: 1,
      drilled: 1,
      change: { proficient: 1, drilled: 1 },
    });
  }, 120_000);

  it('reopens exactly as issued after new drills, numbers per unit and year, refuses a second issue of a week', async () => {
    const { db } = useTestDatabase();
    const manager = await actor(db, 'qhd.manager');
    const admin = await actor(db, 'admin');
    const first = await issueBulletin(db, manager, { week: '2026-03-02' }, ISSUE_AT);
    const second = await issueBulletin(db, manager, { week: WEEK.from }, ISSUE_AT);
    const province = await issueBulletin(db, admin, { week: WEEK.from }, ISSUE_AT);
    const nextYear = await issueBulletin(db, manager, { week: '2026-12-28' }, new Date('2027-01-04T01:00:00.000Z'));
    expect([first, second, province, nextYear].map((r) => r.ok && r.number)).toEqual([
      '练兵通报〔2026〕第1期',
      '练兵通报〔2026〕第2期',
      '练兵通报〔2026〕第1期', // the province numbers its own
      '练兵通报〔2027〕第1期',
    ]);
    if (!second.ok) return;
    const before = await requireBulletinInScope(db, manager.unit, second.id);

    // New drills in the week (recorded late) change what the report would say now, not the 通报.
    const [officer] = await officersOf(db, '130322');
    await makeProficient(db, officer!.id, new Date('2026-03-12T01:00:00.000Z'));
    const fresh = await buildBulletinContent(db, manager.unit, WEEK, {
      number: before.content.number,
      issuedAt: before.content.issuedAt,
      scheduled: false,
    });
    expect(fresh.totals.proficient).toBe(1);
    const after = await requireBulletinInScope(db, manager.unit, second.id);
    expect(after).toEqual(before);
    expect(after.content.totals.proficient).toBe(0);

    // The same week again: refused in Chinese, naming the issued one, nothing written.
    const count = async () =>
      (await db.selectFrom('bulletins').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const audits = async () =>
      (await db.selectFrom('audit_log').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const [n, m] = [await count(), await audits()];
    expect(await issueBulletin(db, manager, { week: WEEK.from }, ISSUE_AT)).toEqual({
      ok: false,
      field: 'week',
      message: '2026-03-09 至 2026-03-15 的通报已印发（练兵通报〔2026〕第2期），请在列表中查看',
    });
    expect([await count(), await audits()]).toEqual([n, m]);

    // The database holds the numbering unique too.
    await expect(
      db
        .insertInto('bulletins')
        .values({
          scope_unit_id: manager.unit.id,
          year: 2026,
          seq: 1,
          number: 'dup',
          period_from: '2026-01-05',
          period_to: '2026-01-11',
          issued_at: ISSUE_AT.toISOString(),
          issued_by: manager.id,
          content_json: '{}',
        })
        .execute(),
    ).rejects.toSatisfy(isUniqueViolation);
  }, 120_000);

  it('enforces scope: a unit sees its subtree’s 通报 only (403 outside, 404 unknown)', async () => {
    const { db } = useTestDatabase();
    const manager = await actor(db, 'qhd.manager');
    const admin = await actor(db, 'admin');
    const province = await issueBulletin(db, admin, { week: WEEK.from }, ISSUE_AT);
    const city = await issueBulletin(db, manager, { week: WEEK.from }, ISSUE_AT);
    if (!province.ok || !city.ok) throw new Error('not issued');
    expect((await listBulletins(db, manager.unit)).map((b) => b.id)).toEqual([city.id]);
    expect((await listBulletins(db, admin.unit)).map((b) => b.id).sort()).toEqual([province.id, city.id].sort());
    await expect(requireBulletinInScope(db, admin.unit, city.id)).resolves.toMatchObject({ id: city.id });
    // Province-wide: all 192 units, each named with its city so that names never repeat.
    const names = (await requireBulletinInScope(db, admin.unit, province.id)).content.rows.map((r) => r.name);
    expect(names).toHaveLength(192);
    expect(new Set(names).size).toBe(192);
    expect(names).toEqual(expect.arrayContaining(['秦皇岛市海港区', '秦皇岛市本级', '秦皇岛市经济技术开发区']));
    const forbidden = await requireBulletinInScope(db, manager.unit, province.id).catch((r: Response) => r);
    expect(forbidden).toBeInstanceOf(Response);
    expect((forbidden as Response).status).toBe(403);
    const unknown = await requireBulletinInScope(db, manager.unit, 999_999).catch((r: Response) => r);
    expect((unknown as Response).status).toBe(404);
    // A county's 通报 covers only the county.
    const county = await db
      .selectFrom('units')
      .select(['id', 'code', 'name', 'level', 'path'])
      .where('code', '=', '130322')
      .executeTakeFirstOrThrow();
    const own = await issueBulletin(db, { id: manager.id, unit: county }, { week: WEEK.from }, ISSUE_AT);
    if (!own.ok) throw new Error('not issued');
    const { content } = await requireBulletinInScope(db, county, own.id);
    expect(content.rows.map((r) => r.name)).toEqual(['昌黎县']);
    expect((await listBulletins(db, county)).map((b) => b.id)).toEqual([own.id]);
  }, 60_000);

  it('refuses bad week input in Chinese with nothing written', async () => {
    const { db } = useTestDatabase();
    const manager = await actor(db, 'qhd.manager');
    const form = (week: string) => {
      const data = new FormData();
      data.set('week', week);
      return parseForm(bulletinIssueSchema, data);
    };
    expect(form('')).toMatchObject({ success: false, fieldErrors: { week: ['请选择通报周次'] } });
    expect(form('2026-13-01')).toMatchObject({
      success: false,
      fieldErrors: { week: [expect.stringMatching(/^周次/)] },
    });
    expect(form('next week')).toMatchObject({
      success: false,
      fieldErrors: { week: [expect.stringContaining('周次格式不正确')] },
    });
    expect(form('2026-03-10')).toMatchObject({
      success: false,
      fieldErrors: { week: ['通报周次须从周一开始：请从列表中选择一周'] },
    });
    expect(parseForm(bulletinIssueSchema, new FormData())).toMatchObject({
      success: false,
      fieldErrors: { week: [expect.any(String)] },
    });
    expect(form('2026-03-09')).toMatchObject({ success: true, data: { week: '2026-03-09' } });
    // A week not yet over (the current week) is the service's refusal.
    expect(await issueBulletin(db, manager, { week: '2026-03-16' }, ISSUE_AT)).toEqual({
      ok: false,
      field: 'week',
      message: '通报周次须为已结束的一周：2026-03-16 至 2026-03-22 尚未结束',
    });
    expect(await db.selectFrom('bulletins').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('audit_log').selectAll().where('target_type', '=', 'bulletin').execute()).toEqual([]);
  });

  it('offers finished weeks, last week first', () => {
    expect(lastWeekMonday(ISSUE_AT)).toBe('2026-03-09');
    // Sunday 23:30 China time is still in the week of the 16th.
    expect(lastWeekMonday(new Date('2026-03-22T15:30:00.000Z'))).toBe('2026-03-09');
    expect(lastWeekMonday(new Date('2026-03-22T16:00:00.000Z'))).toBe('2026-03-16');
    expect(weekOptions(ISSUE_AT, 2)).toEqual([
      { value: '2026-03-09', label: '2026-03-09 至 2026-03-15（上周）' },
      { value: '2026-03-02', label: '2026-03-02 至 2026-03-08' },
    ]);
  });

  it('the schedule issues last week’s 通报 from Monday 08:00 China time, once, for units with a manager', async () => {
    const { db } = useTestDatabase();
    const manager = await actor(db, 'qhd.manager');
    // Monday 07:59 China time: last week is not due yet; the week before is (and is issued as a catch-up).
    const early = await issueScheduledBulletins(db, new Date('2026-03-15T23:59:00.000Z'));
    expect(early.week).toEqual(PREVIOUS);
    expect(early.issued.map((i) => i.unitId)).toEqual([manager.unit.id]); // 秦皇岛市: the only unit with a manager
    const due = new Date('2026-03-16T00:00:00.000Z'); // 08:00
    const first = await issueScheduledBulletins(db, due);
    expect(first).toMatchObject({ week: WEEK, issued: [{ unitId: manager.unit.id, number: '练兵通报〔2026〕第2期' }] });
    const again = await issueScheduledBulletins(db, new Date('2026-03-17T09:00:00.000Z'));
    expect(again).toEqual({ week: WEEK, issued: [] });
    const rows = await db.selectFrom('bulletins').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.period_from, r.issued_by])).toEqual([
      ['2026-03-02', null],
      ['2026-03-09', null],
    ]);
    const { content } = await requireBulletinInScope(db, manager.unit, rows[1]!.id);
    expect(content.scheduled).toBe(true);
    // A manager issuing that week by hand afterwards is refused (one per week).
    expect(await issueBulletin(db, manager, { week: WEEK.from }, due)).toMatchObject({ ok: false, field: 'week' });
  }, 60_000);

  it('exports XLSX and .docx with the same ranking values as the page', async () => {
    const { db } = useTestDatabase();
    await arrange(db);
    const manager = await actor(db, 'qhd.manager');
    const issued = await issueBulletin(db, manager, { week: WEEK.from }, ISSUE_AT);
    if (!issued.ok) throw new Error('not issued');
    const { content } = await requireBulletinInScope(db, manager.unit, issued.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bulletinWorkbook(content)).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['排名', '未达标人员', '概况']);
    const ranking = workbook.getWorksheet('排名')!;
    const values = (ws: ExcelJS.Worksheet) =>
      ws
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1));
    expect(values(ranking)).toEqual([
      BULLETIN_COLUMNS.map((c) => c.header),
      ...content.rows.map((row) => BULLETIN_COLUMNS.map((c) => c.value(row))),
    ]);
    // 昌黎县 rose by 33.4 points: a number in the sheet (formatted +0.0), never text guarded as a formula.
    expect(content.rows[0]!.change!.proficientPct).toBe(33.4);
    for (const ws of workbook.worksheets)
      for (const row of values(ws)) for (const cell of row) expect(String(cell ?? '')).not.toMatch(/^'/);
    expect(values(workbook.getWorksheet('未达标人员')!)).toHaveLength(
      1 + content.annex.reduce((s, u) => s + u.officers.length, 0),
    );
    const docx = await bulletinDocx(content);
    expect(Buffer.from(docx.subarray(0, 2)).toString()).toBe('PK');
    const xml = await documentXml(docx);
    expect(xml).toContain(content.title);
    expect(xml).toContain(content.number);
    expect(xml).toContain('卢龙县');
  }, 120_000);
});

/** word/document.xml of a .docx, read with the app's own zip reader. */
async function documentXml(docx: Uint8Array): Promise<string> {
  const dir = readZipDirectory(docx, {
    maxEntries: 100,
    maxTotalBytes: 50_000_000,
    maxRatio: 1000,
    ratioFloorBytes: 1,
  });
  if (!dir.ok) throw new Error(dir.error);
  const entry = dir.entries.find((e) => e.name === 'word/document.xml')!;
  return (await inflateEntry(docx, entry, 50_000_000)).toString('utf8');
}
