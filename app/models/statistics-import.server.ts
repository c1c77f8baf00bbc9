import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { realStatisticsValues } from '../../db/real-statistics';
import type { Database, Unit } from '../../db/schema';
import { normalizeHeader, STATISTICS_COLUMNS, statisticsRowSchema, type StatisticsRow } from '../validation/statistics';
import { isWithinSubtree, listUnitsInSubtree } from './unit.server';

/** Largest export we accept (the national table has a few thousand rows). */
export const MAX_STATISTICS_FILE_BYTES = 5 * 1024 * 1024;

export type ParseResult = { ok: true; rows: StatisticsRow[] } | { ok: false; errors: string[] };

/** Splits CSV text (RFC 4180 quoting) or TSV text into rows of cells. */
function splitDelimited(text: string, delimiter: ',' | '\t'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const value = row.getCell(c).value;
      const text =
        value === null || value === undefined
          ? ''
          : typeof value === 'object' && 'result' in value
            ? String(value.result ?? '')
            : typeof value === 'object' && 'richText' in value
              ? value.richText.map((t) => t.text).join('')
              : String(value);
      cells.push(text);
    }
    rows.push(cells);
  });
  return rows;
}

/**
 * Parses the real system's per-unit statistics export (TSV, CSV or XLSX with the published headers).
 * Every problem is reported with its row and column, in Chinese; no row is returned unless all are valid.
 */
export async function parseStatisticsFile(fileName: string, bytes: Uint8Array): Promise<ParseResult> {
  if (bytes.byteLength === 0) return { ok: false, errors: ['文件为空'] };
  if (bytes.byteLength > MAX_STATISTICS_FILE_BYTES) return { ok: false, errors: ['文件过大（不能超过 5 MB）'] };
  const extension = fileName.toLowerCase().split('.').pop();
  let table: string[][];
  try {
    if (extension === 'xlsx') table = await readXlsx(bytes);
    else if (extension === 'csv' || extension === 'tsv' || extension === 'txt') {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
      table = splitDelimited(text, extension === 'csv' ? ',' : '\t');
    } else {
      return { ok: false, errors: ['文件格式不支持：请上传 TSV、CSV 或 XLSX 文件'] };
    }
  } catch {
    return { ok: false, errors: [extension === 'xlsx' ? '无法读取该 XLSX 文件' : '文件不是 UTF-8 编码的文本'] };
  }
  const [header, ...body] = table;
  if (!header) return { ok: false, errors: ['文件中没有表头'] };
  const headers = header.map(normalizeHeader);
  const positions = STATISTICS_COLUMNS.map((column) => headers.indexOf(normalizeHeader(column.header)));
  const missing = STATISTICS_COLUMNS.filter((_, i) => positions[i] === -1).map((c) => `“${c.header}”`);
  if (missing.length > 0) return { ok: false, errors: [`缺少列：${missing.join('、')}（表头须与系统导出一致）`] };
  if (body.length === 0) return { ok: false, errors: ['文件中没有数据行'] };

  const errors: string[] = [];
  const rows: StatisticsRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const line = index + 2;
    const raw = Object.fromEntries(
      STATISTICS_COLUMNS.map((column, i) => [column.key, (cells[positions[i]!] ?? '').trim()]),
    );
    // An empty numeric cell is a missing figure, not zero.
    for (const column of STATISTICS_COLUMNS) {
      if (column.key !== 'unitName' && raw[column.key] === '') {
        errors.push(`第 ${line} 行“${column.header}”为空`);
      }
    }
    const name = raw.unitName!;
    const previous = seen.get(name);
    if (name && previous !== undefined) errors.push(`第 ${line} 行：地区“${name}”与第 ${previous} 行重复`);
    if (name && previous === undefined) seen.set(name, line);
    const parsed = statisticsRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`第 ${line} 行：${issue.message}`);
      return;
    }
    rows.push(parsed.data);
  });
  return errors.length > 0 ? { ok: false, errors: [...new Set(errors)] } : { ok: true, rows };
}

type Manager = { id: number; unit: Pick<Unit, 'id' | 'path'> };

/**
 * Stores a parsed export as a pending import of the manager's subtree, each row matched to a unit by
 * its name or a remembered alias. Nothing is reported until the import is committed.
 */
export async function createPendingImport(
  db: Kysely<Database>,
  manager: Manager,
  input: { fileName: string; periodYear: number; rows: StatisticsRow[] },
): Promise<number> {
  const { id } = await db
    .insertInto('statistics_imports')
    .values({
      user_id: manager.id,
      scope_unit_id: manager.unit.id,
      file_name: input.fileName.slice(0, 200),
      period_year: input.periodYear,
      rows_json: JSON.stringify(input.rows),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Candidate units for mapping: the county-level units (and cities) of the manager's subtree. */
async function mappableUnits(db: Kysely<Database>, manager: Manager) {
  const units = await listUnitsInSubtree(db, manager.unit);
  return units.filter((u) => u.level !== 'province');
}

/** A pending or committed import of the manager's, with each row's match (or none). */
export async function getImport(db: Kysely<Database>, manager: Manager, importId: number) {
  const row = await db
    .selectFrom('statistics_imports')
    .selectAll()
    .where('id', '=', importId)
    .where('scope_unit_id', '=', manager.unit.id)
    .executeTakeFirst();
  if (!row) return null;
  const units = await mappableUnits(db, manager);
  const aliases = await db
    .selectFrom('unit_aliases')
    .select(['alias', 'unit_id'])
    .where(
      'unit_id',
      'in',
      units.map((u) => u.id),
    )
    .execute();
  const rows = JSON.parse(row.rows_json) as StatisticsRow[];
  const byName = new Map(units.map((u) => [u.name, u]));
  const byAlias = new Map(aliases.map((a) => [a.alias, units.find((u) => u.id === a.unit_id)!]));
  return {
    id: row.id,
    fileName: row.file_name,
    periodYear: row.period_year,
    status: row.status,
    rows: rows.map((r, index) => {
      const unit = byName.get(r.unitName) ?? byAlias.get(r.unitName) ?? null;
      return { index, ...r, unit: unit ? { code: unit.code, name: unit.name } : null };
    }),
    units: units.map((u) => ({ code: u.code, name: u.name, level: u.level })),
  };
}

export type CommitResult =
  { ok: true; imported: number } | { ok: false; errors: string[]; fieldErrors: Record<string, string> };

/**
 * Commits a pending import: every row must be matched (by name, alias, or the manager's mapping
 * `row-{index}` → unit code) to a distinct unit of the subtree. All rows or none are stored; the
 * manager's mappings are remembered as aliases for the next import.
 */
export async function commitImport(
  db: Kysely<Database>,
  manager: Manager,
  importId: number,
  mapping: Record<string, string>,
): Promise<CommitResult> {
  const pending = await getImport(db, manager, importId);
  if (!pending) return { ok: false, errors: ['导入记录不存在'], fieldErrors: {} };
  if (pending.status !== 'pending') return { ok: false, errors: ['该导入已处理，不能再次提交'], fieldErrors: {} };
  const units = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'path'])
    .where(
      'code',
      'in',
      pending.units.map((u) => u.code),
    )
    .execute();
  const fieldErrors: Record<string, string> = {};
  const resolved: { row: (typeof pending.rows)[number]; unit: (typeof units)[number]; mapped: boolean }[] = [];
  for (const row of pending.rows) {
    const chosen = mapping[`row-${row.index}`];
    const code = chosen || row.unit?.code;
    const unit = code ? units.find((u) => u.code === code && isWithinSubtree(manager.unit, u)) : undefined;
    if (!unit) {
      fieldErrors[`row-${row.index}`] = `请为“${row.unitName}”选择对应的单位`;
      continue;
    }
    resolved.push({ row, unit, mapped: Boolean(chosen) && chosen !== row.unit?.code });
  }
  const used = new Map<string, string>();
  for (const { row, unit } of resolved) {
    const other = used.get(unit.code);
    if (other) fieldErrors[`row-${row.index}`] = `“${row.unitName}”与“${other}”对应到了同一个单位（${unit.name}）`;
    used.set(unit.code, row.unitName);
  }
  if (Object.keys(fieldErrors).length > 0) {
    return { ok: false, errors: ['还有数据行没有对应到单位，未导入任何数据'], fieldErrors };
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('real_statistics')
      .values(resolved.map(({ row, unit }) => realStatisticsValues(importId, unit.id, pending.periodYear, row)))
      .execute();
    for (const { row, unit, mapped } of resolved) {
      if (mapped) {
        await trx
          .insertInto('unit_aliases')
          .values({ alias: row.unitName, unit_id: unit.id })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
    await trx
      .updateTable('statistics_imports')
      .set({ status: 'committed', committed_at: new Date().toISOString() })
      .where('id', '=', importId)
      .execute();
  });
  return { ok: true, imported: resolved.length };
}

/** Drops a pending import (nothing was reported from it). */
export async function discardImport(db: Kysely<Database>, manager: Manager, importId: number): Promise<boolean> {
  const result = await db
    .updateTable('statistics_imports')
    .set({ status: 'discarded' })
    .where('id', '=', importId)
    .where('scope_unit_id', '=', manager.unit.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
