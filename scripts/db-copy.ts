// `npm run db:copy -- --from data/drill.db --to postgres://… [--replace]`: copies a province's SQLite
// database into PostgreSQL (db/copy.ts), then verifies it: rows per table on both sides, and the
// readiness report of every province and city, as their managers see it, computed on each engine.
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import { getReadinessReport, namedPeriod } from '../app/models/readiness.server';
import { describeLocation, isPostgresUrl } from '../db/connection';
import { COPY_TABLES, copyDatabase, CopyRefused, type CopyProgress } from '../db/copy';
import type { Database } from '../db/schema';

export const USAGE = '用法：npm run db:copy -- --from <SQLite 数据库文件> --to <postgres://…> [--replace]';

export interface CopyCommand {
  from: string;
  to: string;
  replace: boolean;
}

/** The command line, or the Chinese reason it is refused (naming the option). */
export function parseCopyArgs(
  argv: readonly string[],
): { ok: true; command: CopyCommand } | { ok: false; message: string } {
  const values: Partial<Record<'from' | 'to', string>> = {};
  let replace = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (name === '--replace') {
      if (inline !== undefined) return { ok: false, message: '--replace 不带值' };
      replace = true;
    } else if (name === '--from' || name === '--to') {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
        return { ok: false, message: `${name} 缺少值` };
      const key = name.slice(2) as 'from' | 'to';
      if (values[key] !== undefined) return { ok: false, message: `${name} 只能给一次` };
      values[key] = value;
    } else {
      return { ok: false, message: `不认识的参数 ${arg}` };
    }
  }
  if (!values.from) return { ok: false, message: '缺少 --from（要复制的 SQLite 数据库文件，如 data/drill.db）' };
  if (!values.to)
    return { ok: false, message: '缺少 --to（目标 PostgreSQL 数据库，如 postgres://用户@主机:5432/库名）' };
  if (isPostgresUrl(values.from)) return { ok: false, message: '--from 应是 SQLite 数据库文件，不是 PostgreSQL 地址' };
  if (!isPostgresUrl(values.to)) return { ok: false, message: '--to 应是 PostgreSQL 地址（postgres://…），不是文件' };
  try {
    new URL(values.to);
  } catch {
    return { ok: false, message: '--to 不是有效的 PostgreSQL 地址' };
  }
  return { ok: true, command: { from: values.from, to: values.to, replace } };
}

export interface ReportComparison {
  unit: string;
  period: string;
  identical: boolean;
  /** Where the two first differ (a path into the report) with both values, when they do. */
  difference: string | null;
}

/**
 * The readiness report of every province and city, this month and this year, as their managers see
 * it, computed on both databases at the same `now`.
 */
export async function compareReadinessReports(
  source: Kysely<Database>,
  target: Kysely<Database>,
  now = new Date(),
): Promise<ReportComparison[]> {
  const scopes = await source
    .selectFrom('units')
    .select(['name', 'code', 'path'])
    .where('level', 'in', ['province', 'city'])
    .orderBy('path')
    .execute();
  const comparisons: ReportComparison[] = [];
  for (const scope of scopes) {
    for (const [name, label] of [
      ['month', '本月'],
      ['year', '本年'],
    ] as const) {
      const period = namedPeriod(name, now);
      const before = await getReadinessReport(source, scope, { period, now });
      const after = await getReadinessReport(target, scope, { period, now });
      const difference = firstDifference(before, after, 'report');
      comparisons.push({
        unit: `${scope.name}（${scope.code}）`,
        period: label,
        identical: difference === null,
        difference,
      });
    }
  }
  return comparisons;
}

/** The first place two JSON-like values differ, as `path: a ≠ b`, or null when they are identical. */
export function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (Object.is(a, b)) return null;
  const show = (v: unknown) => JSON.stringify(v)?.slice(0, 80) ?? String(v);
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return `${path}：SQLite ${show(a)} ≠ PostgreSQL ${show(b)}`;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length)
    return `${path}.length：SQLite ${a.length} ≠ PostgreSQL ${b.length}`;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (found) return found;
  }
  return null;
}

export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
  /** Rewrites one status line in place (a terminal); null prints progress as log lines instead. */
  status: ((line: string) => void) | null;
}

const consoleOutput = (): Output => ({
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  status: process.stdout.isTTY ? (line) => process.stdout.write(`\r\u001b[K${line}`) : null,
});

const n = (value: number) => value.toLocaleString('en-US');

/** Runs the command; returns the exit code (0 copied and verified, 1 failed or differs, 2 refused). */
export async function runDbCopy(
  argv: readonly string[],
  out: Output = consoleOutput(),
  now = new Date(),
): Promise<number> {
  const parsed = parseCopyArgs(argv);
  if (!parsed.ok) {
    out.error(`${parsed.message}\n${USAGE}`);
    return 2;
  }
  const { from, to, replace } = parsed.command;
  out.log(`复制 ${from} → ${describeLocation(to)}${replace ? '（替换目标数据库的现有数据）' : ''}`);
  let comparisons: ReportComparison[] = [];
  let verifyError: Error | null = null;
  // Progress: a line per table at its start and end, and about every tenth in between (or one
  // updating line on a terminal).
  let shownTenth = -1;
  const onProgress = ({ table, done, total }: CopyProgress) => {
    const line = `  ${table}：${n(done)} / ${n(total)}`;
    if (out.status && done < total) return out.status(line);
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (done === 0) shownTenth = 0;
    if (done === total || tenth > shownTenth) {
      if (out.status) out.status('');
      if (done > 0 || total === 0) out.log(line);
      shownTenth = tenth;
    }
  };
  try {
    const result = await copyDatabase(from, to, {
      replace,
      onProgress,
      verify: async (source, target) => {
        out.log('核对：两边计算各省、市的战备报告（本月、本年）…');
        try {
          comparisons = await compareReadinessReports(source, target, now);
        } catch (error) {
          verifyError = error as Error;
        }
      },
    });
    out.log(`\n复制完成（${result.seconds.toFixed(1)} 秒）。各表行数：`);
    const width = Math.max(...COPY_TABLES.map((t) => t.length));
    out.log(`  ${'表'.padEnd(width - 1)} ${'SQLite'.padStart(12)} ${'PostgreSQL'.padStart(12)}`);
    let countsDiffer = 0;
    for (const table of COPY_TABLES) {
      const [a, b] = [result.source[table], result.target[table]];
      if (a !== b) countsDiffer++;
      out.log(`  ${table.padEnd(width)} ${n(a).padStart(12)} ${n(b).padStart(12)}${a === b ? '' : '  ✗ 不一致'}`);
    }
    out.log('\n战备报告（SQLite 与 PostgreSQL 上计算）：');
    for (const c of comparisons)
      out.log(`  ${c.identical ? '✓' : '✗'} ${c.unit} ${c.period}${c.identical ? ' 一致' : `：${c.difference}`}`);
    const reportsDiffer = comparisons.filter((c) => !c.identical).length;
    if (verifyError) out.error(`  ✗ 计算报告时出错：${(verifyError as Error).message}`);
    if (countsDiffer > 0 || reportsDiffer > 0 || verifyError) {
      out.error(
        `核对未通过：${countsDiffer} 个表行数不一致，${reportsDiffer} 份报告不一致${verifyError ? '，报告无法计算' : ''}。PostgreSQL 中的数据已提交，请勿切换 DATABASE_URL；查明原因后可加 --replace 重新复制。`,
      );
      return 1;
    }
    out.log(
      `\n核对通过：${COPY_TABLES.length} 个表行数一致，${comparisons.length} 份报告一致。可将 DATABASE_URL 设为目标数据库。`,
    );
    return 0;
  } catch (error) {
    if (out.status) out.status('');
    if (error instanceof CopyRefused) {
      out.error(error.message);
      return 2;
    }
    out.error(`复制失败，事务已回滚，目标数据库中没有复制的数据：${(error as Error).message}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runDbCopy(process.argv.slice(2));
}
