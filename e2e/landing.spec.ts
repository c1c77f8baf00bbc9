// Landing pages that lead somewhere: the manager's home summarises this month's readiness with
// links into the report, and no breadcrumb leads to a page the viewer may not open.
import { expect, test, type Page } from '@playwright/test';
import { logIn } from './support';

/** Every link of the breadcrumb opens (200); the units above the viewer's own are plain text. */
async function expectBreadcrumb(page: Page, linked: string[], plain: string[]) {
  const crumb = page.getByRole('navigation', { name: '上级单位' });
  await expect(crumb.getByRole('link')).toHaveText(linked);
  for (const name of plain) {
    await expect(crumb.getByText(name, { exact: true })).toBeVisible();
  }
  for (const href of await crumb.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
    expect((await page.request.get(href, { maxRedirects: 0 })).status(), href).toBe(200);
  }
}

test('the manager’s home shows this month’s readiness and leads into the report', async ({ page }) => {
  await logIn(page, 'qhd.manager');
  await expect(page).toHaveURL(/\/manager$/);
  await expect(page.getByText('练兵达标情况将在练兵数据产生后显示')).toHaveCount(0);
  const summary = page.getByTestId('readiness-summary');
  await expect(summary.getByRole('heading', { name: /本月练兵达标情况/ })).toBeVisible();
  const officers = await summary.getByTestId('summary-officers').textContent();
  await expect(summary.getByTestId('summary-levels')).toContainText('未达标');
  // The units needing attention link to their drill-down; the figures agree with the report.
  const firstUnit = summary.getByTestId('summary-attention').getByRole('link').first();
  const unitName = await firstUnit.textContent();
  await firstUnit.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(unitName!);
  await page.goBack();
  await summary.getByRole('link', { name: '查看完整报表' }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByTestId('total-officers')).toHaveText(officers!);

  // Breadcrumbs: 河北省 is above the manager's 秦皇岛市, so it is text, not a link to a 403.
  await page.goto('/manager');
  await expectBreadcrumb(page, [], ['河北省']);
  await page.goto('/units/130322');
  await expectBreadcrumb(page, ['秦皇岛市'], ['河北省']);
  expect((await page.request.get('/units/130000', { maxRedirects: 0 })).status()).toBe(403);
});

test('the province’s admin may follow every breadcrumb', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/units/130322');
  await expectBreadcrumb(page, ['河北省', '秦皇岛市'], []);
});
