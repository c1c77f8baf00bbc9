import { expect, test } from '@playwright/test';
import { logIn } from './support';

test('the 秦皇岛市 manager sees Qinhuangdao’s nine units and their officer counts', async ({ page }) => {
  await logIn(page, 'qhd.manager');
  await expect(page.getByTestId('officer-count')).toHaveText('322');
  const rows = page.getByTestId('child-units').locator('tbody tr');
  await expect(rows).toHaveCount(9);
  await expect(rows.first()).toContainText('秦皇岛市本级');
  await page.getByRole('link', { name: '昌黎县' }).click();
  await expect(page.getByTestId('officer-count')).toHaveText('46');
  await expect(page.getByTestId('unit-officers').locator('tbody tr')).toHaveCount(46);
});

test('the 秦皇岛市 manager cannot read a unit of 唐山市: 403 over HTTP, with a Chinese page', async ({ page }) => {
  await logIn(page, 'qhd.manager');
  for (const code of ['130200', '130203', '130000']) {
    const response = await page.goto(`/units/${code}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
    await expect(page.getByText('不在您的管辖范围内')).toBeVisible();
  }
  // The same through a plain HTTP request with the manager's cookie (no browser rendering involved).
  const api = await page.request.get('/units/130203', { maxRedirects: 0 });
  expect(api.status()).toBe(403);
  const data = await page.request.get('/units/130203.data', { maxRedirects: 0 });
  expect(data.status()).toBe(403);
});

test('an officer cannot open the admin pages', async ({ page }) => {
  await logIn(page, 'changli.officer');
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
});

test('an unknown address shows the Chinese 404 page', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await logIn(page, 'qhd.manager');
  const unknownUnit = await page.goto('/units/999999');
  expect(unknownUnit?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
});
