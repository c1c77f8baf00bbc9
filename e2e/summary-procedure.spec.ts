import { expect, test } from '@playwright/test';
import { renderDocuments } from '../scenarios/documents';
import { getScenario } from '../scenarios/index';
import { chineseDate } from '../scenarios/lib/document';
import { LEGAL } from '../scenarios/law/legal-constants';
import { yuan } from '../scenarios/law/penalties';
import { summaryAnswer } from '../scenarios/workflows/summary/kit';
import type { SummaryFixture } from '../scenarios/workflows/summary/kit';
import { fixtureFor, modelAnswerFor, runAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

test('a 简易程序 played through the pages ends filed, and its 当场处罚决定书 prints with amount, payment and appeal', async ({
  page,
}) => {
  const scenarioId = 'summary-unit-on-spot';
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, scenarioId, 'practice');
  const answer = modelAnswerFor(scenarioId, seed);
  for (const step of answer) await submitStep(page, scenarioId, seed, step);
  await expect(page).toHaveURL(/\/drills\/\d+\/result$/);
  await expect(page.getByTestId('score-total')).toHaveText('100');

  // The documents the pure engine gives for the same answer are the ones printed.
  const expected = renderDocuments(runAnswerFor(scenarioId, seed, answer));
  expect(expected.map((d) => d.type)).toEqual(
    expect.arrayContaining(['summaryOnSiteNote', 'summaryStatementRecord', 'summaryDecision', 'summaryFiling']),
  );
  await page.getByRole('link', { name: '打印文书' }).click();
  await expect(page).toHaveURL(/\/drills\/\d+\/documents$/);
  await expect(page.getByRole('heading', { level: 1, name: /^开具的文书/ })).toBeVisible();
  const pages = page.getByTestId('document-page');
  await expect(pages).toHaveCount(expected.length);
  for (const [i, doc] of expected.entries()) {
    await expect(pages.nth(i).locator('.doc-page__number')).toHaveText(doc.number!);
    await expect(pages.nth(i).locator('.doc-page__title')).toHaveText(doc.title);
  }

  const fixture = fixtureFor(scenarioId, seed) as SummaryFixture;
  const decision = page.locator('[data-testid="document-page"][data-type="summaryDecision"]');
  await expect(decision).toContainText(fixture.enterprise.name);
  await expect(decision).toContainText(`罚款人民币${yuan(fixture.amount)}`);
  await expect(decision).toContainText(`之日起${LEGAL.paymentPeriod.value}日内`);
  await expect(decision).toContainText('申请行政复议');
  await expect(decision).toContainText('提起行政诉讼');
  await expect(decision).toContainText(chineseDate(fixture.date));

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('when the party disputes the facts, an on-the-spot decision is refused with 第五十一条 and the case goes to the general procedure', async ({
  page,
}) => {
  const scenarioId = 'summary-disputed-facts';
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, scenarioId, 'practice');
  const answer = modelAnswerFor(scenarioId, seed);
  const referral = answer.findIndex((s) => s.stepId === 'refer');
  expect(referral).toBeGreaterThan(0);
  for (const step of answer.slice(0, referral)) await submitStep(page, scenarioId, seed, step);

  // The decision an officer would write on the spot (from the answer that wrongly decides on the spot).
  const fixture = fixtureFor(scenarioId, seed) as SummaryFixture;
  const onSpot = summaryAnswer(fixture, { procedure: 'onSpot' }).find((s) => s.stepId === 'decision')!;
  await expect(submitStep(page, scenarioId, seed, onSpot)).rejects.toThrow(/第五十一条/);
  await expect(page.getByTestId('drill-error')).toContainText('第五十一条');

  for (const step of answer.slice(referral)) await submitStep(page, scenarioId, seed, step);
  await expect(page).toHaveURL(/\/drills\/\d+\/result$/);
  await expect(page.getByTestId('score-total')).toHaveText('100');
  await expect(page.locator('[data-testid="document-page"][data-type="summaryReferral"]')).toHaveCount(1);
});
