import { expect, test } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { ownDatabase } from './database';
import { logIn } from './support';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// Several processes need PostgreSQL (refused on SQLite: docs/decisions/200), so this runs in
// `npm run test:postgres`; the SQLite run checks the refusal instead.
test.describe('WORKERS=2 (PostgreSQL only)', () => {
  test.skip(!process.env.E2E_DATABASE_URL, 'several app processes run on PostgreSQL only');

  test('two workers on one port: a killed worker is restarted and sessions survive it; SIGTERM stops them all', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const database = await ownDatabase('workers');
    execFileSync('npx', ['tsx', 'scripts/prepare-db.ts'], {
      env: { ...process.env, ...database.env },
      stdio: 'ignore',
    });
    const port = await freePort();
    // The primary itself (not through npx), so that its pid is the one signalled.
    const primary = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', './build/index.js'], {
      env: {
        ...process.env,
        ...database.env,
        PORT: String(port),
        WORKERS: '2',
        SESSION_SECRET: 'workers-test-secret-0123456789',
        SCHEDULED_JOBS: '0',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    primary.stdout!.on('data', (chunk) => (log += chunk));
    primary.stderr!.on('data', (chunk) => (log += chunk));
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    const started = () => [...log.matchAll(/工作进程 (\d)（pid (\d+)）已启动/g)].map((m) => Number(m[2]));
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    try {
      await expect.poll(() => started().length, { timeout: 90_000 }).toBe(2);
      const page = await context.newPage();
      await logIn(page, 'changli.officer');

      const [first, second] = started() as [number, number];
      process.kill(first, 'SIGKILL');
      await expect.poll(() => started().length, { timeout: 90_000 }).toBe(3);
      expect(log).toContain(`（pid ${first}）意外退出（信号 SIGKILL），正在重新启动`);
      // The session is a database row: whichever worker answers, the officer is still signed in.
      for (let i = 0; i < 4; i++) {
        await page.goto('/officer');
        await expect(page.getByTestId('current-user')).toBeVisible();
      }

      primary.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(log).toContain('所有工作进程已停止');
      const replacement = started()[2]!;
      for (const pid of [second, replacement]) expect(alive(pid)).toBe(false);
    } finally {
      await context.close();
      if (primary.exitCode === null) primary.kill('SIGKILL');
      for (const pid of started()) if (alive(pid)) process.kill(pid, 'SIGKILL');
      await database.drop();
    }
  });
});

test('WORKERS=2 on the SQLite file is refused in Chinese before anything starts', async () => {
  test.skip(Boolean(process.env.E2E_DATABASE_URL), 'the refusal concerns SQLite');
  const database = await ownDatabase('refused');
  try {
    const run = () =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', './build/index.js'], {
        env: { ...process.env, ...database.env, WORKERS: '2', PORT: '1' },
        stdio: 'pipe',
        encoding: 'utf8',
        // Were it not refused it would serve: stop it, and fail below.
        timeout: 60_000,
      });
    let failure: { status: number; stderr: string } | undefined;
    try {
      run();
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain('WORKERS 大于 1（多个进程）须使用 PostgreSQL（设置 DATABASE_URL）');
    // The message alone, not a stack trace.
    expect(failure?.stderr).not.toMatch(/^\s+at /m);
  } finally {
    await database.drop();
  }
});
