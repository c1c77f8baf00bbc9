// One vs two app processes on one SQLite file (docs/decisions/200-several-processes.md): step submits
// (each officer posting the model answers of their own attempts) and drill page GETs, through
// scripts/serve.ts with WORKERS=1 and WORKERS=2. Run after `npm run build`:
//   npx tsx scripts/bench/processes.ts [--seconds 10] [--connections 20]
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/connection';
import { prepareDatabase } from '../../db/seed';
import { StepPoster } from './cases';
import { closedLoad, log, startServer, type LoadResult, type RunningServer } from './lib';
import {
  copyDb,
  createAttempts,
  listOfficers,
  mintSessions,
  resetRunDir,
  ROOT,
  RUN_DIR,
  SESSION_SECRET,
} from './setup';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

function startCluster(dbPath: string, workers: number): Promise<RunningServer> {
  return startServer({
    nodeArgs: ['--import', 'tsx'],
    args: [join(ROOT, 'scripts/serve.ts'), join(ROOT, 'build/index.js')],
    env: {
      DATABASE_PATH: dbPath,
      SESSION_SECRET,
      NODE_ENV: 'production',
      SCHEDULED_JOBS: '0',
      WORKERS: String(workers),
      // Measured here, not refused: the refusal is what this measurement decided.
      WORKERS_ON_SQLITE_FOR_BENCHMARK: '1',
    },
    readyPath: '/login',
  });
}

const fmt = (r: LoadResult) =>
  `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}/${r.requests}`;

resetRunDir();
const template = join(RUN_DIR, 'template.db');
{
  const { db } = openDatabase(template);
  await prepareDatabase(db);
  await db.destroy();
}
log(`cores: ${availableParallelism()}; ${connections} connections, ${seconds} s per run`);
const rows: string[] = [];
for (const workers of [1, 2]) {
  const dbPath = copyDb(template, `processes-${workers}`);
  const officers = await listOfficers(dbPath, connections);
  const ids = officers.map((o) => o.id);
  const cookies = await mintSessions(dbPath, ids);
  const getAttempts = await createAttempts(dbPath, ids, 1);
  const postAttempts = await createAttempts(dbPath, ids, 80);
  const server = await startCluster(dbPath, workers);
  try {
    const posters: StepPoster[] = [];
    const post = await closedLoad({
      base: server.base,
      connections,
      seconds,
      method: 'POST',
      makeConnection: (i) => {
        const id = ids[i % ids.length]!;
        const poster = new StepPoster(cookies.get(id)!, postAttempts.get(id)!);
        posters.push(poster);
        return {
          next: () => poster.next(),
          onResponse: (status, headers) => poster.onResponse(status, headers.location as string | undefined),
        };
      },
    });
    const get = await closedLoad({
      base: server.base,
      connections,
      seconds,
      method: 'GET',
      makeConnection: (i) => {
        const id = ids[i % ids.length]!;
        const a = getAttempts.get(id)![0]!;
        return {
          next: () => ({
            path: `/drills/${a.id}?step=${encodeURIComponent(a.firstStepId)}`,
            headers: { cookie: cookies.get(id)! },
          }),
          onResponse: (status) => status === 200,
        };
      },
    });
    const exhausted = posters.reduce((n, p) => n + p.exhausted, 0);
    log(`WORKERS=${workers}  step submit: ${fmt(post)}${exhausted ? ` (${exhausted} found no attempt left)` : ''}`);
    log(`WORKERS=${workers}  drill GET:   ${fmt(get)}`);
    const failures = server.stderr().match(/SQLITE_BUSY[A-Z_]*/g) ?? [];
    if (failures.length > 0)
      log(`WORKERS=${workers}  server errors: ${failures.length} × ${[...new Set(failures)].join(', ')}`);
    rows.push(`| ${workers} | ${fmt(post)} | ${fmt(get)} | ${failures.length} |`);
  } finally {
    await server.stop();
  }
}
console.log('\n| WORKERS | step submit | drill GET | SQLITE_BUSY in the log |\n|---|---|---|---|');
for (const row of rows) console.log(row);
