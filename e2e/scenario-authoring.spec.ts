// Issue 16's journey, end to end in a real browser: the demo trainer copies a built-in scenario, changes
// the enterprise and a hazard, previews and publishes it, assigns it to 昌黎县; an officer there completes
// it; the manager's report counts it; the trainer then edits it (version 2), previews the regrade and
// applies it, and the officer's score follows.
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { ScenarioSpec } from '../scenarios/authoring/spec';
import { scenarioFromSpec } from '../scenarios/authoring/spec';
import { drillSeed, fixtureFor, modelAnswerFor, playAuthored, runAnswerFor, submitStep } from './drill-support';
import { scoreAttempt } from '../scenarios/engine';
import { enableLogin, logIn, runIndex } from './support';

const BUILT_IN = 'inspect-metallurgy';
const PASSWORD = 'Authoring@2026';

async function asUser(browser: Browser, username: string, password?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, username, password);
  return page;
}

/** The scenario as the server publishes it (its exported definition), made playable by the drill helpers. */
async function published(trainer: Page, id: string) {
  const response = await trainer.request.get(`/catalogue/${id}/export.json`);
  expect(response.status()).toBe(200);
  const { scenario: spec } = (await response.json()) as { scenario: ScenarioSpec };
  const scenario = scenarioFromSpec(spec);
  playAuthored(scenario);
  return { spec, scenario };
}

test('a trainer writes a scenario from a built-in, publishes and assigns it; an officer completes it; the report counts it; an edit is regraded', async ({
  browser,
}) => {
  // Three people, a whole drill, the publish gate twice and a regrade: generous under a full parallel run.
  test.setTimeout(300_000);
  const tag = `练兵${Date.now().toString(36)}`;
  const officerName = `zf130322${String(40 + runIndex()).padStart(3, '0')}`;
  await enableLogin(browser, officerName, PASSWORD);

  // 1. Copy the built-in from the catalogue (复制为新场景) into the editor.
  const trainer = await asUser(browser, 'trainer');
  await trainer.goto('/catalogue');
  await trainer
    .locator(`[data-catalogue-scenario="${BUILT_IN}"]`)
    .getByRole('button', { name: /^复制为新场景/ })
    .click();
  await expect(trainer).toHaveURL(/\/catalogue\/custom-[0-9a-f]{8}\/edit$/);
  const id = /\/catalogue\/(custom-[0-9a-f]{8})\/edit/.exec(trainer.url())![1]!;
  const title = `昌黎冶金检查（${tag}）`;

  // 2. Change the title, the enterprise and a hazard; one major-hazard candidate, so every seed draws it.
  await trainer.getByRole('textbox', { name: '标题 *', exact: true }).fill(title);
  await trainer.getByLabel('企业名称模板').fill(`昌黎{字号}${tag}铝业有限公司`);
  await trainer.getByLabel('国民经济行业（GB/T 4754）').selectOption('C3252');
  for (let i = 3; i >= 1; i--) {
    await trainer.getByTestId(`majors-${i}`).getByRole('button', { name: '删除此项' }).click();
    await expect(trainer.getByTestId(`majors-${i}`)).toHaveCount(0);
  }
  const major = trainer.getByTestId('majors-0');
  await major.getByLabel('现场情况（存在隐患时）').fill(`熔炼炉下方渣坑积水约20厘米（${tag}）`);
  await major.getByLabel('判定标准条目').selectOption('M2');
  await expect(trainer.getByTestId('sector')).toContainText('有色');
  // Enter in a text field saves (the form's default button), it does not just re-render the form.
  await trainer.getByRole('textbox', { name: '标题 *', exact: true }).press('Enter');
  await expect(trainer.getByTestId('saved-notice')).toBeVisible();

  // 3. Preview: the task card and the model answer show the new enterprise and hazard.
  await trainer.goto(`/catalogue/${id}/preview`);
  const card = trainer.getByTestId('demo-card');
  await expect(card).toContainText(`${tag}铝业有限公司`);
  await expect(card).toContainText(`熔炼炉下方渣坑积水约20厘米（${tag}）`);

  // 4. Publish through the engine's gate.
  await trainer.goto(`/catalogue/${id}`);
  await trainer.getByRole('button', { name: '发布第 1 版' }).click();
  await expect(trainer.getByTestId('publish-done')).toContainText('已发布第 1 版');
  const v1 = await published(trainer, id);
  expect(v1.spec.title).toBe(title);

  // The officer will lose one rubric item whose mistake costs exactly its weight; version 2 moves 5 points
  // off that item, so the pass mark between the two scores makes the officer pass only after the regrade.
  const lost = v1.scenario.rubric.find((item) => {
    if (item.weight < 10) return false;
    return ['s1', 's2', 's3', 's4'].every((seed) => {
      const answer = item.mistake.apply(modelAnswerFor(id, seed), fixtureFor(id, seed));
      return scoreAttempt(runAnswerFor(id, seed, answer)).total === 100 - item.weight;
    });
  })!;
  expect(lost, '应有一个丢分恰为其权重的评分项').toBeTruthy();
  const scoreUnderV1 = 100 - lost.weight;
  const passMark = scoreUnderV1 + 5;

  // 5. Assign it to 昌黎县 as an assessment.
  await trainer.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '练兵任务' }).click();
  await trainer.getByRole('link', { name: '布置练兵任务' }).click();
  await trainer.getByLabel('任务名称').fill(`自编场景考核 ${tag}`);
  await trainer.getByLabel(title).check();
  await trainer.getByText('选择秦皇岛市下属单位').click();
  await trainer.getByLabel('昌黎县', { exact: true }).check();
  await trainer.getByLabel('方式').selectOption('assessment');
  await trainer.getByLabel('合格分数线').fill(String(passMark));
  await trainer.getByLabel('允许次数').fill('2');
  await trainer.getByRole('button', { name: '布置任务' }).click();
  await expect(trainer.getByText('练兵任务已布置。')).toBeVisible();
  const assignmentId = /\/assignments\/(\d+)/.exec(trainer.url())![1]!;

  // 6. The 昌黎县 officer completes it, losing that one item.
  const officer = await asUser(browser, officerName, PASSWORD);
  const displayName = (await officer.getByTestId('current-user').locator('strong').textContent())!.trim();
  const row = officer.locator(`[data-assignment="${assignmentId}"]`);
  await expect(row).toContainText(`自编场景考核 ${tag}`);
  await row.getByRole('button', { name: '开始' }).click();
  await expect(officer).toHaveURL(/\/drills\/\d+$/);
  const attemptId = /\/drills\/(\d+)/.exec(officer.url())![1]!;
  const seed = await drillSeed(officer);
  await expect(officer.getByTestId('drill')).toContainText(`${tag}铝业有限公司`);
  const answer = lost.mistake.apply(modelAnswerFor(id, seed), fixtureFor(id, seed));
  for (const step of answer) await submitStep(officer, id, seed, step);
  await expect(officer.getByTestId('score-total')).toHaveText(String(scoreUnderV1));

  // 7. The manager's report counts it: the officer's attempts list it with its score.
  const manager = await asUser(browser, 'qhd.manager');
  await manager.goto('/reports/units/130322');
  await manager
    .getByTestId('unit-officer-readiness')
    .locator(`[data-username="${officerName}"]`)
    .getByRole('link')
    .click();
  const attempts = manager.getByTestId('officer-attempts');
  await expect(attempts).toContainText(title);
  await expect(attempts).toContainText(`${scoreUnderV1}（不合格）`);

  // 8. The trainer edits it: 5 points move from the lost item to another; version 2 is published.
  await trainer.goto(`/catalogue/${id}`);
  await trainer.getByRole('link', { name: /^修改（形成第 2 版草稿）/ }).click();
  const rubric = v1.spec.rubric;
  // The editor lists the rubric in the definition's order, as the scenario built from it does.
  const lostIndex = v1.scenario.rubric.indexOf(lost);
  expect(rubric[lostIndex]!.weight).toBe(lost.weight);
  const otherIndex = rubric.findIndex((_, i) => i !== lostIndex);
  await trainer.locator(`input[name="rubric[${lostIndex}].weight"]`).fill(String(rubric[lostIndex]!.weight - 5));
  await trainer.locator(`input[name="rubric[${otherIndex}].weight"]`).fill(String(rubric[otherIndex]!.weight + 5));
  await expect(trainer.getByTestId('rubric-sum')).toContainText('100');
  await trainer.getByRole('button', { name: '保存', exact: true }).click();
  await expect(trainer.getByTestId('saved-notice')).toBeVisible();
  await trainer.goto(`/catalogue/${id}`);
  await trainer.getByRole('button', { name: '发布第 2 版' }).click();
  await expect(trainer.getByTestId('publish-done')).toContainText('已发布第 2 版');
  // New attempts would use version 2; the officer's stays on version 1 until a regrade moves it.
  await officer.goto(`/drills/${attemptId}/result`);
  await expect(officer.getByTestId('score-total')).toHaveText(String(scoreUnderV1));

  // 9. The regrade preview for 昌黎县: the officer would newly pass.
  await trainer.getByRole('link', { name: '重新评分' }).click();
  await trainer.getByLabel('按哪一版重新评分').selectOption('2');
  await trainer.getByLabel('单位（含下级单位）').selectOption('130322');
  await trainer.getByRole('button', { name: '预览', exact: true }).click();
  const previewTable = trainer.getByTestId('regrade-preview');
  await expect(previewTable).toContainText('昌黎县');
  await expect(previewTable.getByTestId('newly-passed').first()).toContainText(displayName);

  // 10. Applying is an explicit, confirmed action; the score and the report follow.
  await trainer.getByRole('button', { name: '应用重新评分' }).click();
  await expect(trainer.locator('#field-confirm-error')).toBeVisible();
  await trainer.getByLabel(/我已核对上述预览/).check();
  await trainer.getByRole('button', { name: '应用重新评分' }).click();
  await expect(trainer.getByTestId('regrade-applied')).toBeVisible();

  await officer.reload();
  await expect(officer.getByTestId('score-total')).toHaveText(String(passMark));
  await expect(officer.getByText('由第1版重新评分')).toBeVisible();
  await manager.reload();
  await expect(manager.getByTestId('officer-attempts')).toContainText(`${passMark}（合格）`);

  // Leave nothing for other tests: the province-wide scenario is retired (its history stays).
  await trainer.goto(`/catalogue/${id}`);
  await trainer.getByRole('button', { name: '停用', exact: true }).click();
  await trainer.getByRole('button', { name: '确认停用' }).click();
  await expect(trainer.getByTestId('library-status')).toHaveText('已停用');
});
