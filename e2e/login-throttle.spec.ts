import { expect, test, type Page } from '@playwright/test';
import { enableLogin, logIn, runIndex, runTag } from './support';

const PASSWORD = 'throttle-pass-1';
const LOCKED = '登录失败次数过多，已暂时锁定，请 15 分钟后再试；如需立即登录，请联系系统管理员解除锁定。';

/** Submits wrong passwords, waiting as long as the page asks, until the account is locked; returns every message seen. */
async function lockOut(page: Page, username: string) {
  const seen: string[] = [];
  for (let i = 0; i < 10; i++) {
    await page.goto('/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    const text = await alert.innerText();
    seen.push(text.replace(/\s+/g, ' '));
    if (text.includes('已暂时锁定')) return seen;
    // The server names the wait; honouring it keeps this independent of the machine's speed.
    const wait = /请 (\d+) 秒后再试/.exec(text);
    if (wait) await page.waitForTimeout(Number(wait[1]) * 1000 + 100);
  }
  throw new Error(`no lock after 10 tries: ${seen.join(' | ')}`);
}

test('repeated wrong passwords lock an account, an unknown name alike; the admin unlocks it', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  // A dedicated officer (outside 秦皇岛市), never a shared demo account; unique per try.
  const username = `zf130203${String(5 + runIndex()).padStart(3, '0')}`;
  await enableLogin(browser, username, PASSWORD);

  const known = await lockOut(page, username);
  expect(known.at(-1)).toContain(LOCKED);
  expect(known[0]).toBe('用户名或密码错误');
  // An unknown username goes through the same steps and ends with the same message.
  expect(await lockOut(page, `nobody.${runTag()}.${Date.now()}`)).toEqual(known);

  // Locked: even the right password is refused, with the same message.
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText(LOCKED);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await logIn(admin, 'admin');
  await admin.goto(`/admin?q=${username}`);
  await admin.locator('tbody tr').filter({ hasText: username }).getByRole('link').first().click();
  await expect(admin.getByTestId('login-lock')).toContainText('登录已锁定');
  await admin.getByRole('button', { name: '解除登录锁定' }).click();
  await expect(admin.getByText('已解除登录锁定，登录失败记录已清除')).toBeVisible();
  await expect(admin.getByTestId('login-lock')).toHaveCount(0);
  await adminContext.close();

  await logIn(page, username, PASSWORD);
  await expect(page.getByTestId('current-user')).toContainText('路北区 · 执法人员');
});
