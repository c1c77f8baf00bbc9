import ExcelJS from 'exceljs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { assignmentFormToken, logIn, runTag } from './support';

// Adds no people: the province's demo trainer sets the assignments, the 秦皇岛市 demo manager follows them.

const scenario = listScenarios({ skill: 'inspection' })[0]!;

async function asUser(
  browser: Browser,
  username: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await logIn(page, username);
  return page;
}

/** The province trainer sets an assignment through the 布置任务 form's POST; its follow-up path. */
async function assign(trainer: Page, title: string, unitCodes: string[]) {
  const form = new URLSearchParams({
    formToken: await assignmentFormToken(trainer),
    title,
    scenarioIds: scenario.id,
    mode: 'assessment',
    passMark: '80',
    opensAt: '2026-01-05T09:00',
    dueAt: '2099-01-12T18:00',
    attemptsAllowed: '2',
  });
  for (const code of unitCodes) form.append('unitCodes', code);
  const response = await trainer.request.post('/assignments/new', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: form.toString(),
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  return response.headers()['location']!.replace(/\?.*$/, '');
}

test('the manager opens a province trainer’s assignment covering 昌黎县 and sees only their subtree: list, follow-up, XLSX and print (no JavaScript); no trainer actions', async ({
  browser,
}) => {
  // Three logins (argon2 each), an XLSX read back and a page without JavaScript.
  test.setTimeout(120_000);
  const tag = `${runTag()}-${Date.now()}`;
  const trainer = await asUser(browser, 'trainer');
  const title = `省厅昌黎唐山任务-${tag}`;
  const url = await assign(trainer, title, ['130322', '130202']);
  const elsewhere = await assign(trainer, `省厅路南任务-${tag}`, ['130202']);
  await trainer.goto(url);
  const coveredByTrainer = Number((await trainer.getByTestId('total-covered').textContent())!.trim());
  expect(coveredByTrainer).toBeGreaterThan(46);

  // The list: reached through the manager's navigation; the one set only for 路南区 is not there.
  const manager = await asUser(browser, 'qhd.manager');
  await manager.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '练兵任务' }).click();
  await expect(manager.getByRole('heading', { name: '练兵任务', level: 1 })).toBeVisible();
  await expect(manager.getByRole('link', { name: '布置练兵任务' })).toHaveCount(0);
  await expect(manager.getByRole('link', { name: title, exact: true })).toBeVisible();
  await expect(manager.getByRole('link', { name: `省厅路南任务-${tag}` })).toHaveCount(0);

  // The follow-up: only 昌黎县 and its 46 officers; read-only.
  await manager.getByRole('link', { name: title, exact: true }).click();
  await expect(manager).toHaveURL(new RegExp(`${url}$`));
  await expect(manager.getByTestId('read-only-scope')).toContainText('只显示秦皇岛市及下属单位的完成情况');
  await expect(manager.getByTestId('total-covered')).toHaveText('46');
  const unitRows = manager.getByTestId('unit-progress').locator('tbody tr');
  await expect(unitRows).toHaveCount(1);
  await expect(unitRows.first()).toHaveAttribute('data-unit', '130322');
  const officerRows = manager.getByTestId('officer-progress').locator('tbody tr');
  await expect(officerRows).toHaveCount(46);
  expect(new Set(await officerRows.locator('td:nth-child(3)').allTextContents())).toEqual(new Set(['昌黎县']));
  await expect(manager.getByText('路南区')).toHaveCount(0);
  await expect(manager.getByRole('heading', { name: '任务管理' })).toHaveCount(0);
  await expect(manager.getByRole('button', { name: /发送提醒|延期|关闭任务/ })).toHaveCount(0);

  // The trainer's actions are refused to the manager (403) and change nothing.
  const actions: Record<string, string>[] = [{ intent: 'close' }, { intent: 'remind', message: '' }];
  for (const form of actions) {
    const refused = await manager.request.post(url, { form, maxRedirects: 0 });
    expect(refused.status()).toBe(403);
  }
  await trainer.reload();
  await expect(trainer.getByTestId('assignment-phase')).not.toHaveText('已关闭');
  await expect(trainer.getByTestId('assignment-history').getByText(/发送提醒|关闭任务/)).toHaveCount(0);
  // Not reaching the manager's subtree: 404, as if it did not exist.
  expect((await manager.request.get(elsewhere)).status()).toBe(404);
  expect((await manager.request.get(`${elsewhere}/export.xlsx`)).status()).toBe(404);
  expect((await manager.request.get(`${elsewhere}/print`)).status()).toBe(404);

  // The XLSX: the same 46 officers, read back.
  const download = manager.waitForEvent('download');
  await manager.getByRole('link', { name: '导出 Excel' }).click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('按执法人员')!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
    '单位',
    '姓名',
    '用户名',
    '状态',
    '最高得分',
    '练兵次数',
    '最近练兵',
    '截止时间',
  ]);
  expect(sheet.rowCount).toBe(47);
  const rows = Array.from({ length: 46 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1));
  expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['昌黎县']));
  expect(rows.map((r) => r[2])).toContain('changli.officer');
  expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['未开始']));
  expect(workbook.getWorksheet('按单位')!.rowCount).toBe(2);

  // The print version, without JavaScript.
  const noJs = await asUser(browser, 'qhd.manager', { javaScriptEnabled: false });
  await noJs.goto(url);
  await noJs.getByRole('link', { name: '打印版' }).click();
  await expect(noJs).toHaveURL(new RegExp(`${url}/print$`));
  await expect(noJs.getByRole('heading', { level: 1 })).toHaveText(`${title} 完成情况`);
  await expect(noJs.getByTestId('print-units').locator('tbody tr')).toHaveCount(1);
  await expect(noJs.getByTestId('print-officers').locator('tbody tr')).toHaveCount(46);
  await expect(noJs.getByTestId('print-totals')).toContainText('应参加 46 人');
  await expect(noJs.getByText('路南区')).toHaveCount(0);
});
