import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { realStatisticsValues, statisticsRowFromStored } from '../../db/real-statistics';
import type { Database, Unit } from '../../db/schema';
import { normalizeHeader, SKIP_ROW, STATISTICS_COLUMNS, statisticsRowSchema, type StatisticsRow } from '../validation/statistics';
import { realFigures } from './readiness.server';
import { findUnitByCode, isWithinSubtree, listUnitsInSubtree } from './unit.server';

/** Largest export we accept (the national table has a few thousand rows). */
export const MAX_STATISTICS_FILE_BYTES = 5 * 1024 * 1024;

export type ParseResult = { ok: true; rows: StatisticsRow[] } | { ok: false; errors: string[] };

/** Splits CSV text (RFC 4180 quoting) or TSV text into rows of cells, each with its line in the file. */
function splitDelimited(text: string, delimiter: ',' | '\t'): TableRow[] {
  const rows: TableRow[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push({ line: rowLine, cells: row });
      row = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push({ line: rowLine, cells: row });
  }
  return rows.filter((r) => r.cells.some((v) => v.trim() !== ''));
}

type TableRow = { line: number; cells: string[] };

/**
 * Text as Excel and the real system save it: a BOM names UTF-8 or UTF-16 ("Unicode 文本"); without
 * one, valid UTF-8 is UTF-8 and anything else is GB18030 (a superset of GBK, what Excel on Chinese
 * Windows writes for "CSV"). Null when it is neither.
 */
export function decodeText(bytes: Uint8Array): string | null {
  const decode = (encoding: string, from = 0) => {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
    } catch {
      return null;
    }
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', 2);
  return decode('utf-8') ?? decode('gb18030');
}

async function readXlsx(bytes: Uint8Array): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: TableRow[] = [];
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
    if (cells.some((v) => v.trim() !== '')) rows.push({ line: row.number, cells });
  });
  return rows;
}

/** How many rows above the header we look through (a title, a date line, units of measure). */
const HEADER_SEARCH_ROWS = 10;

/**
 * The header row: the first of the top rows that names every column, else the one naming the most
 * (so that the missing columns can be listed). Exports often carry a title row above the header.
 */
function findHeader(table: TableRow[]) {
  const wanted = STATISTICS_COLUMNS.map((column) => normalizeHeader(column.header));
  let best: { at: number; positions: number[]; found: number } | null = null;
  for (let at = 0; at < Math.min(table.length, HEADER_SEARCH_ROWS); at++) {
    const headers = table[at]!.cells.map(normalizeHeader);
    const positions = wanted.map((header) => headers.indexOf(header));
    const found = positions.filter((p) => p !== -1).length;
    if (found === wanted.length) return { at, positions, found };
    if (!best || found > best.found) best = { at, positions, found };
  }
  return best;
}

/**
 * Parses the real system's per-unit statistics export (TSV, CSV or XLSX with the published headers).
 * Every problem is reported with its row and column, in Chinese; no row is returned unless all are valid.
 */
export async function parseStatisticsFile(fileName: string, bytes: Uint8Array): Promise<ParseResult> {
  if (bytes.byteLength === 0) return { ok: false, errors: ['文件为空'] };
  if (bytes.byteLength > MAX_STATISTICS_FILE_BYTES) return { ok: false, errors: ['文件过大（不能超过 5 MB）'] };
  const extension = fileName.toLowerCase().split('.').pop();
  let table: TableRow[];
  if (extension === 'xlsx') {
    try {
      table = await readXlsx(bytes);
    } catch {
      return { ok: false, errors: ['无法读取该 XLSX 文件'] };
    }
  } else if (extension === 'csv' || extension === 'tsv' || extension === 'txt') {
    const text = decodeText(bytes);
    if (text === null) return { ok: false, errors: ['无法识别文件编码：请另存为 UTF-8 或 GBK（ANSI）编码的文本'] };
    table = splitDelimited(text, extension === 'csv' ? ',' : '\t');
  } else {
    return { ok: false, errors: ['文件格式不支持：请上传 TSV、CSV 或 XLSX 文件'] };
  }
  const header = findHeader(table);
  if (!header) return { ok: false, errors: ['文件中没有表头'] };
  const { positions } = header;
  const missing = STATISTICS_COLUMNS.filter((_, i) => positions[i] === -1).map((c) => `“${c.header}”`);
  if (missing.length > 0) return { ok: false, errors: [`缺少列：${missing.join('、')}（表头须与系统导出一致）`] };
  const body = table.slice(header.at + 1);
  if (body.length === 0) return { ok: false, errors: ['文件中没有数据行'] };

  const errors: string[] = [];
  const rows: StatisticsRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of body) {
    const raw = Object.fromEntries(
      STATISTICS_COLUMNS.map((column, i) => [column.key, (cells[positions[i]!] ?? '').trim()]),
    );
    // An empty numeric cell is a missing figure, not zero.
    let hasEmpty = false;
    for (const column of STATISTICS_COLUMNS) {
      if (column.key !== 'unitName' && raw[column.key] === '') {
        errors.push(`第 ${line} 行“${column.header}”为空`);
        hasEmpty = true;
      }
    }
    const name = raw.unitName!;
    const previous = seen.get(name);
    if (name && previous !== undefined) errors.push(`第 ${line} 行：地区“${name}”与第 ${previous} 行重复`);
    if (name && previous === undefined) seen.set(name, line);
    const parsed = statisticsRowSchema.safeParse(raw);
    if (!parsed.success) {
      // A comparison with an empty cell (read as 0) would only repeat the "为空" message.
      for (const issue of parsed.error.issues) if (!(hasEmpty && issue.code === 'custom')) errors.push(`第 ${line} 行：${issue.message}`);
      continue;
    }
    rows.push(parsed.data);
  }
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

/**
 * The units a row can be reported on: the county-level units of the manager's subtree (市本级 and
 * 开发区 are county-level units of their own). A city or province is an aggregate the report never
 * shows, so figures stored on one would silently vanish from it.
 */
async function reportingUnits(db: Kysely<Database>, manager: Manager) {
  const units = await listUnitsInSubtree(db, manager.unit);
  const names = new Map(units.map((u) => [u.id, u.name]));
  return units
    .filter((u) => u.level === 'county')
    .map((u) => ({ id: u.id, code: u.code, name: u.name, group: (u.parent_id && names.get(u.parent_id)) || '本单位' }));
}

async function loadImport(db: Kysely<Database>, manager: Manager, importId: number) {
  const row = await db
    .selectFrom('statistics_imports')
    .selectAll()
    .where('id', '=', importId)
    .where('scope_unit_id', '=', manager.unit.id)
    .executeTakeFirst();
  if (!row) return null;
  const units = await reportingUnits(db, manager);
  const parsed = JSON.parse(row.rows_json) as StatisticsRow[];
  let matchOf: (r: StatisticsRow) => { code: string; name: string } | null;
  if (row.status === 'committed') {
    // What was stored, not what today's names and aliases would match; the rest was skipped.
    const stored = await db
      .selectFrom('real_statistics as rs')
      .innerJoin('units as u', 'u.id', 'rs.unit_id')
      .select(['rs.source_name', 'u.code', 'u.name'])
      .where('rs.import_id', '=', importId)
      .execute();
    const bySource = new Map(stored.map((s) => [s.source_name, { code: s.code, name: s.name }]));
    matchOf = (r) => bySource.get(r.unitName) ?? null;
  } else {
    const byId = new Map(units.map((u) => [u.id, u]));
    const aliases =
      units.length === 0
        ? []
        : await db
            .selectFrom('unit_aliases')
            .select(['alias', 'unit_id'])
            .where(
              'unit_id',
              'in',
              units.map((u) => u.id),
            )
            .execute();
    const byName = new Map(units.map((u) => [u.name, u]));
    const byAlias = new Map(aliases.map((a) => [a.alias, byId.get(a.unit_id)!]));
    matchOf = (r) => {
      const unit = byName.get(r.unitName) ?? byAlias.get(r.unitName);
      return unit ? { code: unit.code, name: unit.name } : null;
    };
  }
  return {
    id: row.id,
    fileName: row.file_name,
    periodYear: row.period_year,
    status: row.status,
    rows: parsed.map((r, index) => ({ index, ...r, unit: matchOf(r) })),
    units,
  };
}

/**
 * A pending or committed import of the manager's, with each row's unit (matched by name or alias
 * while pending; as stored once committed, null for a skipped row) and the units a row may be mapped
 * to, grouped by city.
 */
export async function getImport(db: Kysely<Database>, manager: Manager, importId: number) {
  const found = await loadImport(db, manager, importId);
  if (!found) return null;
  const { units, ...view } = found;
  const unitGroups: { label: string; units: { code: string; name: string }[] }[] = [];
  for (const u of units) {
    const last = unitGroups.at(-1);
    if (last?.label === u.group) last.units.push({ code: u.code, name: u.name });
    else unitGroups.push({ label: u.group, units: [{ code: u.code, name: u.name }] });
  }
  return { ...view, unitGroups };
}

/** One unit's figures in a re-import: what the report shows now and what the file would put there. */
export interface ReplacedUnit {
  unitName: string;
  sourceName: string;
  status: 'new' | 'changed' | 'same';
  changes: { header: string; before: number; after: number }[];
}

/** What committing would change in a year that already has figures; the manager confirms it first. */
export interface ReplacementPreview {
  year: number;
  /** Names the figures shown; the confirmation carries it back, so a stale preview is never applied. */
  basis: string;
  units: ReplacedUnit[];
  /** Units with figures for the year that the file does not name: they keep them. */
  kept: string[];
  skipped: string[];
  /** The figures changed since the manager's preview (another import of the same year). */
  stale: boolean;
}

export type CommitResult =
  | { ok: true; imported: number; skipped: number; replaced: number }
  | { ok: false; errors: string[]; fieldErrors: Record<string, string> }
  | { ok: false; confirm: ReplacementPreview };

const refused = (message: string, fieldErrors: Record<string, string> = {}): CommitResult => ({
  ok: false,
  errors: [message],
  fieldErrors,
});

class AlreadyHandled extends Error {}

/**
 * Commits a pending import. Every row is matched (by name, alias, or the manager's mapping
 * `row-{index}` → a county-level unit code) to a distinct unit of the subtree, or explicitly skipped
 * (`SKIP_ROW`). When the year already has figures for any of these units, nothing is written until
 * the manager confirms the preview of the changes (`replaces` = the preview's basis). All rows or none
 * are stored; mappings are remembered as aliases for the next import.
 */
export async function commitImport(
  db: Kysely<Database>,
  manager: Manager,
  importId: number,
  input: { mapping: Record<string, string>; replaces?: string },
): Promise<CommitResult> {
  const pending = await loadImport(db, manager, importId);
  if (!pending) return refused('导入记录不存在');
  if (pending.status !== 'pending') return refused('该导入已处理，不能再次提交');
  const byCode = new Map(pending.units.map((u) => [u.code, u]));
  const fieldErrors: Record<string, string> = {};
  const resolved: { row: (typeof pending.rows)[number]; unit: (typeof pending.units)[number]; mapped: boolean }[] = [];
  const skipped: string[] = [];
  for (const row of pending.rows) {
    const field = `row-${row.index}`;
    const chosen = input.mapping[field];
    if (chosen === SKIP_ROW) {
      skipped.push(row.unitName);
      continue;
    }
    const code = chosen || row.unit?.code;
    const unit = code ? byCode.get(code) : undefined;
    if (unit) {
      resolved.push({ row, unit, mapped: Boolean(chosen) && chosen !== row.unit?.code });
      continue;
    }
    if (!code) {
      fieldErrors[field] = `“${row.unitName}”还没有对应单位：请选择县级执法单位，或选择“不导入此行”`;
      continue;
    }
    const other = await findUnitByCode(db, code);
    fieldErrors[field] =
      other && isWithinSubtree(manager.unit, other)
        ? `“${row.unitName}”只能对应到县级执法单位，不能对应到“${other.name}”（市、省的数据是汇总，报表中不单独显示）`
        : `“${row.unitName}”选择的单位不存在或不在您的管辖范围内`;
  }
  const used = new Map<string, string>();
  for (const { row, unit } of resolved) {
    const other = used.get(unit.code);
    if (other) fieldErrors[`row-${row.index}`] = `“${row.unitName}”与“${other}”对应到了同一个单位（${unit.name}）`;
    used.set(unit.code, row.unitName);
  }
  if (Object.keys(fieldErrors).length > 0) return refused('还有数据行不能导入（见各行提示），未导入任何数据', fieldErrors);
  if (resolved.length === 0) return refused('所有数据行都选择了“不导入此行”，没有可导入的数据');

  const current = await realFigures(db, manager.unit, pending.periodYear);
  const replaced = resolved.filter(({ unit }) => current.has(unit.id));
  if (replaced.length > 0) {
    const basis = createHash('sha256')
      .update(replaced.map(({ unit }) => `${unit.id}:${current.get(unit.id)!.import_id}`).join(','))
      .digest('hex');
    if (input.replaces !== basis) {
      return { ok: false, confirm: replacementPreview(pending.periodYear, basis, resolved, current, pending.units, skipped, input.replaces !== undefined) };
    }
  }

  try {
    await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('statistics_imports')
        .set({ status: 'committed', committed_at: new Date().toISOString() })
        .where('id', '=', importId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (claimed.numUpdatedRows !== 1n) throw new AlreadyHandled();
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
      if (replaced.length > 0) {
        await trx
          .insertInto('audit_log')
          .values({
            actor_user_id: manager.id,
            action: 'statistics.replace',
            target_type: 'statistics_import',
            target_id: String(importId),
            detail: JSON.stringify({ year: pending.periodYear, units: replaced.map(({ unit }) => unit.code) }),
          })
          .execute();
      }
    });
  } catch (error) {
    if (error instanceof AlreadyHandled) return refused('该导入已处理，不能再次提交');
    throw error;
  }
  return { ok: true, imported: resolved.length, skipped: skipped.length, replaced: replaced.length };
}

function replacementPreview(
  year: number,
  basis: string,
  resolved: { row: StatisticsRow; unit: { id: number; name: string } }[],
  current: Awaited<ReturnType<typeof realFigures>>,
  units: { id: number; name: string }[],
  skipped: string[],
  stale: boolean,
): ReplacementPreview {
  const named = new Set(resolved.map(({ unit }) => unit.id));
  return {
    year,
    basis,
    units: resolved.map(({ row, unit }): ReplacedUnit => {
      const old = current.get(unit.id);
      if (!old) return { unitName: unit.name, sourceName: row.unitName, status: 'new', changes: [] };
      const before = statisticsRowFromStored(old);
      const changes = STATISTICS_COLUMNS.flatMap((c) =>
        c.key === 'unitName' || before[c.key] === row[c.key] ? [] : [{ header: c.header, before: before[c.key], after: row[c.key] }],
      );
      return { unitName: unit.name, sourceName: row.unitName, status: changes.length > 0 ? 'changed' : 'same', changes };
    }),
    kept: units.filter((u) => current.has(u.id) && !named.has(u.id)).map((u) => u.name),
    skipped,
    stale,
  };
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
