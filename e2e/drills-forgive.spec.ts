/**
 * Drills that forgive, and assessments that stay closed books (issue 15): the 检查计划 can be
 * corrected, a refused submit puts the focus on the error summary, typed values survive a reload,
 * an assessment counts down and warns, and while it is open the scenario's demo and practice are
 * refused.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { majorItems, type InspectionFixture } from '../scenarios/workflows/inspection/kit';
import { fillStep, modelAnswerFor, startDrill, stepsFor, submitStep } from './drill-support';
import { enableLogin, logIn, runIndex } from './support';

const inspection = listScenarios({ skill: 'inspection' }).find(
  (s) =>
    s.workflow === 'inspection' && s.assessmentTimeLimitMinutes && s.modelAnswer(s.fixture('x'))[0]?.stepId === 'plan',
)!;

test('a 检查计划 missing an item: the refusal names it in Chinese with the error summary focused; the corrected plan scores 100', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, inspection.id, 'practice');
  const fixture = inspection.fixture(seed) as InspectionFixture;
  const answer = modelAnswerFor(inspection.id, seed);
  const plan = answer.find((s) => s.stepId === 'plan')!;
  const left = majorItems(fixture)[0]!;
  const shortPlan = {
    stepId: 'plan',
    values: { ...plan.values, itemIds: (plan.values.itemIds as string[]).filter((id) => id !== left.id) },
  };
  await submitStep(page, inspection.id, seed, shortPlan);
  await submitStep(
    page,
    inspection.id,
    seed,
    answer.find((s) => s.stepId === 'start')!,
  );

  // Findings for every item on site, one of them not in the plan: refused, naming the item, never its id.
  const version = await page.getByTestId('drill').getAttribute('data-version');
  const form = await fillStep(
    page,
    inspection.id,
    seed,
    answer.find((s) => s.stepId === 'findings')!,
  );
  await form.getByRole('button', { name: '提交' }).click();
  const summary = page.getByTestId('drill-error');
  await expect(summary).toContainText(`请先修改检查计划，加入"${left.area}"`);
  await expect(summary).not.toContainText(left.id);
  await expect(summary).toBeFocused();
  await expect(page.getByTestId('drill')).toHaveAttribute('data-version', version!);

  // The plan is still open on site: the revised plan replaces the old one, and the rest goes through.
  await submitStep(page, inspection.id, seed, plan);
  for (const step of answer.slice(answer.findIndex((s) => s.stepId === 'findings')))
    await submitStep(page, inspection.id, seed, step);
  await expect(page).toHaveURL(/\/drills\/\d+\/result$/);
  await expect(page.getByTestId('score-total')).toHaveText('100');
});

test('a field error: the summary lists it as a link to the field and takes the focus', async ({ page }) => {
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, inspection.id, 'practice');
  const step = stepsFor(inspection.id, seed).find((s) => s.id === 'plan')!;
  await page.getByRole('navigation', { name: '系统模块' }).getByRole('link', { name: step.title, exact: true }).click();
  await expect(page).toHaveURL(/#step-form$/);
  await page.locator('form.step-form').getByRole('button', { name: '提交' }).click();
  const summary = page.getByTestId('drill-error');
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: '检查项目' });
  await expect(link).toHaveAttribute('href', '#step-field-itemIds');
  await link.click();
  await expect(page.locator('#step-field-itemIds')).toBeInViewport();
  await expect(page.locator('#step-field-itemIds')).toBeFocused();
});

test('typed but unsent values survive a reload, and are gone once the form is sent', async ({ page }) => {
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, inspection.id, 'practice');
  const plan = modelAnswerFor(inspection.id, seed).find((s) => s.stepId === 'plan')!;
  const [firstItem, secondItem] = plan.values.itemIds as string[];
  await fillStep(page, inspection.id, seed, { stepId: 'plan', values: { ...plan.values, itemIds: [firstItem!] } });
  await page.reload();
  const form = page.locator('form.step-form');
  await expect(form.locator('[name="plannedOn"]')).toHaveValue(plan.values.plannedOn as string);
  await expect(form.locator(`[name="itemIds"][value="${firstItem}"]`)).toBeChecked();
  await expect(form.locator(`[name="itemIds"][value="${secondItem}"]`)).not.toBeChecked();

  // Sent: the next version of the page starts from what the server knows, not from the old draft.
  await form.locator(`[name="itemIds"][value="${secondItem}"]`).check();
  await submitStep(page, inspection.id, seed, plan);
  const drafts = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('drill-draft:')));
  expect(drafts.every((k) => k.split(':')[2] !== '0')).toBe(true);
});

async function asOfficer(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.clock.install();
  await logIn(page, username, password);
  return page;
}

test('an assessment counts down and warns at 5:00 and 1:00; while it is open the demo and practice of its scenario are refused', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // An officer on record outside 秦皇岛市 (its figures are checked elsewhere), so no other test's
  // practice of this scenario meets the open assessment.
  const username = `zf130203${String(15 + runIndex()).padStart(3, '0')}`;
  const password = 'Exam@2026';
  await enableLogin(browser, username, password);
  const page = await asOfficer(browser, username, password);
  await startDrill(page, inspection.id, 'assessment');

  const countdown = page.getByTestId('countdown');
  await expect(countdown).toContainText('剩余时间');
  await expect(countdown).toContainText('考核截止时间');
  await expect(page.getByTestId('countdown-time')).toHaveText(/^\d+:\d{2}$/);
  await expect(page.getByTestId('countdown-warning')).toHaveCount(0);
  // Rendered by the server too, so it reads without JavaScript: minutes left and the deadline.
  const html = await (await page.request.get(new URL(page.url()).pathname)).text();
  expect(html).toMatch(/剩余时间：.*约\d+分钟/);
  const limit = inspection.assessmentTimeLimitMinutes!;
  await page.clock.fastForward(`${String(limit - 5).padStart(2, '0')}:01`);
  await expect(page.getByRole('alert')).toContainText('距离自动交卷不足5分钟');
  await page.clock.fastForward('04:00');
  await expect(page.getByRole('alert')).toContainText('距离自动交卷不足1分钟');

  // A second tab is no open book: the demo and a practice attempt of the scenario are refused.
  const demo = await page.request.get(`/scenarios/${inspection.id}/demo`);
  expect(demo.status()).toBe(403);
  const other = await page.context().newPage();
  await other.goto(`/scenarios/${inspection.id}/demo`);
  await expect(other.getByText('您正在进行本场景的考核')).toBeVisible();
  await expect(other.getByTestId('demo-step')).toHaveCount(0);
  const practice = await page.request.post('/drills/start', {
    form: { scenarioId: inspection.id, mode: 'practice' },
    maxRedirects: 0,
  });
  expect(practice.status()).toBe(403);
  expect(await practice.text()).toContain('考核结束前不能开始练习');
  await other.goto('/officer');
  const card = other.locator(`[data-scenario="${inspection.id}"]`);
  await expect(card.getByTestId('assessment-open')).toContainText('考核进行中');
  await expect(card.getByRole('button', { name: '练习' })).toHaveCount(0);
  await expect(card.getByRole('link', { name: '演示' })).toHaveCount(0);

  // Handed in: the demo opens again.
  await page.getByText('结束练兵（交卷）').click();
  await page.getByRole('button', { name: '确认交卷' }).click();
  await expect(page).toHaveURL(/\/result$/);
  await other.goto(`/scenarios/${inspection.id}/demo`);
  await expect(other.getByTestId('demo-step')).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a refused submit comes back with the error summary first in the form', async ({ page }) => {
    await logIn(page, 'changli.officer');
    await startDrill(page, inspection.id, 'practice');
    await page.getByRole('navigation', { name: '系统模块' }).getByRole('link', { name: '制定检查计划' }).click();
    await page.locator('form.step-form').getByRole('button', { name: '提交' }).click();
    const first = page.locator('form.step-form > :first-child');
    await expect(first).toHaveAttribute('data-testid', 'drill-error');
    await expect(first.getByRole('link', { name: '检查项目' })).toHaveAttribute('href', '#step-field-itemIds');
  });
});
