import { expect, test, type Browser } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { drillSeed, modelAnswerFor, submitStep } from './drill-support';
import { assignmentFormToken, enableLogin, logIn } from './support';

const PASSWORD = 'Compete@2026';
const scenario = listScenarios({ skill: 'onboarding' })[0]!;
const beijingInput = (ms: number) => new Date(ms + 8 * 60 * 60 * 1000).toISOString().slice(0, 16);

/** Officers already on record get a login through the admin's password reset (no officer is added). */
async function officerPage(browser: Browser, username: string) {
  await enableLogin(browser, username, PASSWORD);
  const page = await (await browser.newContext()).newPage();
  await logIn(page, username, PASSWORD);
  return page;
}

test('比武: every competitor gets the seed revealed when it opens; the ranking shows once the trainer closes it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const retry = test.info().retry;
  const first = `zf130322${String(30 + retry * 2).padStart(3, '0')}`;
  const second = `zf130322${String(31 + retry * 2).padStart(3, '0')}`;
  const trainer = await (await browser.newContext()).newPage();
  await logIn(trainer, 'trainer');
  const title = `昌黎县入库比武 ${Date.now()}`;
  const created = await trainer.request.post('/assignments/new', {
    form: {
      formToken: await assignmentFormToken(trainer),
      title,
      scenarioIds: scenario.id,
      unitCodes: '130322',
      mode: 'assessment',
      competition: 'on',
      passMark: '80',
      opensAt: beijingInput(Date.now() - 60_000),
      dueAt: beijingInput(Date.now() + 7 * 24 * 60 * 60 * 1000),
      attemptsAllowed: '1',
    },
    maxRedirects: 0,
  });
  expect(created.status()).toBe(302);
  const url = created.headers()['location']!.replace(/\?.*$/, '');
  const id = url.split('/').pop()!;
  await trainer.goto(url);
  const seed = (await trainer.getByTestId('competition-seed').textContent())!.trim();
  expect(seed).toMatch(/^[0-9a-f]{12}$/);
  await expect(trainer.getByText('比武排名在比武结束（截止或关闭）后公布。')).toBeVisible();

  const a = await officerPage(browser, first);
  await a.locator(`[data-assignment="${id}"]`).getByRole('button', { name: '开始' }).click();
  await expect(a.getByTestId('drill')).toHaveAttribute('data-seed', seed);
  await drillSeed(a);
  for (const step of modelAnswerFor(scenario.id, seed)) await submitStep(a, scenario.id, seed, step);
  await expect(a.getByTestId('score-total')).toHaveText('100');

  const b = await officerPage(browser, second);
  await b.locator(`[data-assignment="${id}"]`).getByRole('button', { name: '开始' }).click();
  await expect(b.getByTestId('drill')).toHaveAttribute('data-seed', seed);

  // One attempt allowed: a second start is refused with the reason.
  await a.goto('/officer');
  await expect(a.locator(`[data-assignment="${id}"]`).getByRole('button', { name: '开始' })).toHaveCount(0);
  const again = await a.request.post(`/assignments/${id}/start`, {
    form: { scenarioId: scenario.id },
    maxRedirects: 0,
  });
  expect(again.status()).toBe(409);
  expect(await again.text()).toContain('您已用完本任务允许的 1 次练兵机会。');

  await trainer.getByRole('button', { name: '关闭任务' }).click();
  await expect(trainer.getByRole('status')).toHaveText('练兵任务已关闭');
  const officers = trainer.getByTestId('ranking-officers').locator('tbody tr');
  await expect(officers).toHaveCount(1);
  await expect(officers.first()).toContainText('100');
  // The time taken (start to hand-in) beside the score: it breaks ties.
  await expect(officers.first().locator('td').nth(4)).toHaveText(/^\d+分\d{2}秒$/);
  await expect(trainer.getByTestId('ranking-units')).toContainText('昌黎县');

  await a.reload();
  await a.locator(`[data-assignment="${id}"]`).getByRole('link', { name: '查看排名' }).click();
  await expect(a.getByTestId('ranking')).toContainText('100');
  await expect(a.getByTestId('ranking-officers').locator('tbody tr').first().locator('td').nth(4)).toHaveText(
    /^\d+分\d{2}秒$/,
  );
  await expect(a.getByText('同分用时短者在前')).toBeVisible();
});
