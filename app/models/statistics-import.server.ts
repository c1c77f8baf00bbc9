import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { realStatisticsValues, statisticsRowFromStored } from '../../db/real-statistics';
import type { Database, Unit } from '../../db/schema';
import { concurrencyLimit, QueueFullError } from '../utils/concurrency';
import type { UploadLimits } from '../utils/upload.server';
import { inflateEntry, readZipDirectory, ZipEntryTooLargeError, type ZipLimits } from '../utils/zip.server';
import {
  MAX_STATISTICS_FILE_BYTES,
  MAX_STATISTICS_ROWS,
  normalizeHeader,
  SKIP_ROW,
  STATISTICS_COLUMNS,
  statisticsRowSchema,
  type StatisticsRow,
} from '../validation/statistics';
import { realFigures } from './readiness.server';
import { findUnitByCode, isWithinSubtree, listUnitsInSubtree } from './unit.server';
import { jsonArrayLength } from '../../db/dialect';

export { MAX_STATISTICS_FILE_BYTES, MAX_STATISTICS_ROWS };

/**
 * Cells of the whole table (all sheets of an XLSX, shared strings included): every row of the limit
 * with 24 columns (the export has 10). exceljs holds an object per cell: 200,000 cells took 1.4 s
 * and about 200 MB.
 */
export const MAX_STATISTICS_CELLS = 120_000;

/**
 * What an XLSX may unpack to, judged from its central directory before exceljs sees it and again
 * while inflating. A 5,000-row table is 2–3 MB of XML; 24 MB leaves room for styles and extra sheets.
 * Real sheets compress 5–20 times; 100 times on an entry above 1 MB is a bomb, not a table.
 */
export const XLSX_LIMITS: ZipLimits = {
  maxEntries: 200,
  maxTotalBytes: 24 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

/** The upload form: one file and the year; the whole request is bounded (app/utils/upload.server.ts). */
export const STATISTICS_UPLOAD_LIMITS: UploadLimits = {
  file: {
    name: 'file',
    label: '统计文件',
    maxBytes: MAX_STATISTICS_FILE_BYTES,
    extensions: ['tsv', 'csv', 'txt', 'xlsx'],
  },
  fields: { periodYear: '统计年度' },
  maxFieldBytes: 1024,
  maxParts: 8,
};

/** Rows shown per page when reviewing an import. */
export const IMPORT_PAGE_SIZE = 50;

/** Errors listed for a refused file; the rest are counted (a 5,000-row file could have 50,000). */
export const MAX_LISTED_ERRORS = 50;

/** Uploaded files waiting to be read beyond the one being read; more are refused as busy. */
export const MAX_WAITING_PARSES = 8;

/**
 * Files are read one at a time across the process: reading an XLSX costs tens of MB and seconds of
 * CPU, and several at once starved every other request (docs/security.md).
 */
export const statisticsParseQueue = concurrencyLimit(1, { maxWaiting: MAX_WAITING_PARSES });

export const TOO_MANY_ROWS = `数据行过多：一次最多导入 ${MAX_STATISTICS_ROWS} 行（全国的县级执法单位约 3500 个），请只导出各单位的统计表`;
export const TOO_MANY_CELLS = `文件内容过多（超过 ${MAX_STATISTICS_CELLS} 个单元格）：请只保留统计表后另存再上传`;
export const FILE_TOO_LARGE = `文件过大（不能超过 ${MAX_STATISTICS_FILE_BYTES / 1024 / 1024} MB）`;
export const PARSER_BUSY = '服务器正在读取其他导入文件，请稍后再试';

/** Status 413 for a file too large, 429 when too many files wait to be read (try again shortly); 400 otherwise. */
export type ParseResult = { ok: true; rows: StatisticsRow[] } | { ok: false; errors: string[]; status?: 413 | 429 };

/**
 * Splits CSV text (RFC 4180 quoting) or TSV text into its non-empty rows of cells, each with its line
 * in the file; stops as soon as there are more than `maxRows` rows or `maxCells` cells.
 */
function splitDelimited(
  text: string,
  delimiter: ',' | '\t',
  maxRows: number,
  maxCells: number,
): { rows: TableRow[]; overflow: 'rows' | 'cells' | null } {
  const rows: TableRow[] = [];
  let cells = 0;
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
      if (++cells > maxCells) return { rows, overflow: 'cells' };
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((v) => v.trim() !== '')) rows.push({ line: rowLine, cells: row });
      // Stop early: the rest of a long file is never split.
      if (rows.length > maxRows) return { rows, overflow: 'rows' };
      if (++cells > maxCells) return { rows, overflow: 'cells' };
      row = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    if (row.some((v) => v.trim() !== '')) rows.push({ line: rowLine, cells: row });
  }
  return { rows, overflow: rows.length > maxRows ? 'rows' : null };
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

/** Occurrences of the element `<tag` (followed by a space, `>` or `/`) in XML bytes. */
function countElements(xml: Buffer, tag: string): number {
  const needle = Buffer.from(`<${tag}`);
  let count = 0;
  for (let at = xml.indexOf(needle); at !== -1; at = xml.indexOf(needle, at + needle.length)) {
    const next = xml[at + needle.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) count++;
  }
  return count;
}

type Table = { ok: true; rows: TableRow[] } | { ok: false; error: string };

/**
 * Reads the first sheet of an XLSX. Before exceljs (which inflates every part whole, then builds an
 * object per cell) the archive is judged by its directory, every part is inflated with its declared
 * size as a hard cap, and the sheets' cells and rows are counted in the XML.
 */
async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const directory = readZipDirectory(bytes, XLSX_LIMITS);
  if (!directory.ok) return directory;
  let cells = 0;
  let rows = 0;
  for (const entry of directory.entries) {
    if (entry.name.endsWith('/')) continue;
    let xml: Buffer;
    try {
      xml = await inflateEntry(bytes, entry, entry.uncompressedSize);
    } catch (error) {
      if (error instanceof ZipEntryTooLargeError)
        return { ok: false, error: 'XLSX 文件解压后的大小与其声明不符，已拒绝' };
      return { ok: false, error: '无法读取该 XLSX 文件：文件已损坏' };
    }
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name)) {
      cells += countElements(xml, 'c');
      rows += countElements(xml, 'row');
    } else if (entry.name === 'xl/sharedStrings.xml') cells += countElements(xml, 'si');
  }
  if (cells > MAX_STATISTICS_CELLS) return { ok: false, error: TOO_MANY_CELLS };
  // Rows that hold only formatting count too, so the XML may have a few more than the table.
  if (rows > 2 * (MAX_STATISTICS_ROWS + HEADER_SEARCH_ROWS)) return { ok: false, error: TOO_MANY_ROWS };

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return { ok: false, error: '无法读取该 XLSX 文件' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: true, rows: [] };
  const table: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (table.length > MAX_STATISTICS_ROWS + HEADER_SEARCH_ROWS) return;
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
    if (cells.some((v) => v.trim() !== '')) table.push({ line: row.number, cells });
  });
  return { ok: true, rows: table };
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
 * Every problem is reported with its row and column, in Chinese; no row is returned unless all are
 * valid. Files are read one at a time (`statisticsParseQueue`); when too many wait, it answers busy.
 */
export async function parseStatisticsFile(fileName: string, bytes: Uint8Array): Promise<ParseResult> {
  if (bytes.byteLength === 0) return { ok: false, errors: ['文件为空'] };
  if (bytes.byteLength > MAX_STATISTICS_FILE_BYTES) return { ok: false, errors: [FILE_TOO_LARGE], status: 413 };
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension !== 'xlsx' && extension !== 'csv' && extension !== 'tsv' && extension !== 'txt') {
    return { ok: false, errors: ['文件格式不支持：请上传 TSV、CSV 或 XLSX 文件'] };
  }
  try {
    return await statisticsParseQueue(() => parseTable(extension, bytes));
  } catch (error) {
    if (error instanceof QueueFullError) return { ok: false, errors: [PARSER_BUSY], status: 429 };
    throw error;
  }
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

async function parseTable(extension: 'xlsx' | 'csv' | 'tsv' | 'txt', bytes: Uint8Array): Promise<ParseResult> {
  let table: TableRow[];
  if (extension === 'xlsx') {
    const read = await readXlsx(bytes);
    if (!read.ok) return { ok: false, errors: [read.error] };
    table = read.rows;
  } else {
    if (isZip(bytes))
      return {
        ok: false,
        errors: ['该文件实际是 XLSX（ZIP）文件：请把扩展名改为 .xlsx，或在 Excel 中另存为 CSV 后上传'],
      };
    const text = decodeText(bytes);
    if (text === null) return { ok: false, errors: ['无法识别文件编码：请另存为 UTF-8 或 GBK（ANSI）编码的文本'] };
    if (text.includes('\u0000'))
      return { ok: false, errors: ['文件内容不是文本：请上传从系统导出的 TSV、CSV 或 XLSX 文件'] };
    const split = splitDelimited(
      text,
      extension === 'csv' ? ',' : '\t',
      MAX_STATISTICS_ROWS + HEADER_SEARCH_ROWS,
      MAX_STATISTICS_CELLS,
    );
    if (split.overflow === 'cells') return { ok: false, errors: [TOO_MANY_CELLS] };
    table = split.rows;
  }
  const header = findHeader(table);
  if (!header) return { ok: false, errors: ['文件中没有表头'] };
  const { positions } = header;
  const missing = STATISTICS_COLUMNS.filter((_, i) => positions[i] === -1).map((c) => `“${c.header}”`);
  if (missing.length > 0) return { ok: false, errors: [`缺少列：${missing.join('、')}（表头须与系统导出一致）`] };
  const body = table.slice(header.at + 1);
  if (body.length === 0) return { ok: false, errors: ['文件中没有数据行'] };
  if (body.length > MAX_STATISTICS_ROWS) return { ok: false, errors: [TOO_MANY_ROWS] };

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
      for (const issue of parsed.error.issues)
        if (!(hasEmpty && issue.code === 'custom')) errors.push(`第 ${line} 行：${issue.message}`);
      continue;
    }
    rows.push(parsed.data);
  }
  if (errors.length === 0) return { ok: true, rows };
  const distinct = [...new Set(errors)];
  if (distinct.length <= MAX_LISTED_ERRORS) return { ok: false, errors: distinct };
  return {
    ok: false,
    errors: [
      ...distinct.slice(0, MAX_LISTED_ERRORS),
      `另有 ${distinct.length - MAX_LISTED_ERRORS} 处错误未列出（共 ${distinct.length} 处），请修改后重新上传`,
    ],
  };
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

const choicesOf = (json: string): Record<string, string> => {
  const parsed: unknown = JSON.parse(json);
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
};

/**
 * An import with every row matched, unless it holds more rows than an import may (one stored before
 * the limit): then only its size is read (the database counts the JSON array), never the rows themselves.
 */
async function loadImport(db: Kysely<Database>, manager: Manager, importId: number) {
  const row = await db
    .selectFrom('statistics_imports')
    .select([
      'id',
      'file_name',
      'period_year',
      'status',
      'choices_json',
      jsonArrayLength(db, sql`rows_json`).as('row_count'),
    ])
    .where('id', '=', importId)
    .where('scope_unit_id', '=', manager.unit.id)
    .executeTakeFirst();
  if (!row) return null;
  const units = await reportingUnits(db, manager);
  const base = {
    id: row.id,
    fileName: row.file_name,
    periodYear: row.period_year,
    status: row.status,
    rowCount: row.row_count,
    choices: choicesOf(row.choices_json),
    units,
  };
  if (row.row_count > MAX_STATISTICS_ROWS) return { ...base, oversized: true, rows: [] };
  const { rows_json } = await db
    .selectFrom('statistics_imports')
    .select('rows_json')
    .where('id', '=', importId)
    .executeTakeFirstOrThrow();
  const parsed = JSON.parse(rows_json) as StatisticsRow[];
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
  return { ...base, oversized: false, rows: parsed.map((r, index) => ({ index, ...r, unit: matchOf(r) })) };
}

const pageOfRow = (index: number) => Math.floor(index / IMPORT_PAGE_SIZE) + 1;

/**
 * One page of a pending or committed import of the manager's: each row's unit (matched by name or
 * alias while pending; as stored once committed, null for a skipped row) and the manager's choice so
 * far; the totals of the whole import, the pages that still hold rows to decide, and the units a row
 * may be mapped to, grouped by city. An import above the row limit is shown by its size only.
 */
export async function getImport(db: Kysely<Database>, manager: Manager, importId: number, page = 1) {
  const found = await loadImport(db, manager, importId);
  if (!found) return null;
  const { units, choices, rows, ...view } = found;
  const pending = view.status === 'pending';
  const undecided = pending ? rows.filter((r) => !r.unit && !choices[`row-${r.index}`]) : [];
  const pages = Math.max(1, Math.ceil(rows.length / IMPORT_PAGE_SIZE));
  const current = Math.min(Math.max(1, Number.isInteger(page) ? page : 1), pages);
  const unitGroups: { label: string; units: { code: string; name: string }[] }[] = [];
  for (const u of pending && !view.oversized ? units : []) {
    const last = unitGroups.at(-1);
    if (last?.label === u.group) last.units.push({ code: u.code, name: u.name });
    else unitGroups.push({ label: u.group, units: [{ code: u.code, name: u.name }] });
  }
  return {
    ...view,
    matched: rows.filter((r) => r.unit).length,
    undecided: undecided.length,
    pagesToDecide: [...new Set(undecided.map((r) => pageOfRow(r.index)))],
    page: current,
    pages,
    pageSize: IMPORT_PAGE_SIZE,
    rows: rows
      .slice((current - 1) * IMPORT_PAGE_SIZE, current * IMPORT_PAGE_SIZE)
      .map((r) => ({ ...r, choice: pending ? (choices[`row-${r.index}`] ?? null) : null })),
    unitGroups,
  };
}

/**
 * Keeps the manager's choices for rows of a pending import (`row-{index}` → a unit code or SKIP_ROW;
 * an empty value clears it) while they page through it; with `skipUndecided`, every row that matches
 * nothing and has no choice yet is set to "不导入此行". Codes are judged when committing.
 */
export async function saveImportChoices(
  db: Kysely<Database>,
  manager: Manager,
  importId: number,
  input: { mapping: Record<string, string>; skipUndecided?: boolean },
): Promise<boolean> {
  const found = await loadImport(db, manager, importId);
  if (!found || found.status !== 'pending' || found.oversized) return false;
  const choices = mergeChoices(found.choices, input.mapping, found.rowCount);
  if (input.skipUndecided)
    for (const r of found.rows) if (!r.unit && !choices[`row-${r.index}`]) choices[`row-${r.index}`] = SKIP_ROW;
  const result = await db
    .updateTable('statistics_imports')
    .set({ choices_json: JSON.stringify(choices) })
    .where('id', '=', importId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

function mergeChoices(stored: Record<string, string>, posted: Record<string, string>, rowCount: number) {
  const choices = { ...stored };
  for (const [key, value] of Object.entries(posted)) {
    const index = /^row-(\d+)$/.exec(key)?.[1];
    if (index === undefined || Number(index) >= rowCount) continue;
    if (value === '') delete choices[key];
    else choices[key] = value;
  }
  return choices;
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
 * (`SKIP_ROW`). `mapping` is the page just posted, on top of the choices kept from other pages (an
 * empty value clears one); the merged choices are kept even when the commit is refused. When the year
 * already has figures for any of these units, nothing is written until the manager confirms the
 * preview of the changes (`replaces` = the preview's basis). All rows or none are stored; mappings
 * are remembered as aliases for the next import.
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
  if (pending.oversized)
    return refused(
      `该导入有 ${pending.rowCount} 行，超过每次最多 ${MAX_STATISTICS_ROWS} 行的上限，不能导入：请放弃后重新上传`,
    );
  const mapping = mergeChoices(pending.choices, input.mapping, pending.rowCount);
  if (Object.keys(input.mapping).length > 0) {
    await db
      .updateTable('statistics_imports')
      .set({ choices_json: JSON.stringify(mapping) })
      .where('id', '=', importId)
      .where('status', '=', 'pending')
      .execute();
  }
  const byCode = new Map(pending.units.map((u) => [u.code, u]));
  const fieldErrors: Record<string, string> = {};
  const resolved: { row: (typeof pending.rows)[number]; unit: (typeof pending.units)[number]; mapped: boolean }[] = [];
  const skipped: string[] = [];
  for (const row of pending.rows) {
    const field = `row-${row.index}`;
    const chosen = mapping[field];
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
  if (Object.keys(fieldErrors).length > 0) {
    const pages = [...new Set(Object.keys(fieldErrors).map((f) => pageOfRow(Number(f.slice('row-'.length)))))];
    const result = refused('还有数据行不能导入（见各行提示），未导入任何数据', fieldErrors);
    // A long import is paged: say where the rows to fix are.
    if (pending.rows.length > IMPORT_PAGE_SIZE && !result.ok && 'errors' in result)
      result.errors.push(`需要处理的行在第 ${pages.join('、')} 页`);
    return result;
  }
  if (resolved.length === 0) return refused('所有数据行都选择了“不导入此行”，没有可导入的数据');

  const current = await realFigures(db, manager.unit, pending.periodYear);
  const replaced = resolved.filter(({ unit }) => current.has(unit.id));
  if (replaced.length > 0) {
    const basis = createHash('sha256')
      .update(replaced.map(({ unit }) => `${unit.id}:${current.get(unit.id)!.import_id}`).join(','))
      .digest('hex');
    if (input.replaces !== basis) {
      return {
        ok: false,
        confirm: replacementPreview(
          pending.periodYear,
          basis,
          resolved,
          current,
          pending.units,
          skipped,
          input.replaces !== undefined,
        ),
      };
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
        c.key === 'unitName' || before[c.key] === row[c.key]
          ? []
          : [{ header: c.header, before: before[c.key], after: row[c.key] }],
      );
      return {
        unitName: unit.name,
        sourceName: row.unitName,
        status: changes.length > 0 ? 'changed' : 'same',
        changes,
      };
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
