/**
 * The bench keeps a successful build's stderr clean of esbuild's exit-time goroutine dump, and nothing else;
 * the PostgreSQL section's table (`npm run bench -- --postgres`) has its columns and ratios.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutKnownNoise, type LoadResult } from '../scripts/bench/lib';
import {
  POSTGRES_TABLE_HEADER,
  formatPostgresSection,
  type PostgresFigures,
  type ProvincialSummary,
  type SectionContext,
} from '../scripts/bench/postgres-report';

const DUMP = [
  'fatal error: all goroutines are asleep - deadlock!',
  '',
  'goroutine 1 [chan receive]:',
  'github.com/evanw/esbuild/internal/helpers.(*ThreadSafeWaitGroup).Wait(...)',
  '        github.com/evanw/esbuild/internal/helpers/waitgroup.go:36',
  'main.runService.func2()',
].join('\n');
const VITE = "The CJS build of Vite's Node API is deprecated. See https://vite.dev/guide/troubleshooting.html";

it('drops the goroutine dump and the Vite CJS notice', () => {
  expect(withoutKnownNoise(`${VITE}\n${DUMP}\n`)).toBe('');
});

it('keeps every other line, before the dump too', () => {
  const warning = 'warning: route "routes/x.tsx" exports nothing';
  expect(withoutKnownNoise(`${VITE}\n${warning}\n${DUMP}`)).toBe(warning);
  expect(withoutKnownNoise(`${warning}\n`)).toBe(warning);
});

describe('the PostgreSQL section of `npm run bench -- --postgres`', () => {
  const load = (rps: number, p99: number, errors = 0): LoadResult => ({
    rps,
    p50: p99 / 4,
    p95: p99 / 2,
    p99,
    requests: rps * 10,
    errors,
    seconds: 10,
  });
  const provincial = (stepP99: number, startP99: number, logins: number): ProvincialSummary => ({
    officers: 4800,
    targetRate: 80,
    steps: load(80, stepP99),
    pageAfterStep: load(80, stepP99 * 2),
    start: load(480, startP99),
    startSpreadSeconds: 10,
    loginBurst: { logins: 4800, loginsPerSecond: logins, loginP99: 400, loginErrors: 0 },
  });
  const sqliteNational = [
    { name: 'national data generated (100,000 officers …)', value: 54.1, unit: 's' },
    { name: 'full rebuild of the rollups, median of 3 (…)', value: 38857, unit: 'ms' },
    { name: 'readiness report, whole country, this year (3,000 units …)', value: 240, unit: 'ms' },
    { name: 'readiness report, one province, this year (…)', value: 14, unit: 'ms' },
    { name: 'readiness report, one county, this year (…)', value: 1, unit: 'ms' },
  ];
  const context: SectionContext = {
    quick: false,
    cores: 2,
    cpu: 'Test CPU',
    node: 'v20.0.0',
    startedAt: new Date('2026-11-30T14:00:00Z'),
    minutes: 30,
    seconds: 10,
    runs: 3,
    connections: 50,
    provincialSeconds: 40,
  };
  const figures = (over: Partial<PostgresFigures> = {}): PostgresFigures => ({
    version: '15.18',
    settings: { shared_buffers: '512MB' },
    templateSeconds: 1.5,
    loadBefore: 1.2,
    loadAfter: 2.4,
    throughput: {
      ok: true,
      value: {
        sqlitePost: load(600, 150),
        pg1Post: load(300, 200),
        pg2Post: load(450, 180),
        bRemixPost: load(2000, 50),
        sqliteGet: load(350, 300),
        pg1Get: load(280, 320),
        pg2Get: load(420, 250),
        bRemixGet: load(700, 100),
      },
    },
    provincial: { ok: true, value: provincial(30, 90, 150) },
    national: {
      ok: true,
      value: sqliteNational.map((r) => ({ ...r, value: (r.value as number) * 2 })),
    },
    ...over,
  });
  const tableOf = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith('| '))
      .map((line) =>
        line
          .slice(2, -2)
          .split(/(?<!\\) \| /)
          .map((cell) => cell.trim()),
      );
  const sqlite = { provincial: provincial(20, 60, 100), national: sqliteNational };

  it('has the comparison table with its six columns, cores and load in the header, and ratios to SQLite and B-remix', () => {
    const text = formatPostgresSection(figures(), sqlite, context);
    expect(text).toMatch(/^Full run with --postgres of 2026-11-30 14:00 UTC on 2 cores \(Test CPU\)/);
    expect(text).toContain('Load average (1 min) 1.20 when the PostgreSQL phase began, 2.40 when it ended');
    const [header, ...rows] = tableOf(text);
    expect(header).toEqual([...POSTGRES_TABLE_HEADER]);
    for (const row of rows.slice(0, -6)) expect(row).toHaveLength(6);
    const post = rows.find((r) => r[0]!.startsWith('step submit'))!;
    expect(post.slice(1, 4)).toEqual(['600/s (p99 150 ms)', '300/s (p99 200 ms)', '450/s (p99 180 ms)']);
    expect(post[4]).toBe('1 proc 0.50×, 2 procs 0.75×');
    expect(post[5]).toBe('1 proc 0.15×, 2 procs 0.23× (SQLite 0.30×)');
    const get = rows.find((r) => r[0]!.startsWith('drill page GET'))!;
    expect(get[4]).toBe('1 proc 0.80×, 2 procs 1.20×');
    const steps = rows.find((r) => r[0]!.startsWith('provincial load, step POST'))!;
    expect(steps.slice(1)).toEqual(['20 ms, 0 errors', 'not run', '30 ms, 0 errors', '1.50× (latency)', '–']);
    const logins = rows.find((r) => r[0]!.startsWith('login burst'))!;
    expect(logins[4]).toBe('1.50×');
    const country = rows.find((r) => r[0]!.startsWith('readiness report, whole country (100,000'))!;
    expect(country.slice(1, 5)).toEqual(['240 ms', '480 ms', '– (one database client)', '2.00× (time)']);
  });

  it('writes a case that failed on PostgreSQL as its error (pipes escaped) and still gives the others', () => {
    const text = formatPostgresSection(
      figures({ national: { ok: false, error: 'argument of WHERE must be type boolean | not integer' } }),
      sqlite,
      { ...context, quick: true },
    );
    expect(text).toMatch(/^QUICK run with --postgres/);
    const rows = tableOf(text).slice(1);
    const country = rows.find((r) => r[0]!.startsWith('readiness report, whole country (QUICK'))!;
    expect(country).toEqual([
      'readiness report, whole country (QUICK: 10,000 officers / 200,000 attempts)',
      '240 ms',
      'failed: argument of WHERE must be type boolean \\| not integer',
      '–',
      '–',
      '–',
    ]);
    expect(rows.find((r) => r[0]!.startsWith('step submit'))![2]).toBe('300/s (p99 200 ms)');
  });

  it('docs/benchmarks.md has the sections the bench writes into', () => {
    const doc = readFileSync(join(import.meta.dirname, '../docs/benchmarks.md'), 'utf8');
    for (const kind of ['full', 'quick', 'postgres-full', 'postgres-quick']) {
      expect(doc.indexOf(`<!-- bench:${kind}:start -->`)).toBeGreaterThan(-1);
      expect(doc.indexOf(`<!-- bench:${kind}:end -->`)).toBeGreaterThan(doc.indexOf(`<!-- bench:${kind}:start -->`));
    }
  });
});
