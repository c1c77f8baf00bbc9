import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { BULLETIN_COLUMNS, cellText } from '../app/ui/bulletin';
import { inflateEntry, readZipDirectory } from '../app/utils/zip.server';
import { logIn } from './support';

/** The ranking table of a 通报 page, cell texts per row. */
async function rankingRows(page: Page): Promise<string[][]> {
  return page
    .getByTestId('bulletin-ranking')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim())));
}

/** The text of each `<w:tr>` of word/document.xml, cell by cell. */
async function docxTables(bytes: Buffer): Promise<{ xml: string; rows: string[][] }> {
  const dir = readZipDirectory(bytes, {
    maxEntries: 100,
    maxTotalBytes: 50_000_000,
    maxRatio: 1000,
    ratioFloorBytes: 1,
  });
  if (!dir.ok) throw new Error(dir.error);
  const entry = dir.entries.find((e) => e.name === 'word/document.xml');
  expect(entry, '.docx 应含 word/document.xml').toBeTruthy();
  const xml = (await inflateEntry(bytes, entry!, 50_000_000)).toString('utf8');
  const rows = [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc\b[\s\S]*?<\/w:tc>/g)].map((tc) =>
      [...tc[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    ),
  );
  return { xml, rows };
}

/** Generates last week's 通报 (the form's default) or, when this run's database has it already, opens it from the list. */
async function generateLastWeek(page: Page): Promise<string> {
  await page.goto('/reports');
  await page.getByRole('link', { name: '练兵通报' }).first().click();
  await expect(page.getByRole('heading', { name: '练兵通报', level: 1 })).toBeVisible();
  const week = await page.getByLabel('通报周次').inputValue();
  await page.getByRole('button', { name: '生成并印发' }).click();
  const refused = page.getByText('的通报已印发');
  await expect(page.getByTestId('bulletin').or(refused)).toBeVisible();
  if (await refused.isVisible()) {
    await page.getByTestId('bulletin-list').locator('tr', { hasText: week }).getByRole('link').click();
  }
  await expect(page.getByTestId('bulletin')).toBeVisible();
  return week;
}

test('the 秦皇岛市 manager issues last week’s 通报, reopens it, downloads XLSX and .docx with the page’s rows, prints it', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await logIn(page, 'qhd.manager');
  await expect(page.getByRole('navigation').getByRole('link', { name: '练兵通报' })).toBeVisible();
  const week = await generateLastWeek(page);
  const url = page.url();
  const id = /\/(\d+)$/.exec(url)![1];
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('关于秦皇岛市执法练兵工作落实情况的通报');
  await expect(page.getByTestId('bulletin-number')).toHaveText(/^练兵通报〔\d{4}〕第\d+期$/);
  const rows = await rankingRows(page);
  expect(rows).toHaveLength(9);

  // The ranking is the readiness report's for the same week: units, officers, participation, real figures.
  const sunday = new Date(Date.parse(`${week}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/reports/print?period=custom&from=${week}&to=${sunday}`);
  // Read by header, not position: the report's columns are grouped and chosen by the user.
  const reportTable = await page.getByTestId('print-table').evaluate((table) => ({
    headers: [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim()),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    ),
  }));
  const column = (header: string) => {
    const index = reportTable.headers.indexOf(header);
    expect(index, `报表列 ${header}`).toBeGreaterThanOrEqual(0);
    return index;
  };
  const [officers, participation, inspections, coverage] = ['在册', '参训率', '系统检查次数', '覆盖情况'].map(column);
  for (const row of rows) {
    const report = reportTable.rows.find((r) => r[0]!.replace('（排名靠后）', '') === row[1]);
    expect(report, row[1]).toBeTruthy();
    expect(row[2], `${row[1]} 在册`).toBe(report![officers!]);
    expect(`${row[4]}%`, `${row[1]} 参训率`).toBe(report![participation!]);
    expect(row[11], `${row[1]} 检查次数`).toBe(report![inspections!]);
    expect(row[12], `${row[1]} 覆盖情况`).toBe(report![coverage!]);
  }

  // Reopened from the list: the same document.
  await page.goto('/reports/bulletins');
  await page.getByTestId('bulletin-list').locator('tr', { hasText: week }).getByRole('link').click();
  await expect(page).toHaveURL(url);
  expect(await rankingRows(page)).toEqual(rows);

  // XLSX: 排名 has the page's rows, 未达标人员 the annex, 概况 the summary.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载 XLSX' }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await (await download).path())!) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['排名', '未达标人员', '概况']);
  const sheetRows = (name: string) =>
    workbook
      .getWorksheet(name)!
      .getSheetValues()
      .slice(2)
      .map((r) => (r as (string | number)[]).slice(1));
  // Cells are numbers where the page prints numbers (percentages to one decimal, as the page shows them).
  expect(sheetRows('排名').map((r) => r.map((v, i) => cellText(v, BULLETIN_COLUMNS[i]!.format)))).toEqual(rows);
  expect(workbook.getWorksheet('排名')!.getRow(1).values).toEqual([
    undefined,
    ...BULLETIN_COLUMNS.map((c) => c.header),
  ]);
  const annexCount = await page.getByTestId('bulletin').locator('.bulletin__annex h3').allTextContents();
  const annexTotal = annexCount.reduce((s, t) => s + Number(/（(\d+) 人）/.exec(t)![1]), 0);
  expect(sheetRows('未达标人员')).toHaveLength(annexTotal);
  expect(annexTotal).toBeGreaterThan(0);

  // .docx: a zip with word/document.xml holding the title, number, period and the same ranking rows.
  const docx = await page.request.get(`/reports/bulletins/${id}.docx`);
  expect(docx.status()).toBe(200);
  expect(docx.headers()['content-type']).toContain('wordprocessingml');
  const { xml, rows: docxRows } = await docxTables(await docx.body());
  expect(xml).toContain('关于秦皇岛市执法练兵工作落实情况的通报');
  expect(xml).toContain(await page.getByTestId('bulletin-number').textContent());
  expect(xml).toContain(week);
  expect(docxRows.slice(1)).toEqual(rows);

  // Print: the document alone, with a print button once JavaScript runs.
  await page.getByRole('link', { name: '打印版' }).click();
  await expect(page).toHaveURL(`${url}/print`);
  await expect(page.getByTestId('bulletin')).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '打印' })).toBeVisible();
  expect(await rankingRows(page)).toEqual(rows);

  // Without JavaScript the print route still renders the document (the browser's print prints it).
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await logIn(plain, 'qhd.manager');
  await plain.goto(`${url}/print`);
  await expect(plain.getByTestId('bulletin')).toBeVisible();
  await expect(plain.getByText('请使用浏览器的“打印”')).toBeVisible();
  expect(await rankingRows(plain)).toEqual(rows);
  // The form posts without JavaScript too: the same week again is refused beside the field.
  await plain.goto('/reports/bulletins');
  await plain.getByLabel('通报周次').selectOption(week);
  await plain.getByRole('button', { name: '生成并印发' }).click();
  await expect(plain.getByText(`${week} 至 ${sunday} 的通报已印发`)).toBeVisible();
  await noJs.close();

  // A bad week is refused in Chinese beside the field (400), and nothing is issued.
  const listBefore = await (await page.request.get('/reports/bulletins')).text();
  for (const [bad, message] of [
    ['2026-13-01', '周次不是有效日期：请从列表中选择一周'],
    ['2026-03-10', '通报周次须从周一开始：请从列表中选择一周'],
    ['', '请选择通报周次'],
  ]) {
    const response = await page.request.post('/reports/bulletins', {
      data: `week=${bad}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      maxRedirects: 0,
    });
    expect(response.status(), bad).toBe(400);
    expect(await response.text(), bad).toContain(message);
  }
  expect((await (await page.request.get('/reports/bulletins')).text()).match(/练兵通报〔/g)).toEqual(
    listBefore.match(/练兵通报〔/g),
  );

  // Someone else's scope or an unknown id: refused like the report routes.
  expect((await page.request.get('/reports/bulletins/999999', { maxRedirects: 0 })).status()).toBe(404);
  expect((await page.request.get('/reports/bulletins/999999.xlsx', { maxRedirects: 0 })).status()).toBe(404);
  expect((await page.request.get('/reports/bulletins/abc', { maxRedirects: 0 })).status()).toBe(404);
});

test('the 通报 page fits: the ranking table whole at 1366 px, nothing but its own box scrolls at 390 px', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await logIn(page, 'qhd.manager');
  await generateLastWeek(page);
  const table = page.getByTestId('bulletin-ranking');
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('bulletin-1366.png'), fullPage: true });
  await page.screenshot({ path: test.info().outputPath('bulletin-1366-table.png') });
  const wide = await table.evaluate((el) => {
    const wrap = el.parentElement!;
    const box = el.getBoundingClientRect();
    return {
      right: box.right,
      left: box.left,
      viewport: document.documentElement.clientWidth,
      pageScroll: document.documentElement.scrollWidth,
      wrapScroll: wrap.scrollWidth,
      wrapClient: wrap.clientWidth,
    };
  });
  expect(wide.left).toBeGreaterThanOrEqual(0);
  expect(wide.right).toBeLessThanOrEqual(wide.viewport);
  expect(wide.pageScroll).toBeLessThanOrEqual(wide.viewport);
  expect(wide.wrapScroll, '排名表在 1366 px 下不应需要横向滚动').toBeLessThanOrEqual(wide.wrapClient);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId('bulletin')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('bulletin-390.png'), fullPage: true });
  await page.getByTestId('bulletin-ranking').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('bulletin-390-table.png') });
  const narrow = await page.evaluate(() => {
    const root = document.documentElement;
    // Every element that reaches past the viewport must sit inside the table's scroll box.
    const wrap = document.querySelector('.bulletin__table-wrap')!;
    const outside = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5 && !wrap.contains(el))
      .map((el) => `${el.tagName}.${el.className}`);
    return {
      pageScroll: root.scrollWidth,
      viewport: root.clientWidth,
      outside,
      wrapOverflow: getComputedStyle(wrap).overflowX,
      wrapRight: wrap.getBoundingClientRect().right,
    };
  });
  expect(narrow.pageScroll).toBeLessThanOrEqual(narrow.viewport);
  expect(narrow.outside).toEqual([]);
  expect(narrow.wrapOverflow).toBe('auto');
  expect(narrow.wrapRight).toBeLessThanOrEqual(narrow.viewport);
});
