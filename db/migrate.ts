import { Migrator, NO_MIGRATIONS, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { pathToFileURL } from 'node:url';
import { migrations } from './migrations/index';
import { connectDatabase, DEFAULT_DATABASE_PATH } from './connection';
import { isPostgres } from './dialect';

const migratorFor = (db: Kysely<any>) => new Migrator({ db, provider: { getMigrations: async () => migrations } });

/** Undoes every migration (drops every table): `npm run db:seed -- --reset`. */
export async function migrateAllDown(db: Kysely<any>): Promise<void> {
  // Dropping a table full of rows that reference each other (units → parent units) would trip
  // SQLite's foreign keys; they are switched off for the teardown only. PostgreSQL drops a table with
  // its own rows' references, and the migrations drop referencing tables first.
  const sqlite = !isPostgres(db);
  if (sqlite) await sql`pragma foreign_keys = off`.execute(db);
  const { error } = await migratorFor(db).migrateTo(NO_MIGRATIONS);
  if (sqlite) await sql`pragma foreign_keys = on`.execute(db);
  if (error)
    throw new Error(`数据库回退失败：${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/** Runs every pending migration; throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = await migratorFor(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error : new Error(String(result.error));
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${cause.message}`, { cause });
  }
  return result;
}

// `npm run db:migrate`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const db = connectDatabase(process.env.DATABASE_URL || process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
  const { results = [] } = await migrateToLatest(db);
  for (const r of results) console.log(`${r.status === 'Success' ? '✓' : '✗'} ${r.migrationName}`);
  if (results.length === 0) console.log('数据库已是最新结构。');
  await db.destroy();
}
