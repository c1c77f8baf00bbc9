import { expect, test } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { listScenarios } from '../scenarios/index';
import { ownDatabase } from './database';
import { modelAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

// Its own server process (not the shared webServer), so that killing it harms no other test.
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(port: number, database: Record<string, string>): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['node_modules/@remix-run/serve/dist/cli.js', './build/index.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      ...database,
      SESSION_SECRET: 'crash-test-secret-0123456789',
      SCHEDULED_JOBS: '0',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let last = '';
  server.stderr!.on('data', (chunk) => (stderr += chunk));
  // Up to 60 s: on a busy machine a cold server takes a while to start; nothing here depends on speed.
  for (let i = 0; i < 600; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/login`);
      if (response.ok) return server;
      stderr += `HTTP ${response.status}\n`;
    } catch (error) {
      // not listening yet
      last = String((error as { cause?: unknown }).cause ?? error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill('SIGKILL');
  throw new Error(`服务器未能启动：${stderr} ${last}`);
}

test('kill -9 mid-drill: after a restart on the same database the attempt resumes with the acknowledged step kept', async ({
  browser,
}) => {
  // Its own budget: it seeds a database, starts a server twice and plays a whole case (two helpers'
  // runs on a loaded 2-core machine timed out at the default 30 s).
  test.setTimeout(180_000);
  const database = await ownDatabase('crash');
  execFileSync('npx', ['tsx', 'scripts/prepare-db.ts'], {
    env: { ...process.env, ...database.env },
    stdio: 'ignore',
  });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server = await startServer(port, database.env);
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  try {
    const scenario = listScenarios({ skill: 'case' })[0]!;
    await logIn(page, 'changli.officer');
    const seed = await startDrill(page, scenario.id, 'practice');
    const drillUrl = page.url();
    const [first, second] = modelAnswerFor(scenario.id, seed);
    await submitStep(page, scenario.id, seed, first!);
    await submitStep(page, scenario.id, seed, second!);
    const stage = await page.getByTestId('drill-stage').textContent();

    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
    server = await startServer(port, database.env);

    await page.goto(drillUrl);
    await expect(page.getByTestId('drill')).toHaveAttribute('data-version', '2');
    await expect(page.getByTestId('drill-stage')).toHaveText(stage!);
    for (const answer of modelAnswerFor(scenario.id, seed).slice(2)) await submitStep(page, scenario.id, seed, answer);
    await expect(page.getByTestId('score-total')).toHaveText('100');
  } finally {
    await context.close();
    server.kill('SIGKILL');
    await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(null)));
    await database.drop();
  }
});
