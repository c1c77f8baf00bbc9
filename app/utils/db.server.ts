import type { Kysely } from 'kysely';
import { openDatabase } from '../../db/connection';
import type { Database } from '../../db/schema';
import { getEnv } from './env.server';

// Memoised on globalThis so `remix dev` rebuilds reuse one connection instead of leaking handles.
const globalForDb = globalThis as unknown as { __drillDb?: Kysely<Database> };

/** The app's database (SQLite file at DATABASE_PATH). Migrations run before the server starts. */
export function getDb(): Kysely<Database> {
  globalForDb.__drillDb ??= openDatabase(getEnv().DATABASE_PATH).db;
  return globalForDb.__drillDb;
}
