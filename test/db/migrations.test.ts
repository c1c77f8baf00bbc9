import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, NO_MIGRATIONS, sql, type Kysely } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../db/connection';
import { migrateAllDown, migrateToLatest } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import { isPostgres, isUniqueViolation } from '../../db/dialect';
import { onPostgres, useTestDatabase } from '../support/db';

function freshFile() {
  const dir = mkdtempSync(join(tmpdir(), 'drill-migrate-'));
  const opened = openDatabase(join(dir, 'sub', 'drill.db'));
  onTestFinished(async () => {
    await opened.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return opened;
}

// Every table of db/schema.ts's Database interface, sorted (one list to extend with each migration).
const ALL_TABLES = [
  'assignment_extensions',
  'assignment_reminders',
  'assignment_scenarios',
  'assignment_targets',
  'assignments',
  'attempt_events',
  'attempts',
  'audit_log',
  'authored_scenarios',
  'bulletins',
  'login_failures',
  'mistake_counts',
  'officer_activity',
  'real_statistics',
  'scenario_regrade_attempts',
  'scenario_regrades',
  'scenario_versions',
  'sessions',
  'skill_mastery',
  'skill_passes',
  'statistics_imports',
  'unit_aliases',
  'units',
  'users',
];

const tableNames = async (db: Kysely<any>) =>
  (
    await (
      isPostgres(db)
        ? sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_name not like 'kysely_%' order by name`
        : sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`
    ).execute(db)
  ).rows.map((r) => r.name);

// On a SQLite file of its own (its folder, its pragmas); the same steps on PostgreSQL follow.
describe.skipIf(onPostgres)('migrations on a SQLite file (SQLite only)', () => {
  it('create every table on an empty file (creating its folder) and set the pragmas', async () => {
    const { db, sqlite } = freshFile();
    const result = await migrateToLatest(db);

    expect(result.results?.map((r) => r.status)).toEqual(Object.keys(migrations).map(() => 'Success'));
    expect(await tableNames(db)).toEqual(ALL_TABLES);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('are a no-op the second time', async () => {
    const { db } = freshFile();
    await migrateToLatest(db);
    const again = await migrateToLatest(db);
    expect(again.results).toEqual([]);
  });

  it('migrate down to nothing and up again', async () => {
    const { db } = freshFile();
    await migrateToLatest(db);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(await tableNames(db)).toEqual([]);
    await migrateToLatest(db);
    expect(await tableNames(db)).toEqual(ALL_TABLES);
  });

  it('enforce the schema: a user in a unit that does not exist is refused', async () => {
    const { db } = freshFile();
    await migrateToLatest(db);
    await expect(
      db.insertInto('users').values({ username: 'x', display_name: 'x', role: 'officer', unit_id: 999 }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});

describe.runIf(onPostgres)('migrations on PostgreSQL (PostgreSQL only)', () => {
  it('create every table, migrate down to nothing and up again, and enforce the foreign keys', async () => {
    const { db } = useTestDatabase('migrated');
    expect(await tableNames(db)).toEqual(ALL_TABLES);
    expect((await migrateToLatest(db)).results).toEqual([]);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
    expect(await tableNames(db)).toEqual([]);
    await migrateToLatest(db);
    expect(await tableNames(db)).toEqual(ALL_TABLES);
    await expect(
      db.insertInto('users').values({ username: 'x', display_name: 'x', role: 'officer', unit_id: 999 }).execute(),
    ).rejects.toThrow(/foreign key/);
  });

  it('order unit paths bytewise, whatever the server’s collation, so a subtree is one range', async () => {
    const { db } = useTestDatabase('migrated');
    const { rows } = await sql<{ collation: string | null }>`select collation_name as collation
      from information_schema.columns where table_name = 'units' and column_name = 'path'`.execute(db);
    expect(rows).toEqual([{ collation: 'C' }]);
  });
});

describe('reset (npm run db:seed -- --reset)', () => {
  it('drops every table of a database full of data and migrates it again', async () => {
    const { db } = useTestDatabase('seeded');
    await migrateAllDown(db);
    expect(await tableNames(db)).toEqual([]);
    await migrateToLatest(db);
    expect(await tableNames(db)).toEqual(ALL_TABLES);
    expect(await db.selectFrom('units').selectAll().execute()).toEqual([]);
  });
});

describe('2026_11_30_400001_unique_daily_reminders', () => {
  it('keeps the earliest reminder per recipient, assignment and Beijing day, then refuses duplicates', async () => {
    const { db } = useTestDatabase('seeded');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('2026_11_26_000001_add_attempts_closed_reason')).error).toBeUndefined();

    const trainer = await db
      .selectFrom('users')
      .select(['id', 'unit_id'])
      .where('username', '=', 'trainer')
      .executeTakeFirstOrThrow();
    const officers = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'officer')
      .orderBy('id')
      .limit(2)
      .execute();
    const [a, b] = officers.map((o) => o.id) as [number, number];
    const {
      rows: [inserted],
    } = await sql<{
      id: number;
    }>`insert into assignments (title, created_by, owner_unit_id, mode, pass_mark, opens_at, due_at, attempts_allowed)
      values ('旧任务', ${trainer.id}, ${trainer.unit_id}, 'assessment', 80, '2026-03-01T00:00:00.000Z', '2026-03-09T10:00:00.000Z', 3)
      returning id`.execute(db);
    const assignment = inserted!.id;
    const remind = (userId: number, createdAt: string, message: string) =>
      sql`insert into assignment_reminders (assignment_id, user_id, message, sent_by, created_at)
          values (${assignment}, ${userId}, ${message}, ${trainer.id}, ${createdAt})`.execute(db);
    await remind(a, '2026-03-02T01:00:00.000Z', 'a 3月2日 第一次');
    await remind(a, '2026-03-02T05:00:00.000Z', 'a 3月2日 第二次');
    await remind(a, '2026-03-02T15:59:00.000Z', 'a 3月2日 23:59');
    await remind(a, '2026-03-02T16:00:00.000Z', 'a 3月3日 00:00');
    // Inserted out of order: the earliest by time is kept, not the lowest id.
    await remind(b, '2026-03-02T09:00:00.000Z', 'b 较晚');
    await remind(b, '2026-03-02T02:00:00.000Z', 'b 较早');
    await remind(b, '2026-03-01T15:30:00.000Z', 'b 3月1日 23:30');

    await migrateToLatest(db);
    const kept = await db
      .selectFrom('assignment_reminders')
      .select(['user_id', 'message'])
      .where('assignment_id', '=', assignment)
      .orderBy('user_id')
      .orderBy('created_at')
      .execute();
    expect(kept).toEqual([
      { user_id: a, message: 'a 3月2日 第一次' },
      { user_id: a, message: 'a 3月3日 00:00' },
      { user_id: b, message: 'b 3月1日 23:30' },
      { user_id: b, message: 'b 较早' },
    ]);
    await expect(remind(b, '2026-03-02T12:00:00.000Z', 'b 又一次')).rejects.toSatisfy(isUniqueViolation);
  });
});
