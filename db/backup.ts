import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { migrations } from './migrations/index';

/** Pages copied per step of a backup (4 MB at SQLite's default page size), between progress reports. */
const PAGES_PER_STEP = 1000;

export type BackupProgress = { totalPages: number; remainingPages: number };

const stamp = (now: Date) =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * A consistent copy of a live database (WAL included) into `dir` as drill-YYYYMMDDTHHMMSSZ.db, made
 * with SQLite's online backup while the server keeps writing, then checked with integrity_check.
 * The copy is the database as it was when the backup began.
 */
export async function backupDatabase(
  sourcePath: string,
  options: { dir?: string; now?: Date; pagesPerStep?: number; onProgress?: (progress: BackupProgress) => void } = {},
): Promise<{ file: string; bytes: number }> {
  const source = resolve(sourcePath);
  if (!existsSync(source)) throw new Error(`数据库文件不存在：${source}`);
  const dir = resolve(options.dir ?? 'backups');
  mkdirSync(dir, { recursive: true });
  let file = join(dir, `drill-${stamp(options.now ?? new Date())}.db`);
  for (let n = 2; existsSync(file); n++) file = join(dir, `drill-${stamp(options.now ?? new Date())}-${n}.db`);
  // Written under another name first, so an interrupted backup never looks like a finished one.
  const partial = `${file}.partial`;

  const sqlite = new SQLite(source, { fileMustExist: true, timeout: 5000 });
  try {
    // One read transaction for the whole copy: the backup reads a single snapshot. Without it, every
    // write by the server (another connection) restarts the copy, which then never finishes while
    // drills go on (measured: still copying after 3,000 steps of 100 pages under a steady writer).
    sqlite.exec('BEGIN');
    sqlite.prepare('select count(*) from sqlite_master').get();
    const done = await sqlite.backup(partial, {
      progress: (progress) => {
        options.onProgress?.(progress);
        return options.pagesPerStep ?? PAGES_PER_STEP;
      },
    });
    options.onProgress?.(done); // the last step is not reported by better-sqlite3
    sqlite.exec('COMMIT');
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    sqlite.close();
  }

  // A single self-contained file (rollback journal), checked before it gets its final name.
  const copy = new SQLite(partial);
  try {
    copy.pragma('journal_mode = DELETE');
    const problem = integrityProblem(copy);
    if (problem) throw new Error(`备份副本校验失败：${problem}`);
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  renameSync(partial, file);
  return { file, bytes: statSync(file).size };
}

function integrityProblem(sqlite: SQLite.Database): string | null {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  return messages.length === 1 && messages[0] === 'ok' ? null : messages.slice(0, 5).join('；');
}

export type BackupCheck = { ok: true; migrations: number; pending: string[] } | { ok: false; problem: string };

/**
 * Whether a file can be restored: an intact SQLite database whose migrations are all ones this code
 * knows (an older backup is fine: the missing migrations run at the next start).
 */
export function checkBackupFile(file: string): BackupCheck {
  if (!existsSync(file)) return { ok: false, problem: `文件不存在：${file}` };
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { ok: false, problem: `无法打开：${(error as Error).message}` };
  }
  try {
    const problem = integrityProblem(sqlite);
    if (problem) return { ok: false, problem: `完整性检查未通过：${problem}` };
    const hasTable = sqlite
      .prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`)
      .get();
    if (!hasTable) return { ok: false, problem: '不是本系统的数据库（没有迁移记录表 kysely_migration）' };
    const applied = (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
      (r) => r.name,
    );
    const known = Object.keys(migrations);
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0)
      return { ok: false, problem: `包含本版本不认识的迁移（来自更新的版本？）：${unknown.join('、')}` };
    if (!applied.includes(known[0]!)) return { ok: false, problem: '不是本系统的数据库（缺少第一个迁移）' };
    for (const table of ['units', 'users', 'attempts', 'attempt_events']) {
      if (!sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(table)) {
        return { ok: false, problem: `不是本系统的数据库（缺少表 ${table}）` };
      }
    }
    return { ok: true, migrations: applied.length, pending: known.filter((name) => !applied.includes(name)) };
  } catch (error) {
    return { ok: false, problem: `读取失败：${(error as Error).message}` };
  } finally {
    sqlite.close();
  }
}

/**
 * Whether another connection (a running server) has the database open. Every open WAL connection
 * holds a shared lock on the file, so an exclusive lock is refused at once while one exists.
 */
export function isDatabaseInUse(path: string): boolean {
  if (!existsSync(path)) return false;
  const sqlite = new SQLite(path, { fileMustExist: true, timeout: 0 });
  try {
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.exec('BEGIN EXCLUSIVE');
    sqlite.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    sqlite.close();
  }
}

/**
 * Replaces the database at `targetPath` with a checked backup. Refuses while the database is in
 * use; the old database (its WAL folded in first) is kept beside it as `<name>.before-restore-<time>`.
 */
export function restoreDatabase(
  file: string,
  targetPath: string,
  now = new Date(),
): { ok: true; aside: string | null; pending: string[] } | { ok: false; problem: string } {
  const source = resolve(file);
  const target = resolve(targetPath);
  if (source === target) return { ok: false, problem: '备份文件就是当前数据库本身' };
  const check = checkBackupFile(source);
  if (!check.ok) return check;
  if (isDatabaseInUse(target)) {
    return { ok: false, problem: `数据库 ${target} 正被其他进程（运行中的服务）使用，请先停止服务再恢复` };
  }
  let aside: string | null = null;
  if (existsSync(target)) {
    // Fold any WAL into the main file, so the file kept aside is complete on its own.
    const old = new SQLite(target, { fileMustExist: true, timeout: 0 });
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    aside = `${target}.before-restore-${stamp(now)}`;
    renameSync(target, aside);
  }
  // A WAL or shared-memory file left beside the path would be replayed onto the restored file.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(target + suffix))
      renameSync(target + suffix, `${aside ?? `${target}.stale-${stamp(now)}`}${suffix}`);
  }
  mkdirSync(resolve(target, '..'), { recursive: true });
  const incoming = `${target}.restoring`;
  copyFileSync(source, incoming);
  renameSync(incoming, target);
  return { ok: true, aside, pending: check.pending };
}
