/**
 * Benchmark of issue 6 / issue 7 item 6: the readiness report at national scale. Generates, into a
 * fresh temporary SQLite file migrated by the app's own migrations, 100,000 officers in 3,000
 * county-level units under 31 provinces and ~330 cities (materialized paths as the app writes them)
 * and 2,000,000 finished attempts over the last year; then times, after a warm-up, three runs each
 * (median) of a full rebuild of the rollups and of getReadinessReport for this year for the whole
 * country, one province and one county.
 *
 *   npx tsx scripts/bench/reports.ts [--quick] [--keep]     # prints the rows
 *   import { benchReports } from './reports'                # rows for `npm run bench`
 *
 * Then, on SQLite (issue 18), the case "steps submitted during a full rollup rebuild": the built app
 * (`npm run build` first) on that database, steps posted at 60/s while scripts/rebuild-rollups.ts runs
 * in another process (`stepsDuringRebuild`; `--no-online` skips it).
 *
 * `--quick` scales down to 10,000 officers / 200,000 attempts (the rows say so). `--keep` leaves the
 * database file in place and prints its path (for profiling: `node --cpu-prof --import tsx …`).
 *
 * The attempts are realistic in everything the reports and the rollups read — user, skill, mode,
 * seed, score (from the scenario's own rubric weights, with the lost items' error codes), pass mark,
 * hints, start and finish — but `state_json` is a small valid JSON object and there are no
 * attempt_events: reports never read either (they read the rollups only), and the rebuild reads
 * only the attempts' columns.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { describeLocation, openDatabase, openPostgres } from '../../db/connection';
import type { Database } from '../../db/schema';
import { migrateToLatest } from '../../db/migrate';
import { createPrng } from '../../scenarios/prng';
import { listScenarios } from '../../scenarios/index';
import { getReadinessReport, namedPeriod } from '../../app/models/readiness.server';
import { rebuildRollups } from '../../app/models/rollups.server';
import { startApp, StepPoster } from './cases';
import { expDelay, failureTally, log, makeClient, percentile, sleep } from './lib';
import { createAttempts, mintSessions, ROOT } from './setup';

export interface BenchRow {
  name: string;
  value: number | string;
  unit: string;
}

export interface ReportsBenchOptions {
  quick?: boolean;
  officers?: number;
  units?: number;
  attempts?: number;
  /** Timed runs after the warm-up (the median is reported). */
  runs?: number;
  /** Timed runs of the rollup rebuild after its warm-up; 0: one run, timed (it also fills the rollups). */
  rebuildRuns?: number;
  /** Keep the database file (its path is logged). */
  keep?: boolean;
  /** Generate into this (empty) PostgreSQL database instead of a temporary SQLite file. */
  postgresUrl?: string;
  /** Skip the case "steps submitted during a full rollup rebuild" (it needs `npm run build`). */
  skipOnline?: boolean;
  now?: Date;
}

const PROVINCES = 31;
const CITIES = 330;
const DAY = 24 * 60 * 60 * 1000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;
const fmt = (n: number) => n.toLocaleString('en-US');

/** One updating progress line on stderr (percentage, count, rate); a line per 10% when not a terminal. */
function progressBar(label: string, total: number) {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let lastDraw = 0;
  let lastDecile = -1;
  const draw = (done: number, final = false) => {
    const now = performance.now();
    const fraction = total === 0 ? 1 : done / total;
    const rate = done / Math.max((now - started) / 1000, 1e-3);
    const text = `${label} ${(fraction * 100).toFixed(1).padStart(5)}% ${fmt(done)}/${fmt(total)} ${fmt(Math.round(rate))}/s`;
    if (tty) {
      if (!final && now - lastDraw < 100) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round(fraction * width);
      process.stderr.write(`\r\u001b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
      if (final) process.stderr.write('\n');
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile !== lastDecile || final) {
        lastDecile = decile;
        process.stderr.write(`${text}\n`);
      }
    }
  };
  return { tick: (done: number) => draw(done), done: () => draw(total, true) };
}

/** Splits `total` into `parts` positive integers with some spread (weights 0.5–1.5). */
function spread(total: number, parts: number, random: () => number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  let rest = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % parts) {
    if (rest > 0) {
      counts[i]! += 1;
      rest -= 1;
    } else if (counts[i]! > 1) {
      counts[i]! -= 1;
      rest += 1;
    }
  }
  return counts;
}

async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<{ median: number; all: number[] }> {
  if (runs === 0) {
    const t = performance.now();
    await fn();
    return { median: performance.now() - t, all: [performance.now() - t] };
  }
  await fn(); // warm-up
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    all.push(performance.now() - t);
  }
  return { median: median(all), all };
}

export async function benchReports(options: ReportsBenchOptions = {}): Promise<BenchRow[]> {
  const quick = options.quick ?? process.argv.includes('--quick');
  const officers = options.officers ?? (quick ? 10_000 : 100_000);
  const countyUnits = options.units ?? 3_000;
  const attemptCount = options.attempts ?? (quick ? 200_000 : 2_000_000);
  const runs = options.runs ?? 3;
  const rebuildRuns = options.rebuildRuns ?? runs;
  const keep = options.keep ?? process.argv.includes('--keep');
  const now = options.now ?? new Date();
  const onPostgres = options.postgresUrl !== undefined;
  const scale = `${fmt(officers)} officers, ${fmt(countyUnits)} county units, ${fmt(attemptCount)} attempts${quick ? ', QUICK (scaled down from 100,000 / 2,000,000)' : ''}`;

  const dir = onPostgres ? undefined : mkdtempSync(join(tmpdir(), 'drill-bench-reports-'));
  const file = dir ? join(dir, 'national.db') : options.postgresUrl!;
  const { db, writer } = dir ? sqliteWriter(file) : postgresWriter(options.postgresUrl!);
  try {
    await migrateToLatest(db);
    const prng = createPrng('national-bench');
    const random = () => prng.next();
    const tGenerate = performance.now();

    // ── Units: 31 provinces → ~330 cities → 3,000 county-level units (ids in tree order) ──
    const citiesPerProvince = spread(CITIES, PROVINCES, random);
    const countiesPerCity = spread(countyUnits, CITIES, random);
    const counties: { id: number; path: string }[] = [];
    const provinces: { id: number; path: string; name: string }[] = [];
    const unitRows: UnitRow[] = [];
    let nextId = 1;
    let city = 0;
    for (let p = 0; p < PROVINCES; p++) {
      const pid = nextId++;
      const pcode = String(11 + p).padStart(2, '0');
      const ppath = `/${pid}/`;
      const pname = `省份${pcode}`;
      unitRows.push([pid, `${pcode}0000`, pname, 'province', null, ppath, p]);
      provinces.push({ id: pid, path: ppath, name: pname });
      for (let c = 0; c < citiesPerProvince[p]!; c++, city++) {
        const cid = nextId++;
        const ccode = `${pcode}${String(c + 1).padStart(2, '0')}`;
        const cpath = `${ppath}${cid}/`;
        unitRows.push([cid, `${ccode}00`, `${pname}第${c + 1}市`, 'city', pid, cpath, c]);
        for (let k = 0; k < countiesPerCity[city]!; k++) {
          const kid = nextId++;
          const kpath = `${cpath}${kid}/`;
          unitRows.push([
            kid,
            `${ccode}${String(k + 1).padStart(2, '0')}`,
            `${pname}第${c + 1}市第${k + 1}区县`,
            'county',
            cid,
            kpath,
            k,
          ]);
          counties.push({ id: kid, path: kpath });
        }
      }
    }
    await writer.units(unitRows);

    // ── Officers: spread over the counties; 1% disabled; each with an ability that drives their scores ──
    const perCounty = spread(officers, counties.length, random);
    const ability = new Float64Array(officers + 1);
    const activity = new Float64Array(officers + 1); // relative drill frequency (some never drill)
    const userRows: UserRow[] = [];
    {
      let id = 1;
      counties.forEach((county, i) => {
        for (let n = 0; n < perCounty[i]!; n++, id++) {
          userRows.push([id, `bench.o${id}`, `执法员${id}`, county.id, random() < 0.01 ? 1 : 0]);
          ability[id] = 0.55 + 0.43 * random();
          activity[id] = random() < 0.12 ? 0 : 0.2 + random() ** 2 * 3;
        }
      });
    }
    await writer.users(userRows);
    // Cumulative activity, to draw an attempt's officer in proportion to it.
    const cumulative = new Float64Array(officers + 1);
    for (let i = 1; i <= officers; i++) cumulative[i] = cumulative[i - 1]! + activity[i]!;
    const pickOfficer = () => {
      const x = random() * cumulative[officers]!;
      let lo = 1;
      let hi = officers;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };

    // ── Attempts: 2,000,000 finished over the last 365 days, in start order ──
    const scenarios = listScenarios().map((s) => ({
      id: s.id,
      version: s.version,
      skill: s.skill,
      steps: s.modelAnswer(s.fixture('bench')).length,
      limit: s.assessmentTimeLimitMinutes ?? 60,
      rubric: s.rubric.map((r) => ({ code: r.code, weight: r.weight })),
      hintCost: s.hints[0]?.cost ?? 5,
    }));
    const starts = new Float64Array(attemptCount);
    const yearAgo = now.getTime() - 365 * DAY;
    for (let i = 0; i < attemptCount; i++) {
      // A working day's hour in China time (08:00–20:00), any day of the last year.
      const day = Math.floor(random() * 365);
      const chinaMidnight = Math.floor((yearAgo + day * DAY + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000;
      starts[i] = chinaMidnight + (8 + random() * 12) * 3_600_000;
    }
    starts.sort();
    const bar = progressBar(`generating attempts${onPostgres ? ' (PostgreSQL)' : ''}`, attemptCount);
    const BATCH = 50_000;
    for (let from = 0; from < attemptCount; from += BATCH) {
      const batch: AttemptRow[] = [];
      for (let i = from; i < Math.min(from + BATCH, attemptCount); i++) {
        const user = pickOfficer();
        const scenario = scenarios[Math.floor(random() * scenarios.length)]!;
        const assessment = random() < 0.4;
        const lost: string[] = [];
        let total = 0;
        for (const item of scenario.rubric) {
          if (random() < (1 - ability[user]!) * 0.9) lost.push(item.code);
          else total += item.weight;
        }
        const hints = assessment ? 0 : random() < 0.25 ? 1 + Math.floor(random() * 2) : 0;
        const score = Math.max(0, Math.min(100, total - hints * scenario.hintCost));
        const startedAt = starts[i]!;
        const minutes = Math.min(scenario.limit, scenario.steps * (1 + random() * 3));
        const finishedAt = startedAt + minutes * 60_000 + Math.floor(random() * 1000);
        batch.push([
          user,
          scenario.id,
          scenario.version,
          scenario.skill,
          // Seeds as the app draws them (6 random bytes, hex); a few officers retry the same seed.
          random() < 0.05
            ? `retry${user % 7}`
            : Math.floor(random() * 2 ** 48)
                .toString(16)
                .padStart(12, '0'),
          assessment ? 'assessment' : 'practice',
          scenario.steps,
          new Date(startedAt).toISOString(),
          assessment ? new Date(startedAt + scenario.limit * 60_000).toISOString() : null,
          new Date(finishedAt).toISOString(),
          score,
          score >= 80 ? 1 : 0,
          hints,
          JSON.stringify(lost),
        ]);
      }
      await writer.attempts(batch);
      bar.tick(Math.min(from + BATCH, attemptCount));
    }
    bar.done();

    // Real-system statistics for last year, one committed import for every county (the report shows them beside).
    const year = Number(namedPeriod('year', now).from.slice(0, 4));
    await writer.statistics(
      year,
      now.toISOString(),
      counties.map((county, i) => {
        const staff = perCounty[i]!;
        return [
          county.id,
          year,
          `区县${county.id}`,
          staff,
          Math.floor(random() * 400),
          Math.floor(random() * 40),
          0,
          0,
          0,
          0,
          0,
          Math.floor(random() * staff),
        ];
      }),
    );
    const generateSeconds = (performance.now() - tGenerate) / 1000;
    const tAnalyze = performance.now();
    await writer.finish();
    const analyzeSeconds = (performance.now() - tAnalyze) / 1000;

    // ── Timings ──
    process.stderr.write(
      `rebuilding the rollups (${rebuildRuns > 0 ? `warm-up + ${rebuildRuns} runs` : 'once, timed'})…\n`,
    );
    let rollupRows = '';
    const rebuild = await timeRuns(rebuildRuns, async () => {
      const result = await rebuildRollups(db);
      rollupRows = `${Object.entries(result.rows)
        .map(([table, n]) => `${table} ${fmt(n)} rows`)
        .join(', ')}; ${fmt(result.chunks)} chunks, longest ${Math.round(result.longestChunkMs)} ms`;
    });
    const period = namedPeriod('year', now);
    const report = (path: string) => getReadinessReport(db, { path }, { period, now });
    // The largest province (most county-level units), and its largest county.
    const countiesOf = (p: { path: string }) => counties.filter((c) => c.path.startsWith(p.path));
    const province = provinces.reduce((a, b) => (countiesOf(b).length > countiesOf(a).length ? b : a));
    const county = countiesOf(province).reduce((a, b) =>
      perCounty[counties.indexOf(b)]! > perCounty[counties.indexOf(a)]! ? b : a,
    );
    const sizeOf = async (path: string) => {
      const r = await report(path);
      return `${fmt(r.totals.units)} units, ${fmt(r.totals.officers)} officers, ${fmt(r.totals.proficient)} proficient`;
    };
    process.stderr.write(`timing getReadinessReport (warm-up + ${runs} runs each)…\n`);
    const country = await timeRuns(runs, () => report('/'));
    const oneProvince = await timeRuns(runs, () => report(province.path));
    const oneCounty = await timeRuns(runs, () => report(county.path));
    const rows: BenchRow[] = [
      {
        name: `national data generated${onPostgres ? ' on PostgreSQL (multi-row INSERTs of 2,000 rows)' : ''} (${scale}; state_json is a stub — reports never read it)`,
        value: round(generateSeconds),
        unit: 's',
      },
      ...(onPostgres
        ? [
            {
              name: 'national data: VACUUM ANALYZE after generating (PostgreSQL)',
              value: round(analyzeSeconds),
              unit: 's',
            },
          ]
        : []),
      {
        name: `full rebuild of the rollups, ${rebuildRuns > 0 ? `median of ${rebuildRuns}` : 'one run'} (${rollupRows})`,
        value: Math.round(rebuild.median),
        unit: 'ms',
      },
      {
        name: `readiness report, whole country, this year (${await sizeOf('/')})`,
        value: round(country.median),
        unit: 'ms',
      },
      {
        name: `readiness report, one province, this year (${province.name}: ${await sizeOf(province.path)})`,
        value: round(oneProvince.median),
        unit: 'ms',
      },
      {
        name: `readiness report, one county, this year (${await sizeOf(county.path)})`,
        value: round(oneCounty.median),
        unit: 'ms',
      },
    ];
    if (!(options.skipOnline ?? process.argv.includes('--no-online'))) {
      if (onPostgres) {
        rows.push({ name: 'steps submitted during a full rollup rebuild', value: 'not run on PostgreSQL', unit: '' });
      } else {
        rows.push(...(await stepsDuringRebuild(file, quick)));
      }
    }
    if (keep) process.stderr.write(`database kept: ${describeLocation(file)}\n`);
    return rows;
  } finally {
    await db.destroy();
    if (dir && !keep) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Issue 18: steps submitted while the rollups are rebuilt from another process, as an operator would
 * (`npx tsx scripts/rebuild-rollups.ts` on the national database while the built app serves it).
 * 200 officers with sessions and practice attempts post model-answer steps, an open model at 60
 * steps/s (Poisson arrivals, each to an officer with no step in flight); after 3 s the CLI starts; the
 * steps sent between its start and its exit are the case. Bar: all succeed, p99 ≤ 1 s.
 */
async function stepsDuringRebuild(file: string, quick: boolean): Promise<BenchRow[]> {
  const OFFICERS = 200;
  const RATE = 60;
  const { db } = openDatabase(file);
  const ids = (
    await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'officer')
      .where('disabled', '=', 0)
      .orderBy('id')
      .limit(OFFICERS)
      .execute()
  ).map((u) => u.id);
  await db.destroy();
  log(`steps during a rebuild: ${OFFICERS} sessions and attempts…`);
  const cookies = await mintSessions(file, ids);
  const attempts = await createAttempts(file, ids, quick ? 2 : 6);
  const app = await startApp(file);
  const client = makeClient(app.base, 512);
  const posters = ids.map((id) => new StepPoster(cookies.get(id)!, attempts.get(id)!));
  const idle = posters.map((_, i) => i);
  const sent: { at: number; ms: number; ok: boolean; why?: string }[] = [];
  let stop = false;
  let unserved = 0;
  const inflight = new Set<Promise<void>>();
  const load = (async () => {
    const started = performance.now();
    let due = 0;
    while (!stop) {
      due += expDelay(1000 / RATE);
      const wait = started + due - performance.now();
      if (wait > 0) await sleep(wait);
      const index = idle.shift();
      const poster = index === undefined ? undefined : posters[index]!;
      if (index === undefined || !poster || poster.remaining() <= 0) {
        unserved++;
        continue;
      }
      const at = performance.now();
      const request = (async () => {
        try {
          const req = poster.next();
          const res = await client.request('POST', req.path, { body: req.body, headers: req.headers });
          const location = Array.isArray(res.headers.location) ? res.headers.location[0] : res.headers.location;
          const ok = poster.onResponse(res.status, location);
          sent.push({ at, ms: res.ms, ok, why: ok ? undefined : String(res.status) });
        } catch (error) {
          const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          sent.push({ at, ms: performance.now() - at, ok: false, why });
        } finally {
          idle.push(index);
        }
      })();
      inflight.add(request);
      void request.finally(() => inflight.delete(request));
    }
  })();
  try {
    await sleep(3000);
    log('steps during a rebuild: starting scripts/rebuild-rollups.ts in another process…');
    const cliStart = performance.now();
    const cli = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/rebuild-rollups.ts')], {
      env: { ...process.env, DATABASE_PATH: file, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    cli.stdout!.on('data', (chunk) => (output += chunk));
    cli.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => cli.once('exit', (c) => resolve(c)));
    const cliEnd = performance.now();
    stop = true;
    await load;
    await Promise.all(inflight);
    if (code !== 0) throw new Error(`rebuild-rollups.ts exited with ${code}:\n${output.slice(-2000)}`);
    const summary = output.trim().split('\n').at(-1) ?? '';
    const longest = /最长一批 ([\d.]+) 秒/.exec(summary)?.[1];
    const during = sent.filter((r) => r.at >= cliStart && r.at < cliEnd);
    const failed = during.filter((r) => !r.ok).length;
    const failures = failureTally();
    for (const r of during) if (!r.ok) failures.add(r.why);
    // What the server logged for its 500s (SQLITE_BUSY[_SNAPSHOT] when its transactions begin deferred).
    const causes = failureTally();
    for (const code of app.stderr().match(/SQLITE_[A-Z_]+/g) ?? []) causes.add(code);
    const latencies = during.map((r) => r.ms).sort((a, b) => a - b);
    const before = sent
      .filter((r) => r.at < cliStart)
      .map((r) => r.ms)
      .sort((a, b) => a - b);
    const name = `steps submitted during a full rollup rebuild (open model ${RATE}/s, ${OFFICERS} officers; CLI in another process${quick ? '; QUICK' : ''})`;
    return [
      {
        name: `${name}: steps sent / failed`,
        value: `${during.length} / ${failed}${failed > 0 ? ` (${failures}; server log: ${causes})` : ''}`,
        unit: '',
      },
      { name: `${name}: p50`, value: round(percentile(latencies, 50)), unit: 'ms' },
      { name: `${name}: p99`, value: round(percentile(latencies, 99)), unit: 'ms' },
      { name: `${name}: max`, value: round(latencies.at(-1) ?? NaN), unit: 'ms' },
      {
        name: `${name}: the rebuild's duration (longest chunk ${longest ?? '?'} s)`,
        value: round((cliEnd - cliStart) / 1000),
        unit: 's',
      },
      { name: `${name}: p99 of the steps in the 3 s before it`, value: round(percentile(before, 99)), unit: 'ms' },
      ...(unserved > 0
        ? [{ name: `${name}: arrivals with no idle officer (not sent)`, value: unserved, unit: '' }]
        : []),
    ];
  } finally {
    stop = true;
    client.close();
    await app.stop();
  }
}

type UnitRow = [
  id: number,
  code: string,
  name: string,
  level: string,
  parentId: number | null,
  path: string,
  sort: number,
];
type UserRow = [id: number, username: string, displayName: string, unitId: number, disabled: number];
type AttemptRow = [
  userId: number,
  scenarioId: string,
  scenarioVersion: number,
  skill: string,
  seed: string,
  mode: string,
  eventCount: number,
  startedAt: string,
  deadline: string | null,
  finishedAt: string,
  score: number,
  passed: number,
  hintsUsed: number,
  errorCodes: string,
];
type RealRow = [unitId: number, year: number, source: string, ...counts: number[]];

/** Where the generated national data goes: rows as the app's tables hold them, in the order generated. */
interface NationalWriter {
  units(rows: UnitRow[]): Promise<void>;
  users(rows: UserRow[]): Promise<void>;
  attempts(rows: AttemptRow[]): Promise<void>;
  statistics(year: number, committedAt: string, rows: RealRow[]): Promise<void>;
  /** After the data: statistics for the planner. */
  finish(): Promise<void>;
}

const ATTEMPT_COLUMNS = [
  'user_id',
  'scenario_id',
  'scenario_version',
  'skill',
  'seed',
  'mode',
  'event_count',
  'started_at',
  'deadline',
  'finished_at',
  'score',
  'passed',
  'hints_used',
  'error_codes',
] as const;
const REAL_COLUMNS = [
  'unit_id',
  'period_year',
  'source_name',
  'officers_on_record',
  'enterprises_onboarded',
  'inspections',
  'hazards',
  'major_hazards',
  'cases',
  'penalties_wan',
  'documents',
  'participating_officers',
] as const;

/** SQLite: raw prepared statements, one transaction per batch. */
function sqliteWriter(file: string): { db: Kysely<Database>; writer: NationalWriter } {
  const { db, sqlite } = openDatabase(file);
  // Statements are prepared on first use: the tables exist once benchReports has migrated the file.
  const statements = new Map<string, SQLite.Statement>();
  const all =
    <T extends unknown[]>(text: string) =>
    async (rows: T[]) => {
      let statement = statements.get(text);
      if (!statement) statements.set(text, (statement = sqlite.prepare(text)));
      sqlite.transaction(() => {
        for (const row of rows) statement.run(...row);
      })();
    };
  const writer: NationalWriter = {
    units: all<UnitRow>(
      'INSERT INTO units (id, code, name, level, parent_id, path, is_division, sort_order) VALUES (?, ?, ?, ?, ?, ?, 1, ?)',
    ),
    users: all<UserRow>(
      "INSERT INTO users (id, username, display_name, role, unit_id, disabled) VALUES (?, ?, ?, 'officer', ?, ?)",
    ),
    attempts: all<AttemptRow>(
      `INSERT INTO attempts (${ATTEMPT_COLUMNS.join(', ')}, status, pass_mark, state_json)
       VALUES (${ATTEMPT_COLUMNS.map(() => '?').join(', ')}, 'finished', 80, '{}')`,
    ),
    async statistics(year, committedAt, rows) {
      sqlite.transaction(() => {
        const importId = sqlite
          .prepare(
            "INSERT INTO statistics_imports (user_id, scope_unit_id, file_name, period_year, status, rows_json, committed_at) VALUES (1, 1, 'bench.tsv', ?, 'committed', '[]', ?)",
          )
          .run(year, committedAt).lastInsertRowid;
        const insertReal = sqlite.prepare(
          `INSERT INTO real_statistics (import_id, ${REAL_COLUMNS.join(', ')}) VALUES (?, ${REAL_COLUMNS.map(() => '?').join(', ')})`,
        );
        for (const row of rows) insertReal.run(importId, ...row);
      })();
    },
    async finish() {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.exec('ANALYZE');
    },
  };
  return { db, writer };
}

/**
 * PostgreSQL: multi-row INSERTs of 2,000 rows (one statement, ≤ 28,000 parameters, under the
 * protocol's 65,535), each batch of 50,000 in one transaction; the ids of units and users are given,
 * so their identity sequences are moved past them afterwards; then VACUUM ANALYZE (statistics for
 * the planner and the visibility map that index-only scans need).
 */
function postgresWriter(url: string): { db: Kysely<Database>; writer: NationalWriter } {
  const db = openPostgres(url, { poolSize: 2 });
  const CHUNK = 2_000;
  const insert = async (table: string, columns: readonly string[], rows: unknown[][], constants = '') => {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const values = sql.join(chunk.map((row) => sql`(${sql.join(row)}${sql.raw(constants)})`));
        await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${values}`.execute(
          trx,
        );
      }
    });
  };
  const moveSequence = (table: string) =>
    sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(db);
  const writer: NationalWriter = {
    async units(rows) {
      const columns = ['id', 'code', 'name', 'level', 'parent_id', 'path', 'sort_order', 'is_division'];
      await insert('units', columns, rows, ', 1');
      await moveSequence('units');
    },
    async users(rows) {
      await insert('users', ['id', 'username', 'display_name', 'unit_id', 'disabled', 'role'], rows, ", 'officer'");
      await moveSequence('users');
    },
    attempts: (rows) =>
      insert('attempts', [...ATTEMPT_COLUMNS, 'status', 'pass_mark', 'state_json'], rows, ", 'finished', 80, '{}'"),
    async statistics(year, committedAt, rows) {
      const { id } = await db
        .insertInto('statistics_imports')
        .values({
          user_id: 1,
          scope_unit_id: 1,
          file_name: 'bench.tsv',
          period_year: year,
          status: 'committed',
          rows_json: '[]',
          committed_at: committedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insert(
        'real_statistics',
        ['import_id', ...REAL_COLUMNS],
        rows.map((row) => [id, ...row]),
      );
    },
    async finish() {
      await sql`vacuum analyze`.execute(db);
    },
  };
  return { db, writer };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchReports();
  for (const row of rows) console.log(`${row.name}: ${row.value} ${row.unit}`);
}
