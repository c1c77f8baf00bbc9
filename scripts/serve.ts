// `npm start`'s server: the built Remix app served by remix-serve's own CLI, in this process when
// WORKERS is 1 (the default), or in WORKERS processes sharing one port (node:cluster) when it is more.
// The primary restarts a worker that dies and stops them all on SIGTERM/SIGINT
// (docs/decisions/200-several-processes.md).
import cluster, { type Worker } from 'node:cluster';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { getEnvOrExit } from '../app/utils/env.server';
import { SCHEDULING_WORKER, WORKER_ID_VARIABLE } from '../app/utils/scheduler.server';

const require = createRequire(import.meta.url);
const buildPath = resolve(process.argv[2] ?? 'build/index.js');

/** remix-serve exactly as its bin runs it: it reads the build's path from argv[2] and listens on PORT. */
function serveHere() {
  process.argv[2] = buildPath;
  require('@remix-run/serve/dist/cli.js');
}

/** How long a worker may take to finish its requests after SIGTERM before it is killed. */
const STOP_GRACE_MS = 10_000;

function runPrimary(workers: number) {
  let stopping = false;
  const ids = new Map<Worker, number>();
  const listening = new Set<number>();

  const fork = (id: number) => {
    const worker = cluster.fork({ [WORKER_ID_VARIABLE]: String(id) });
    ids.set(worker, id);
    worker.once('listening', () => {
      listening.add(id);
      console.log(`工作进程 ${id}（pid ${worker.process.pid}）已启动。`);
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const id = ids.get(worker)!;
    ids.delete(worker);
    if (stopping) {
      if (ids.size === 0) {
        console.log('所有工作进程已停止。');
        // 0 after a signal; 1 when a worker could not start (set by stopAll).
        process.exit();
      }
      return;
    }
    const how = signal ? `信号 ${signal}` : `退出码 ${code}`;
    if (!listening.has(id)) {
      // Died before it ever served: a configuration or build error, which a restart would repeat.
      console.error(`工作进程 ${id}（pid ${worker.process.pid}）未能启动（${how}），停止全部进程。`);
      stopAll(1);
      return;
    }
    console.error(`工作进程 ${id}（pid ${worker.process.pid}）意外退出（${how}），正在重新启动。`);
    fork(id);
  });

  const stopAll = (exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    if (ids.size === 0) process.exit(exitCode);
    // disconnect(): each worker stops accepting connections, finishes the open ones, then exits.
    for (const worker of ids.keys()) worker.disconnect();
    setTimeout(() => {
      for (const worker of ids.keys()) worker.process.kill('SIGKILL');
    }, STOP_GRACE_MS).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      console.log(`收到 ${signal}，正在停止 ${ids.size} 个工作进程……`);
      stopAll(0);
    });
  }

  console.log(`以 ${workers} 个进程提供服务（同一端口）；定时任务只在 ${SCHEDULING_WORKER} 号工作进程运行。`);
  for (let id = 1; id <= workers; id++) fork(id);
}

if (cluster.isPrimary) {
  // Validates the environment (WORKERS among it) before anything starts; throws in Chinese.
  const { WORKERS } = getEnvOrExit();
  if (WORKERS === 1) serveHere();
  else runPrimary(WORKERS);
} else {
  serveHere();
  // The primary's disconnect() closes this worker's server and, once its last request is answered,
  // the channel: then the database pool (PostgreSQL keeps connections open) must not keep it alive.
  process.on('disconnect', () => {
    const db = (globalThis as { __drillDb?: { destroy(): Promise<void> } }).__drillDb;
    if (db) void db.destroy().finally(() => process.exit(0));
    else process.exit(0);
  });
}
