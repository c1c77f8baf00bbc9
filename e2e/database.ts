// Where the e2e run's shared database lives, for the few specs that look into it: the PostgreSQL
// database of E2E_DATABASE_URL (`npm run test:postgres`), else the SQLite file in E2E_DATA_DIR.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectDatabase } from '../db/connection';

export function e2eDatabaseLocation(): string {
  return process.env.E2E_DATABASE_URL || join(process.env.E2E_DATA_DIR!, 'e2e.db');
}

/** The shared e2e database, opened for one look (destroy it afterwards). */
export function openE2eDatabase() {
  return connectDatabase(e2eDatabaseLocation(), { poolSize: 1 });
}

/**
 * A database of a test's own, for a server it starts itself: a SQLite file in a temporary folder, or
 * under `npm run test:postgres` a database of its own on the run's PostgreSQL server. `env` is what
 * the server (and scripts/prepare-db.ts) needs to find it; `drop` removes it.
 */
export async function ownDatabase(label: string): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), `drill-${label}-`));
  const removeDir = async () => rmSync(dir, { recursive: true, force: true });
  if (!process.env.E2E_DATABASE_URL) return { env: { DATABASE_PATH: join(dir, `${label}.db`) }, drop: removeDir };
  const server = new URL(process.env.E2E_DATABASE_URL);
  const name = `drill_e2e_${label}_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: new URL('/postgres', server).toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  return {
    env: { DATABASE_URL: new URL(`/${name}`, server).toString(), DATABASE_PATH: join(dir, 'unused.db') },
    drop: async () => {
      await admin(`drop database if exists ${name} with (force)`);
      await removeDir();
    },
  };
}
