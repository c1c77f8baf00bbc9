import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { listScenarios } from '../scenarios/index';
import { modelAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

const QINHUANGDAO = [
  '秦皇岛市本级',
  '海港区',
  '山海关区',
  '北戴河区',
  '抚宁区',
  '青龙满族自治县',
  '昌黎县',
  '卢龙县',
  '经济技术开发区',
];

test('the 秦皇岛市 manager sees only Qinhuangdao’s units, with the real system’s coverage beside the drill figures', async ({
  page,
}) => {
  await logIn(page, 'qhd.manager');
  await page.getByRole('link', { name: '练兵达标' }).click();
  const rows = page.getByTestId('readiness-table').locator('tbody tr');
  await expect(rows).toHaveCount(9);
  await expect(rows.locator('th[scope="row"] a')).toHaveText(QINHUANGDAO);
  await expect(page.getByTestId('coverage-insufficient')).toHaveText('7（共 9）');
  const own = page.locator('tr[data-unit="秦皇岛市本级"]');
  await expect(own.locator('[data-col="coverage"]')).toHaveText('覆盖不足');
  await expect(own.locator('[data-col="real-participation"]')).toHaveText('5.7%（4/70）');
  // The weekly trend is an SVG rendered on the server, with its numbers in a table.
  await expect(page.getByTestId('trend-chart').locator('svg')).toBeVisible();
  await expect(page.getByTestId('trend-table').locator('tbody tr')).toHaveCount(9);
  await page.getByRole('link', { name: '打印版' }).click();
  await expect(page.getByTestId('print-table').locator('tbody tr')).toHaveCount(9);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  // A unit of another city is out of reach, here too.
  expect((await page.request.get('/reports/units/130203', { maxRedirects: 0 })).status()).toBe(403);
});

test('the XLSX export reads back with the table’s rows and figures', async ({ page }) => {
  await logIn(page, 'qhd.manager');
  await page.goto('/reports?period=year');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 XLSX' }).click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file!) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['达标情况', '培训优先顺序', '分组', '人员名单', '说明']);

  // The roster names every officer of the subtree once: as many as the page and the unit overview count.
  const roster = workbook.getWorksheet('人员名单')!;
  const rosterHeader = (roster.getRow(1).values as unknown[]).slice(1);
  expect(rosterHeader.slice(0, 5)).toEqual(['单位', '单位代码', '姓名', '用户名', '账号']);
  const usernames: string[] = [];
  const rosterUnits: string[] = [];
  roster.eachRow((row, n) => {
    if (n === 1) return;
    rosterUnits.push(String(row.getCell(1).value));
    usernames.push(String(row.getCell(4).value));
  });
  const onPage = Number((await page.getByTestId('total-officers').textContent())!.replace(/,/g, ''));
  expect(usernames).toHaveLength(onPage);
  expect(new Set(usernames).size).toBe(onPage);
  expect(usernames).toContain('changli.officer');
  expect([...new Set(rosterUnits)]).toEqual(QINHUANGDAO);
  await page.goto('/manager');
  await expect(page.getByTestId('officer-count')).toHaveText(onPage.toLocaleString('zh-CN'));
  const sheet = workbook.getWorksheet('达标情况')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toContain('熟练掌握率(%)');
  const column = (name: string) => header.indexOf(name) + 1;
  const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
  expect(rows.map((r) => r.getCell(column('单位')).value)).toEqual(QINHUANGDAO);
  const own = rows.find((r) => r.getCell(column('单位')).value === '秦皇岛市本级')!;
  expect(own.getCell(column('在册执法人员')).value).toBe(70);
  expect(own.getCell(column('系统参与率(%)')).value).toBe(5.7);
  expect(own.getCell(column('覆盖情况')).value).toBe('覆盖不足');
  expect(rows.filter((r) => r.getCell(column('覆盖情况')).value === '覆盖不足')).toHaveLength(7);

  const csv = await page.request.get('/reports/export.csv?period=year');
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines).toHaveLength(10);
  expect(lines[0]).toContain('单位');
});

test('importing the published table as-is through the page reports 7 of 9 units coverage-insufficient', async ({
  page,
}) => {
  await logIn(page, 'qhd.manager');
  await page.goto('/reports/import');
  await page.getByRole('button', { name: '读取文件' }).click();
  await expect(page.getByText('请选择要导入的统计文件')).toBeVisible();
  await page.getByLabel('统计年度').fill('2023');
  await page.getByLabel('统计文件').setInputFiles('db/demo/published/qinhuangdao-online-enforcement-2023.tsv');
  await page.getByRole('button', { name: '读取文件' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('共 9 行，已按单位名称对应 9 行');
  await page.getByRole('button', { name: '确认导入' }).click();
  // The demo already holds these 2023 figures: re-importing the year asks first, showing no change.
  await expect(page.getByTestId('replace-summary')).toContainText('0 个单位有变化，9 个单位无变化');
  await page.getByRole('button', { name: '确认替换' }).click();
  await expect(page).toHaveURL(/\/reports\?imported=9/);
  await expect(page.getByTestId('coverage-insufficient')).toHaveText('7（共 9）');
});

test('a manager drills down from a unit to an officer and to an attempt’s result', async ({ page, browser }) => {
  // The officer drills first (in a context of their own).
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await logIn(officer, 'changli.officer');
  const scenario = listScenarios({ skill: 'documents' })[0]!;
  const seed = await startDrill(officer, scenario.id, 'practice');
  for (const step of modelAnswerFor(scenario.id, seed)) await submitStep(officer, scenario.id, seed, step);
  await expect(officer.getByTestId('score-total')).toHaveText('100');
  const attemptId = /\/drills\/(\d+)\/result$/.exec(officer.url())![1];
  await officerContext.close();

  await logIn(page, 'qhd.manager');
  await page.goto('/reports');
  await page.getByTestId('readiness-table').getByRole('link', { name: '昌黎县' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('昌黎县：执法人员练兵情况');
  await expect(page.getByTestId('unit-officer-readiness').locator('tbody tr')).toHaveCount(46);
  await page.locator('tr[data-username="changli.officer"]').getByRole('link').click();
  // This test's own attempt: other tests drill as the same officer in parallel (one closes an attempt).
  const ownAttempt = page.getByTestId('officer-attempts').locator(`a[href="/reports/attempts/${attemptId}"]`);
  await expect(ownAttempt).toContainText(scenario.title);
  await ownAttempt.click();
  await expect(page.getByTestId('score-total')).toBeVisible();
  await expect(page.getByTestId('rubric')).toBeVisible();
});

test('officers cannot open the reports', async ({ page }) => {
  await logIn(page, 'changli.officer');
  expect((await page.goto('/reports'))?.status()).toBe(403);
  expect((await page.request.get('/reports/export.xlsx')).status()).toBe(403);
});

test('the column groups are chosen in a GET form (without JavaScript too) and kept in the URL', async ({
  page,
  browser,
}) => {
  await logIn(page, 'qhd.manager');
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const p = await noJs.newPage();
  await p.goto('/reports?period=year');
  const table = p.getByTestId('readiness-table');
  await expect(table).toHaveAttribute('data-groups', 'drill,real');
  await p
    .getByRole('group', { name: /显示的列/ })
    .getByLabel('技能掌握')
    .check();
  await p.getByRole('button', { name: '应用' }).click();
  await expect(table).toHaveAttribute('data-groups', 'drill,skills,real');
  expect(new URL(p.url()).searchParams.get('period')).toBe('year');
  // Sorting and the period form keep the choice.
  await table.getByRole('link', { name: '案件办理' }).click();
  await expect(table).toHaveAttribute('data-groups', 'drill,skills,real');
  await expect(p).toHaveURL(/sort=case/);
  await p.getByRole('button', { name: '查询' }).click();
  await expect(table).toHaveAttribute('data-groups', 'drill,skills,real');
  // Unticking everything leaves the unit and the verdict.
  for (const name of ['练兵情况', '技能掌握', '系统使用']) await p.getByLabel(name).uncheck();
  await p.getByRole('button', { name: '应用' }).click();
  await expect(table).toHaveAttribute('data-groups', '');
  await expect(table.locator('thead tr').last().locator('th')).toHaveText(['达标等级', '逾期任务', '覆盖情况']);
  await noJs.close();

  // With JavaScript a tick applies at once, as one tidy parameter.
  await page.goto('/reports?period=year');
  await page.getByLabel('系统使用').uncheck();
  await expect(page).toHaveURL(/cols=drill(&|$)/);
  await expect(page.getByTestId('readiness-table')).toHaveAttribute('data-groups', 'drill');
});
