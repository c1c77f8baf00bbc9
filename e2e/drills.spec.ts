import { expect, test } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { errorCodeName } from '../scenarios/error-codes';
import type { Skill } from '../scenarios/types';
import { fillStep, fixtureFor, modelAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

const oneScenarioPerSkill = (['onboarding', 'inspection', 'documents', 'case'] as Skill[])
  .map((skill) => listScenarios({ skill })[0])
  .filter((s) => s !== undefined);

for (const scenario of oneScenarioPerSkill) {
  test(`the model answer of “${scenario.title}” (${scenario.skill}) scores 100 in the browser`, async ({ page }) => {
    await logIn(page, 'changli.officer');
    const seed = await startDrill(page, scenario.id, 'practice');
    for (const answer of modelAnswerFor(scenario.id, seed)) {
      await submitStep(page, scenario.id, seed, answer);
    }
    await expect(page).toHaveURL(/\/drills\/\d+\/result$/);
    await expect(page.getByTestId('score-total')).toHaveText('100');
    await expect(page.getByTestId('score-verdict')).toHaveText('合格');
  });
}

test('deliberate mistakes cost exactly their rubric weights, with the breakdown on the result page', async ({
  page,
}) => {
  const scenario = oneScenarioPerSkill.find((s) => s.skill === 'inspection')!;
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, scenario.id, 'practice');
  const fixture = fixtureFor(scenario.id, seed);
  const item = scenario.rubric[0]!;
  const answer = item.mistake.apply(modelAnswerFor(scenario.id, seed), fixture);
  for (const step of answer) await submitStep(page, scenario.id, seed, step);

  await expect(page).toHaveURL(/\/result$/);
  await expect(page.getByTestId('score-total')).toHaveText(String(100 - item.weight));
  const rows = page.getByTestId('rubric').locator('tbody tr');
  await expect(rows).toHaveCount(scenario.rubric.length);
  for (const rubricItem of scenario.rubric) {
    const row = page.getByTestId('rubric').locator(`tr[data-code="${rubricItem.code}"]`);
    const earned = rubricItem.id === item.id ? 0 : rubricItem.weight;
    await expect(row.locator('td.num')).toHaveText(`${earned}/${rubricItem.weight}`);
  }
  await expect(page.getByTestId('rubric').locator(`tr[data-code="${item.code}"]`)).toContainText(
    `错误：${errorCodeName(item.code)} ${item.code}`,
  );
  // Practice mode shows the model answer beside the officer's.
  await expect(page.getByTestId('model-answer')).toBeVisible();
});

test('a reload mid-drill continues at the same step with everything already entered', async ({ page }) => {
  const scenario = oneScenarioPerSkill.find((s) => s.skill === 'case')!;
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, scenario.id, 'practice');
  const answer = modelAnswerFor(scenario.id, seed);
  const half = Math.ceil(answer.length / 2);
  for (const step of answer.slice(0, half)) await submitStep(page, scenario.id, seed, step);
  const stage = await page.getByTestId('drill-stage').textContent();
  const url = page.url();

  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId('drill-stage')).toHaveText(stage!);
  // Coming back from the home page's history works the same way.
  await page.goto('/officer');
  // Other tests drill as the same officer in parallel: pick this attempt's row, not the newest.
  await page
    .getByTestId('attempt-history')
    .locator(`a[href="${new URL(url).pathname}"]`, { hasText: '继续练兵' })
    .click();
  await expect(page).toHaveURL(url);
  for (const step of answer.slice(half)) await submitStep(page, scenario.id, seed, step);
  await expect(page.getByTestId('score-total')).toHaveText('100');
});

test('a double-submitted step is applied once; the replayed POST is refused with a clear message', async ({ page }) => {
  const scenario = oneScenarioPerSkill.find((s) => s.skill === 'inspection')!;
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, scenario.id, 'practice');
  const [first] = modelAnswerFor(scenario.id, seed);
  const form = await fillStep(page, scenario.id, seed, first!);
  const body = await form.evaluate((f: HTMLFormElement) =>
    new URLSearchParams(new FormData(f) as unknown as string).toString(),
  );
  const drillUrl = new URL(page.url()).pathname;
  await form.getByRole('button', { name: '提交' }).click();
  // The version moves on only once the server has answered; only then does "no error" mean anything.
  await expect(page.locator('input[name="_version"]').first()).toHaveValue('1');
  await expect(page.getByTestId('drill-error')).toHaveCount(0);

  const replay = await page.request.post(drillUrl, {
    data: body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    maxRedirects: 0,
  });
  expect(replay.status()).toBe(409);
  expect(await replay.text()).toContain('该步骤已经提交过');

  await page.reload();
  await expect(page.locator('input[name="_version"]').first()).toHaveValue('1');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an officer completes a whole scenario', async ({ page }) => {
    const scenario = oneScenarioPerSkill.find((s) => s.skill === 'documents') ?? oneScenarioPerSkill[0]!;
    await logIn(page, 'changli.officer');
    const seed = await startDrill(page, scenario.id, 'practice');
    for (const answer of modelAnswerFor(scenario.id, seed)) await submitStep(page, scenario.id, seed, answer);
    await expect(page).toHaveURL(/\/result$/);
    await expect(page.getByTestId('score-total')).toHaveText('100');
  });
});

test('demo mode plays the model answer step by step, generated from the scenario', async ({ page }) => {
  const scenario = oneScenarioPerSkill[0]!;
  await logIn(page, 'changli.officer');
  await page.goto('/officer');
  await page.locator(`[data-scenario="${scenario.id}"]`).getByRole('link', { name: '演示' }).click();
  const answer = modelAnswerFor(scenario.id, 'demo');
  await expect(page.getByTestId('demo-step')).toContainText(`第 1 / ${answer.length} 步`);
  for (let i = 2; i <= answer.length; i++) {
    await page.getByRole('link', { name: '下一步' }).click();
    await expect(page.getByTestId('demo-step')).toContainText(`第 ${i} / ${answer.length} 步`);
  }
  await expect(page.getByRole('link', { name: '演示结束，返回我的练兵' })).toBeVisible();
});

test('a trainer previewing a demo ends back in the catalogue, not on a 403', async ({ page }) => {
  const scenario = oneScenarioPerSkill[0]!;
  await logIn(page, 'trainer');
  const total = modelAnswerFor(scenario.id, 'demo').length;
  await page.goto(`/scenarios/${scenario.id}/demo?step=${total}`);
  await page.getByRole('link', { name: '演示结束，返回场景目录' }).click();
  await expect(page).toHaveURL(`/catalogue/${scenario.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(scenario.title);
});
