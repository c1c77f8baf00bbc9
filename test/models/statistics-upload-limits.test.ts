import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  commitImport,
  createPendingImport,
  discardImport,
  getImport,
  IMPORT_PAGE_SIZE,
  MAX_STATISTICS_CELLS,
  MAX_STATISTICS_ROWS,
  MAX_WAITING_PARSES,
  parseStatisticsFile,
  PARSER_BUSY,
  saveImportChoices,
  statisticsParseQueue,
  TOO_MANY_CELLS,
  TOO_MANY_ROWS,
  XLSX_LIMITS,
} from '../../app/models/statistics-import.server';
import { inflateEntry, readZipDirectory } from '../../app/utils/zip.server';
import { SKIP_ROW } from '../../app/validation/statistics';
import { useTestDatabase } from '../support/db';
import { makeZip } from '../support/zip';

const published = new TextDecoder().decode(
  readFileSync(new URL('../../db/demo/published/qinhuangdao-online-enforcement-2023.tsv', import.meta.url)),
);
const [headerLine, ...dataLines] = published.trim().split('\n');
const encode = (text: string) => new TextEncoder().encode(text);
type Db = ReturnType<typeof useTestDatabase>['db'];

/** A valid table: the published nine units, then `extra` made-up units ("外地单位N") that match nothing. */
function tableWithExtraRows(extra: number) {
  const lines = [...dataLines];
  for (let i = 1; i <= extra; i++) lines.push(`外地单位${i}\t10\t5\t12\t3\t0\t0\t0.50\t4\t2`);
  return `${headerLine}\n${lines.join('\n')}\n`;
}

async function manager(db: Db) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'unit_id'])
    .where('username', '=', 'qhd.manager')
    .executeTakeFirstOrThrow();
  const unit = await db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('id', '=', user.unit_id)
    .executeTakeFirstOrThrow();
  return { id: user.id, unit };
}

/** The parts of a small valid XLSX written by exceljs, by name. */
async function xlsxParts(): Promise<Map<string, Buffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('统计');
  for (const line of [headerLine!, ...dataLines]) sheet.addRow(line.split('\t'));
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const directory = readZipDirectory(bytes, XLSX_LIMITS);
  if (!directory.ok) throw new Error(directory.error);
  const parts = new Map<string, Buffer>();
  for (const entry of directory.entries)
    parts.set(entry.name, await inflateEntry(bytes, entry, entry.uncompressedSize));
  return parts;
}

/** Sheet XML of `rows` rows of `columns` numeric cells each. */
function sheetXml(rows: number, columns: number) {
  const row = (r: number) => `<row r="${r}">${'<c t="n"><v>1</v></c>'.repeat(columns)}</row>`;
  const body = Array.from({ length: rows }, (_, i) => row(i + 1)).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

describe('the row bound', () => {
  it(`takes ${MAX_STATISTICS_ROWS} data rows and refuses one more, naming the limit (TSV and XLSX)`, async () => {
    const atLimit = await parseStatisticsFile('export.tsv', encode(tableWithExtraRows(MAX_STATISTICS_ROWS - 9)));
    expect(atLimit.ok && atLimit.rows).toHaveLength(MAX_STATISTICS_ROWS);
    const over = await parseStatisticsFile('export.tsv', encode(tableWithExtraRows(MAX_STATISTICS_ROWS - 8)));
    expect(over).toEqual({ ok: false, errors: [TOO_MANY_ROWS] });
    expect(TOO_MANY_ROWS).toContain(`一次最多导入 ${MAX_STATISTICS_ROWS} 行`);
    // A 100,000-row file (the one that froze the server) is refused the same way.
    expect(await parseStatisticsFile('export.tsv', encode(tableWithExtraRows(100_000)))).toEqual({
      ok: false,
      errors: [TOO_MANY_ROWS],
    });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('统计');
    for (const line of tableWithExtraRows(MAX_STATISTICS_ROWS - 8)
      .trim()
      .split('\n'))
      sheet.addRow(line.split('\t'));
    expect(await parseStatisticsFile('export.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()))).toEqual({
      ok: false,
      errors: [TOO_MANY_ROWS],
    });
  });

  it('lists at most 50 errors of a bad file and counts the rest', async () => {
    const bad = tableWithExtraRows(200).replace(/外地单位(\d+)\t10\t5/g, '外地单位$1\t10\t-5');
    const result = await parseStatisticsFile('export.tsv', encode(bad));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.errors).toHaveLength(51);
    expect(result.errors[0]).toBe('第 11 行：企业入库数不能为负数');
    expect(result.errors[50]).toBe('另有 150 处错误未列出（共 200 处），请修改后重新上传');
  });

  it('refuses a text file with too many cells before splitting it all', async () => {
    const wide = `${headerLine}\n${'1\t'.repeat(MAX_STATISTICS_CELLS + 1)}\n`;
    expect(await parseStatisticsFile('export.tsv', encode(wide))).toEqual({ ok: false, errors: [TOO_MANY_CELLS] });
  });
});

describe('reviewing a long import', () => {
  it('is paged; choices are kept between pages and used by the commit', async () => {
    const { db } = useTestDatabase();
    const m = await manager(db);
    const parsed = await parseStatisticsFile('export.tsv', encode(tableWithExtraRows(111)));
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const id = await createPendingImport(db, m, { fileName: 'export.tsv', periodYear: 2021, rows: parsed.rows });

    const first = (await getImport(db, m, id))!;
    expect(first).toMatchObject({
      rowCount: 120,
      matched: 9,
      undecided: 111,
      page: 1,
      pages: 3,
      pagesToDecide: [1, 2, 3],
    });
    expect(first.rows).toHaveLength(IMPORT_PAGE_SIZE);
    const last = (await getImport(db, m, id, 3))!;
    expect(last.rows.map((r) => r.index)).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
    expect(last.rows[0]).toMatchObject({ unitName: '外地单位92', unit: null, choice: null });
    // A page past the end shows the last one.
    expect((await getImport(db, m, id, 99))!.page).toBe(3);

    // Page 1's choice is kept while the manager goes on; then every other row is skipped at once.
    expect(await saveImportChoices(db, m, id, { mapping: { 'row-9': '130322-x', 'row-10': SKIP_ROW } })).toBe(true);
    expect((await getImport(db, m, id))!.rows.find((r) => r.index === 10)!.choice).toBe(SKIP_ROW);
    const refused = await commitImport(db, m, id, { mapping: {} });
    expect(refused).toMatchObject({
      ok: false,
      errors: ['还有数据行不能导入（见各行提示），未导入任何数据', '需要处理的行在第 1、2、3 页'],
    });
    expect(await saveImportChoices(db, m, id, { mapping: { 'row-9': '' }, skipUndecided: true })).toBe(true);
    expect((await getImport(db, m, id))!).toMatchObject({ undecided: 0, pagesToDecide: [] });
    expect(await commitImport(db, m, id, { mapping: {} })).toEqual({
      ok: true,
      imported: 9,
      skipped: 111,
      replaced: 0,
    });
    expect(await saveImportChoices(db, m, id, { mapping: {} })).toBe(false);
  });

  it('an oversized import stored before the limit is shown by its size only and can only be discarded', async () => {
    const { db } = useTestDatabase();
    const m = await manager(db);
    const row = {
      unitName: '外地单位',
      officersOnRecord: 10,
      enterprisesOnboarded: 5,
      inspections: 12,
      hazards: 3,
      majorHazards: 0,
      cases: 0,
      penaltiesWan: 0.5,
      documents: 4,
      participatingOfficers: 2,
    };
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ ...row, unitName: `外地单位${i}` }));
    const { id } = await db
      .insertInto('statistics_imports')
      .values({
        user_id: m.id,
        scope_unit_id: m.unit.id,
        file_name: 'big.tsv',
        period_year: 2021,
        rows_json: JSON.stringify(rows),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const view = (await getImport(db, m, id))!;
    expect(view).toMatchObject({ oversized: true, rowCount: 100_000, rows: [], pages: 1, unitGroups: [] });
    expect(await commitImport(db, m, id, { mapping: {} })).toMatchObject({
      ok: false,
      errors: [`该导入有 100000 行，超过每次最多 ${MAX_STATISTICS_ROWS} 行的上限，不能导入：请放弃后重新上传`],
    });
    expect(await saveImportChoices(db, m, id, { mapping: { 'row-1': SKIP_ROW }, skipUndecided: true })).toBe(false);
    expect(await discardImport(db, m, id)).toBe(true);
  });
});

describe('XLSX archives are judged before exceljs reads them', () => {
  it('a real XLSX rebuilt by the test zip writer still reads (the checks pass a normal file)', async () => {
    const parts = await xlsxParts();
    const rebuilt = makeZip([...parts].map(([name, data]) => ({ name, data })));
    expect(await parseStatisticsFile('export.xlsx', rebuilt)).toEqual(
      await parseStatisticsFile('export.tsv', encode(published)),
    );
  });

  it('too many entries', async () => {
    const parts = await xlsxParts();
    const padding = Array.from({ length: XLSX_LIMITS.maxEntries }, (_, i) => ({
      name: `xl/media/pad${i}.txt`,
      data: 'x',
    }));
    const zip = makeZip([...[...parts].map(([name, data]) => ({ name, data })), ...padding]);
    expect(await parseStatisticsFile('export.xlsx', zip)).toEqual({
      ok: false,
      errors: [
        `XLSX 文件包含的部件过多（${parts.size + XLSX_LIMITS.maxEntries} 个，不能超过 ${XLSX_LIMITS.maxEntries} 个）`,
      ],
    });
  });

  it('declared sizes above the total, and a compression ratio no table has', async () => {
    const parts = await xlsxParts();
    const entries = [...parts].map(([name, data]) => ({ name, data }));
    // Declared only: the headers claim 30 MB for a small part.
    const declared = makeZip(
      entries.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, declaredSize: 30 * 1024 * 1024 } : e)),
    );
    expect(await parseStatisticsFile('export.xlsx', declared)).toEqual({
      ok: false,
      errors: ['XLSX 文件解压后过大（超过 24 MB）：请只保留统计表后另存再上传'],
    });
    // 2 MB of one repeated cell deflates about 400 times.
    const repetitive = makeZip(
      entries.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, data: sheetXml(1, 100_000) } : e)),
    );
    expect(await parseStatisticsFile('export.xlsx', repetitive)).toEqual({
      ok: false,
      errors: ['XLSX 文件的压缩比异常（“xl/worksheets/sheet1.xml”超过 100 倍），不像是正常的统计表，已拒绝'],
    });
  });

  it('a part that inflates to more than it declared is stopped at the declared size', async () => {
    const parts = await xlsxParts();
    const lying = makeZip(
      [...parts].map(([name, data]) =>
        name === 'xl/worksheets/sheet1.xml' ? { name, data: sheetXml(5000, 10), declaredSize: 1000 } : { name, data },
      ),
    );
    expect(await parseStatisticsFile('export.xlsx', lying)).toEqual({
      ok: false,
      errors: ['XLSX 文件解压后的大小与其声明不符，已拒绝'],
    });
  });

  it('too many cells in the sheets', async () => {
    const parts = await xlsxParts();
    // 1,300 rows of 100 varied cells: within the ratio and size limits, above the cell limit.
    const cells = (r: number) =>
      Array.from({ length: 100 }, (_, c) => `<c><v>${(r * 7919 + c * 104729) % 100_003}</v></c>`).join('');
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${Array.from({ length: 1300 }, (_, r) => `<row>${cells(r)}</row>`).join('')}</sheetData></worksheet>`;
    const zip = makeZip(
      [...parts].map(([name, data]) => (name === 'xl/worksheets/sheet1.xml' ? { name, data: xml } : { name, data })),
    );
    expect(await parseStatisticsFile('export.xlsx', zip)).toEqual({ ok: false, errors: [TOO_MANY_CELLS] });
  });

  it('a file that is not a zip, and a zip sent as .tsv', async () => {
    expect(await parseStatisticsFile('export.xlsx', encode(published))).toEqual({
      ok: false,
      errors: ['文件不是有效的 XLSX（ZIP）格式'],
    });
    const zip = makeZip([...(await xlsxParts())].map(([name, data]) => ({ name, data })));
    expect(await parseStatisticsFile('export.tsv', zip)).toEqual({
      ok: false,
      errors: ['该文件实际是 XLSX（ZIP）文件：请把扩展名改为 .xlsx，或在 Excel 中另存为 CSV 后上传'],
    });
  });
});

describe('files are read one at a time', () => {
  it('later files wait their turn; beyond the waiting line the answer is busy (429)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('统计');
    for (const line of [headerLine!, ...dataLines]) sheet.addRow(line.split('\t'));
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());

    const reads = Array.from({ length: 1 + MAX_WAITING_PARSES }, () => parseStatisticsFile('export.xlsx', xlsx));
    expect(statisticsParseQueue.state()).toEqual({ running: 1, waiting: MAX_WAITING_PARSES });
    expect(await parseStatisticsFile('export.xlsx', xlsx)).toEqual({ ok: false, errors: [PARSER_BUSY], status: 429 });
    const results = await Promise.all(reads);
    expect(results.every((r) => r.ok && r.rows.length === 9)).toBe(true);
    expect(statisticsParseQueue.state()).toEqual({ running: 0, waiting: 0 });
  });
});
