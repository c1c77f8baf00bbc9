import { expect, test } from '@playwright/test';
import { logIn, runTag } from './support';

test.use({ javaScriptEnabled: false });

test('login, errors and admin forms work without JavaScript', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('请输入用户名')).toBeVisible();

  await logIn(page, 'admin');
  await expect(page).toHaveURL('/admin');
  await page.goto('/admin/users/new');
  await page.getByLabel('用户名').fill(`no.js.${runTag()}`);
  await page.getByLabel('姓名').fill('钱进');
  await page.getByLabel('初始密码').fill('x');
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByText('密码至少 8 个字符')).toBeVisible();
  await expect(page.getByText('请选择所属单位')).toBeVisible();
  await page.getByLabel('初始密码').fill('no-js-password');
  await page.getByLabel('所属单位').selectOption({ label: '\u3000\u3000长安区' });
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByText('用户已创建。')).toBeVisible();

  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL('/login');
});
