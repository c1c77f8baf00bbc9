import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { CACHE_SIZES, Lru } from '../scenarios/lib/lru';
import type { Database } from './schema';

export const DEFAULT_DATABASE_PATH = 'data/drill.db';

export interface OpenedDatabase {
  db: Kysely<Database>;
  /** The raw handle, for the few places that need it (backups, benchmarks, closing). */
  sqlite: SQLite.Database;
}

/**
 * Opens (creating if missing) the SQLite file with the app's pragmas: WAL so readers never block the
 * writer, foreign keys enforced, a busy timeout instead of immediate SQLITE_BUSY, and
 * synchronous=NORMAL — in WAL mode a committed transaction survives a process crash (kill -9); only
 * an OS crash or power loss can drop the last commits (docs/decisions/002-sqlite-pragmas.md).
 */
export function openDatabase(path: string = DEFAULT_DATABASE_PATH): OpenedDatabase {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, sqlite };
}

/**
 * The handle as Kysely sees it, with prepared statements reused by SQL text: Kysely's driver
 * prepares every query anew, which showed in the request profile (docs/benchmarks.md). Bounded; a
 * statement still iterating (a streamed query) is never handed out twice.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const statements = new Lru<string, SQLite.Statement>(CACHE_SIZES.statements);
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement || statement.busy) {
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
