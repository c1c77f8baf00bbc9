import { describe, expect, it } from 'vitest';
import { getReadinessReport, getReadinessSummary } from '../../app/models/readiness.server';
import { findUnitByCode } from '../../app/models/unit.server';
import { useTestDatabase } from '../support/db';

describe('the manager home’s readiness summary', () => {
  const now = new Date('2026-03-20T04:00:00.000Z');

  it('is this month’s report in brief: totals, units per level, the priority units first', async () => {
    const { db } = useTestDatabase();
    const qhd = (await findUnitByCode(db, '130300'))!;
    const officers = await db
      .selectFrom('users')
      .select('id')
      .where('unit_id', '=', (await findUnitByCode(db, '130322'))!.id)
      .where('role', '=', 'officer')
      .orderBy('id')
      .limit(3)
      .execute();
    await db
      .insertInto('officer_activity')
      .values([
        ...officers.map((o) => ({ user_id: o.id, day: '2026-03-02' })),
        { user_id: officers[0]!.id, day: '2026-02-27' }, // last month: not this period
      ])
      .execute();
    const summary = await getReadinessSummary(db, qhd, { now, attention: 3 });
    expect(summary.period).toEqual({ from: '2026-03-01', to: '2026-03-20' });
    const report = await getReadinessReport(db, qhd, { period: summary.period, now });
    expect(summary.totals).toMatchObject({
      units: 9,
      officers: report.totals.officers,
      drilled: report.totals.drilled,
      proficient: report.totals.proficient,
    });
    expect(summary.totals.drilled).toBeGreaterThanOrEqual(3);
    expect(summary.totals.participationPct).toBe(
      Math.round((1000 * summary.totals.drilled) / summary.totals.officers) / 10,
    );
    expect(summary.levels.green + summary.levels.amber + summary.levels.red).toBe(9);
    expect(summary.levels.red).toBe(report.rows.filter((r) => r.level === 'red').length);
    expect(summary.attention.map((u) => u.code)).toEqual(report.priority.slice(0, 3).map((r) => r.code));
    expect(summary.attentionTotal).toBe(report.priority.length);
  });
});
