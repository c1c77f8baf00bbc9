import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getReadinessReport } from '../../app/models/readiness.server';
import { readinessCsv, readinessWorkbook } from '../../app/models/report-export.server';
import { csvField, neutralizeCell } from '../../app/utils/export-cells';
import { useTestDatabase } from '../support/db';

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks): an oracle independent of the exporter. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\r' && text[i + 1] === '\n') (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    else field += c;
  }
  return rows;
}

// Names a hostile or careless operator could give a unit: each would start a formula in Excel.
const HOSTILE = ['=HYPERLINK("http://evil.example","点我")', '+1+1', '-2+3', '@SUM(1,2)', '\t=1+1', '\r=1+1', '＝1+1'];

describe('CSV and XLSX exports neutralise cells that could start a formula', () => {
  it('the shared guard: text starting with = + - @ tab CR (and full-width ＝＋－＠) gets an apostrophe; numbers stay numbers', () => {
    for (const text of HOSTILE) expect(neutralizeCell(text)).toBe(`'${text}`);
    expect(neutralizeCell('昌黎县')).toBe('昌黎县');
    expect(neutralizeCell('a=1')).toBe('a=1');
    expect(neutralizeCell(-5)).toBe(-5);
    expect(neutralizeCell(null)).toBeNull();
    expect(csvField(-5)).toBe('-5');
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });

  it('readiness report: unit names are neutralised in the CSV and in every XLSX sheet, figures stay numeric', async () => {
    const { db } = useTestDatabase();
    const qhd = await db
      .selectFrom('units')
      .select(['path', 'name'])
      .where('code', '=', '130300')
      .executeTakeFirstOrThrow();
    const counties = await db
      .selectFrom('units')
      .select(['id', 'code'])
      .where('path', '>', qhd.path)
      .where('path', '<', `${qhd.path}~`)
      .where('level', '=', 'county')
      .orderBy('sort_order')
      .execute();
    for (const [i, name] of HOSTILE.entries())
      await db.updateTable('units').set({ name }).where('id', '=', counties[i]!.id).execute();
    const report = await getReadinessReport(db, qhd, {
      period: { from: '2026-01-01', to: '2026-03-31' },
      now: new Date('2026-03-31T00:00:00Z'),
    });
    // A negative figure (none occurs today; a future "change since last period" column would have them).
    report.rows[0]!.avgBestScore = -5;
    const exportable = { ...report, period: { from: '2026-01-01', to: '2026-03-31' }, year: report.year ?? null };

    const csv = parseCsv(readinessCsv(exportable).replace(/^\uFEFF/, ''));
    const header = csv[0]!;
    const nameAt = header.indexOf('单位');
    const scoreAt = header.indexOf('平均最高分');
    const names = csv.slice(1).map((r) => r[nameAt]);
    for (const text of HOSTILE) expect(names).toContain(`'${text}`);
    expect(names.filter((n) => /^[=+\-@\t\r＝＋－＠]/.test(n!))).toEqual([]);
    expect(csv[1]![scoreAt]).toBe('-5');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readinessWorkbook(exportable, '=秦皇岛市')).buffer);
    const cells: ExcelJS.Cell[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
    const texts = cells.filter((c) => c.type === ExcelJS.ValueType.String).map((c) => c.value as string);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(texts.filter((t) => /^[=+\-@\t\r＝＋－＠]/.test(t))).toEqual([]);
    const sheet = workbook.getWorksheet('达标情况')!;
    const sheetNames = sheet.getColumn(2).values.slice(2);
    // XML reads a bare CR back as LF; what matters is the apostrophe in front.
    for (const text of HOSTILE) expect(sheetNames).toContain(`'${text.replace(/\r/g, '\n')}`);
    const negative = sheet.getRow(2).getCell(scoreAt + 1);
    expect(negative.type).toBe(ExcelJS.ValueType.Number);
    expect(negative.value).toBe(-5);
    expect(workbook.getWorksheet('说明')!.getRow(2).getCell(2).value).toBe("'=秦皇岛市");
    // The 分组 sheet joins names with 、: a list that starts with a hostile name is neutralised as a whole.
    expect(texts.some((t) => t.startsWith("'") && t.includes('、'))).toBe(true);
  });
});
