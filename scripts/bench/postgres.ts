// `npm run bench -- --postgres`: after the SQLite figures, the same app on a throwaway PostgreSQL
// server (scripts/postgres-server.ts): step submit and drill page GET with 1 and 2 app processes
// (interleaved with the SQLite app and B-remix, measured again in this phase), the provincial load
// and the synchronized start with 2 processes, and the national report. A case that fails (the app's
// SQL is still being made portable) is recorded with its error; the others still run.
import { loadavg } from 'node:os';
import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../postgres-server';
import {
  calibrateBareRows,
  pageGetter,
  provincial,
  startApp,
  startBareRemix,
  stepSubmitter,
  type Settings,
} from './cases';
import { closedLoad, log, medianOf, type ConnectionScript, type LoadResult, type RunningServer } from './lib';
import type { PostgresFigures, ThroughputTriple, Outcome } from './postgres-report';
import { benchReports } from './reports';
import { copyDb, createAttempts, createTemplate, listOfficers, mintSessions } from './setup';

/**
 * Server settings for the bench, modest for a machine with a few GB to spare: a bigger buffer cache
 * and sort memory than the defaults, checkpoints spaced out (the national data is 2 million rows).
 * Durability is PostgreSQL's default (fsync on, synchronous_commit on: every commit flushed to disk),
 * which is stricter than the app's SQLite synchronous=NORMAL.
 */
export const POSTGRES_SETTINGS: Record<string, string> = {
  max_connections: '200',
  shared_buffers: '512MB',
  effective_cache_size: '2GB',
  work_mem: '32MB',
  maintenance_work_mem: '256MB',
  max_wal_size: '4GB',
  checkpoint_timeout: '15min',
  random_page_cost: '1.1',
};

async function admin(server: ThrowawayPostgres, statement: string): Promise<void> {
  const client = new pg.Client(server.url);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function serverVersion(server: ThrowawayPostgres): Promise<string> {
  const client = new pg.Client(server.url);
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

async function attempt<T>(name: string, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    log(`PostgreSQL case "${name}" failed: ${message}`);
    return { ok: false, error: message.split('\n')[0]!.slice(0, 300) };
  }
}

export async function benchPostgres(sqliteTemplate: string, s: Settings): Promise<PostgresFigures> {
  const loadBefore = loadavg()[0]!;
  log(
    `PostgreSQL: starting a throwaway server (${Object.entries(POSTGRES_SETTINGS)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')})…`,
  );
  const server = await startThrowawayPostgres({ settings: POSTGRES_SETTINGS });
  try {
    const version = await serverVersion(server);
    log(`PostgreSQL ${version} on port ${server.port}; bench template: migrations, demo data, officer logins…`);
    await admin(server, 'create database bench_template');
    const t0 = performance.now();
    await createTemplate(server.urlOf('bench_template'));
    const templateSeconds = (performance.now() - t0) / 1000;
    const copy = async (name: string) => {
      await admin(server, `create database ${name} template bench_template`);
      return server.urlOf(name);
    };

    const throughput = await attempt('step submit / drill page GET', async () =>
      throughputCompare(sqliteTemplate, await copy('bench_throughput'), s),
    );
    const prov = await attempt('provincial load', async () =>
      provincial(await copy('bench_provincial'), s, { processes: 2 }),
    );
    const national = await attempt('national report', async () => {
      await admin(server, 'create database bench_national');
      return benchReports({ quick: s.quick, postgresUrl: server.urlOf('bench_national'), rebuildRuns: 0 });
    });
    return {
      version,
      settings: POSTGRES_SETTINGS,
      templateSeconds,
      loadBefore,
      loadAfter: loadavg()[0]!,
      throughput,
      provincial: prov,
      national,
    };
  } finally {
    server.stop();
  }
}

/**
 * Step submit and drill page GET: the SQLite app (1 process, its own copy of the SQLite bench
 * database), the app on PostgreSQL with 1 process and with 2, and B-remix, every run of each
 * interleaved as the SQLite throughput case does.
 */
async function throughputCompare(sqliteTemplate: string, pgUrl: string, s: Settings): Promise<ThroughputTriple> {
  const sqliteDb = copyDb(sqliteTemplate, 'postgres-phase-sqlite');
  const prepare = async (location: string) => {
    const ids = (await listOfficers(location, s.connections)).map((o) => o.id);
    const cookies = await mintSessions(location, ids);
    const pages = await createAttempts(location, ids, 1);
    return { ids, cookies, pages };
  };
  log('PostgreSQL throughput: sessions and attempts on both engines…');
  const onSqlite = await prepare(sqliteDb);
  const onPg = await prepare(pgUrl);
  const servers: RunningServer[] = [];
  try {
    const sqliteApp = await startApp(sqliteDb);
    servers.push(sqliteApp);
    const pg1 = await startApp(pgUrl, { processes: 1 });
    servers.push(pg1);
    const pg2 = await startApp(pgUrl, { processes: 2 });
    servers.push(pg2);
    const bare = await startBareRemix();
    servers.push(bare);
    const first = onPg.pages.get(onPg.ids[0]!)![0]!;
    const page = await fetch(`${pg1.base}/drills/${first.id}?step=${encodeURIComponent(first.firstStepId)}`, {
      headers: { cookie: onPg.cookies.get(onPg.ids[0]!)! },
    });
    const bytes = (await page.arrayBuffer()).byteLength;
    if (page.status !== 200) throw new Error(`the drill page on PostgreSQL answered ${page.status}`);
    const bareRows = await calibrateBareRows(bare.base, bytes);
    const rate = { last: 400 };
    const post = (base: string, location: string, d: typeof onPg) =>
      stepSubmitter(base, location, d.ids, d.cookies, s, rate);
    const get = (base: string, d: typeof onPg) => pageGetter(base, d.ids, d.cookies, d.pages, s);
    // B-remix as in the SQLite case: POST the same step bodies (→ 303), GET a page of the drill page's size.
    const bareLoad = (method: 'GET' | 'POST') => (seconds: number) =>
      closedLoad({
        base: bare.base,
        connections: s.connections,
        seconds,
        method,
        makeConnection: (): ConnectionScript => {
          let v = 0;
          return method === 'GET'
            ? { next: () => ({ path: `/?rows=${bareRows}` }), onResponse: (status) => status === 200 }
            : {
                next: () => ({ path: '/?index', body: first.bodies[v++ % first.bodies.length] }),
                onResponse: (status) => status === 303,
              };
        },
      });
    const targets: [keyof ThroughputTriple, (seconds: number) => Promise<LoadResult>][] = [
      ['sqlitePost', post(sqliteApp.base, sqliteDb, onSqlite)],
      ['pg1Post', post(pg1.base, pgUrl, onPg)],
      ['pg2Post', post(pg2.base, pgUrl, onPg)],
      ['bRemixPost', bareLoad('POST')],
      ['sqliteGet', get(sqliteApp.base, onSqlite)],
      ['pg1Get', get(pg1.base, onPg)],
      ['pg2Get', get(pg2.base, onPg)],
      ['bRemixGet', bareLoad('GET')],
    ];
    for (const [name, run] of targets) {
      log(`warm-up ${name} (${s.warmupSeconds} s)`);
      await run(s.warmupSeconds);
    }
    const results = new Map<keyof ThroughputTriple, LoadResult[]>();
    for (let r = 0; r < s.runs; r++) {
      for (const [name, run] of targets) {
        const res = await run(s.seconds);
        log(
          `run ${r + 1}/${s.runs} ${name}: ${res.rps.toFixed(0)}/s p99 ${res.p99.toFixed(1)} ms, errors ${res.errors}`,
        );
        results.set(name, [...(results.get(name) ?? []), res]);
      }
    }
    const med = (name: keyof ThroughputTriple) => medianOf(results.get(name)!);
    return {
      sqlitePost: med('sqlitePost'),
      pg1Post: med('pg1Post'),
      pg2Post: med('pg2Post'),
      bRemixPost: med('bRemixPost'),
      sqliteGet: med('sqliteGet'),
      pg1Get: med('pg1Get'),
      pg2Get: med('pg2Get'),
      bRemixGet: med('bRemixGet'),
    };
  } finally {
    for (const server of servers) await server.stop();
  }
}
