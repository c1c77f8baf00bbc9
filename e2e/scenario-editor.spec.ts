// The trainer's scenario editor (issue 16): a copy of a built-in edited, saved and previewed, with and
// without JavaScript; a bad weight is refused beside its field and nothing is saved.
import { expect, test, type Page } from '@playwright/test';
import { logIn } from './support';

/** A new draft copied from a built-in through 复制为新场景 (`POST /catalogue/new`); its editor's URL. */
async function copyOf(page: Page, builtIn: string): Promise<string> {
  const response = await page.request.post('/catalogue/new', { form: { from: builtIn }, maxRedirects: 0 });
  expect(response.status(), await response.text()).toBe(302);
  const location = new URL(response.headers()['location']!, 'http://x').pathname;
  expect(location).toMatch(/^\/catalogue\/custom-[0-9a-f]+\/edit$/);
  return location;
}

const major = (page: Page, i: number) => page.getByTestId(`majors-${i}`);

/** Leaves one major hazard candidate (so the demo draws it) by the form's own 删除此项 buttons. */
async function keepOneMajor(page: Page) {
  for (let i = 3; i >= 1; i--) {
    await major(page, i).getByRole('button', { name: '删除此项' }).click();
    await expect(major(page, i)).toHaveCount(0);
    // Without JavaScript each row button loads a new page: the next click waits until all of it is there.
    await page.waitForLoadState();
  }
  await expect(major(page, 0)).toBeVisible();
}

async function editEnterpriseAndHazard(page: Page, tag: string) {
  await page.getByLabel('企业名称模板').fill(`昌黎{字号}${tag}铝业有限公司`);
  await page.getByLabel('国民经济行业（GB/T 4754）').selectOption('C3252');
  await major(page, 0).getByLabel('现场情况（存在隐患时）').fill(`炉下渣坑积水约20厘米（${tag}）`);
  await major(page, 0).getByLabel('判定标准条目').selectOption('M2');
}

async function expectPreviewShows(page: Page, tag: string) {
  const card = page.getByTestId('demo-card');
  await expect(card).toContainText(new RegExp(`昌黎.+${tag}铝业有限公司`));
  await expect(card).toContainText(`炉下渣坑积水约20厘米（${tag}）`);
}

test.describe('with JavaScript', () => {
  test('the trainer edits a copied inspection scenario beside its live preview, saves it, and a bad weight is refused', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await logIn(page, 'trainer');
    const edit = await copyOf(page, 'inspect-metallurgy');
    await page.goto(edit);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('编辑场景');
    await expect(page.getByTestId('live-preview').getByTestId('demo-card')).toBeVisible();

    await keepOneMajor(page);
    await editEnterpriseAndHazard(page, '实时');
    await expect(page.getByTestId('sector')).toContainText('有色');
    // The live preview follows the form as typed (nothing saved yet).
    await expect(page.getByTestId('live-preview').getByTestId('demo-card')).toContainText(
      '炉下渣坑积水约20厘米（实时）',
    );

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByTestId('saved-notice')).toBeVisible();
    await page.getByRole('link', { name: /打开预览页/ }).click();
    await expect(page).toHaveURL(/\/preview$/);
    await expectPreviewShows(page, '实时');

    // A bad weight: the sum shows it, the save is refused beside the rubric, and nothing changes.
    await page.goto(edit);
    const weight = page.getByLabel('权重', { exact: true }).first();
    const before = await weight.inputValue();
    await weight.fill(String(Number(before) + 1));
    await expect(page.getByTestId('rubric-sum')).toContainText('101');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.locator('#f-rubric-error')).toContainText('评分项权重合计为101，应为100');
    await expect(page.getByTestId('editor-errors')).toContainText('评分项');
    await page.goto(edit);
    await expect(page.getByLabel('权重', { exact: true }).first()).toHaveValue(before);
    await expect(page.getByLabel('企业名称模板')).toHaveValue('昌黎{字号}实时铝业有限公司');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same edit works with plain forms: rows removed by buttons, 预览 saves and opens the preview, a bad save is a 400', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await logIn(page, 'trainer');
    const edit = await copyOf(page, 'inspect-metallurgy');
    await page.goto(edit);
    await keepOneMajor(page);
    await editEnterpriseAndHazard(page, '无脚本');
    await page.getByRole('button', { name: '预览（先保存）' }).click();
    await expect(page).toHaveURL(/\/preview$/);
    await expectPreviewShows(page, '无脚本');

    await page.goto(edit);
    await expect(page.getByTestId('sector')).toContainText('有色');
    const weight = page.getByLabel('权重', { exact: true }).first();
    const before = await weight.inputValue();
    await weight.fill(String(Number(before) - 1));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/edit')),
      page.getByRole('button', { name: '保存', exact: true }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expect(page.locator('#f-rubric-error')).toContainText('评分项权重合计为99，应为100');
    await expect(page.locator('#f-rubric')).toHaveAttribute('aria-invalid', 'true');
    await page.goto(edit);
    await expect(page.getByLabel('权重', { exact: true }).first()).toHaveValue(before);
  });
});

test.describe('choices and refusals', () => {
  test.use({ javaScriptEnabled: false });

  test('a case offers violations with their article, onboarding says what is kept, unknown is 404, a manager 403', async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    await logIn(page, 'trainer');
    const caseEdit = await copyOf(page, 'case-alarm-disabled');
    await page.goto(caseEdit);
    await expect(page.getByTestId('violation-article')).toContainText('《安全生产法》');
    await expect(page.getByLabel('处罚档次').locator('option')).not.toHaveCount(0);
    await expect(page.getByTestId('kept-as-copied')).toHaveCount(0);

    const onboardingEdit = await copyOf(page, 'onboard-dust-enterprise');
    await page.goto(onboardingEdit);
    await expect(page.getByTestId('kept-as-copied')).toContainText('按复制时的内容保留');

    expect((await page.goto('/catalogue/custom-00000000/edit'))?.status()).toBe(404);
    expect((await page.goto('/catalogue/custom-00000000/preview'))?.status()).toBe(404);

    const context = await browser.newContext({ javaScriptEnabled: false });
    const manager = await context.newPage();
    await logIn(manager, 'qhd.manager');
    expect((await manager.goto(caseEdit))?.status()).toBe(403);
    await context.close();
  });
});

test('a form sent before its page finished loading (fields missing at the end) changes nothing and says so', async ({
  page,
}) => {
  await logIn(page, 'trainer');
  const edit = await copyOf(page, 'inspect-metallurgy');
  await page.goto(edit);
  const rubricRows = await page.locator('input[name$="].weight"][name^="rubric["]').count();
  // What the browser sends when the user clicks a row button while the rest of the form is still loading.
  const response = await page.request.post(edit, {
    form: { intent: 'removeMajor-1', title: '只收到了前半张表单', 'majors[0].area': '炼钢车间' },
    headers: { Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain('表单没有完整提交');
  await page.goto(edit);
  await expect(page.getByRole('textbox', { name: '标题 *', exact: true })).toHaveValue('冶金企业执法检查（副本）');
  await expect(page.locator('input[name$="].weight"][name^="rubric["]')).toHaveCount(rubricRows);
  await expect(major(page, 1)).toBeVisible();
});
