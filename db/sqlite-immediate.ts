import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDialectConfig } from 'kysely';

/**
 * Kysely's SQLite dialect with its transactions begun IMMEDIATE: the write lock is taken (or waited
 * for, up to the busy timeout) at BEGIN. A DEFERRED transaction — Kysely's — reads first, and its first
 * write fails at once, without the busy timeout, when another process (the rollup rebuild CLI,
 * scripts/rebuild-rollups.ts) holds the write lock (SQLITE_BUSY) or has committed since that read
 * (SQLITE_BUSY_SNAPSHOT): 252 of 585 steps failed with a 500 during a rebuild (docs/benchmarks.md, issue 18). In one process it costs
 * nothing: the one connection runs one transaction at a time anyway.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver() {
    return new (class extends SqliteDriver {
      override async beginTransaction(connection: DatabaseConnection) {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      }
    })(this.settings);
  }
}
