import type { Kysely } from 'kysely';
import { connectDatabase } from '../../db/connection';
import type { Database } from '../../db/schema';
import { databaseLocation, getEnv } from './env.server';

// Memoised on globalThis so `remix dev` rebuilds reuse one connection instead of leaking handles.
const globalForDb = globalThis as unknown as { __drillDb?: Kysely<Database> };

/**
 * The app's database: PostgreSQL at DATABASE_URL when set, else the SQLite file at DATABASE_PATH.
 * Migrations run before the server starts.
 */
export function getDb(): Kysely<Database> {
  const env = getEnv();
  globalForDb.__drillDb ??= connectDatabase(databaseLocation(env), { poolSize: env.DATABASE_POOL_SIZE });
  return globalForDb.__drillDb;
}
