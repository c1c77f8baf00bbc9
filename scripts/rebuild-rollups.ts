// `npx tsx scripts/rebuild-rollups.ts`: recomputes the report rollups (activity days, assessment
// passes, mistake counts, mastery) of the database at DATABASE_URL, or else DATABASE_PATH (default
// data/drill.db), from its attempts — after a data repair or a change of the mastery rule. Safe to run
// while the server is up: a chunk of officers at a time, each chunk one short write transaction
// (docs/decisions/210-rollup-rebuild-online.md); the server's steps wait at most one chunk.
// `--chunk N`: users per chunk (default 500); `--pause MS`: pause between chunks, at least as long as
// the chunk before (default 200 ms on SQLite, in which the app's steps waiting for the write lock get
// it — its busy handler retries every 100 ms; 0 on PostgreSQL).
import { existsSync } from 'node:fs';
import { connectDatabase, describeLocation, DEFAULT_DATABASE_PATH } from '../db/connection';
import { rebuildRollups, REBUILD_CHUNK_USERS, ROLLUP_TABLES } from '../app/models/rollups.server';

const TABLE_LABELS = {
  officer_activity: '练兵活动日',
  skill_passes: '考核通过记录',
  mistake_counts: '失分项统计',
  skill_mastery: '技能掌握情况',
} as const;

const OPTIONS = {
  '--chunk': { fallback: REBUILD_CHUNK_USERS, min: 1, max: 100_000, what: '每批重建的人数' },
  // On PostgreSQL a chunk locks only its officers' rows: nobody waits for the lock of the whole database.
  '--pause': { fallback: process.env.DATABASE_URL ? 0 : 200, min: 0, max: 60_000, what: '两批之间的最短停顿毫秒数' },
} as const;
type OptionName = keyof typeof OPTIONS;

/** The integer value of an option, or the default; a bad value ends the script (nothing written). */
function option(args: string[], name: OptionName): number {
  const { fallback, min, max, what } = OPTIONS[name];
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const value = args[at + 1];
  if (!value || !/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    console.error(`参数 ${name} 须为 ${min} 到 ${max} 之间的整数（${what}），收到：${value ?? '（空）'}`);
    process.exit(1);
  }
  return Number(value);
}

const args = process.argv.slice(2);
const unknown = args.filter((a, i) => !(a in OPTIONS) && !((args[i - 1] ?? '') in OPTIONS));
if (unknown.length > 0) {
  console.error(`未知参数：${unknown.join(' ')}（可用：--chunk 人数，--pause 毫秒）`);
  process.exit(1);
}
const chunkUsers = option(args, '--chunk');
const pauseMs = option(args, '--pause');
// DATABASE_URL (PostgreSQL) when set, else the SQLite file.
const path = process.env.DATABASE_URL || process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
if (!process.env.DATABASE_URL && !existsSync(path)) {
  console.error(`数据库文件不存在：${path}（可用 DATABASE_PATH 指定）`);
  process.exit(1);
}
const db = connectDatabase(path);
const zh = (n: number) => n.toLocaleString('zh-CN');
try {
  const { n } = await db
    .selectFrom('attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(
    `数据库 ${describeLocation(path)}：根据 ${zh(Number(n))} 条练兵记录重建汇总表，每批 ${zh(chunkUsers)} 人，每批一个短事务，${pauseMs === 0 ? '批间不停顿' : `批间停顿至少 ${zh(pauseMs)} 毫秒（且不短于上一批）`}…`,
  );
  const result = await rebuildRollups(db, {
    chunkUsers,
    pauseMs,
    onProgress: ({ chunk, chunks, users, totalUsers, ms }) => {
      const percent = String(Math.round((chunk / chunks) * 100)).padStart(3);
      console.log(
        `${percent}% 第 ${chunk}/${chunks} 批：${zh(users)}/${zh(totalUsers)} 人，本批 ${(ms / 1000).toFixed(2)} 秒`,
      );
    },
  });
  for (const table of ROLLUP_TABLES) {
    console.log(`  ${TABLE_LABELS[table]}（${table}）：${zh(result.rows[table])} 行`);
  }
  console.log(
    `已完成，共 ${(result.ms / 1000).toFixed(1)} 秒，${zh(result.chunks)} 批，最长一批 ${(result.longestChunkMs / 1000).toFixed(2)} 秒（各批分别提交）。`,
  );
} finally {
  await db.destroy();
}
