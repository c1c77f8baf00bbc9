import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The config is evaluated in the runner and again in each worker; workers inherit the runner's
// environment, so the port and database chosen here are chosen once per run.
function findFreePort(): string {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return execFileSync(process.execPath, ['-e', script]).toString().trim();
}
process.env.E2E_PORT ??= findFreePort();
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'drill-e2e-'));

/** A system Chromium (Debian's package) when there is one; otherwise Playwright's own download. */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

// `npm run test:postgres` sets E2E_DATABASE_URL (an empty database on its throwaway server): the app
// then runs on PostgreSQL with two processes on its port. Unset: the SQLite file, one process.
const postgresUrl = process.env.E2E_DATABASE_URL;
const database: Record<string, string> = postgresUrl
  ? { DATABASE_URL: postgresUrl, WORKERS: '2' }
  : { DATABASE_PATH: join(process.env.E2E_DATA_DIR, 'e2e.db') };

export default defineConfig({
  testDir: './e2e',
  forbidOnly: Boolean(process.env.CI),
  // No retry anywhere, CI included: a retry may report a flake, never hide it (issue 13).
  retries: 0,
  workers: 2,
  // Journeys cross several pages on a 2-core machine shared by Chromium, the server and the other
  // worker; a test that does more sets its own budget (test.setTimeout). Nothing here waits for a
  // duration: these only bound how long a wait for a page or an element may take on a busy machine.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // The built app on its own port and its own temporary database, exactly as `npm start` runs it.
    command: 'npx remix build && npx tsx scripts/prepare-db.ts && npx tsx scripts/serve.ts ./build/index.js',
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: process.env.E2E_PORT,
      ...database,
      SESSION_SECRET: 'e2e-session-secret-0123456789',
      NODE_ENV: 'production',
      // Every browser of the suite logs in from 127.0.0.1, like an office behind one NAT address; the
      // suite's deliberate failures (and a --repeat-each run's twice as many) must not trip the
      // per-address limit. That limit has its own Vitest tests; the per-account lock stays as shipped.
      LOGIN_ADDRESS_FREE_FAILURES: '1000',
      // No periodic job may issue a 通报 or a reminder under a test (they have their own Vitest tests).
      SCHEDULED_JOBS: '0',
    },
  },
});
