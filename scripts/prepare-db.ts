// Run by `npm start` before the server: create/migrate the embedded database, load demo data when
// it is empty, and say where the app will be and how to log in.
import { closeOutdatedAttempts } from '../app/models/attempt.server';
import { purgeExpiredSessions } from '../app/models/auth.server';
import { databaseLocation, getEnvOrExit } from '../app/utils/env.server';
import { sessionSecret } from '../app/utils/session-secret.server';
import { connectDatabase, describeLocation } from '../db/connection';
import { DEMO_ACCOUNTS, prepareDatabase } from '../db/seed';
import { seedDemoDrills } from './seed-demo-drills';

// Validates the environment now rather than at the first request, and creates the session secret
// file beside the database when SESSION_SECRET is unset (the server then reads the same file).
const path = databaseLocation(getEnvOrExit());
sessionSecret();
const started = performance.now();
const db = connectDatabase(path);
try {
  const { seeded } = await prepareDatabase(db);
  if (seeded) {
    const attempts = await seedDemoDrills(db, {
      onProgress: (done, total) => {
        // One updating line on a terminal; a few lines in a log.
        if (process.stdout.isTTY) process.stdout.write(`\r正在生成演示练兵记录：${done}/${total}`);
        else if (done % Math.ceil(total / 4) === 0) console.log(`正在生成演示练兵记录：${done}/${total}`);
      },
    });
    if (process.stdout.isTTY) process.stdout.write('\r\u001b[K');
    console.log(`已生成秦皇岛市的演示练兵记录 ${attempts} 次。`);
  }
  // Unfinished attempts of scenarios this release updated cannot go on under the new rules.
  const closed = await closeOutdatedAttempts(db);
  const purged = await purgeExpiredSessions(db);
  if (purged > 0) console.log(`已清除过期或闲置超时的登录会话 ${purged} 个。`);
  if (closed > 0) console.log(`场景已更新：关闭了 ${closed} 次按旧版本开始、尚未完成的练兵（不计成绩，可重新开始）。`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    seeded
      ? `数据库 ${describeLocation(path)}：已创建并导入演示数据（${seconds} 秒）。`
      : `数据库 ${describeLocation(path)}：已是最新结构，保留现有数据。`,
  );
} finally {
  await db.destroy();
}

const port = process.env.PORT || '3000';
console.log(`\n执法练兵平台即将启动：http://localhost:${port}\n`);
console.log('演示账号（用户名 / 密码 / 角色）：');
const roleNames = { admin: '系统管理员', trainer: '培训员', manager: '管理员', officer: '执法人员' } as const;
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(16)} ${a.password.padEnd(12)} ${roleNames[a.role]}`);
console.log('');
