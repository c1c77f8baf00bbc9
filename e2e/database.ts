// Where the e2e run's shared database lives, for the few specs that look into it: the PostgreSQL
// database of E2E_DATABASE_URL (`npm run test:postgres`), else the SQLite file in E2E_DATA_DIR.
import { join } from 'node:path';
import { connectDatabase } from '../db/connection';

export function e2eDatabaseLocation(): string {
  return process.env.E2E_DATABASE_URL || join(process.env.E2E_DATA_DIR!, 'e2e.db');
}

/** The shared e2e database, opened for one look (destroy it afterwards). */
export function openE2eDatabase() {
  return connectDatabase(e2eDatabaseLocation(), { poolSize: 1 });
}
