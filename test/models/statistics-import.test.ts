import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getReadinessReport } from '../../app/models/readiness.server';
import {
  commitImport,
  createPendingImport,
  decodeText,
  discardImport,
  getImport,
  parseStatisticsFile,
} from '../../app/models/statistics-import.server';
import { findUnitByCode } from '../../app/models/unit.server';
import { parseForm } from '../../app/utils/forms';
import { chinaYear, SKIP_ROW, statisticsUploadSchema } from '../../app/validation/statistics';
import { useTestDatabase } from '../support/db';

const published = readFileSync(
  new URL('../../db/demo/published/qinhuangdao-online-enforcement-2023.tsv', import.meta.url),
);
const publishedText = new TextDecoder().decode(published);
const [headerLine, ...dataLines] = publishedText.trim().split('\n');
type Db = ReturnType<typeof useTestDatabase>['db'];

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

/** The published table with some cells replaced: `{ 昌黎县: { 3: '30' } }` sets 昌黎县's fourth column. */
function tableWith(changes: Record<string, Record<number, string>> = {}, extraLines: string[] = []) {
  const lines = dataLines.map((line) => {
    const cells = line.split('\t');
    for (const [i, v] of Object.entries(changes[cells[0]!] ?? {})) cells[Number(i)] = v;
    return cells.join('\t');
  });
  return [headerLine, ...lines, ...extraLines].join('\n') + '\n';
}

async function pendingImport(db: Db, text: string, periodYear: number) {
  const parsed = await parseStatisticsFile('export.tsv', new TextEncoder().encode(text));
  if (!parsed.ok) throw new Error(parsed.errors.join('；'));
  const m = await manager(db);
  return { m, id: await createPendingImport(db, m, { fileName: 'export.tsv', periodYear, rows: parsed.rows }) };
}

const storedCount = async (db: Db) =>
  (
    await db
      .selectFrom('real_statistics')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

async function reportOf(db: Db, year: number) {
  const report = await getReadinessReport(db, (await manager(db)).unit, {
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    year,
  });
  return (name: string) => report.rows.find((r) => r.name === name)!.real;
}

describe('impossible figures are refused with row and column', () => {
  it('参与执法人员数 above 执法人员数, and 重大隐患 above 隐患', async () => {
    // 昌黎县 (line 8): 46 officers, 62 hazards. 卢龙县 (line 9): 37 officers, 35 hazards.
    const text = tableWith({ 昌黎县: { 9: '47' }, 卢龙县: { 5: '36' } });
    expect(await parseStatisticsFile('export.tsv', new TextEncoder().encode(text))).toEqual({
      ok: false,
      errors: [
        '第 8 行：“参与执法人员数 全年”（47）不能大于“执法人员数”（46）',
        '第 9 行：“查处重大隐患数 全年”（36）不能大于“查处隐患数 全年”（35）',
      ],
    });
    // Equal is possible (every officer took part; every hazard was major).
    const equal = tableWith({ 昌黎县: { 9: '46' }, 卢龙县: { 5: '35' } });
    expect(await parseStatisticsFile('export.tsv', new TextEncoder().encode(equal))).toMatchObject({ ok: true });
  });

  it('a year after this one (China time)', () => {
    const form = (year: number) => {
      const data = new FormData();
      data.set('periodYear', String(year));
      return parseForm(statisticsUploadSchema, data);
    };
    const thisYear = chinaYear();
    expect(form(thisYear + 1)).toMatchObject({
      success: false,
      fieldErrors: { periodYear: [`统计年度不能晚于今年（${thisYear} 年）`] },
    });
    expect(form(thisYear)).toMatchObject({ success: true, data: { periodYear: thisYear } });
    // 2025-12-31 17:00 UTC is already 2026 in China.
    expect(chinaYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
  });
});

describe('unit names in the file', () => {
  it('a name with a bidi override or a zero-width character is refused, naming the row', async () => {
    // (A NUL byte makes the file binary: refused before any row is read.)
    for (const hidden of ['\u202e', '\u200b', '\u2066', '\ufeff']) {
      const text = publishedText.replace('昌黎县', `昌黎${hidden}县`);
      const result = await parseStatisticsFile('export.tsv', new TextEncoder().encode(text));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.join('\n')).toContain('地区含有不允许的不可见字符');
    }
  });
});

describe('re-importing a year', () => {
  it('shows each changed figure and replaces nothing until confirmed; cancelling keeps the old figures', async () => {
    const { db } = useTestDatabase(); // the seed holds the published 2023 table
    const before = await storedCount(db);
    const changed = tableWith({ 海港区: { 3: '12' }, 昌黎县: { 3: '30', 9: '9' } });

    const first = await pendingImport(db, changed, 2023);
    const preview = await commitImport(db, first.m, first.id, { mapping: {} });
    if (!('confirm' in preview)) throw new Error(`expected a preview, got ${JSON.stringify(preview)}`);
    expect(preview.confirm.year).toBe(2023);
    expect(preview.confirm.units.filter((u) => u.status === 'changed')).toEqual([
      {
        unitName: '海港区',
        sourceName: '海港区',
        status: 'changed',
        changes: [{ header: '检查次数 全年', before: 0, after: 12 }],
      },
      {
        unitName: '昌黎县',
        sourceName: '昌黎县',
        status: 'changed',
        changes: [
          { header: '检查次数 全年', before: 24, after: 30 },
          { header: '参与执法人员数 全年', before: 7, after: 9 },
        ],
      },
    ]);
    expect(preview.confirm.units.filter((u) => u.status === 'same')).toHaveLength(7);
    expect(await storedCount(db)).toBe(before);
    expect((await reportOf(db, 2023))('海港区')).toMatchObject({ inspections: 0 });

    // Cancel: the pending import is dropped, the report is as it was.
    expect(await discardImport(db, first.m, first.id)).toBe(true);
    expect(await commitImport(db, first.m, first.id, { mapping: {}, replaces: preview.confirm.basis })).toMatchObject({
      ok: false,
      errors: ['该导入已处理，不能再次提交'],
    });
    expect(await storedCount(db)).toBe(before);
    expect((await reportOf(db, 2023))('昌黎县')).toMatchObject({ inspections: 24, participatingOfficers: 7 });

    // Confirm: replaced, and the replacement is in the audit log.
    const second = await pendingImport(db, changed, 2023);
    const again = await commitImport(db, second.m, second.id, { mapping: {} });
    if (!('confirm' in again)) throw new Error('expected a preview');
    expect(await commitImport(db, second.m, second.id, { mapping: {}, replaces: again.confirm.basis })).toEqual({
      ok: true,
      imported: 9,
      skipped: 0,
      replaced: 9,
    });
    const real = await reportOf(db, 2023);
    expect(real('海港区')).toMatchObject({ inspections: 12, coverageInsufficient: false });
    expect(real('昌黎县')).toMatchObject({ inspections: 30, participatingOfficers: 9 });
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'statistics.replace').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ year: 2023 });
  });

  it('a confirmation made against figures that changed since is not applied: the new comparison is shown', async () => {
    const { db } = useTestDatabase();
    const mine = await pendingImport(db, tableWith({ 卢龙县: { 3: '26' } }), 2023);
    const seen = await commitImport(db, mine.m, mine.id, { mapping: {} });
    if (!('confirm' in seen)) throw new Error('expected a preview');

    // Meanwhile another import of 2023 is confirmed.
    const other = await pendingImport(db, tableWith({ 卢龙县: { 3: '40' } }), 2023);
    const otherPreview = await commitImport(db, other.m, other.id, { mapping: {} });
    if (!('confirm' in otherPreview)) throw new Error('expected a preview');
    expect(
      await commitImport(db, other.m, other.id, { mapping: {}, replaces: otherPreview.confirm.basis }),
    ).toMatchObject({ ok: true });

    const count = await storedCount(db);
    const stale = await commitImport(db, mine.m, mine.id, { mapping: {}, replaces: seen.confirm.basis });
    if (!('confirm' in stale)) throw new Error('expected a fresh preview');
    expect(stale.confirm.stale).toBe(true);
    expect(stale.confirm.units.find((u) => u.unitName === '卢龙县')!.changes).toEqual([
      { header: '检查次数 全年', before: 40, after: 26 },
    ]);
    expect(await storedCount(db)).toBe(count);
    expect((await reportOf(db, 2023))('卢龙县')).toMatchObject({ inspections: 40 });
  });

  it('a year with no figures yet is imported without a confirmation', async () => {
    const { db } = useTestDatabase();
    const { m, id } = await pendingImport(db, tableWith(), 2022);
    expect(await commitImport(db, m, id, { mapping: {} })).toEqual({ ok: true, imported: 9, skipped: 0, replaced: 0 });
  });
});

describe('rows that match no unit', () => {
  const withTotals = tableWith({}, [
    '秦皇岛市\t324\t66\t57\t100\t0\t1\t41.00\t235\t33',
    '合计\t324\t66\t57\t100\t0\t1\t41.00\t235\t33',
  ]);

  it('can be mapped to county-level units only; a city is refused naming the row, and nothing is stored or remembered', async () => {
    const { db } = useTestDatabase();
    const { m, id } = await pendingImport(db, withTotals, 2022);
    const view = (await getImport(db, m, id))!;
    // "秦皇岛市" is the city's own aggregate: it no longer matches the city unit by name.
    expect(view.rows.filter((r) => !r.unit).map((r) => r.unitName)).toEqual(['秦皇岛市', '合计']);
    expect(view.unitGroups).toEqual([
      {
        label: '秦皇岛市',
        units: expect.arrayContaining([
          { code: '130300-00', name: '秦皇岛市本级' },
          { code: '130322', name: '昌黎县' },
        ]),
      },
    ]);
    expect(view.unitGroups[0]!.units).toHaveLength(9);

    const before = await storedCount(db);
    const toCity = await commitImport(db, m, id, { mapping: { 'row-9': '130300', 'row-10': SKIP_ROW } });
    expect(toCity).toEqual({
      ok: false,
      errors: ['还有数据行不能导入（见各行提示），未导入任何数据'],
      fieldErrors: {
        'row-9': '“秦皇岛市”只能对应到县级执法单位，不能对应到“秦皇岛市”（市、省的数据是汇总，报表中不单独显示）',
      },
    });
    // The province, or a county of another city, is outside 秦皇岛市's subtree.
    for (const code of ['130000', '130203']) {
      expect(await commitImport(db, m, id, { mapping: { 'row-9': code, 'row-10': SKIP_ROW } })).toMatchObject({
        fieldErrors: { 'row-9': '“秦皇岛市”选择的单位不存在或不在您的管辖范围内' },
      });
    }
    // Left without a choice (the form posts its select empty, clearing the choice kept from the
    // refused commit), a row blocks the import; it is never dropped silently.
    expect(await commitImport(db, m, id, { mapping: { 'row-9': '', 'row-10': SKIP_ROW } })).toMatchObject({
      ok: false,
      fieldErrors: { 'row-9': '“秦皇岛市”还没有对应单位：请选择县级执法单位，或选择“不导入此行”' },
    });
    expect(await storedCount(db)).toBe(before);
    expect(await db.selectFrom('unit_aliases').selectAll().execute()).toEqual([]);
  });

  it('are left out only when the manager says so; the committed import shows them as not imported', async () => {
    const { db } = useTestDatabase();
    const { m, id } = await pendingImport(db, withTotals, 2022);
    expect(await commitImport(db, m, id, { mapping: { 'row-9': SKIP_ROW, 'row-10': SKIP_ROW } })).toEqual({
      ok: true,
      imported: 9,
      skipped: 2,
      replaced: 0,
    });
    const view = (await getImport(db, m, id))!;
    expect(view.status).toBe('committed');
    expect(view.rows.filter((r) => !r.unit).map((r) => r.unitName)).toEqual(['秦皇岛市', '合计']);
    expect(view.rows.find((r) => r.unitName === '昌黎县')!.unit).toEqual({ code: '130322', name: '昌黎县' });
    expect(await db.selectFrom('unit_aliases').selectAll().execute()).toEqual([]);
    const city = (await findUnitByCode(db, '130300'))!;
    expect(await db.selectFrom('real_statistics').selectAll().where('unit_id', '=', city.id).execute()).toEqual([]);
  });

  it('a mapping to a city remembered by an earlier version is no longer applied', async () => {
    const { db } = useTestDatabase();
    const city = (await findUnitByCode(db, '130300'))!;
    await db.insertInto('unit_aliases').values({ alias: '合计', unit_id: city.id }).execute();
    const { m, id } = await pendingImport(db, withTotals, 2022);
    expect((await getImport(db, m, id))!.rows.find((r) => r.unitName === '合计')!.unit).toBeNull();
  });
});

describe('files as Excel and the real system save them', () => {
  it('GB18030/GBK text (Excel on Chinese Windows) is decoded, as is UTF-16 with its BOM', async () => {
    // An independent oracle: GB2312 code points of 地 (B5D8) and 区 (C7F8).
    expect(decodeText(new Uint8Array([0xb5, 0xd8, 0xc7, 0xf8]))).toBe('地区');
    const gbk = new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: publishedText }));
    expect([...gbk.subarray(0, 4)]).toEqual([0xb5, 0xd8, 0xc7, 0xf8]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(publishedText, 'utf16le')]);
    const fromUtf8 = await parseStatisticsFile('export.tsv', published);
    expect(fromUtf8.ok && fromUtf8.rows).toHaveLength(9);
    expect(await parseStatisticsFile('export.tsv', gbk)).toEqual(fromUtf8);
    expect(await parseStatisticsFile('export.txt', utf16)).toEqual(fromUtf8);
    const csv = new Uint8Array(
      execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: publishedText.replaceAll('\t', ',') }),
    );
    expect(await parseStatisticsFile('export.csv', csv)).toEqual(fromUtf8);
  });

  it('the header row is found below a title row, and errors name the sheet’s own row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('统计');
    sheet.addRow(['秦皇岛市在线执法统计（2023 年）']);
    sheet.mergeCells('A1:J1');
    sheet.addRow(['统计截止：2023 年 11 月 13 日']);
    for (const line of [headerLine!, ...dataLines]) {
      sheet.addRow(line.split('\t').map((c, i) => (i === 0 || Number.isNaN(Number(c)) ? c : Number(c))));
    }
    const bytes = async () => new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await parseStatisticsFile('export.xlsx', await bytes())).toEqual(
      await parseStatisticsFile('export.tsv', published),
    );

    // 昌黎县 is the 7th data row: sheet row 3 (header) + 7 = 10.
    sheet.getRow(10).getCell(10).value = 99;
    expect(await parseStatisticsFile('export.xlsx', await bytes())).toEqual({
      ok: false,
      errors: ['第 10 行：“参与执法人员数 全年”（99）不能大于“执法人员数”（46）'],
    });
    const titled = `2023年在线执法统计\n\n${tableWith({ 昌黎县: { 9: '99' } })}`;
    expect(await parseStatisticsFile('export.tsv', new TextEncoder().encode(titled))).toEqual({
      ok: false,
      errors: ['第 10 行：“参与执法人员数 全年”（99）不能大于“执法人员数”（46）'],
    });
  });
});
