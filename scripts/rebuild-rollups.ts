// `npx tsx scripts/rebuild-rollups.ts`: recomputes the report rollups (activity days, assessment
// passes, mistake counts, mastery) of the database at DATABASE_URL, or else DATABASE_PATH (default data/drill.db), from its
// attempts, in one transaction — after a data repair or a change of the mastery rule. Safe to run
// while the server is up (WAL: readers keep the old rollups until the commit).
import { existsSync } from 'node:fs';
import { connectDatabase, describeLocation, DEFAULT_DATABASE_PATH } from '../db/connection';
import { rebuildRollups } from '../app/models/rollups.server';

const TABLE_LABELS = {
  officer_activity: '练兵活动日',
  skill_passes: '考核通过记录',
  mistake_counts: '失分项统计',
  skill_mastery: '技能掌握情况',
} as const;

// DATABASE_URL (PostgreSQL) when set, else the SQLite file.
const path = process.env.DATABASE_URL || process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
if (!process.env.DATABASE_URL && !existsSync(path)) {
  console.error(`数据库文件不存在：${path}（可用 DATABASE_PATH 指定）`);
  process.exit(1);
}
const db = connectDatabase(path);
try {
  const { n } = await db
    .selectFrom('attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(`数据库 ${describeLocation(path)}：根据 ${Number(n).toLocaleString('zh-CN')} 条练兵记录重建汇总表…`);
  const result = await rebuildRollups(db, {
    onProgress: ({ step, total, table, rows, ms }) => {
      const line = `[${step}/${total}] ${TABLE_LABELS[table]}（${table}）：${rows.toLocaleString('zh-CN')} 行，${(ms / 1000).toFixed(1)} 秒`;
      console.log(`${String(Math.round((step / total) * 100)).padStart(3)}% ${line}`);
    },
  });
  console.log(`已完成，共 ${(result.ms / 1000).toFixed(1)} 秒（一个事务内提交）。`);
} finally {
  await db.destroy();
}
