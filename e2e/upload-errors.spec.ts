import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { logIn } from './support';

// Without JavaScript the upload is a document POST, so its status is the page's status.
test.use({ javaScriptEnabled: false });

const published = readFileSync('db/demo/published/qinhuangdao-online-enforcement-2023.tsv', 'utf8');
const [header, ...lines] = published.trim().split('\n');

async function upload(page: Page, name: string, buffer: Buffer, year = '2021') {
  await page.goto('/reports/import');
  await page.getByLabel('统计年度').fill(year);
  await page.getByLabel('统计文件').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/reports/import')),
    page.getByRole('button', { name: '读取文件' }).click(),
  ]);
  return response.status();
}

test('upload refusals say what went wrong; an odd file name is no error', async ({ page }) => {
  await logIn(page, 'qhd.manager');

  // 300 bytes: the header and two units, under a name with ; = and quotes (once "文件过大").
  let small = Buffer.from([header, lines[0], lines[1]].join('\n') + '\n');
  small = Buffer.concat([small, Buffer.from('\n'.repeat(300 - small.length))]);
  expect(small.length).toBe(300);
  expect(await upload(page, '秦皇岛;统计=2021 "终稿".tsv', small)).toBe(302);
  await expect(page.getByRole('heading', { name: '核对导入：秦皇岛;统计=2021 "终稿".tsv（2021 年）' })).toBeVisible();
  await expect(page.getByTestId('import-summary')).toContainText('共 2 行，已按单位名称对应 2 行');
  await page.getByRole('button', { name: '放弃' }).click();
  await expect(page).toHaveURL(/\/reports$/);

  expect(await upload(page, '统计.tsv', Buffer.alloc(5 * 1024 * 1024 + 1, 0x31))).toBe(413);
  await expect(page.getByText('上传内容过大：统计文件不能超过 5 MB')).toBeVisible();
  await expect(page.getByText('文件过大（不能超过 5 MB）')).toHaveCount(0);

  expect(await upload(page, '统计.pdf', small)).toBe(400);
  await expect(page.getByText('文件类型不支持（“统计.pdf”）：请上传 .tsv、.csv、.txt、.xlsx 文件')).toBeVisible();

  const tooLong = Buffer.from(
    `${header}\n${Array.from({ length: 5001 }, (_, i) => `外地单位${i}\t10\t5\t12\t3\t0\t0\t0.50\t4\t2`).join('\n')}\n`,
  );
  expect(await upload(page, '全国.tsv', tooLong)).toBe(400);
  await expect(page.getByText('数据行过多：一次最多导入 5000 行')).toBeVisible();
});

test('a long import is reviewed page by page; choices survive paging', async ({ page }) => {
  await logIn(page, 'qhd.manager');
  const extra = Array.from({ length: 111 }, (_, i) => `外地单位${i + 1}\t10\t5\t12\t3\t0\t0\t0.50\t4\t2`);
  expect(await upload(page, '分页.tsv', Buffer.from([header, ...lines, ...extra].join('\n') + '\n'))).toBe(302);

  const rows = page.getByTestId('import-rows').locator('tbody tr');
  await expect(page.getByTestId('import-summary')).toContainText('共 120 行，已按单位名称对应 9 行');
  await expect(page.getByTestId('import-summary')).toContainText('尚未选择 111 行');
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId('import-pager')).toContainText('第 1 / 3 页');
  await expect(page.getByTestId('pages-to-decide')).toHaveText('尚未选择的行在第 1、2、3 页；翻页时本页的选择会保存。');

  // A choice on page 1, then page 3 and back: the choice was saved with the import.
  await page.getByLabel('“外地单位1”对应的单位').selectOption('skip');
  await page.getByRole('button', { name: '第 3 页' }).click();
  await expect(page).toHaveURL(/page=3$/);
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText('外地单位92');
  await page.getByRole('button', { name: '第 1 页' }).click();
  await expect(page.getByLabel('“外地单位1”对应的单位')).toHaveValue('skip');
  await expect(page.getByTestId('import-summary')).toContainText('尚未选择 110 行');

  await page.getByRole('button', { name: '其余未选择的行都不导入' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('尚未选择 0 行');
  await expect(page.getByTestId('pages-to-decide')).toHaveCount(0);
  // Left pending-free: the e2e database is shared, and 2021 is no year other tests read.
  await page.getByRole('button', { name: '放弃' }).click();
  await expect(page).toHaveURL(/\/reports$/);
});
