// `npm run db:backup [-- --dir <folder>]`: a consistent online backup of DATABASE_PATH, safe while the
// server runs (a plain `cp` of a WAL database misses what is still in the -wal file).
import { relative } from 'node:path';
import { backupDatabase } from '../db/backup';
import { DEFAULT_DATABASE_PATH } from '../db/connection';

// The SQLite file's tool: on PostgreSQL, pg_dump / pg_restore do this (docs/deployment.md).
if (process.env.DATABASE_URL?.trim()) {
  console.error(
    '已设置 DATABASE_URL（PostgreSQL）：本命令只备份 SQLite 数据库文件。PostgreSQL 请用 pg_dump / pg_restore，见 docs/deployment.md。',
  );
  process.exit(2);
}
const args = process.argv.slice(2);
const dirAt = args.indexOf('--dir');
const dir = dirAt >= 0 ? args[dirAt + 1] : process.env.BACKUP_DIR || 'backups';
if (!dir) {
  console.error('用法：npm run db:backup [-- --dir <备份目录>]');
  process.exit(2);
}
const source = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
const started = performance.now();
let lastShown = -1;
try {
  const { file, bytes } = await backupDatabase(source, {
    dir,
    onProgress: ({ totalPages, remainingPages }) => {
      const percent = totalPages === 0 ? 100 : Math.floor(((totalPages - remainingPages) / totalPages) * 100);
      // One updating line on a terminal; every quarter in a log.
      if (process.stdout.isTTY) process.stdout.write(`\r正在备份 ${source}：${percent}%`);
      else if (Math.floor(percent / 25) > Math.floor(lastShown / 25)) console.log(`正在备份 ${source}：${percent}%`);
      lastShown = percent;
    },
  });
  if (process.stdout.isTTY) process.stdout.write('\r\u001b[K');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `备份完成：${relative(process.cwd(), file) || file}（${(bytes / 1024 / 1024).toFixed(1)} MB，${seconds} 秒，完整性检查通过）`,
  );
} catch (error) {
  if (process.stdout.isTTY) process.stdout.write('\n');
  console.error(`备份失败：${(error as Error).message}`);
  process.exit(1);
}
