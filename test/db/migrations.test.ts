import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';

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
  'login_failures',
  'mistake_counts',
  'officer_activity',
  'real_statistics',
  'sessions',
  'skill_mastery',
  'skill_passes',
  'statistics_imports',
  'unit_aliases',
  'units',
  'users',
];

const tableNames = async (db: ReturnType<typeof freshFile>['db']) =>
  (
    await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(
      db,
    )
  ).rows.map((r) => r.name);

describe('migrations', () => {
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

describe('reset (npm run db:seed -- --reset)', () => {
  it('drops every table of a database full of data and migrates it again', async () => {
    const { useTestDatabase } = await import('../support/db');
    const { migrateAllDown } = await import('../../db/migrate');
    const { db } = useTestDatabase('seeded');
    await migrateAllDown(db);
    expect(await tableNames(db)).toEqual([]);
    await migrateToLatest(db);
    expect(await tableNames(db)).toEqual(ALL_TABLES);
    expect(await db.selectFrom('units').selectAll().execute()).toEqual([]);
  });
});
