// Trainers' own scenarios in the catalogue (issue 16): 复制为新场景 from a built-in, 发布 through the
// engine's gate (and a refusal with its reasons per rubric item), 导出/导入 as JSON, 停用 — with and
// without JavaScript. The editor (/catalogue/:id/edit) is another page's; these tests publish copies as
// they are, or drafts made by importing a file.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { BUILT_IN_SPECS } from '../scenarios/authoring/spec-examples';
import { logIn } from './support';

const BUILT_IN = 'summary-unit-on-spot';

/** The id of the draft a copy or an import just made, from the page it landed on. */
async function landedDraftId(page: Page, suffix: '/edit' | ''): Promise<string> {
  await expect(page).toHaveURL(new RegExp(`/catalogue/custom-[0-9a-f]{8}${suffix}$`));
  return /\/catalogue\/(custom-[0-9a-f]{8})/.exec(page.url())![1]!;
}

/** A scenario file as 导出 writes it, from a built-in's definition changed by `edit`. */
function scenarioFile(from: string, edit: (spec: { rubric: { item: string; weight: number }[] }) => void) {
  const spec = structuredClone(BUILT_IN_SPECS.find((s) => s.id === from)!) as unknown as {
    rubric: { item: string; weight: number }[];
  };
  edit(spec);
  return {
    name: `${from}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'zhifa-lianbing-scenario', formatVersion: 1, scenario: spec })),
  };
}

test('a trainer copies a built-in, publishes it, exports and imports it, and retires it', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, 'trainer');
  await page.goto('/catalogue');
  await page
    .locator(`[data-catalogue-scenario="${BUILT_IN}"]`)
    .getByRole('button', { name: /^复制为新场景/ })
    .click();
  // The copy opens in the editor; its page in the catalogue is where it is published.
  const id = await landedDraftId(page, '/edit');
  await page.goto(`/catalogue/${id}`);
  await expect(page.getByTestId('library-status')).toHaveText('草稿');
  await expect(page.getByRole('link', { name: '编辑' })).toHaveAttribute('href', `/catalogue/${id}/edit`);
  await expect(page.getByRole('link', { name: '预览', exact: true })).toHaveAttribute(
    'href',
    `/catalogue/${id}/preview`,
  );
  await page.getByRole('button', { name: '发布第 1 版' }).click();
  await expect(page.getByTestId('publish-done')).toContainText('已发布第 1 版');
  await expect(page.getByTestId('library-status')).toHaveText('已发布');
  await expect(page.getByTestId('library-versions').locator('tbody tr')).toHaveCount(1);

  await page.getByRole('link', { name: '场景目录' }).first().click();
  const row = page.locator(`[data-authored-scenario="${id}"]`);
  await expect(row.getByTestId('authored-status')).toHaveText('已发布');
  await expect(row).toContainText('第 1 版');
  await expect(row).toContainText('河北省');

  // 导出 then 导入: the same definition as a new draft.
  await page.goto(`/catalogue/${id}`);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 JSON' }).click();
  const file = await download;
  const body = readFileSync((await file.path())!);
  const exported = JSON.parse(body.toString('utf8'));
  expect(exported).toMatchObject({ format: 'zhifa-lianbing-scenario', scenario: { id, workflow: 'summary' } });
  // Named by the scenario's Chinese title.
  expect(file.suggestedFilename()).toBe(`${exported.scenario.title}.json`);
  await page.goto('/catalogue/import');
  await page
    .getByLabel('场景文件')
    .setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: body });
  await page.getByRole('button', { name: '导入' }).click();
  const imported = await landedDraftId(page, '');
  expect(imported).not.toBe(id);
  await expect(page.getByTestId('library-status')).toHaveText('草稿');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(exported.scenario.title);

  // 停用 asks first; then no new attempts, the scenario stays listed as 已停用.
  await page.goto(`/catalogue/${id}`);
  await page.getByRole('button', { name: '停用', exact: true }).click();
  await expect(page.getByTestId('retire-confirm')).toContainText('确定停用');
  await page.getByRole('button', { name: '确认停用' }).click();
  await expect(page.getByTestId('library-status')).toHaveText('已停用');
  await expect(page.getByRole('button', { name: /^发布/ })).toHaveCount(0);
  await page.goto('/catalogue');
  await expect(page.locator(`[data-authored-scenario="${id}"]`).getByTestId('authored-status')).toHaveText('已停用');
});

test('a draft the gate refuses shows the reasons per rubric item, also after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, 'trainer');
  await page.goto('/catalogue/import');
  // A hearing item in a case where no hearing is asked: no mistake can lose it alone.
  const draft = scenarioFile('case-alarm-disabled', (spec) => {
    spec.rubric.find((r) => r.item === 'personFines')!.weight -= 5;
    spec.rubric.push({ item: 'hearingProcedure', weight: 5 });
  });
  await page.getByLabel('场景文件').setInputFiles(draft);
  await page.getByRole('button', { name: '导入' }).click();
  const id = await landedDraftId(page, '');
  // With JavaScript the check shows its progress and the button cannot be pressed twice: the POST is held
  // here until that has been seen, then let through.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let posts = 0;
  // (Remix's single fetch posts to `/catalogue/<id>.data`.)
  await page.route(
    (url) => url.pathname === `/catalogue/${id}.data`,
    async (route) => {
      if (route.request().method() === 'POST') {
        posts++;
        await held;
      }
      await route.continue();
    },
  );
  await page.getByRole('button', { name: '发布第 1 版' }).click();
  await expect(page.getByTestId('publish-progress')).toContainText('正在用练兵引擎检查草稿');
  await expect(page.getByRole('button', { name: '正在检查…' })).toBeDisabled();
  release();
  await expect(page.getByTestId('publish-refused')).toBeVisible();
  expect(posts).toBe(1);
  const refused = page.getByTestId('publish-refused');
  await expect(refused).toContainText('未能发布');
  const item = refused.locator('[data-failure-item="HEARING_PROCEDURE"]');
  await expect(item).toContainText('评分项“听证程序”（HEARING_PROCEDURE）');
  await expect(item).toContainText('没有一条只丢该项分数的路径');
  await expect(page.getByTestId('library-status')).toHaveText('草稿');
  await page.reload();
  await expect(page.getByTestId('publish-refused').locator('[data-failure-item="HEARING_PROCEDURE"]')).toBeVisible();
  await page.goto('/catalogue');
  await expect(page.locator(`[data-authored-scenario="${id}"]`).getByTestId('authored-status')).toHaveText('草稿');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('new scenario from a workflow’s template, a refused import, publish and retire', async ({ page }) => {
    test.setTimeout(120_000);
    await logIn(page, 'trainer');
    await page.goto('/catalogue');
    await page.getByRole('link', { name: '新建场景' }).click();
    await page.getByRole('button', { name: '创建草稿并编辑' }).click();
    await expect(page.getByText('请选择作为起点的场景')).toBeVisible();
    const start = BUILT_IN_SPECS.find((s) => s.id === BUILT_IN)!;
    await page.getByRole('radio', { name: start.title }).check();
    await page.getByRole('button', { name: '创建草稿并编辑' }).click();
    const id = await landedDraftId(page, '/edit');

    // A file the schema refuses names the field and makes nothing.
    await page.goto('/catalogue/import');
    const bad = scenarioFile(BUILT_IN, (spec) => (spec.rubric[0]!.weight += 7));
    await page.getByLabel('场景文件').setInputFiles(bad);
    await page.getByRole('button', { name: '导入' }).click();
    await expect(page.getByTestId('import-errors')).toContainText('rubric：评分项权重合计为107，应为100');
    await expect(page).toHaveURL('/catalogue/import');
    const huge = { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(300 * 1024, 0x20) };
    await page.getByLabel('场景文件').setInputFiles(huge);
    await page.getByRole('button', { name: '导入' }).click();
    await expect(page.getByTestId('import-errors')).toHaveText('场景文件不能超过 256 KB');

    await page.goto(`/catalogue/${id}`);
    await page.getByRole('button', { name: '发布第 1 版' }).click();
    await expect(page.getByTestId('library-status')).toHaveText('已发布');
    await page.getByRole('button', { name: '停用', exact: true }).click();
    await page.getByRole('button', { name: '确认停用' }).click();
    await expect(page.getByTestId('library-status')).toHaveText('已停用');
  });

  test('an officer may not write scenarios', async ({ page }) => {
    await logIn(page, 'changli.officer');
    expect((await page.goto('/catalogue/new'))?.status()).toBe(403);
    expect((await page.goto('/catalogue/import'))?.status()).toBe(403);
    const response = await page.request.post('/catalogue/new', {
      form: { from: BUILT_IN },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(response.status()).toBe(403);
  });
});
