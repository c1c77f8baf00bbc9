import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createAssignment, newAssignmentFormToken } from '../../app/models/assignment/commands.server';
import {
  getOfficerReadiness,
  getProficiencyTrend,
  getReadinessReport,
  getUnitReadinessDetail,
  masteryInstant,
  namedPeriod,
  readinessLevel,
  usageGroup,
  weekEnds,
} from '../../app/models/readiness.server';
import {
  commitImport,
  createPendingImport,
  getImport,
  parseStatisticsFile,
} from '../../app/models/statistics-import.server';
import { findUnitByCode } from '../../app/models/unit.server';
import { listScenarios } from '../../scenarios/index';
import { useTestDatabase } from '../support/db';
import { insertPasses } from '../support/passes';

const published = readFileSync(
  new URL('../../db/demo/published/qinhuangdao-online-enforcement-2023.tsv', import.meta.url),
);
type Db = ReturnType<typeof useTestDatabase>['db'];

async function manager(db: Db) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'unit_id'])
    .where('username', '=', 'qhd.manager')
    .executeTakeFirstOrThrow();
  const unit = await db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('id', '=', user.unit_id)
    .executeTakeFirstOrThrow();
  return { id: user.id, unit };
}

async function importPublished(db: Db, bytes: Uint8Array = published, fileName = 'qinhuangdao.tsv') {
  const parsed = await parseStatisticsFile(fileName, bytes);
  if (!parsed.ok) throw new Error(parsed.errors.join('；'));
  const m = await manager(db);
  const id = await createPendingImport(db, m, { fileName, periodYear: 2023, rows: parsed.rows });
  return { id, m, rows: parsed.rows };
}

describe('importing the real system’s statistics', () => {
  it('the published Qinhuangdao table as-is: 7 of 9 units coverage-insufficient, 4/70 = 5.7% for 秦皇岛市本级', async () => {
    const { db } = useTestDatabase();
    // The demo seed ships this import already; start without it to see the import do the work.
    await db.deleteFrom('real_statistics').execute();
    await db.deleteFrom('statistics_imports').execute();
    const before = await getReadinessReport(db, (await manager(db)).unit, {
      period: { from: '2023-01-01', to: '2023-12-31' },
    });
    expect(before.totals.withRealFigures).toBe(0);
    const { id, m } = await importPublished(db);
    expect(await commitImport(db, m, id, { mapping: {} })).toEqual({ ok: true, imported: 9, skipped: 0, replaced: 0 });
    const report = await getReadinessReport(db, m.unit, {
      period: { from: '2023-01-01', to: '2023-12-31' },
      now: new Date('2026-03-01T00:00:00Z'),
    });
    expect(report.year).toBe(2023);
    expect(report.totals.coverageInsufficient).toBe(7);
    expect(report.rows.filter((r) => r.real?.coverageInsufficient).map((r) => r.name)).toEqual([
      '秦皇岛市本级',
      '海港区',
      '山海关区',
      '北戴河区',
      '抚宁区',
      '青龙满族自治县',
      '经济技术开发区',
    ]);
    const own = report.rows.find((r) => r.name === '秦皇岛市本级')!;
    expect(own.real).toMatchObject({
      officersOnRecord: 70,
      participatingOfficers: 4,
      realParticipationPct: 5.7,
      coverageInsufficient: true,
    });
    expect(report.rows.find((r) => r.name === '卢龙县')!.real).toMatchObject({
      inspections: 25,
      coverageInsufficient: false,
    });
  });

  it('reads CSV and XLSX with the published headers too', async () => {
    const text = new TextDecoder().decode(published);
    const csv = text
      .split('\n')
      .map((line) =>
        line
          .split('\t')
          .map((c) => (c.includes(',') ? `"${c}"` : c))
          .join(','),
      )
      .join('\n');
    const fromCsv = await parseStatisticsFile('export.csv', new TextEncoder().encode(csv));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('统计');
    for (const line of text.trim().split('\n')) {
      const cells = line.split('\t');
      sheet.addRow(cells.map((c, i) => (i === 0 || Number.isNaN(Number(c)) ? c : Number(c))));
    }
    const fromXlsx = await parseStatisticsFile('export.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const fromTsv = await parseStatisticsFile('export.tsv', published);
    expect(fromTsv.ok && fromTsv.rows).toHaveLength(9);
    expect(fromCsv).toEqual(fromTsv);
    expect(fromXlsx).toEqual(fromTsv);
  });

  it('refuses a bad file with row-and-column messages in Chinese, and stores nothing', async () => {
    const header = new TextDecoder().decode(published).split('\n')[0]!;
    const bad = `${header}\n昌黎县\t46\t47\t二十四\t62\t0\t0\t1.00\t108\t7\n卢龙县\t37\t5\t\t35\t0\t1\t40.00\t109\t12\n昌黎县\t1\t1\t1\t1\t1\t1\t1\t1\t1\n`;
    const result = await parseStatisticsFile('bad.tsv', new TextEncoder().encode(bad));
    expect(result).toEqual({
      ok: false,
      errors: ['第 2 行：检查次数须为数字', '第 3 行“检查次数 全年”为空', '第 4 行：地区“昌黎县”与第 2 行重复'],
    });
    expect(await parseStatisticsFile('x.tsv', new TextEncoder().encode('地区\t执法人员数\n昌黎县\t1\n'))).toMatchObject(
      {
        ok: false,
        errors: [expect.stringContaining('缺少列：“企业入库数”')],
      },
    );
    expect(await parseStatisticsFile('x.pdf', published)).toEqual({
      ok: false,
      errors: ['文件格式不支持：请上传 TSV、CSV 或 XLSX 文件'],
    });
    expect(await parseStatisticsFile('x.tsv', new Uint8Array())).toEqual({ ok: false, errors: ['文件为空'] });
  });

  it('lists unmatched names for mapping; nothing is stored until every row is mapped; mappings are remembered', async () => {
    const { db } = useTestDatabase();
    const renamed = new TextDecoder()
      .decode(published)
      .replace('昌黎县', '昌黎')
      .replace('经济技术开发区', '秦皇岛经开区');
    const stored = async () => (await db.selectFrom('real_statistics').selectAll().execute()).length;
    const before = await stored();
    const { id, m } = await importPublished(db, new TextEncoder().encode(renamed));
    const pending = (await getImport(db, m, id))!;
    expect(pending.rows.filter((r) => !r.unit).map((r) => r.unitName)).toEqual(['昌黎', '秦皇岛经开区']);

    const refused = await commitImport(db, m, id, { mapping: { 'row-6': '130322' } });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { 'row-8': '“秦皇岛经开区”还没有对应单位：请选择县级执法单位，或选择“不导入此行”' },
    });
    expect(await stored()).toBe(before);

    const doubled = await commitImport(db, m, id, { mapping: { 'row-6': '130322', 'row-8': '130322' } });
    expect(doubled).toMatchObject({
      ok: false,
      fieldErrors: { 'row-8': expect.stringContaining('对应到了同一个单位') },
    });
    expect(await stored()).toBe(before);

    // The seed already holds 2023: the same figures again still ask before replacing.
    const preview = await commitImport(db, m, id, { mapping: { 'row-6': '130322', 'row-8': '130300-01' } });
    if (!('confirm' in preview)) throw new Error('expected a replacement preview');
    expect(preview.confirm.units.every((u) => u.status === 'same')).toBe(true);
    expect(await stored()).toBe(before);
    expect(
      await commitImport(db, m, id, {
        mapping: { 'row-6': '130322', 'row-8': '130300-01' },
        replaces: preview.confirm.basis,
      }),
    ).toEqual({ ok: true, imported: 9, skipped: 0, replaced: 9 });
    const again = await importPublished(db, new TextEncoder().encode(renamed));
    expect((await getImport(db, m, again.id))!.rows.every((r) => r.unit)).toBe(true);
  });

  it('the demo seed ships the published 2023 figures as a committed import', async () => {
    const { db } = useTestDatabase();
    const report = await getReadinessReport(db, (await manager(db)).unit, {
      period: { from: '2023-01-01', to: '2023-12-31' },
    });
    expect(report.years).toEqual([2023]);
    expect(report.totals).toMatchObject({ withRealFigures: 9, coverageInsufficient: 7 });
  });

  it('a manager cannot map a row to a unit outside the subtree', async () => {
    const { db } = useTestDatabase();
    const renamed = new TextDecoder().decode(published).replace('昌黎县', '昌黎');
    const { id, m } = await importPublished(db, new TextEncoder().encode(renamed));
    expect(await commitImport(db, m, id, { mapping: { 'row-6': '130203' } })).toMatchObject({
      ok: false,
      fieldErrors: { 'row-6': expect.any(String) },
    });
  });
});

describe('readiness figures', () => {
  const now = new Date('2026-03-20T04:00:00.000Z');
  const period = { from: '2026-03-01', to: '2026-03-31' };

  async function officersOf(db: Db, code: string) {
    const unit = (await findUnitByCode(db, code))!;
    return db
      .selectFrom('users')
      .select('id')
      .where('unit_id', '=', unit.id)
      .where('role', '=', 'officer')
      .orderBy('id')
      .execute();
  }

  async function master(db: Db, userId: number, skills: string[], best: number, until = '2026-08-01T00:00:00.000Z') {
    for (const skill of skills) {
      await db
        .insertInto('skill_mastery')
        .values({ user_id: userId, skill, attempts: 2, best_score: best, mastered_until: until })
        .execute();
    }
  }

  it('compute each column as documented, on a small hand-made dataset', async () => {
    const { db } = useTestDatabase();
    const [a, b, c, d] = await officersOf(db, '130322'); // 昌黎县, 46 officers
    await db.updateTable('users').set({ disabled: 1 }).where('id', '=', d!.id).execute(); // 45 on record
    await db
      .insertInto('officer_activity')
      .values([
        { user_id: a!.id, day: '2026-03-02' },
        { user_id: a!.id, day: '2026-03-05' },
        { user_id: b!.id, day: '2026-03-31' },
        { user_id: c!.id, day: '2026-02-28' }, // before the period
        { user_id: d!.id, day: '2026-03-03' }, // disabled: not counted
      ])
      .execute();
    await master(db, a!.id, ['onboarding', 'inspection', 'documents', 'case'], 95);
    await master(db, b!.id, ['onboarding', 'inspection'], 81);
    await master(db, c!.id, ['onboarding'], 70, '2026-03-10T00:00:00.000Z'); // lapsed before the report date
    const m = await manager(db);
    const report = await getReadinessReport(db, m.unit, { period, now });
    const changli = report.rows.find((r) => r.name === '昌黎县')!;
    expect(changli).toMatchObject({
      officers: 45,
      drilled: 2,
      participationPct: 4.4, // 2/45
      proficient: 1,
      proficientPct: 2.2, // 1/45
      masteryPct: { onboarding: 4.4, inspection: 4.4, documents: 2.2, case: 2.2 },
      avgBestScore: 82, // (95 + 81 + 70) / 3 officers with any result
      level: 'red',
      // The demo's imported 2023 figures for 昌黎县: 24 inspections, 7 of 46 officers took part.
      real: { inspections: 24, coverageInsufficient: false, realParticipationPct: 15.2 },
      group: 'usingNotDrilled',
    });
    const lulong = report.rows.find((r) => r.name === '卢龙县')!;
    expect(lulong).toMatchObject({
      officers: 37,
      drilled: 0,
      participationPct: 0,
      proficient: 0,
      avgBestScore: null,
      level: 'red',
    });
    expect(report.rows.map((r) => r.name)).toHaveLength(9);
    expect(report.rows.filter((r) => r.bottomRanked)).toHaveLength(3);
    expect(report.rows.find((r) => r.name === '昌黎县')!.bottomRanked).toBe(false);
  });

  it('judge a past period at its end: passes made after it do not make anyone proficient back then', async () => {
    const { db } = useTestDatabase();
    const [a, b] = await officersOf(db, '130322');
    const skills = ['onboarding', 'inspection', 'documents', 'case'];
    const passes = (userId: number, seed: string, at: string) => skills.map((skill) => ({ userId, skill, seed, at }));
    await insertPasses(db, [
      // A: proficient since 2026-02-12, within February.
      ...passes(a!.id, 's1', '2026-02-10T02:00:00.000Z'),
      ...passes(a!.id, 's2', '2026-02-12T02:00:00.000Z'),
      // B: one seed in February, the second on 2026-03-05 — proficient only from March.
      ...passes(b!.id, 's1', '2026-02-20T02:00:00.000Z'),
      ...passes(b!.id, 's2', '2026-03-05T02:00:00.000Z'),
    ]);
    // The rollup as the server keeps it now: both have mastered every skill until August.
    await master(db, a!.id, skills, 90);
    await master(db, b!.id, skills, 88);
    const m = await manager(db);
    const changli = async (p: { from: string; to: string }) =>
      (await getReadinessReport(db, m.unit, { period: p, now })).rows.find((r) => r.name === '昌黎县')!;
    expect((await changli({ from: '2026-02-01', to: '2026-02-28' })).proficient).toBe(1);
    expect((await changli({ from: '2026-02-01', to: '2026-02-28' })).masteryPct.case).toBe(2.2); // 1/46
    expect((await changli(period)).proficient).toBe(2); // March, judged now from the rollup
  });

  it('counts overdue assignment work per unit', async () => {
    const { db } = useTestDatabase();
    const trainer = await db
      .selectFrom('users')
      .select(['id', 'unit_id'])
      .where('username', '=', 'trainer')
      .executeTakeFirstOrThrow();
    const trainerUnit = await db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('id', '=', trainer.unit_id)
      .executeTakeFirstOrThrow();
    const created = await createAssignment(
      db,
      { id: trainer.id, unit: trainerUnit },
      {
        formToken: newAssignmentFormToken(),
        title: '',
        scenarioIds: [listScenarios()[0]!.id],
        unitCodes: ['130322'],
        officerUsernames: [],
        mode: 'practice',
        passMark: 80,
        opensAt: '2026-03-01T00:00:00.000Z',
        dueAt: '2026-03-05T00:00:00.000Z',
        attemptsAllowed: 3,
        note: '',
        competition: false,
      },
      new Date('2026-02-28T00:00:00.000Z'),
    );
    expect(created).toMatchObject({ ok: true });
    const m = await manager(db);
    const before = await getReadinessReport(db, m.unit, { period, now: new Date('2026-03-04T00:00:00.000Z') });
    expect(before.rows.find((r) => r.name === '昌黎县')!.overdue).toBe(0);
    const after = await getReadinessReport(db, m.unit, { period, now });
    expect(after.rows.find((r) => r.name === '昌黎县')!.overdue).toBe(46);
    expect(after.rows.find((r) => r.name === '卢龙县')!.overdue).toBe(0);
  });

  it('scopes to the manager’s subtree: 秦皇岛市 sees its nine units only', async () => {
    const { db } = useTestDatabase();
    const m = await manager(db);
    const report = await getReadinessReport(db, m.unit, { period, now });
    expect(report.rows.map((r) => r.city?.name)).toEqual(Array(9).fill('秦皇岛市'));
    expect(report.totals.officers).toBe(322);
  });

  it('levels, groups and periods follow their definitions', () => {
    expect(readinessLevel(60, 0)).toBe('green');
    expect(readinessLevel(59.9, 100)).toBe('amber');
    expect(readinessLevel(19.9, 50)).toBe('amber');
    expect(readinessLevel(19.9, 49.9)).toBe('red');
    expect(usageGroup(50, false)).toBe('drilledAndUsing');
    expect(usageGroup(50, true)).toBe('drilledButIdle');
    expect(usageGroup(49.9, false)).toBe('usingNotDrilled');
    expect(usageGroup(0, true)).toBe('neither');
    expect(usageGroup(100, null)).toBeNull();
    expect(namedPeriod('week', now)).toEqual({ from: '2026-03-16', to: '2026-03-20' });
    expect(namedPeriod('month', now)).toEqual({ from: '2026-03-01', to: '2026-03-20' });
    expect(namedPeriod('year', now)).toEqual({ from: '2026-01-01', to: '2026-03-20' });
    expect(masteryInstant({ from: '2026-01-01', to: '2026-01-31' }, now)).toBe('2026-01-31T16:00:00.000Z');
    expect(masteryInstant(period, now)).toBe(now.toISOString());
  });
});

describe('proficiency trend', () => {
  it('counts, at each week’s end, officers with two distinct-seed passes of every skill in the 180 days before', async () => {
    const { db } = useTestDatabase();
    const now = new Date('2026-03-20T04:00:00.000Z'); // a Friday
    const ends = weekEnds(now, 4);
    // Weeks end at Monday 00:00 China time; the current week ends now.
    expect(ends.map((e) => e.at)).toEqual([
      '2026-03-01T16:00:00.000Z',
      '2026-03-08T16:00:00.000Z',
      '2026-03-15T16:00:00.000Z',
      now.toISOString(),
    ]);
    const changli = (await findUnitByCode(db, '130322'))!;
    const [a, b] = await db
      .selectFrom('users')
      .select('id')
      .where('unit_id', '=', changli.id)
      .where('role', '=', 'officer')
      .orderBy('id')
      .limit(2)
      .execute();
    const pass = (userId: number, skill: string, seed: string, at: string) => ({ userId, skill, seed, at });
    const skills = ['onboarding', 'inspection', 'documents', 'case'];
    await insertPasses(db, [
      // A: all four skills on two seeds by 2026-03-03 → proficient from the week ending Monday 03-09.
      ...skills.map((k) => pass(a!.id, k, 's1', '2026-02-10T00:00:00.000Z')),
      ...skills.map((k) => pass(a!.id, k, 's2', '2026-03-03T00:00:00.000Z')),
      // B: the same seed twice for one skill never counts; B is never proficient.
      ...skills.map((k) => pass(b!.id, k, 's1', '2026-02-10T00:00:00.000Z')),
      ...skills.slice(0, 3).map((k) => pass(b!.id, k, 's2', '2026-02-11T00:00:00.000Z')),
      pass(b!.id, 'case', 's1', '2026-02-12T00:00:00.000Z'),
    ]);
    const m = await manager(db);
    const trend = await getProficiencyTrend(db, { path: m.unit.path, level: 'city' }, { weeks: 4, now });
    const row = trend.series.find((x) => x.name === '昌黎县')!;
    expect(row.officers).toBe(46);
    expect(row.pct).toEqual([0, 2.2, 2.2, 2.2]); // 1/46 from the week A's second seed passed
    expect(trend.series.find((x) => x.name === '卢龙县')!.pct).toEqual([0, 0, 0, 0]);
  });
});

describe('unit drill-down', () => {
  it('lists the most frequent mistakes and suggests mentors of the same unit for weak skills', async () => {
    const { db } = useTestDatabase();
    const now = new Date('2026-03-20T04:00:00.000Z');
    const changli = (await findUnitByCode(db, '130322'))!;
    const [a, b, c] = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('unit_id', '=', changli.id)
      .where('role', '=', 'officer')
      .orderBy('id')
      .limit(3)
      .execute();
    const until = '2026-08-01T00:00:00.000Z';
    await db
      .insertInto('skill_mastery')
      .values([
        { user_id: a!.id, skill: 'case', attempts: 3, best_score: 92, mastered_until: until },
        { user_id: b!.id, skill: 'case', attempts: 2, best_score: 97, mastered_until: until },
        { user_id: c!.id, skill: 'case', attempts: 1, best_score: 60, mastered_until: null },
      ])
      .execute();
    await db
      .insertInto('mistake_counts')
      .values([
        { user_id: a!.id, code: 'WRONG_DEADLINE', count: 2, last_at: '2026-03-01T00:00:00.000Z' },
        { user_id: c!.id, code: 'WRONG_DEADLINE', count: 3, last_at: '2026-03-01T00:00:00.000Z' },
        { user_id: c!.id, code: 'NO_ONSITE_MEASURES', count: 1, last_at: '2026-03-01T00:00:00.000Z' },
      ])
      .execute();
    await db.insertInto('officer_activity').values({ user_id: a!.id, day: '2026-03-02' }).execute();
    const detail = await getUnitReadinessDetail(db, changli, now);
    expect(detail.officers).toHaveLength(46);
    expect(detail.officers[0]).toMatchObject({
      id: a!.id,
      lastActivity: '2026-03-02',
      attempts: 3,
      bestScore: 92,
      skills: { case: true, onboarding: false },
    });
    expect(detail.mistakes.map((m) => [m.code, m.count, m.officers])).toEqual([
      ['WRONG_DEADLINE', 5, 2],
      ['NO_ONSITE_MEASURES', 1, 1],
    ]);
    const caseSkill = detail.skills.find((s) => s.skill === 'case')!;
    expect(caseSkill).toMatchObject({ masteredPct: 4.3, weak: true }); // 2/46
    expect(caseSkill.mentors.map((m) => m.id)).toEqual([b!.id, a!.id]); // best score first
    const officer = (await getOfficerReadiness(db, { path: changli.path }, a!.id, now))!;
    expect(officer.skills.find((s) => s.skill === 'case')).toMatchObject({
      mastered: true,
      attempts: 3,
      bestScore: 92,
    });
    const tangshan = (await findUnitByCode(db, '130200'))!;
    expect(await getOfficerReadiness(db, tangshan, a!.id, now)).toBeNull();
  });
});
