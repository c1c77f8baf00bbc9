import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { listScenarios } from '../scenarios/index';
import { chinaYear } from '../app/validation/statistics';
import { drillSeed, fillStep, modelAnswerFor } from './drill-support';
import { logIn } from './support';

const published = readFileSync('db/demo/published/qinhuangdao-online-enforcement-2023.tsv', 'utf8');

/** The published table with cells replaced (`{ 海港区: { 3: '12' } }`: 海港区's 检查次数) and rows added. */
function table(changes: Record<string, Record<number, string>> = {}, extra: string[] = []) {
  const [header, ...lines] = published.trim().split('\n');
  const rows = lines.map((line) => {
    const cells = line.split('\t');
    for (const [i, v] of Object.entries(changes[cells[0]!] ?? {})) cells[Number(i)] = v;
    return cells.join('\t');
  });
  return Buffer.from([header, ...rows, ...extra].join('\n') + '\n');
}

test('a 19-character credit code stays as typed and is refused with the field’s Chinese error', async ({ page }) => {
  await logIn(page, 'changli.officer');
  const scenario = listScenarios({ skill: 'onboarding' })[0]!;
  await page.goto('/officer');
  await page.locator(`[data-scenario="${scenario.id}"]`).getByRole('button', { name: '练习' }).click();
  await expect(page).toHaveURL(/\/drills\/\d+$/);
  const seed = await drillSeed(page);
  const basic = modelAnswerFor(scenario.id, seed).find((s) => s.stepId === 'basic')!;
  const form = await fillStep(page, scenario.id, seed, basic);
  const uscc = form.locator('#step-field-uscc');
  const tooLong = `${basic.values.uscc as string}1`;
  await uscc.fill('');
  await uscc.pressSequentially(tooLong);
  await expect(uscc).toHaveValue(tooLong);
  await form.getByRole('button', { name: '提交' }).click();
  await expect(page.locator('#step-field-uscc-error')).toContainText('统一社会信用代码不能超过18个字符');
  await expect(page.locator('#step-field-uscc')).toHaveValue(tooLong);
  await expect(page.getByTestId('drill')).toHaveAttribute('data-version', '0');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('re-importing a year lists old → new per unit; cancel keeps the figures, confirm replaces them', async ({
    page,
  }) => {
    // 2022: older than the demo's 2023, so the report other tests read by default is untouched.
    const year = '2022';
    const coverage = async () => {
      await page.goto(`/reports?year=${year}`);
      return page.getByTestId('coverage-insufficient');
    };
    const upload = async (name: string, buffer: Buffer, periodYear = year) => {
      await page.goto('/reports/import');
      await page.getByLabel('统计年度').fill(periodYear);
      await page.getByLabel('统计文件').setInputFiles({ name, mimeType: 'text/tab-separated-values', buffer });
      await page.getByRole('button', { name: '读取文件' }).click();
    };
    await logIn(page, 'qhd.manager');

    // Refusals name the field, the row and the column; nothing is stored.
    await upload('future.tsv', table(), String(chinaYear() + 1));
    await expect(page.getByText(`统计年度不能晚于今年（${chinaYear()} 年）`)).toBeVisible();
    await upload('bad.tsv', table({ 昌黎县: { 9: '47' } }));
    await expect(page.getByText('第 8 行：“参与执法人员数 全年”（47）不能大于“执法人员数”（46）')).toBeVisible();

    await upload('first.tsv', table());
    await expect(page.getByTestId('import-summary')).toContainText('共 9 行，已按单位名称对应 9 行');
    await page.getByRole('button', { name: '确认导入' }).click();
    // A retried run finds 2022 already imported: confirm the (unchanged) figures.
    if (await page.getByRole('button', { name: '确认替换' }).isVisible())
      await page.getByRole('button', { name: '确认替换' }).click();
    await expect(page).toHaveURL(/\/reports\?imported=9/);
    await expect(await coverage()).toHaveText('7（共 9）');

    // The new file: 海港区 now has 12 inspections, and a 合计 row that is no unit.
    const changed = table({ 海港区: { 3: '12' } }, ['合计\t372\t66\t69\t100\t0\t1\t41.00\t235\t33']);
    for (const choice of ['cancel', 'confirm'] as const) {
      await upload('second.tsv', changed);
      const select = page.getByLabel('“合计”对应的单位');
      // Only county-level units are offered: no city or province aggregate.
      await expect(select.locator('option', { hasText: '秦皇岛市本级' })).toHaveCount(1);
      await expect(select.locator('option').filter({ hasText: /^秦皇岛市$|^河北省$/ })).toHaveCount(0);
      await page.getByRole('button', { name: '确认导入' }).click();
      await expect(page.getByText('“合计”还没有对应单位：请选择县级执法单位，或选择“不导入此行”')).toBeVisible();
      await page.getByLabel('“合计”对应的单位').selectOption({ label: '不导入此行（合计、汇总或非本辖区的行）' });
      await page.getByRole('button', { name: '确认导入' }).click();

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`确认替换 ${year} 年的系统数据`);
      await expect(page.getByTestId('replace-summary')).toContainText('1 个单位有变化');
      const change = page.getByTestId('replace-changes').locator('tbody tr');
      await expect(change).toHaveCount(1);
      await expect(change.locator('th')).toHaveText('海港区');
      await expect(change.locator('td')).toHaveText(['检查次数 全年', '0', '12']);
      await expect(page.getByText('不导入的行：合计')).toBeVisible();
      if (choice === 'cancel') {
        await page.getByRole('button', { name: '取消，保留原数据' }).click();
        await expect(await coverage()).toHaveText('7（共 9）');
      } else {
        await page.getByRole('button', { name: '确认替换' }).click();
        await expect(page).toHaveURL(/\/reports\?imported=9/);
        await expect(await coverage()).toHaveText('6（共 9）');
      }
    }
  });
});
