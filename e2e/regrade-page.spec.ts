// The regrade page alone (issue 16, point 4). Publishing a trainer's scenario and regrading it end to
// end is the integrator's journey (e2e/regrade.spec.ts); here what needs no trainer's scenario.
import { expect, test } from '@playwright/test';
import { logIn } from './support';

test('a built-in scenario is answered with why it is not regraded here, not an error', async ({ page }) => {
  await logIn(page, 'trainer');
  const response = await page.goto('/catalogue/onboard-dust-enterprise/regrade');
  expect(response?.status()).toBe(409);
  await expect(page.getByRole('heading', { name: '重新评分' })).toBeVisible();
  await expect(page.getByTestId('regrade-built-in')).toContainText('内置场景的评分规则随平台版本发布更新');
});

test('an unknown scenario is 404; those who are not trainers get 403', async ({ page }) => {
  await logIn(page, 'trainer');
  const unknown = await page.goto('/catalogue/custom-00000000/regrade?toVersion=2&unit=130000');
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  const post = await page.request.post('/catalogue/custom-00000000/regrade', {
    form: {
      toVersion: '2',
      unit: '130000',
      from: '2026-01-01',
      to: '2026-01-31',
      fingerprint: 'a'.repeat(64),
      confirm: 'on',
    },
    headers: { Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(404);

  await page.context().clearCookies();
  await logIn(page, 'qhd.manager');
  const manager = await page.goto('/catalogue/onboard-dust-enterprise/regrade');
  expect(manager?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
});
