// The Chromium-based browsers of government offices (360安全浏览器, 奇安信可信浏览器) in their
// Chromium ("极速") mode: the pages ask for it (renderer=webkit) and work under their user agents.
import { expect, test } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { modelAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

const BROWSERS = [
  {
    name: '360安全浏览器',
    token: 'QIHU 360SE',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.5359.125 Safari/537.36 QIHU 360SE',
  },
  {
    name: '奇安信可信浏览器',
    token: 'QianXin',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.5414.120 Safari/537.36 QianXin/1.2.44148.0',
  },
];

for (const browserUnderTest of BROWSERS) {
  test.describe(browserUnderTest.name, () => {
    test.use({ userAgent: browserUnderTest.userAgent });

    test('login, the officer’s home, a drill step submitted, the report', async ({ page, browser }) => {
      test.setTimeout(120_000);
      await page.goto('/login');
      expect(await page.evaluate(() => navigator.userAgent)).toContain(browserUnderTest.token);
      // Dual-core browsers open the page in their Chromium engine, never in IE mode.
      await expect(page.locator('meta[name="renderer"]')).toHaveAttribute('content', 'webkit');
      await expect(page.locator('meta[http-equiv="X-UA-Compatible"]')).toHaveAttribute('content', 'IE=edge');

      await logIn(page, 'changli.officer');
      await expect(page).toHaveURL(/\/officer$/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const scenario = listScenarios({ skill: 'onboarding' })[0]!;
      const seed = await startDrill(page, scenario.id, 'practice');
      const [first] = modelAnswerFor(scenario.id, seed);
      await submitStep(page, scenario.id, seed, first!);
      await expect(page.getByTestId('drill')).toHaveAttribute('data-version', '1');

      const context = await browser.newContext({ userAgent: browserUnderTest.userAgent });
      const manager = await context.newPage();
      await logIn(manager, 'qhd.manager');
      await manager.goto('/reports');
      await expect(manager.getByTestId('readiness-table').locator('tbody tr')).toHaveCount(9);
      await expect(manager.getByTestId('readiness-table').locator('thead [data-col="level"]')).toBeVisible();
      await context.close();
    });
  });
}
