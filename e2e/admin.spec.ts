import { expect, test } from '@playwright/test';
import { logIn, runTag } from './support';

test('admin creates an account (after fixing Chinese field errors), and the new user can log in', async ({
  page,
  browser,
}) => {
  // Unique per try, so a retry on CI does not trip over the account the first try created.
  const username = `zhao.min.${runTag()}`;
  await logIn(page, 'admin');
  await page.getByRole('link', { name: '新建用户' }).first().click();
  await expect(page.getByRole('heading', { name: '新建用户' })).toBeVisible();

  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByText('请输入用户名')).toBeVisible();
  await expect(page.getByText('请输入姓名')).toBeVisible();
  await expect(page.getByText('请输入密码')).toBeVisible();
  await expect(page.getByText('请选择所属单位')).toBeVisible();

  await page.getByLabel('用户名').fill('trainer');
  await page.getByLabel('姓名').fill('赵敏');
  await page.getByLabel('初始密码').fill('password-123');
  await page.getByLabel('所属单位').selectOption({ label: '\u3000\u3000路北区' });
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByText('该用户名已被使用')).toBeVisible();
  await expect(page.getByLabel('姓名')).toHaveValue('赵敏');

  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('初始密码').fill('password-123');
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByText('用户已创建。')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('赵敏');

  const other = await browser.newContext();
  const newUser = await other.newPage();
  await logIn(newUser, username, 'password-123');
  await expect(newUser.getByTestId('current-user')).toContainText('路北区 · 执法人员');

  // Disabling signs them out at once and blocks the next login.
  await page.getByRole('button', { name: '停用账号' }).click();
  await expect(page.getByText('账号已停用')).toBeVisible();
  await expect(page.getByTestId('user-status')).toHaveText('已停用');
  await newUser.reload();
  await expect(newUser).toHaveURL(/\/login/);
  await newUser.getByLabel('用户名').fill(username);
  await newUser.getByLabel('密码').fill('password-123');
  await newUser.getByRole('button', { name: '登录' }).click();
  await expect(newUser.getByRole('alert')).toHaveText('用户名或密码错误');

  // Re-enable, re-assign to 昌黎县 as a trainer, reset the password.
  await page.getByRole('button', { name: '启用账号' }).click();
  await expect(page.getByText('账号已启用')).toBeVisible();
  await page.getByLabel('角色').selectOption('trainer');
  await page.getByLabel('所属单位').selectOption({ label: '\u3000\u3000路南区' });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByLabel('新密码').fill('short');
  await page.getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByText('密码至少 8 个字符')).toBeVisible();
  await page.getByLabel('新密码').fill('another-pass-456');
  await page.getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByText('密码已重置')).toBeVisible();

  await logIn(newUser, username, 'another-pass-456');
  await expect(newUser.getByTestId('current-user')).toContainText('路南区 · 培训员');
  await other.close();
});

test('admin finds users by name and unit', async ({ page }) => {
  await logIn(page, 'admin');
  await page.getByLabel('姓名或用户名').fill('changli');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByTestId('user-table').locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('姓名或用户名').fill('');
  await page.getByLabel('单位').selectOption({ label: '\u3000\u3000北戴河区' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('用户（8）');
});
