import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isPostgresUrl } from '../db/connection';
import { useTestDatabase } from './support/db';

/** scripts/rebuild-rollups.ts run as an operator would, on the test's database. */
function rebuildCli(location: string, ...args: string[]) {
  const env = {
    ...process.env,
    ...(isPostgresUrl(location) ? { DATABASE_URL: location } : { DATABASE_URL: '', DATABASE_PATH: location }),
  };
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/rebuild-rollups.ts', ...args], {
    env,
    encoding: 'utf8',
  });
}

describe('scripts/rebuild-rollups.ts', () => {
  it('rebuilds chunk by chunk with a progress line per chunk', { timeout: 60_000 }, async () => {
    const { db, location } = useTestDatabase();
    const user = await db.selectFrom('users').select('id').where('role', '=', 'officer').executeTakeFirstOrThrow();
    // A stale row for the rebuild to remove (the officer has no attempt).
    await db.insertInto('officer_activity').values({ user_id: user.id, day: '2026-01-01' }).execute();
    const users = (await db.selectFrom('users').select('id').execute()).length;
    const chunks = Math.ceil(users / 2000);

    const run = rebuildCli(location, '--chunk', '2000', '--pause', '0');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('每批 2,000 人，每批一个短事务，批间不停顿');
    expect(run.stdout).toContain(`100% 第 ${chunks}/${chunks} 批：${users.toLocaleString('zh-CN')}/`);
    expect(run.stdout).toMatch(new RegExp(`已完成，共 [\\d.]+ 秒，${chunks} 批，最长一批 [\\d.]+ 秒`));
    expect(await db.selectFrom('officer_activity').selectAll().execute()).toEqual([]);
  });

  it('refuses a bad option in Chinese, naming it, and changes nothing', { timeout: 60_000 }, async () => {
    const { db, location } = useTestDatabase();
    const user = await db.selectFrom('users').select('id').where('role', '=', 'officer').executeTakeFirstOrThrow();
    await db.insertInto('officer_activity').values({ user_id: user.id, day: '2026-01-01' }).execute();
    for (const [args, message] of [
      [['--chunk', '0'], '参数 --chunk 须为 1 到 100000 之间的整数（每批重建的人数），收到：0'],
      [['--pause', 'soon'], '参数 --pause 须为 0 到 60000 之间的整数（两批之间的最短停顿毫秒数），收到：soon'],
      [['--chunk'], '参数 --chunk 须为 1 到 100000 之间的整数（每批重建的人数），收到：（空）'],
      [['--fast'], '未知参数：--fast（可用：--chunk 人数，--pause 毫秒）'],
    ] as const) {
      const run = rebuildCli(location, ...args);
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(message);
      expect(run.stdout).toBe('');
    }
    expect(await db.selectFrom('officer_activity').selectAll().execute()).toHaveLength(1);
  });
});
