import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { getReadinessReport } from '../app/models/readiness.server';
import { seedDemoDrills } from '../scripts/seed-demo-drills';
import { useTestDatabase } from './support/db';

describe('demo drill history', () => {
  it('plays finished attempts through the drill service for Qinhuangdao, some officers proficient, demo accounts untouched', async () => {
    const { db } = useTestDatabase('seeded');
    const now = new Date('2026-11-25T04:00:00.000Z');
    const played = await seedDemoDrills(db, { now });
    expect(played).toBeGreaterThan(100);
    const attempts = await db.selectFrom('attempts').select(['status', 'user_id', 'finished_at']).execute();
    expect(attempts).toHaveLength(played);
    expect(attempts.filter((a) => a.status !== 'finished')).toEqual([]);
    expect(attempts.filter((a) => a.finished_at! >= now.toISOString())).toEqual([]);
    const demo = await db.selectFrom('users').select('id').where('password_hash', 'is not', null).execute();
    expect(attempts.filter((a) => demo.some((d) => d.id === a.user_id))).toEqual([]);

    const manager = await db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select('units.path')
      .where('username', '=', 'qhd.manager')
      .executeTakeFirstOrThrow();
    const report = await getReadinessReport(db, manager, { period: { from: '2026-01-01', to: '2026-11-25' }, now });
    expect(report.totals.proficient).toBeGreaterThan(0);
    expect(report.totals.drilled).toBeGreaterThan(report.totals.proficient);
    // Every officer with attempts has rollup rows that agree with them.
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from (select distinct a.user_id, a.skill from attempts a) as drilled
       where not exists (select 1 from skill_mastery m where m.user_id = drilled.user_id and m.skill = drilled.skill)`.execute(
      db,
    );
    expect(rows[0]!.n).toBe(0);
  }, 60_000);
});
