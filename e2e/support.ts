// The e2e run shares one database. Tests that add people do so outside 秦皇岛市, whose published
// officer counts other tests check.
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Drill@2023';

/** Logs in through the real form and waits for the role's home page. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}
