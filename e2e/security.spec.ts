// Issue 12 points 1, 6 and 7 through the real server: the login redirect, security headers on every
// kind of response, methods and cross-site posts answered in Chinese, and pages that still hydrate
// and submit under the Content-Security-Policy.
import { expect, test, type Page } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { openE2eDatabase } from './database';
import { modelAnswerFor, startDrill, submitStep } from './drill-support';
import { DEMO_PASSWORD, enableLogin, logIn, runIndex } from './support';

const PHISH = 'http://evil.example/phish';
// The report: the browser strips the tab and reads `//evil.example/phish`.
const HOSTILE_LOGIN = '/login?redirectTo=%2F%09%2Fevil.example%2Fphish';

/** Any request to the attacker's site is answered here, so a wrong redirect shows as a URL, not a DNS error. */
async function fakeEvilSite(page: Page, body = '<p>phished</p>') {
  await page.route('http://evil.example/**', (route) => route.fulfill({ contentType: 'text/html', body }));
}

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

test.describe('the login redirect', () => {
  test('a tab-smuggled //host target lands on the role home after a real login', async ({ page }) => {
    await fakeEvilSite(page);
    await page.goto(HOSTILE_LOGIN);
    await page.getByLabel('用户名').fill('trainer');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('current-user')).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    await expect(page).toHaveURL('/trainer');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the same, when the browser follows the redirect itself', async ({ page }) => {
      await fakeEvilSite(page);
      await page.goto(HOSTILE_LOGIN);
      await page.getByLabel('用户名').fill('trainer');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page).toHaveURL('/trainer');
      expect(page.url()).not.toContain('evil.example');
    });
  });

  test('a hand-made POST with CR/LF in redirectTo gets 400 and leaves no session row', async ({ request, browser }) => {
    // An officer on record no other test signs in with, so the count is this test's alone.
    const username = `zf130303${String(5 + runIndex()).padStart(3, '0')}`;
    const password = 'Crlf-test-2026';
    await enableLogin(browser, username, password);
    const db = openE2eDatabase();
    const sessions = async () =>
      Number(
        (
          await db
            .selectFrom('sessions')
            .innerJoin('users', 'users.id', 'sessions.user_id')
            .where('users.username', '=', username)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    try {
      const before = await sessions();
      const response = await request.post('/login', {
        form: { username, password, redirectTo: '/officer\r\nSet-Cookie: __drill_session=attacker' },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(400);
      expect(response.headers()['set-cookie']).toBeUndefined();
      expect(await response.text()).toContain('登录后要打开的地址无效');
      expect(await sessions()).toBe(before);

      // The same account with a plain target does sign in: the 400 was about the target only.
      const ok = await request.post('/login', {
        form: { username, password, redirectTo: '/officer' },
        maxRedirects: 0,
      });
      expect(ok.status()).toBe(302);
      expect(ok.headers()['location']).toBe('/officer');
      expect(await sessions()).toBe(before + 1);
    } finally {
      await db.destroy();
    }
  });
});

test.describe('headers on every response', () => {
  test('a page carries a nonce-based policy; a 404, an export and a /build file carry theirs', async ({ page }) => {
    await logIn(page, 'qhd.manager');
    const response = await page.goto('/reports');
    const headers = response!.headers();
    expectSecurityHeaders(headers);
    const policy = headers['content-security-policy']!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("object-src 'none'");
    // Each response has its own nonce.
    const again = (await page.goto('/reports'))!.headers()['content-security-policy'];
    expect(again).not.toBe(policy);

    const missing = await page.goto('/no-such-page');
    expect(missing!.status()).toBe(404);
    expectSecurityHeaders(missing!.headers());
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');

    const csv = await page.request.get('/reports/export.csv?period=year');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expectSecurityHeaders(csv.headers());
    expect(csv.headers()['content-security-policy']).toContain("default-src 'none'");

    const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
    expect(stylesheet).toMatch(/^\/build\//);
    const asset = await page.request.get(stylesheet!);
    expect(asset.status()).toBe(200);
    expectSecurityHeaders(asset.headers());
  });

  test('TRACE gets 405 with the methods allowed, not a 500', async ({ request }) => {
    const response = await request.fetch('/login', { method: 'TRACE' });
    expect(response.status()).toBe(405);
    expect(response.headers()['allow']).toBe('GET, HEAD, POST');
    expectSecurityHeaders(response.headers());
    expect(await response.text()).toContain('不支持的操作');
  });
});

test('a form posted from another site gets 403 with the Chinese error page', async ({ page }) => {
  const target = new URL('/login', test.info().project.use.baseURL!).href;
  await fakeEvilSite(
    page,
    `<form method="post" action="${target}"><input name="username" value="admin"><input name="password" value="${DEMO_PASSWORD}"><button>go</button></form>`,
  );
  await page.goto('http://evil.example/');
  const [response] = await Promise.all([
    page.waitForResponse(target),
    page.getByRole('button', { name: 'go' }).click(),
  ]);
  expect(response.status()).toBe(403);
  expectSecurityHeaders(response.headers());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('无权访问');
  await expect(page.getByRole('alert')).toContainText('该请求来自其他网站，已被拒绝');
  await expect(page.getByRole('link', { name: '返回首页' })).toHaveAttribute('href', '/');
});

test('under the policy, pages hydrate, forms submit through JavaScript and the charts render, without a violation', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  const dataPosts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('.data'))
      dataPosts.push(new URL(request.url()).pathname);
  });

  // The policy is in force, and every script Remix and React wrote inline carries its nonce.
  const login = await page.goto('/login');
  expect(login!.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
  expect(await page.locator('script').count()).toBeGreaterThan(0);
  expect(await page.locator('script:not([nonce])').count()).toBe(0);

  await logIn(page, 'changli.officer');
  // The login form went through the hydrated app (single fetch), not a plain form post.
  expect(dataPosts).toContain('/login.data');
  const scenario = listScenarios({ skill: 'case' })[0]!;
  const seed = await startDrill(page, scenario.id, 'practice');
  const [first] = modelAnswerFor(scenario.id, seed);
  await submitStep(page, scenario.id, seed, first!);
  expect(dataPosts.some((p) => /^\/drills\/\d+\.data$/.test(p))).toBe(true);
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL('/login');

  await logIn(page, 'qhd.manager');
  await page.getByRole('link', { name: '练兵达标' }).click();
  const chart = page.getByTestId('trend-chart').locator('svg');
  await expect(chart).toBeVisible();
  // The chart's own <style> applies (its grid lines are drawn from a class rule).
  expect(await chart.locator('style').count()).toBeGreaterThan(0);
  await page.getByRole('link', { name: '打印版' }).click();
  await expect(page.getByTestId('print-table')).toBeVisible();
  await page.reload();
  expect(await page.locator('script:not([nonce])').count()).toBe(0);
  expect(violations).toEqual([]);
});
