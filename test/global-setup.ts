import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { seedDemoData } from '../db/seed';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, empty database file that each test copies. */
    migratedDbPath: string;
    /** A migrated database file with the demo data loaded. */
    seededDbPath: string;
  }
}

// Build the base databases once per run; every test works on its own copy of one of them.
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'drill-test-base-'));
  const migratedDbPath = join(dir, 'migrated.db');
  const seededDbPath = join(dir, 'seeded.db');

  const migrated = openDatabase(migratedDbPath);
  await migrateToLatest(migrated.db);
  await migrated.db.destroy();

  const seeded = openDatabase(seededDbPath);
  await migrateToLatest(seeded.db);
  await seedDemoData(seeded.db);
  await seeded.db.destroy();

  project.provide('migratedDbPath', migratedDbPath);
  project.provide('seededDbPath', seededDbPath);
  return () => rmSync(dir, { recursive: true, force: true });
}
