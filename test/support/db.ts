import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { inject, onTestFinished } from 'vitest';
import { openDatabase, openPostgres, type OpenedDatabase } from '../../db/connection';
import type { Database } from '../../db/schema';
import { databaseUrl, onPostgres, postgresAdmin, TEST_DATABASE_PREFIX, testServerUrl } from './postgres';

export { onPostgres } from './postgres';

export interface TestDatabase {
  db: Kysely<Database>;
  /** What connectDatabase and the app's DATABASE_URL / DATABASE_PATH accept: a URL or a file path. */
  location: string;
}

/**
 * A real database for one test, dropped when the test finishes: a copy of the migrated (or seeded)
 * base database. On SQLite a file copy; with TEST_DATABASE_URL a PostgreSQL database made from the
 * run's template. Both engines run every test that uses this.
 */
export function useTestDatabase(kind: 'migrated' | 'seeded' = 'seeded'): TestDatabase {
  if (!onPostgres) {
    const { db, path } = useSqliteTestDatabase(kind);
    return { db, location: path };
  }
  const server = testServerUrl()!;
  const name = `${TEST_DATABASE_PREFIX}${process.pid}_${++made}`;
  const template = inject(kind === 'seeded' ? 'seededDbPath' : 'migratedDbPath');
  const location = databaseUrl(server, name);
  let created = false;
  // The database is made when the test first queries (useTestDatabase stays synchronous).
  const db = openPostgres(location, {
    poolSize: 4,
    prepare: async () => {
      await admin().query(`create database ${name} template ${template}`);
      created = true;
    },
  });
  onTestFinished(async () => {
    await db.destroy();
    // Not `with (force)`: a connection the pool is still closing would be killed mid-goodbye (a
    // warning); the server waits a few seconds for it instead.
    if (created) await admin().query(`drop database if exists ${name}`);
  });
  return { db, location };
}

/**
 * A SQLite file for a test about SQLite itself (its pragmas, backups, the raw handle). Tests that
 * use it are SQLite-only: wrap them in `describe.skipIf(onPostgres)`.
 */
export function useSqliteTestDatabase(kind: 'migrated' | 'seeded' = 'seeded'): OpenedDatabase & { path: string } {
  if (onPostgres) throw new Error('useSqliteTestDatabase: this test is SQLite-only; skip it when onPostgres');
  const dir = mkdtempSync(join(tmpdir(), 'drill-test-'));
  const path = join(dir, 'test.db');
  copyFileSync(inject(kind === 'seeded' ? 'seededDbPath' : 'migratedDbPath'), path);
  const opened = openDatabase(path);
  onTestFinished(async () => {
    await opened.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return { ...opened, path };
}

let made = 0;
let adminPool: pg.Pool | undefined;
const admin = () => (adminPool ??= postgresAdmin(testServerUrl()!));
