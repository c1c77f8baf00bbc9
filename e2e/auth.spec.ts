import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn, runTag } from './support';

const accounts = [
  { username: 'admin', home: '/admin', kicker: '用户管理', unit: '河北省', role: '系统管理员' },
  { username: 'trainer', home: '/trainer', kicker: '辖区单位', unit: '河北省', role: '培训员' },
  { username: 'qhd.manager', home: '/manager', kicker: '单位概况', unit: '秦皇岛市', role: '管理员' },
  { username: 'changli.officer', home: '/officer', kicker: '我的练兵', unit: '昌黎县', role: '执法人员' },
];

for (const account of accounts) {
  test(`${account.username} logs in and lands on the ${account.role} home`, async ({ page }) => {
    await logIn(page, account.username);
    await expect(page).toHaveURL(account.home);
    await expect(page.getByTestId('role-home')).toHaveText(account.kicker);
    await expect(page.getByTestId('current-user')).toContainText(`${account.unit} · ${account.role}`);

    await page.getByRole('button', { name: '退出' }).click();
    await expect(page).toHaveURL('/login');
    await page.goto(account.home);
    await expect(page).toHaveURL(new RegExp(`/login\\?redirectTo=${encodeURIComponent(account.home)}`));
  });
}

test('a wrong password shows a Chinese error and sets no session', async ({ page, context, browser }) => {
  // A right login clears this address's failures on the account, so a repeated run of this test
  // meets the first failure again (free), not the throttle's wait.
  const clean = await browser.newContext();
  await logIn(await clean.newPage(), 'admin');
  await clean.close();
  await page.goto('/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
  await expect(page.getByLabel('用户名')).toHaveValue('admin');
  expect(await context.cookies()).toEqual([]);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login/);
});

test('an unknown user gets the same message as a wrong password', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(`nobody.here.${runTag()}`);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
});

test('empty fields are named in Chinese', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('请输入用户名')).toBeVisible();
  await expect(page.getByText('请输入密码')).toBeVisible();
});

test('after login the user returns to the page they asked for', async ({ page }) => {
  await page.goto('/units/130322');
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel('用户名').fill('qhd.manager');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL('/units/130322');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('昌黎县');
});

test('the session cookie is httpOnly and SameSite=Lax', async ({ page, context }) => {
  await logIn(page, 'trainer');
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: '__drill_session', httpOnly: true, sameSite: 'Lax', secure: false });
});

// This server runs without TRUST_PROXY (nothing in front of it): a client's own X-Forwarded-Proto
// must not decide the cookie's flags. Behind a trusted proxy it does (test/utils/http.test.ts).
test('without TRUST_PROXY a forged X-Forwarded-Proto does not make the cookie Secure', async ({ request }) => {
  const response = await request.post('/login', {
    form: { username: 'trainer', password: DEMO_PASSWORD },
    headers: { 'X-Forwarded-Proto': 'https' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const cookie = response.headers()['set-cookie'];
  expect(cookie).toMatch(/^__drill_session=.+; HttpOnly/);
  expect(cookie).not.toMatch(/;\s*Secure/i);
});
