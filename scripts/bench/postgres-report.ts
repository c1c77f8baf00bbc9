// The PostgreSQL section of the bench's output (`npm run bench -- --postgres`): pure formatting of
// figures measured by scripts/bench/postgres.ts beside those of the SQLite run, so that
// test/bench-output.test.ts can check it without running anything.
import type { LoadResult } from './lib';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ThroughputTriple {
  sqlitePost: LoadResult;
  pg1Post: LoadResult;
  pg2Post: LoadResult;
  bRemixPost: LoadResult;
  sqliteGet: LoadResult;
  pg1Get: LoadResult;
  pg2Get: LoadResult;
  bRemixGet: LoadResult;
}

/** What the provincial case gives (a subset of ProvincialFigures in cases.ts). */
export interface ProvincialSummary {
  officers: number;
  targetRate: number;
  steps: LoadResult;
  pageAfterStep: LoadResult;
  start: LoadResult;
  startSpreadSeconds: number;
  loginBurst: { logins: number; loginsPerSecond: number; loginP99: number; loginErrors: number };
}

export interface BenchRowLike {
  name: string;
  value: number | string;
  unit: string;
}

export interface PostgresFigures {
  version: string;
  settings: Record<string, string>;
  templateSeconds: number;
  /** 1-minute load average when the PostgreSQL phase began and ended */
  loadBefore: number;
  loadAfter: number;
  throughput: Outcome<ThroughputTriple>;
  /** with 2 app processes */
  provincial: Outcome<ProvincialSummary>;
  national: Outcome<BenchRowLike[]>;
}

export interface SqliteSide {
  provincial: ProvincialSummary;
  /** the rows of scripts/bench/reports.ts on SQLite, from the same invocation */
  national: BenchRowLike[];
}

export interface SectionContext {
  quick: boolean;
  cores: number;
  cpu: string;
  node: string;
  startedAt: Date;
  minutes: number;
  seconds: number;
  runs: number;
  connections: number;
  provincialSeconds: number;
}

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : '–');
const fx = (x: number) => (Number.isFinite(x) && x > 0 ? `${x.toFixed(2)}×` : '–');
const perSecond = (r: LoadResult) =>
  `${r.rps.toFixed(0)}/s (p99 ${ms(r.p99)}${r.errors ? `, ${r.errors} errors` : ''})`;

/** The table's columns, in order (the test checks the header against it). */
export const POSTGRES_TABLE_HEADER = [
  'case',
  'SQLite',
  'PostgreSQL 1 proc',
  'PostgreSQL 2 procs',
  'ratio PG/SQLite',
  'ratio PG/B-remix',
] as const;

type Row = [string, string, string, string, string, string];

const failed = (error: string) => `failed: ${error.replace(/\|/g, '\\|')}`;

function throughputRows(t: Outcome<ThroughputTriple>): Row[] {
  if (!t.ok)
    return [
      ['step submit (POST → 302)', '–', failed(t.error), '–', '–', '–'],
      ['drill page GET', '–', failed(t.error), '–', '–', '–'],
    ];
  const v = t.value;
  const row = (name: string, sqlite: LoadResult, one: LoadResult, two: LoadResult, bare: LoadResult): Row => [
    name,
    perSecond(sqlite),
    perSecond(one),
    perSecond(two),
    `1 proc ${fx(one.rps / sqlite.rps)}, 2 procs ${fx(two.rps / sqlite.rps)}`,
    `1 proc ${fx(one.rps / bare.rps)}, 2 procs ${fx(two.rps / bare.rps)} (SQLite ${fx(sqlite.rps / bare.rps)})`,
  ];
  return [
    row('step submit (POST → 302), throughput', v.sqlitePost, v.pg1Post, v.pg2Post, v.bRemixPost),
    row('drill page GET, throughput', v.sqliteGet, v.pg1Get, v.pg2Get, v.bRemixGet),
  ];
}

function provincialRows(sqlite: ProvincialSummary, p: Outcome<ProvincialSummary>): Row[] {
  const names = [
    `provincial load, step POST p99 (${sqlite.officers} officers, ${sqlite.targetRate} steps/s)`,
    'provincial load, drill page GET after each step, p99',
    `synchronized start p99 (${sqlite.officers} in ${sqlite.startSpreadSeconds} s)`,
    `login burst (${sqlite.loginBurst.logins} logins), logins/s`,
  ];
  const latency = (r: LoadResult) => `${ms(r.p99)}${r.errors ? `, ${r.errors} errors` : ', 0 errors'}`;
  const sqliteCells = [
    latency(sqlite.steps),
    latency(sqlite.pageAfterStep),
    latency(sqlite.start),
    `${sqlite.loginBurst.loginsPerSecond.toFixed(1)}/s`,
  ];
  if (!p.ok) return names.map((n, i) => [n, sqliteCells[i]!, '–', failed(p.error), '–', '–']);
  const v = p.value;
  const pgCells = [
    latency(v.steps),
    latency(v.pageAfterStep),
    latency(v.start),
    `${v.loginBurst.loginsPerSecond.toFixed(1)}/s`,
  ];
  const ratios = [
    `${fx(v.steps.p99 / sqlite.steps.p99)} (latency)`,
    `${fx(v.pageAfterStep.p99 / sqlite.pageAfterStep.p99)} (latency)`,
    `${fx(v.start.p99 / sqlite.start.p99)} (latency)`,
    fx(v.loginBurst.loginsPerSecond / sqlite.loginBurst.loginsPerSecond),
  ];
  return names.map((n, i) => [n, sqliteCells[i]!, 'not run', pgCells[i]!, ratios[i]!, '–']);
}

/** The national rows, matched by the start of their names (the sizes in brackets follow). */
const NATIONAL_CASES: { prefix: string; label: string }[] = [
  { prefix: 'national data generated', label: 'national data generated' },
  { prefix: 'full rebuild of the rollups', label: 'full rebuild of the rollups' },
  { prefix: 'readiness report, whole country', label: 'readiness report, whole country' },
  { prefix: 'readiness report, one province', label: 'readiness report, one province' },
  { prefix: 'readiness report, one county', label: 'readiness report, one county' },
];

function nationalRows(sqlite: BenchRowLike[], p: Outcome<BenchRowLike[]>, quick: boolean): Row[] {
  const scale = quick ? ' (QUICK: 10,000 officers / 200,000 attempts)' : ' (100,000 officers / 2,000,000 attempts)';
  return NATIONAL_CASES.map(({ prefix, label }) => {
    const a = sqlite.find((r) => r.name.startsWith(prefix));
    const cell = (r: BenchRowLike | undefined) => (r ? `${r.value} ${r.unit}` : 'not measured');
    const name = `${label}${scale}`;
    if (!p.ok) return [name, cell(a), failed(p.error), '–', '–', '–'];
    const b = p.value.find((r) => r.name.startsWith(prefix));
    const ratio = a && b && typeof a.value === 'number' && typeof b.value === 'number' ? fx(b.value / a.value) : '–';
    return [name, cell(a), cell(b), '– (one database client)', `${ratio} (time)`, '–'];
  });
}

/** The PostgreSQL section: a header line, the comparison table, the national rows' full names. */
export function formatPostgresSection(pgFigures: PostgresFigures, sqlite: SqliteSide, c: SectionContext): string {
  const rows: Row[] = [
    ...throughputRows(pgFigures.throughput),
    ...provincialRows(sqlite.provincial, pgFigures.provincial),
    ...nationalRows(sqlite.national, pgFigures.national, c.quick),
  ];
  const header =
    `${c.quick ? 'QUICK' : 'Full'} run with --postgres of ${c.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC ` +
    `on ${c.cores} cores (${c.cpu}), Node ${c.node}, ${c.minutes.toFixed(1)} min in all; PostgreSQL ${pgFigures.version} ` +
    `(throwaway server on the same machine and disk; ${Object.entries(pgFigures.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(
        ', ',
      )}; fsync and synchronous_commit on), bench template made in ${pgFigures.templateSeconds.toFixed(1)} s. ` +
    `Load average (1 min) ${pgFigures.loadBefore.toFixed(2)} when the PostgreSQL phase began, ${pgFigures.loadAfter.toFixed(2)} when it ended. ` +
    `Throughput rows: ${c.connections} connections, ${c.runs} runs of ${c.seconds} s, medians, the SQLite app, both PostgreSQL set-ups and ` +
    `B-remix interleaved in this phase; provincial rows: SQLite from the SQLite phase (1 process), PostgreSQL with 2 processes, ` +
    `${c.runs} runs of ${c.provincialSeconds} s; "ratio" of a latency or a time: PostgreSQL's divided by SQLite's (below 1 is faster).`;
  const table = [
    `| ${POSTGRES_TABLE_HEADER.join(' | ')} |`,
    `|${POSTGRES_TABLE_HEADER.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
  const national = pgFigures.national.ok
    ? [
        '',
        '| PostgreSQL national rows | value |',
        '|---|---|',
        ...pgFigures.national.value.map((r) => `| ${r.name} | ${r.value} ${r.unit} |`),
      ]
    : [];
  return [header, '', ...table, ...national].join('\n');
}
