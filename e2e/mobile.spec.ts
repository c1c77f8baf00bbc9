import { expect, test, type Page } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { modelAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the login page and a role home fit a 390 px phone', async ({ page }) => {
  await page.goto('/login');
  await expectNoHorizontalScroll(page);
  await logIn(page, 'qhd.manager');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.goto('/units/130322');
  await expectNoHorizontalScroll(page);
});

test('an officer drills on a 390 px phone: home, sandbox form and result fit the screen', async ({ page }) => {
  const scenario = listScenarios({ skill: 'documents' })[0] ?? listScenarios()[0]!;
  await logIn(page, 'changli.officer');
  await expectNoHorizontalScroll(page);
  const seed = await startDrill(page, scenario.id, 'practice');
  await expectNoHorizontalScroll(page);
  const answer = modelAnswerFor(scenario.id, seed);
  for (const step of answer) {
    await submitStep(page, scenario.id, seed, step);
    await expectNoHorizontalScroll(page);
  }
  await expect(page.getByTestId('score-total')).toHaveText('100');
  await expectNoHorizontalScroll(page);
});

test('on a phone, choosing a step scrolls to its form, and the task card is one link away from it and back', async ({
  page,
}) => {
  const scenario = listScenarios({ skill: 'inspection' })[0]!;
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, scenario.id, 'practice');
  const [first] = modelAnswerFor(scenario.id, seed);
  const title = scenario.steps(scenario.fixture(seed)).find((s) => s.id === first!.stepId)!.title;
  await page.getByRole('navigation', { name: '系统模块' }).getByRole('link', { name: title, exact: true }).click();
  await expect(page).toHaveURL(/#step-form$/);
  await expect(page.getByRole('heading', { name: title, level: 2, exact: true })).toBeInViewport();
  await page.getByTestId('to-task-card').click();
  await expect(page.locator('#task-card')).toBeInViewport();
  await expect(page.getByRole('heading', { name: title, level: 2, exact: true })).not.toBeInViewport();
  await page.getByTestId('to-step-form').click();
  await expect(page.getByRole('heading', { name: title, level: 2, exact: true })).toBeInViewport();
  await expectNoHorizontalScroll(page);
});
