/**
 * Issue 11, points 1, 2 and 4 through the pages: the party's statement is heard, the penalty article
 * is judged, and practice feedback never marks a correct answer wrong.
 */
import { expect, test, type Page } from '@playwright/test';
import { getScenario } from '../scenarios/index';
import { caseAnswer, type CaseFixture } from '../scenarios/workflows/case/kit';
import { fixtureFor, modelAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

const PENALTY_DOCS = 'docs-penalty-notice-decision';

function fixtureOf(scenarioId: string, seed: string): CaseFixture {
  return fixtureFor(scenarioId, seed) as CaseFixture;
}

/** Starts practice drills until the seeded party makes a statement (70 % of seeds; at most 12 tries). */
async function startWithStatement(page: Page): Promise<string> {
  for (let i = 0; i < 12; i++) {
    const seed = await startDrill(page, PENALTY_DOCS, 'practice');
    if (fixtureOf(PENALTY_DOCS, seed).statement) return seed;
  }
  throw new Error('12 drills in a row without a statement');
}

async function rubricRow(page: Page, code: string) {
  return page.getByTestId('rubric').locator(`tr[data-code="${code}"]`);
}

test("going straight to the 决定书 past the party's statement loses its item, with the article; the lawful path prints the review", async ({
  page,
}) => {
  // Two whole scenarios, and up to a dozen starts until the party makes a statement.
  test.setTimeout(180_000);
  await logIn(page, 'changli.officer');
  const scenario = getScenario(PENALTY_DOCS)!;
  const item = scenario.rubric.find((i) => i.code === 'STATEMENT_NOT_HEARD')!;

  const seed = await startWithStatement(page);
  const f = fixtureOf(PENALTY_DOCS, seed);
  // The task card tells the officer that the party made a statement.
  await expect(page.getByText(f.statement!.text).first()).toBeVisible();
  for (const step of caseAnswer(f, { from: 'notice', statement: 'skip' }))
    await submitStep(page, PENALTY_DOCS, seed, step);
  await expect(page).toHaveURL(/\/result$/);
  await expect(page.getByTestId('score-total')).toHaveText(String(100 - item.weight));
  const row = await rubricRow(page, 'STATEMENT_NOT_HEARD');
  await expect(row.locator('td.num')).toHaveText(`0/${item.weight}`);
  await expect(row).toContainText('第四十五条');

  // The lawful path: the statement registered and answered in the 决定书.
  const lawfulSeed = await startWithStatement(page);
  const lawful = fixtureOf(PENALTY_DOCS, lawfulSeed);
  for (const step of modelAnswerFor(PENALTY_DOCS, lawfulSeed)) await submitStep(page, PENALTY_DOCS, lawfulSeed, step);
  await expect(page.getByTestId('score-total')).toHaveText('100');
  await page.getByRole('link', { name: '打印文书' }).click();
  await expect(page).toHaveURL(/\/documents$/);
  const decision = page.locator('[data-type="penaltyDecision"]');
  await expect(decision).toContainText(lawful.statement!.text);
  await expect(decision).toContainText('复核意见');
  await expect(decision).not.toContainText('未提出陈述、申辩');
  await expect(decision).toContainText('第四十五条');
  await expect(decision).toContainText('第九十九条第（五）项');
});

for (const articleId of ['art97', 'art102'] as const) {
  test(`a 第九十九条 PPE violation punished under ${articleId} does not score 100`, async ({ page }) => {
    await logIn(page, 'changli.officer');
    const seed = await startDrill(page, PENALTY_DOCS, 'practice');
    const f = fixtureOf(PENALTY_DOCS, seed);
    for (const step of caseAnswer(f, { from: 'notice', articleId, amount: 30_000 }))
      await submitStep(page, PENALTY_DOCS, seed, step);
    await expect(page).toHaveURL(/\/result$/);
    await expect(page.getByTestId('score-total')).not.toHaveText('100');
    const row = await rubricRow(page, 'WRONG_ARTICLE');
    await expect(row.locator('td.num')).toHaveText(/^0\//);
    await expect(row).toContainText('第九十九条第（五）项');
  });
}

test('practice feedback after each step of the model answer shows no ✗ (the 告知书 included)', async ({ page }) => {
  const scenarioId = 'case-alarm-disabled';
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, scenarioId, 'practice');
  const answer = modelAnswerFor(scenarioId, seed);
  let sawNoticeFeedback = false;
  for (const step of answer.slice(0, -1)) {
    await submitStep(page, scenarioId, seed, step);
    const feedback = page.getByTestId('drill-feedback');
    if (await feedback.count()) {
      await expect(feedback.locator('.feedback__miss')).toHaveCount(0);
      if (step.stepId === 'notice') {
        // What the 告知书 decides is judged right away: hearing right and the deadlines.
        await expect(feedback.locator('.feedback__ok')).not.toHaveCount(0);
        await expect(feedback).not.toContainText('✗');
        sawNoticeFeedback = true;
      }
    }
  }
  expect(sawNoticeFeedback).toBe(true);

  // And a wrong article at the 告知书 is marked at once.
  const seed2 = await startDrill(page, PENALTY_DOCS, 'practice');
  const wrong = caseAnswer(fixtureOf(PENALTY_DOCS, seed2), { from: 'notice', articleId: 'art97', amount: 30_000 });
  await submitStep(page, PENALTY_DOCS, seed2, wrong[0]!);
  await expect(page.getByTestId('drill-feedback').locator('.feedback__miss')).toContainText('处罚依据');
});

test("the demo's model answer shows no ✗ at the 告知书 (case-alarm-disabled, step 4)", async ({ page }) => {
  await logIn(page, 'changli.officer');
  const answer = modelAnswerFor('case-alarm-disabled', 'demo');
  const notice = answer.findIndex((s) => s.stepId === 'notice') + 1;
  await page.goto(`/scenarios/case-alarm-disabled/demo?step=${notice}`);
  await expect(page.getByTestId('demo-step')).toContainText(`第 ${notice} / ${answer.length} 步`);
  await expect(page.locator('.feedback__miss')).toHaveCount(0);
  await expect(page.locator('.feedback__ok').first()).toBeVisible();
});
