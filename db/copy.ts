// `npm run db:copy`: a province's SQLite database copied into PostgreSQL (issue 17). The command and its
// verification against the readiness report are scripts/db-copy.ts; this module copies and counts.
import { existsSync, statSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, sql } from 'kysely';
import { openPostgres, type OpenedDatabase } from './connection';
import { isPostgres } from './dialect';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations/index';
import type { Database } from './schema';

export type TableName = keyof Database;

/**
 * Every table of the Database interface, in foreign-key order (a table after every table it
 * references), so each batch's references are already in place. units reference their parent: ordered
 * by path, a parent (a prefix of its children's paths) comes first. attempts.assignment_id has no
 * foreign key, but assignments come first anyway.
 */
export const COPY_ORDER: readonly { table: TableName; orderBy?: string }[] = [
  { table: 'units', orderBy: 'path' },
  { table: 'users' },
  { table: 'sessions' },
  { table: 'audit_log' },
  { table: 'login_failures' },
  { table: 'assignments' },
  { table: 'assignment_scenarios' },
  { table: 'assignment_targets' },
  { table: 'assignment_extensions' },
  { table: 'assignment_reminders' },
  { table: 'authored_scenarios' },
  { table: 'scenario_versions' },
  { table: 'attempts' },
  { table: 'attempt_events' },
  { table: 'skill_mastery' },
  { table: 'officer_activity' },
  { table: 'skill_passes' },
  { table: 'mistake_counts' },
  { table: 'statistics_imports' },
  { table: 'real_statistics' },
  { table: 'unit_aliases' },
  { table: 'bulletins' },
  { table: 'scenario_regrades' },
  { table: 'scenario_regrade_attempts' },
];

export const COPY_TABLES: readonly TableName[] = COPY_ORDER.map((t) => t.table);

/** A refusal the command reports as it is (Chinese, naming what is wrong); nothing was written. */
export class CopyRefused extends Error {
  override name = 'CopyRefused';
}

export interface CopyProgress {
  table: TableName;
  done: number;
  total: number;
}

export interface CopyOptions {
  /** Empty the target's tables first (in the same transaction). Without it a target holding data is refused. */
  replace?: boolean;
  /** Called after each batch and once per table at 0. */
  onProgress?: (progress: CopyProgress) => void;
  /** Rows per INSERT at most (also bounded by PostgreSQL's 65,535 parameters and by size). */
  batchRows?: number;
  /**
   * Runs on the source inside the copy's read snapshot, after the copy committed, with the target
   * open: the command compares the readiness report there, so both sides are read at one instant.
   */
  verify?: (source: Kysely<Database>, target: Kysely<Database>) => Promise<void>;
}

export type TableCounts = Record<TableName, number>;

export interface CopyResult {
  /** Rows per table in the source's snapshot and in the target after the commit. */
  source: TableCounts;
  target: TableCounts;
  /** Identity sequences moved past the copied ids: table → the next id it will hand out. */
  nextIds: Record<string, number>;
  seconds: number;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/** Opens the SQLite source, refusing a missing file, a file that is not ours, or one not at the latest migration. */
export function openSource(path: string): OpenedDatabase {
  if (!existsSync(path) || !statSync(path).isFile()) throw new CopyRefused(`--from：找不到 SQLite 数据库文件 ${path}`);
  let opened: OpenedDatabase;
  try {
    // Read-only: the copy never changes its source (not even its journal mode, as opening it the
    // app's way would for a backup file).
    const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    opened = { sqlite, db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }) };
  } catch (error) {
    throw new CopyRefused(`--from：${path} 不是可读的 SQLite 数据库（${(error as Error).message}）`);
  }
  try {
    const hasLog = opened.sqlite
      .prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`)
      .get();
    if (!hasLog) throw new CopyRefused(`--from：${path} 不是本应用的数据库（没有迁移记录）`);
    const applied = (opened.sqlite.prepare('select name from kysely_migration').all() as { name: string }[]).map(
      (r) => r.name,
    );
    const known = Object.keys(migrations);
    const missing = known.filter((name) => !applied.includes(name));
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0)
      throw new CopyRefused(
        `--from：${path} 含有本版本不认识的迁移（${unknown.join('、')}），请用与该数据库同一版本的程序复制`,
      );
    if (missing.length > 0)
      throw new CopyRefused(
        `--from：${path} 尚未迁移到最新结构（缺少 ${missing.length} 个迁移，最早的是 ${missing[0]}）；请先用当前版本启动一次或运行 DATABASE_PATH=${path} npm run db:migrate`,
      );
  } catch (error) {
    opened.sqlite.close();
    if (error instanceof CopyRefused) throw error;
    throw new CopyRefused(`--from：${path} 不是可读的 SQLite 数据库（${(error as Error).message}）`);
  }
  return opened;
}

/** Rows per table, on either engine (a table the target does not have yet counts 0). */
export async function countRows(db: Kysely<any>, tables: readonly TableName[] = COPY_TABLES): Promise<TableCounts> {
  const existing = new Set(await tableNames(db));
  const counts = {} as TableCounts;
  for (const table of tables) {
    counts[table] = existing.has(table)
      ? Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n)
      : 0;
  }
  return counts;
}

async function tableNames(db: Kysely<any>): Promise<string[]> {
  const { rows } = await (
    isPostgres(db)
      ? sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table'`
  ).execute(db);
  return rows.map((r) => r.name);
}

/** The tables of ours that hold rows, with their counts (empty: the target may take the copy). */
export async function tablesWithRows(db: Kysely<any>): Promise<[TableName, number][]> {
  const counts = await countRows(db);
  return COPY_TABLES.filter((t) => counts[t] > 0).map((t) => [t, counts[t]]);
}

const describeRows = (tables: [TableName, number][]) => tables.map(([t, n]) => `${t} ${n} 行`).join('、');

/**
 * Copies the SQLite database at `fromPath` into the PostgreSQL database at `toUrl`: refuses a source
 * not at the latest migration and a target holding data (unless `replace`), migrates the target, then
 * copies every table in foreign-key order, streamed from one SQLite read snapshot in multi-row INSERTs,
 * inside one PostgreSQL transaction (a failure leaves the target as it was, migrated), and moves every
 * identity sequence past the largest copied id. Returns both sides' counts.
 */
export async function copyDatabase(fromPath: string, toUrl: string, options: CopyOptions = {}): Promise<CopyResult> {
  const started = performance.now();
  const source = openSource(fromPath);
  const target = openPostgres(toUrl, { poolSize: 2 });
  try {
    try {
      await sql`select 1`.execute(target);
    } catch (error) {
      throw new CopyRefused(`--to：无法连接目标 PostgreSQL 数据库（${(error as Error).message}）`);
    }
    const held = await tablesWithRows(target);
    if (held.length > 0 && !options.replace)
      throw new CopyRefused(
        `--to：目标数据库已有数据（${describeRows(held)}），未做任何改动；确需用本次复制替换其全部数据时加 --replace`,
      );
    await migrateToLatest(target);

    // One read snapshot of the source for the counts, every table and the verification: a server
    // still writing to the file (it should be stopped) cannot make the copy inconsistent.
    const { sqlite } = source;
    sqlite.exec('begin');
    try {
      const sourceCounts = await countRows(source.db);
      const nextIds: Record<string, number> = {};
      await target.transaction().execute(async (trx) => {
        if (options.replace) {
          await trx.executeQuery(
            CompiledQuery.raw(`truncate ${COPY_TABLES.map(quote).join(', ')} restart identity cascade`),
          );
        } else {
          // Checked again inside the transaction: another writer may have come in since.
          const now = await tablesWithRows(trx);
          if (now.length > 0) throw new CopyRefused(`--to：目标数据库已有数据（${describeRows(now)}），未做任何改动`);
        }
        const targetColumns = await columnsOf(trx);
        for (const { table, orderBy } of COPY_ORDER) {
          try {
            await copyTable(sqlite, trx, table, orderBy, sourceCounts[table], targetColumns.get(table) ?? [], options);
          } catch (error) {
            throw new Error(`复制表 ${table} 时出错：${(error as Error).message}`, { cause: error });
          }
        }
        const identities = await sql<{ table_name: string; column_name: string }>`
          select table_name, column_name from information_schema.columns
           where table_schema = current_schema() and is_identity = 'YES' order by table_name`.execute(trx);
        for (const { table_name, column_name } of identities.rows) {
          // The next value handed out is max + 1 (1 for an empty table).
          const { rows } = await sql<{ next: number }>`
            select setval(pg_get_serial_sequence(${table_name}, ${column_name}),
                          coalesce(max(${sql.ref(column_name)}), 0) + 1, false) as next
              from ${sql.table(table_name)}`.execute(trx);
          nextIds[table_name] = Number(rows[0]!.next);
        }
      });
      const targetCounts = await countRows(target);
      await options.verify?.(source.db, target);
      return {
        source: sourceCounts,
        target: targetCounts,
        nextIds,
        seconds: (performance.now() - started) / 1000,
      };
    } finally {
      if (sqlite.inTransaction) sqlite.exec('rollback');
    }
  } finally {
    await target.destroy();
    await source.db.destroy();
  }
}

async function columnsOf(db: Kysely<any>): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
     where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.table_name, [...(map.get(r.table_name) ?? []), r.column_name]);
  return map;
}

async function copyTable(
  sqlite: OpenedDatabase['sqlite'],
  trx: Kysely<any>,
  table: TableName,
  orderBy: string | undefined,
  total: number,
  targetColumns: string[],
  options: CopyOptions,
) {
  const columns = (sqlite.pragma(`table_info(${quote(table)})`) as { name: string }[]).map((c) => c.name);
  const missing = columns.filter((c) => !targetColumns.includes(c));
  if (missing.length > 0) throw new Error(`目标数据库的表 ${table} 缺少列 ${missing.join('、')}（两边的迁移不一致）`);
  const perRow = columns.length;
  const maxRows = Math.max(1, Math.min(options.batchRows ?? 1000, Math.floor(65_535 / perRow)));
  const head = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values `;
  options.onProgress?.({ table, done: 0, total });

  let done = 0;
  let values: unknown[] = [];
  let bytes = 0;
  const flush = async () => {
    if (values.length === 0) return;
    const rows = values.length / perRow;
    const tuples: string[] = [];
    for (let r = 0; r < rows; r++) {
      const base = r * perRow;
      tuples.push(`(${columns.map((_, c) => `$${base + c + 1}`).join(', ')})`);
    }
    await trx.executeQuery(CompiledQuery.raw(head + tuples.join(', '), values));
    done += rows;
    values = [];
    bytes = 0;
    options.onProgress?.({ table, done, total });
  };

  // Streamed: better-sqlite3 steps the statement as the loop asks, so a table of millions of rows
  // is never in memory; only one batch is.
  const statement = sqlite
    .prepare(`select ${columns.map(quote).join(', ')} from ${quote(table)}${orderBy ? ` order by ${orderBy}` : ''}`)
    .raw(true);
  for (const row of statement.iterate() as IterableIterator<unknown[]>) {
    for (const value of row) {
      values.push(value);
      if (typeof value === 'string') bytes += value.length;
    }
    if (values.length / perRow >= maxRows || bytes >= MAX_BATCH_BYTES) await flush();
  }
  await flush();
}
