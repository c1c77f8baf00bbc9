// `npm run test:postgres`: the test suites a second time on a real PostgreSQL server. Starts a
// throwaway server (scripts/postgres-server.ts: initdb into a temporary folder, a free port), runs the
// Vitest suite with TEST_DATABASE_URL, then the Playwright journeys once with the app on PostgreSQL in
// two processes (E2E_DATABASE_URL, playwright.config.ts), and stops the server at the end — after a
// failure or Ctrl-C too. Options: --no-e2e, --no-unit; arguments after `--` go to `vitest run`.
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres-server';

const { values, positionals } = parseArgs({
  options: { 'no-e2e': { type: 'boolean', default: false }, 'no-unit': { type: 'boolean', default: false } },
  allowPositionals: true,
});

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} 秒`;
const progress = (message: string) => console.log(`\n[test:postgres ${elapsed()}] ${message}`);

let server: ThrowawayPostgres | undefined;
let running: ChildProcess | undefined;

function stopServer() {
  if (!server) return;
  const s = server;
  server = undefined;
  progress('停止 PostgreSQL 测试服务器');
  s.stop();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    progress(`收到 ${signal}，正在停止`);
    running?.kill(signal);
    stopServer();
    process.exit(130);
  });
}

/** Runs a command with the terminal's output, resolving to its exit code. */
function run(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    running = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    running.once('error', reject);
    running.once('exit', (code, signal) => {
      running = undefined;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const failed: string[] = [];
try {
  progress('启动临时 PostgreSQL 服务器（initdb + pg_ctl）');
  server = await startThrowawayPostgres();
  progress(`PostgreSQL 已在 127.0.0.1:${server.port} 启动`);

  if (!values['no-unit']) {
    progress('Vitest 测试套件（PostgreSQL）');
    const code = await run('npx', ['vitest', 'run', ...positionals], { TEST_DATABASE_URL: server.url });
    progress(code === 0 ? 'Vitest（PostgreSQL）通过' : `Vitest（PostgreSQL）失败（退出码 ${code}）`);
    if (code !== 0) failed.push('Vitest');
  }

  if (!values['no-e2e']) {
    const database = 'drill_e2e';
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    progress('Playwright 端到端测试（PostgreSQL，2 个应用进程）');
    const code = await run('npx', ['playwright', 'test'], { E2E_DATABASE_URL: server.urlOf(database) });
    progress(code === 0 ? 'Playwright（PostgreSQL）通过' : `Playwright（PostgreSQL）失败（退出码 ${code}）`);
    if (code !== 0) failed.push('Playwright');
  }
} catch (error) {
  console.error(error);
  failed.push('准备');
} finally {
  stopServer();
}
progress(failed.length === 0 ? 'PostgreSQL 测试全部通过' : `PostgreSQL 测试失败：${failed.join('、')}`);
process.exit(failed.length === 0 ? 0 : 1);
