// The e2e run shares one database. Tests that add people do so outside 秦皇岛市, whose published
// officer counts other tests check.
import { expect, test, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Drill@2023';

/** Logs in through the real form and waits for the role's home page. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** Gives an officer on record a login through the admin UI's password reset (no officer is added). */
export async function enableLogin(browser: Browser, username: string, password: string) {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await logIn(admin, 'admin');
  await admin.goto(`/admin?q=${username}`);
  await admin.locator('tbody tr').filter({ hasText: username }).getByRole('link').first().click();
  await admin.getByLabel('新密码').fill(password);
  await admin.getByRole('button', { name: '重置密码' }).click();
  await expect(admin.getByText('密码已重置')).toBeVisible();
  await context.close();
}

/** The token of a freshly rendered "布置练兵任务" form (each token creates at most one assignment). */
export async function assignmentFormToken(page: Page): Promise<string> {
  const html = await (await page.request.get('/assignments/new')).text();
  const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1];
  expect(token, '布置任务表单应带有表单令牌').toBeTruthy();
  return token!;
}

/**
 * Unique per run of a test (its repeat and its retry), for data a test creates in the shared e2e
 * database: a second run (`--repeat-each`, a retry) must not trip over the first one's rows.
 */
export function runTag(): string {
  const info = test.info();
  return `${info.repeatEachIndex}-${info.retry}`;
}

/** The same as a small number (0, 1, 2 …), for picking a distinct officer on record per run. */
export function runIndex(): number {
  const info = test.info();
  return info.repeatEachIndex * 2 + info.retry;
}
