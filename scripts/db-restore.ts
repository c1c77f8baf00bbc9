// `npm run db:restore -- <backup file> [--yes]`: replaces DATABASE_PATH with a checked backup. The
// server must be stopped; the current database is kept beside it, never deleted.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkBackupFile, isDatabaseInUse, restoreDatabase } from '../db/backup';
import { DEFAULT_DATABASE_PATH } from '../db/connection';

// The SQLite file's tool: on PostgreSQL, pg_dump / pg_restore do this (docs/deployment.md).
if (process.env.DATABASE_URL?.trim()) {
  console.error(
    '已设置 DATABASE_URL（PostgreSQL）：本命令只恢复 SQLite 数据库文件。PostgreSQL 请用 pg_dump / pg_restore，见 docs/deployment.md。',
  );
  process.exit(2);
}
const args = process.argv.slice(2);
const confirmed = args.includes('--yes');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('用法：npm run db:restore -- <备份文件> [--yes]');
  process.exit(2);
}
const target = resolve(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);

const check = checkBackupFile(file);
if (!check.ok) {
  console.error(`不能恢复 ${file}：${check.problem}`);
  process.exit(1);
}
console.log(
  `备份文件 ${file}：完整性检查通过，已执行 ${check.migrations} 个迁移${check.pending.length ? `（启动时将补齐 ${check.pending.length} 个）` : ''}。`,
);
if (isDatabaseInUse(target)) {
  console.error(`数据库 ${target} 正被运行中的服务使用。请先停止服务，再运行恢复。`);
  process.exit(1);
}
if (existsSync(target) && !confirmed) {
  console.error(`将用该备份替换 ${target}（当前数据库会改名保留在同一目录）。确认无误后加 --yes 再运行：`);
  console.error(`  npm run db:restore -- ${file} --yes`);
  process.exit(1);
}
const result = restoreDatabase(file, target);
if (!result.ok) {
  console.error(`恢复失败：${result.problem}`);
  process.exit(1);
}
console.log(`已恢复到 ${target}。${result.aside ? `原数据库已保存为 ${result.aside}。` : ''}`);
console.log('现在可以启动服务（npm start）；尚未执行的迁移会在启动时自动执行。');
