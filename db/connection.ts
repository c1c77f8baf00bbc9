import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import { ImmediateSqliteDialect } from './sqlite-immediate';
import pg from 'pg';
import { CACHE_SIZES, Lru } from '../scenarios/lib/lru';
import { EmptyInListPlugin } from './empty-in-list';
import type { Database } from './schema';

export const DEFAULT_DATABASE_PATH = 'data/drill.db';

/** A PostgreSQL connection string (`postgres://…` or `postgresql://…`) rather than a SQLite file path. */
export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location);

// PostgreSQL sends 64-bit integers (count(*), sum of integers) and numerics (avg) as strings; the app
// reads them as numbers, as SQLite gives them. Every value we store or count is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface PostgresOptions {
  /** Connections this process keeps open at most (DATABASE_POOL_SIZE; pg's default is 10). */
  poolSize?: number;
  /** Runs before the pool is made (a test creates its database here); see test/support/db.ts. */
  prepare?: () => Promise<void>;
}

/**
 * A pooled PostgreSQL database (DATABASE_URL). Each transaction holds one pooled connection; the
 * isolation level is PostgreSQL's default, READ COMMITTED: the app's writes that must not race are
 * single conditional statements (the version-checked step write) or upserts, which are atomic there.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): Kysely<Database> {
  const makePool = () => {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      // Sessions read and write ISO strings; the server's own clock zone must not leak into casts.
      options: '-c TimeZone=UTC',
    });
    // An idle connection the server closes (a restart, a failover, pg_terminate_backend) must not
    // take the process down: the pool drops it and opens another on the next query.
    pool.on('error', (error) => console.warn(`PostgreSQL 空闲连接已断开，将自动重连：${error.message}`));
    return pool;
  };
  const { prepare } = options;
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: prepare ? async () => (await prepare(), makePool()) : makePool() }),
    plugins: [new EmptyInListPlugin()],
  });
}

/** A location as logs may show it: a PostgreSQL URL without its password. */
export function describeLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'PostgreSQL';
  }
}

/** The app's database at a location: a PostgreSQL URL, or a SQLite file path (created if missing). */
export function connectDatabase(location: string, options: PostgresOptions = {}): Kysely<Database> {
  return isPostgresUrl(location) ? openPostgres(location, options) : openDatabase(location).db;
}

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
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new EmptyInListPlugin()],
  });
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
