import { expect, test, type Page } from '@playwright/test';
import { logIn } from './support';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the login page and a role home fit a 390 px phone', async ({ page }) => {
  await page.goto('/login');
  await expectNoHorizontalScroll(page);
  await logIn(page, 'qhd.manager');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.goto('/units/130322');
  await expectNoHorizontalScroll(page);
});
