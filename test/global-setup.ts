import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { seedDemoData } from '../db/seed';
import { dropTestDatabases, postgresAdmin, TEST_DATABASE_PREFIX, testServerUrl } from './support/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** SQLite: a migrated, empty database file that each test copies. PostgreSQL: a template database's name. */
    migratedDbPath: string;
    /** The same with the demo data loaded. */
    seededDbPath: string;
  }
}

// Build the base databases once per run; every test works on its own copy of one of them. With
// TEST_DATABASE_URL (a PostgreSQL server) the copies are databases made from two templates.
export default async function setup(project: TestProject) {
  const server = testServerUrl();
  return server ? setupPostgres(project, server) : setupSqlite(project);
}

async function build(location: string, seeded: boolean) {
  const db = connectDatabase(location);
  try {
    await migrateToLatest(db);
    if (seeded) await seedDemoData(db);
  } finally {
    await db.destroy();
  }
}

async function setupSqlite(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'drill-test-base-'));
  const migratedDbPath = join(dir, 'migrated.db');
  const seededDbPath = join(dir, 'seeded.db');
  await build(migratedDbPath, false);
  await build(seededDbPath, true);
  project.provide('migratedDbPath', migratedDbPath);
  project.provide('seededDbPath', seededDbPath);
  return () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject, server: URL) {
  const admin = postgresAdmin(server);
  await dropTestDatabases(admin);
  const migrated = `${TEST_DATABASE_PREFIX}tpl_migrated`;
  const seeded = `${TEST_DATABASE_PREFIX}tpl_seeded`;
  for (const [name, withDemo] of [
    [migrated, false],
    [seeded, true],
  ] as const) {
    await admin.query(`create database ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    await build(url.toString(), withDemo);
  }
  project.provide('migratedDbPath', migrated);
  project.provide('seededDbPath', seeded);
  return async () => {
    await dropTestDatabases(admin);
    await admin.end();
  };
}
