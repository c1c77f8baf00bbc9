import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { pathToFileURL } from 'node:url';
import { migrations } from './migrations/index';
import { openDatabase } from './connection';

/** Runs every pending migration; throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error : new Error(String(result.error));
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${cause.message}`, { cause });
  }
  return result;
}

// `npm run db:migrate`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = process.env.DATABASE_PATH;
  const { db } = openDatabase(path);
  const { results = [] } = await migrateToLatest(db);
  for (const r of results) console.log(`${r.status === 'Success' ? '✓' : '✗'} ${r.migrationName}`);
  if (results.length === 0) console.log('数据库已是最新结构。');
  await db.destroy();
}
