import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createAssignment, newAssignmentFormToken } from '../../app/models/assignment/commands.server';
import { getReadinessReport } from '../../app/models/readiness.server';
import { readinessWorkbook } from '../../app/models/report-export.server';
import { getRoster } from '../../app/models/roster.server';
import { findUnitByCode } from '../../app/models/unit.server';
import { listScenarios } from '../../scenarios/index';
import { useTestDatabase } from '../support/db';
import { insertPasses } from '../support/passes';

type Db = ReturnType<typeof useTestDatabase>['db'];

const now = new Date('2026-03-20T04:00:00.000Z');
const period = { from: '2026-03-01', to: '2026-03-15' };

async function unitScope(db: Db, code: string) {
  const unit = (await findUnitByCode(db, code))!;
  return unit;
}

async function officersOf(db: Db, code: string) {
  const unit = (await findUnitByCode(db, code))!;
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('unit_id', '=', unit.id)
    .where('role', '=', 'officer')
    .orderBy('id')
    .execute();
}

describe('the readiness roster', () => {
  it('lists every officer on record in the subtree once, by unit in tree order then name', async () => {
    const { db } = useTestDatabase();
    const qhd = await unitScope(db, '130300');
    const [a, b] = await officersOf(db, '130322');
    await db.updateTable('users').set({ password_hash: null }).where('id', '=', a!.id).execute();
    await db.updateTable('users').set({ disabled: 1 }).where('id', '=', b!.id).execute();
    const [roster, report] = await Promise.all([
      getRoster(db, qhd, { period, now }),
      getReadinessReport(db, qhd, { period, now }),
    ]);
    expect(roster).toHaveLength(report.totals.officers);
    expect(new Set(roster.map((r) => r.userId)).size).toBe(roster.length);
    expect(roster.find((r) => r.userId === a!.id)).toMatchObject({ canLogIn: false, unitName: '昌黎县' });
    expect(roster.find((r) => r.userId === b!.id)).toBeUndefined();
    // Units in the report's (tree) order, each unit's officers by name.
    const unitOrder = [...new Set(roster.map((r) => r.unitCode))];
    expect(unitOrder).toEqual(report.rows.filter((r) => r.officers > 0).map((r) => r.code));
    const collator = new Intl.Collator('zh-CN');
    for (const code of unitOrder) {
      const names = roster.filter((r) => r.unitCode === code).map((r) => r.name);
      expect(names).toEqual([...names].sort(collator.compare));
    }
    // A county's manager sees only their county.
    const changli = await getRoster(db, await unitScope(db, '130322'), { period, now });
    expect(changli.every((r) => r.unitCode === '130322')).toBe(true);
    expect(changli).toHaveLength(report.rows.find((r) => r.code === '130322')!.officers);
  });

  it('judges mastery at the end of the period and takes the last drill up to it', async () => {
    const { db } = useTestDatabase();
    const scope = await unitScope(db, '130322');
    const [a, c, d] = await officersOf(db, '130322');
    // The period (1–15 March) has ended: mastery at its end is read from the pass history.
    const skills = ['onboarding', 'inspection', 'documents', 'case'];
    const pass = (userId: number, skill: string, seed: string, at: string) => ({ userId, skill, seed, at });
    await insertPasses(db, [
      ...skills.map((k) => pass(a!.id, k, 's1', '2026-02-02T00:00:00.000Z')),
      ...skills.map((k) => pass(a!.id, k, 's2', '2026-03-04T00:00:00.000Z')),
      // C: mastered 案件办理 until 3 月 9 日 (the older pass is 180 days old then): lapsed by the end.
      pass(c!.id, 'case', 's1', '2025-09-10T00:00:00.000Z'),
      pass(c!.id, 'case', 's2', '2025-10-01T00:00:00.000Z'),
      // D: all four skills, but the second seed only after the period.
      ...skills.map((k) => pass(d!.id, k, 's1', '2026-03-02T00:00:00.000Z')),
      ...skills.map((k) => pass(d!.id, k, 's2', '2026-03-17T00:00:00.000Z')),
    ]);
    await db
      .insertInto('officer_activity')
      .values([
        { user_id: a!.id, day: '2026-03-02' },
        { user_id: a!.id, day: '2026-03-14' },
        { user_id: a!.id, day: '2026-03-18' }, // after the period
      ])
      .execute();
    const roster = await getRoster(db, scope, { period, now });
    const rowA = roster.find((r) => r.userId === a!.id)!;
    expect(rowA).toMatchObject({
      proficient: true,
      lastDrill: '2026-03-14',
      mastered: { onboarding: true, inspection: true, documents: true, case: true },
    });
    expect(roster.find((r) => r.userId === c!.id)).toMatchObject({ proficient: false, mastered: { case: false } });
    expect(roster.find((r) => r.userId === d!.id)).toMatchObject({ proficient: false, mastered: { case: false } });
    const report = await getReadinessReport(db, scope, { period, now });
    expect(roster.filter((r) => r.proficient)).toHaveLength(report.totals.proficient);
  });

  it('counts each officer’s overdue assignments, agreeing with the unit’s overdue figure', async () => {
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
    for (const [i, dueAt] of ['2026-03-05T00:00:00.000Z', '2026-03-06T00:00:00.000Z'].entries()) {
      const created = await createAssignment(
        db,
        { id: trainer.id, unit: trainerUnit },
        {
          formToken: newAssignmentFormToken(),
          title: '',
          scenarioIds: [listScenarios()[i]!.id],
          unitCodes: ['130322'],
          officerUsernames: [],
          mode: 'practice',
          passMark: 80,
          opensAt: '2026-03-01T00:00:00.000Z',
          dueAt,
          attemptsAllowed: 3,
          note: '',
          competition: false,
        },
        new Date('2026-02-28T00:00:00.000Z'),
      );
      expect(created).toMatchObject({ ok: true });
    }
    const qhd = await unitScope(db, '130300');
    const roster = await getRoster(db, qhd, { period, now });
    const report = await getReadinessReport(db, qhd, { period, now });
    const changli = roster.filter((r) => r.unitCode === '130322');
    expect(changli.every((r) => r.overdue === 2)).toBe(true);
    expect(changli.reduce((s, r) => s + r.overdue, 0)).toBe(report.rows.find((r) => r.code === '130322')!.overdue);
    expect(roster.filter((r) => r.unitCode !== '130322').every((r) => r.overdue === 0)).toBe(true);
  });

  it('is the XLSX’s 人员名单 sheet, one row per officer', async () => {
    const { db } = useTestDatabase();
    const qhd = await unitScope(db, '130300');
    const [roster, report] = await Promise.all([
      getRoster(db, qhd, { period, now }),
      getReadinessReport(db, qhd, { period, now }),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await readinessWorkbook({ ...report, year: report.year ?? null }, '秦皇岛市', roster)).buffer,
    );
    const sheet = workbook.getWorksheet('人员名单')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '单位',
      '单位代码',
      '姓名',
      '用户名',
      '账号',
      '企业入库',
      '执法检查',
      '执法文书',
      '案件办理',
      '熟练掌握',
      '最近练兵',
      '逾期任务',
    ]);
    expect(sheet.actualRowCount).toBe(roster.length + 1);
    const usernames: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) usernames.push(String(row.getCell(4).value));
    });
    expect(usernames).toEqual(roster.map((r) => r.username));
  });
});
