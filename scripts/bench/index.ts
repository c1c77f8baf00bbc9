// `npm run bench [-- --quick] [-- --profile] [-- --no-docs] [-- --postgres]`: builds the app and the bare
// baselines, runs every case of issue 7 (warm-up, three runs, medians), prints the targets table and
// writes the figures into docs/benchmarks.md. With --postgres, then the PostgreSQL cases of issue 17
// (scripts/bench/postgres.ts) and their own section. Loopback only; every case is bounded in count and time.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as prettier from 'prettier';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_CONCURRENT_HASHES } from '../../app/utils/password.server';
import { durability, provincial, throughput, type Settings } from './cases';
import { log, type LoadResult } from './lib';
import { benchPostgres } from './postgres';
import { formatPostgresSection } from './postgres-report';
import { ROOT, buildAll, copyDb, createTemplate, resetRunDir } from './setup';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const postgres = args.has('--postgres');
const settings: Settings = quick
  ? {
      quick,
      seconds: 3,
      warmupSeconds: 1.5,
      runs: 3,
      connections: 50,
      provincialSeconds: 12,
      logins: 400,
      profile: args.has('--profile'),
    }
  : {
      quick,
      seconds: 10,
      warmupSeconds: 5,
      runs: 3,
      connections: 50,
      provincialSeconds: 40,
      logins: 4800,
      profile: args.has('--profile'),
    };

/** A row another bench module contributes (e.g. the assignments follow-up of issue 5). */
export interface ExtraRow {
  name: string;
  value: number | string;
  unit: string;
}

/**
 * Bench modules of other issues, each a file in scripts/bench exporting a function that returns
 * rows. Listed here by file and export; a file that does not exist yet is reported as missing,
 * never replaced by made-up figures.
 */
const EXTRA_BENCH_MODULES: { file: string; exportName: string; issue: string }[] = [
  { file: 'assignments.ts', exportName: 'benchAssignments', issue: 'issue 5' },
  // National-scale readiness report and rollup rebuild (issue 6; issue 7 item 6), and the steps
  // submitted during a full rebuild from the CLI (issue 18). Reads --quick itself.
  { file: 'reports.ts', exportName: 'benchReports', issue: 'issues 6 and 18' },
];

async function runExtraModules(): Promise<{ rows: ExtraRow[]; missing: string[] }> {
  const rows: ExtraRow[] = [];
  const missing: string[] = [];
  for (const m of EXTRA_BENCH_MODULES) {
    const path = join(ROOT, 'scripts/bench', m.file);
    if (!existsSync(path)) {
      missing.push(`${m.file} (${m.issue}): not present yet`);
      continue;
    }
    log(`running ${m.file} ${m.exportName}()…`);
    const mod = (await import(pathToFileURL(path).href)) as Record<string, () => Promise<ExtraRow[]> | ExtraRow[]>;
    rows.push(...(await mod[m.exportName]!()));
  }
  return { rows, missing };
}

/** The target row of the national report case, from the rows scripts/bench/reports.ts returned. */
function reportTarget(rows: ExtraRow[]): TargetRow {
  const row = 'report, one province / whole country (national data)';
  const find = (prefix: string) => rows.find((r) => r.name.startsWith(prefix) && typeof r.value === 'number');
  const province = find('readiness report, one province');
  const country = find('readiness report, whole country');
  if (!province || !country)
    return {
      case: row,
      figure: 'not measured (scripts/bench/reports.ts gave no figure)',
      required: '≤ 100 ms / ≤ 500 ms',
      goal: '≤ 50 ms / ≤ 300 ms',
      verdict: 'not measured',
    };
  const p = province.value as number;
  const c = country.value as number;
  return {
    case: `${row}${quick ? ', QUICK: 10,000 officers / 200,000 attempts' : ''}`,
    figure: `${p} ms / ${c} ms`,
    required: '≤ 100 ms / ≤ 300 ms',
    goal: '≤ 50 ms / ≤ 300 ms',
    verdict: verdict(p <= 100 && c <= 300, p <= 50 && c <= 300),
  };
}

/** The target row of issue 18's "steps submitted during a full rollup rebuild" (scripts/bench/reports.ts). */
function rebuildTarget(rows: ExtraRow[]): TargetRow {
  const prefix = 'steps submitted during a full rollup rebuild (';
  const find = (suffix: string) => rows.find((r) => r.name.startsWith(prefix) && r.name.endsWith(suffix));
  const sentFailed = find(': steps sent / failed');
  const p99 = find(': p99');
  const base = {
    case: 'steps submitted during a full rollup rebuild (CLI in another process)',
    required: 'all succeed, p99 ≤ 1 s',
  };
  if (!sentFailed || typeof p99?.value !== 'number')
    return { ...base, figure: 'not measured', goal: '–', verdict: 'not measured' };
  const [sent, failed] = String(sentFailed.value)
    .split('/')
    .map((x) => Number.parseInt(x.trim(), 10));
  const ok = sent! > 0 && failed === 0 && p99.value <= 1000;
  return {
    ...base,
    figure: `${sent} sent, ${failed} failed, p99 ${ms(p99.value)}`,
    goal: 'the same',
    verdict: verdict(ok, ok),
  };
}

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : '–');
const ratio = (a: number, b: number) => a / b;
const fx = (x: number) => `${x.toFixed(2)}×`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface TargetRow {
  case: string;
  figure: string;
  required: string;
  goal: string;
  verdict: string;
}

function verdict(required: boolean | null, goal: boolean | null): string {
  if (required === null) return 'not measured';
  return required ? (goal ? 'goal met' : 'required met') : 'MISSED';
}

async function main() {
  const started = new Date();
  const t0 = performance.now();
  log(
    `${quick ? 'quick' : 'full'} run on ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`,
  );
  buildAll();
  resetRunDir();
  log('bench database: migrations, demo data, officer logins…');
  const template = await createTemplate();

  const tp = await throughput(template, settings);
  const prov = await provincial(copyDb(template, 'provincial'), settings);
  const dur = await durability(template, 20);
  const extra = await runExtraModules();

  const postVsRemix = ratio(tp.appPost.rps, tp.bRemixPost.rps);
  const postVsWrite = ratio(tp.appPost.rps, tp.bWrite.rps);
  const getVsRemix = ratio(tp.appGet.rps, tp.bRemixGet.rps);
  const getVsRead = ratio(tp.appGet.rps, tp.bRead.rps);
  const drillWeight = tp.pageWeight.find((p) => p.page === 'drill')!;
  // Issue 18: the tail, each against its own median and against the bare framework's tail.
  const tail = (app: LoadResult, bare: LoadResult) => ({
    figure: `p99 ${ms(app.p99)} = ${fx(app.p99 / app.p50)} its p50, ${fx(app.p99 / bare.p99)} B-remix's p99 (${ms(bare.p99)})`,
    met: app.p99 <= 3 * app.p50 && app.p99 <= 2 * bare.p99,
  });
  const postTail = tail(tp.appPost, tp.bRemixPost);
  const getTail = tail(tp.appGet, tp.bRemixGet);
  const targets: TargetRow[] = [
    {
      case: 'step submit / B-remix (POST)',
      figure: fx(postVsRemix),
      required: '≥ 0.5×',
      goal: '≥ 0.7×',
      verdict: verdict(postVsRemix >= 0.5, postVsRemix >= 0.7),
    },
    {
      case: 'step submit tail',
      figure: postTail.figure,
      required: "p99 ≤ 3× p50 and ≤ 2× B-remix's p99",
      goal: 'the same',
      verdict: verdict(postTail.met, postTail.met),
    },
    {
      case: 'step submit / B-write',
      figure: fx(postVsWrite),
      required: '≥ 0.18×',
      goal: '≥ 0.25×',
      verdict: verdict(postVsWrite >= 0.18, postVsWrite >= 0.25),
    },
    {
      case: 'drill page GET / B-remix (GET)',
      figure: fx(getVsRemix),
      required: '≥ 0.6×',
      goal: '≥ 0.9×',
      verdict: verdict(getVsRemix >= 0.6, getVsRemix >= 0.9),
    },
    {
      case: 'drill page GET tail',
      figure: getTail.figure,
      required: "p99 ≤ 3× p50 and ≤ 2× B-remix's p99",
      goal: 'the same',
      verdict: verdict(getTail.met, getTail.met),
    },
    {
      case: 'drill page GET / B-read',
      figure: fx(getVsRead),
      required: '≥ 0.06×',
      goal: '≥ 0.12×',
      verdict: verdict(getVsRead >= 0.06, getVsRead >= 0.12),
    },
    {
      case: `provincial load (${prov.steps.rps.toFixed(1)} steps/s, ${prov.officers} officers)`,
      figure: `p99 ${ms(prov.steps.p99)}, ${prov.steps.errors} errors`,
      required: 'p99 ≤ 40 ms, 0 errors',
      goal: 'p99 ≤ 20 ms',
      verdict: verdict(
        prov.steps.p99 <= 40 && prov.steps.errors === 0,
        prov.steps.p99 <= 20 && prov.steps.errors === 0,
      ),
    },
    {
      case: `synchronized start, ${prov.officers} in ${prov.startSpreadSeconds} s`,
      figure: `p99 ${ms(prov.start.p99)}, ${prov.start.errors} errors`,
      required: 'p99 ≤ 1 s, 0 errors',
      goal: 'p99 ≤ 300 ms',
      verdict: verdict(
        prov.start.p99 <= 1000 && prov.start.errors === 0,
        prov.start.p99 <= 300 && prov.start.errors === 0,
      ),
    },
    {
      case: `acknowledged steps lost over ${dur.kills} kills`,
      figure: `${dur.lost} of ${dur.acknowledged}; ${dur.notReplayed} of ${dur.replayed} attempts not rebuilt by replay`,
      required: '0, and every attempt replays',
      goal: '0',
      verdict: verdict(
        dur.lost === 0 && dur.notReplayed === 0 && dur.afterRestartOk,
        dur.lost === 0 && dur.notReplayed === 0 && dur.afterRestartOk,
      ),
    },
    reportTarget(extra.rows),
    rebuildTarget(extra.rows),
    {
      case: 'JS on the drill page, gzipped',
      figure: kb(drillWeight.jsGzip),
      required: '≤ 150 KB',
      goal: '≤ 100 KB',
      verdict: verdict(drillWeight.jsGzip <= 150 * 1024, drillWeight.jsGzip <= 100 * 1024),
    },
  ];

  // The server's own figures of the closed-model cases (scripts/bench/loop-delay.cjs): CPU per
  // answer, event-loop delay, GC; "–" for the open-model cases, which measure the client side only.
  const server = (r: LoadResult) =>
    r.loop
      ? `${r.loop.cpuPerRequestMs.toFixed(2)} ms | ${ms(r.loop.p99)} / ${ms(r.loop.max)} | ${(r.loop.gcShare * 100).toFixed(0)} %, ≤ ${ms(r.loop.gcMaxMs)}`
      : '– | – | –';
  const line = (r: LoadResult, unit = '/s') =>
    `${r.rps.toFixed(0)}${unit} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${fx(r.p99 / r.p50)} | ${r.errors} | ${server(r)}`;
  const details = [
    '| server and case | throughput | p50 | p95 | p99 | p99 / p50 | errors | server CPU per answer | event-loop delay p99 / max | GC: time share, longest pause |',
    '|---|---|---|---|---|---|---|---|---|---|',
    `| app: step submit (POST → 302) | ${line(tp.appPost)} |`,
    `| B-write: node:http + better-sqlite3 (POST → 303) | ${line(tp.bWrite)} |`,
    `| B-remix: bare Remix action (POST → 303) | ${line(tp.bRemixPost)} |`,
    `| app: drill page GET (${kb(tp.drillPageBytes)}) | ${line(tp.appGet)} |`,
    `| B-read: the same bytes after the same SELECT | ${line(tp.bRead)} |`,
    `| B-remix: bare Remix page (${kb(tp.barePageBytes)}) | ${line(tp.bRemixGet)} |`,
    `| app: step submit, synchronous=FULL | ${line(tp.appPostFull)} |`,
    `| B-write, synchronous=FULL | ${line(tp.bWriteFull)} |`,
    `| provincial: step POST (open model, target ${prov.targetRate}/s) | ${line(prov.steps)} |`,
    `| provincial: the drill page GET after each step | ${line(prov.pageAfterStep)} |`,
    `| synchronized start: POST /drills/start | ${line(prov.start)} |`,
  ];
  const others = [
    '| figure | value |',
    '|---|---|',
    `| B-remix / B-write (the framework's share, POST) | ${fx(tp.bRemixPost.rps / tp.bWrite.rps)} |`,
    `| B-remix / B-read (the framework's share, GET) | ${fx(tp.bRemixGet.rps / tp.bRead.rps)} |`,
    `| synchronous=FULL / NORMAL, app step submit | ${fx(tp.appPostFull.rps / tp.appPost.rps)} |`,
    `| synchronous=FULL / NORMAL, B-write | ${fx(tp.bWriteFull.rps / tp.bWrite.rps)} |`,
    `| argon2id (19 MiB, t=2, p=1): one hash alone / throughput on 4 libuv threads (the app hashes at most ${MAX_CONCURRENT_HASHES} at once) | ${ms(prov.hashMs)} / ${prov.hashPerSecond.toFixed(1)} hashes/s |`,
    `| login burst: ${prov.loginBurst.logins} logins over HTTP (32 at a time) | ${prov.loginBurst.loginsPerSecond.toFixed(1)} logins/s, p99 ${ms(prov.loginBurst.loginP99)}, ${prov.loginBurst.loginErrors} errors |`,
    `| steps during the login burst (${prov.loginBurst.stepRate.toFixed(0)}/s) | p50 ${ms(prov.loginBurst.stepP50)}, p99 ${ms(prov.loginBurst.stepP99)} (worst 2-s slice), ${prov.loginBurst.stepErrors} errors |`,
    `| durability: steps acknowledged / lost over ${dur.kills} kill -9 | ${dur.acknowledged} / ${dur.lost}${dur.afterRestartOk ? '' : ' (some post after a restart was refused)'} |`,
    ...extra.rows.map((r) => `| ${r.name} | ${r.value} ${r.unit} |`),
    ...extra.missing.map((m) => `| extra bench module ${m} | – |`),
  ];
  const weights = [
    '| page | HTML | JS files | JS gzipped | CSS gzipped | libraries found in its JS |',
    '|---|---|---|---|---|---|',
    ...tp.pageWeight.map(
      (p) =>
        `| ${p.page} (\`${p.path.replace(/\?.*/, '')}\`) | ${kb(p.htmlBytes)} | ${p.jsFiles} | ${kb(p.jsGzip)} | ${kb(p.cssGzip)} | ${p.found.join(', ') || 'none'} |`,
    ),
  ];
  const targetTable = [
    '| case | figure | required | goal | verdict |',
    '|---|---|---|---|---|',
    ...targets.map((t) => `| ${t.case} | ${t.figure} | ${t.required} | ${t.goal} | ${t.verdict} |`),
  ];
  const minutes = ((performance.now() - t0) / 60000).toFixed(1);
  const header =
    `${quick ? 'Quick' : 'Full'} run of ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${availableParallelism()} cores ` +
    `(${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${minutes} min. ` +
    `Closed-model cases: ${settings.connections} connections, warm-up ${settings.warmupSeconds} s, ${settings.runs} runs of ${settings.seconds} s, medians ` +
    `(errors summed over the runs); provincial: ${settings.runs} runs of ${settings.provincialSeconds} s.`;
  const report = [header, '', ...targetTable, '', ...details, '', ...others, '', ...weights].join('\n');
  console.log('\n' + report + '\n');
  if (!args.has('--no-docs')) await writeDocs(quick ? 'quick' : 'full', report);
  if (postgres) {
    // After the SQLite figures are printed and written: a failure here leaves them in place.
    const pgFigures = await benchPostgres(template, settings);
    const section = formatPostgresSection(
      pgFigures,
      { provincial: prov, national: extra.rows },
      {
        quick,
        cores: availableParallelism(),
        cpu: cpus()[0]?.model ?? 'unknown CPU',
        node: process.version,
        startedAt: started,
        minutes: (performance.now() - t0) / 60000,
        seconds: settings.seconds,
        runs: settings.runs,
        connections: settings.connections,
        provincialSeconds: settings.provincialSeconds,
      },
    );
    console.log('\n' + section + '\n');
    if (!args.has('--no-docs')) await writeDocs(quick ? 'postgres-quick' : 'postgres-full', section);
  }
}

/** Replaces the section of docs/benchmarks.md between the markers of this kind of run. */
async function writeDocs(kind: 'quick' | 'full' | 'postgres-quick' | 'postgres-full', report: string) {
  const path = join(ROOT, 'docs/benchmarks.md');
  const start = `<!-- bench:${kind}:start -->`;
  const end = `<!-- bench:${kind}:end -->`;
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < 0) {
    log(`docs/benchmarks.md has no ${start} … ${end} section; not written`);
    return;
  }
  // Formatted as the repository's check (`prettier --check .`, part of npm test) wants it.
  const written = text.slice(0, i + start.length) + '\n' + report + '\n' + text.slice(j);
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(path, await prettier.format(written, { ...options, filepath: path }));
  log(`docs/benchmarks.md: ${kind} figures updated`);
}

await main();
process.exit(0);
