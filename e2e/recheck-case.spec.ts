/**
 * Issue 14: the inspection → failed 复查 → case chain through the pages — the officer re-checks after the
 * deadline, files the case under 《安全生产法》第一百零二条, notifies 停产停业整顿 and the persons' fines,
 * has the case reviewed (法制审核) and discussed (集体讨论), decides and serves; the print page shows every document of the chain with its key text.
 */
import { expect, test } from '@playwright/test';
import { renderDocuments } from '../scenarios/documents';
import { chineseDate } from '../scenarios/lib/document';
import { getScenario } from '../scenarios/index';
import { orderDeadline } from '../scenarios/workflows/inspection/kit';
import type { RecheckCaseFixture } from '../scenarios/workflows/recheckCase/kit';
import { fixtureFor, modelAnswerFor, runAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

const CHAIN = 'chain-hazard-not-eliminated';

test('the 复查 → 第一百零二条 case is played through the pages and prints its documents', async ({ page }) => {
  // A whole inspection-to-decision chain of about ten forms on a shared 2-core machine.
  test.setTimeout(180_000);
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, CHAIN, 'practice');
  const f = fixtureFor(CHAIN, seed) as RecheckCaseFixture;
  const answer = modelAnswerFor(CHAIN, seed);

  // A 复查 on the rectification deadline itself is refused with the rule.
  const recheck = answer.find((s) => s.stepId === 'recheck')!;
  const early = { ...recheck, values: { ...recheck.values, date: orderDeadline(f.inspection) } };
  await expect(submitStep(page, CHAIN, seed, early)).rejects.toThrow(/复查须在整改期限届满后进行/);

  for (const step of answer) await submitStep(page, CHAIN, seed, step);
  await expect(page).toHaveURL(/\/drills\/\d+\/result$/);
  await expect(page.getByTestId('score-total')).toHaveText('100');

  const expected = renderDocuments(runAnswerFor(CHAIN, seed, answer));
  expect(expected.map((d) => d.type)).toEqual(
    expect.arrayContaining(['rectificationOrder', 'recheckOpinion', 'caseFiling', 'penaltyNotice', 'penaltyDecision']),
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

  const opinion = page.locator('[data-type="recheckOpinion"]');
  await expect(opinion).toContainText('未整改完毕');
  await expect(opinion).toContainText('第一百零二条');
  await expect(page.locator('[data-type="caseFiling"]')).toContainText('未采取措施消除事故隐患');
  await expect(page.locator('[data-type="caseFiling"]')).toContainText(`${chineseDate(f.case.discoveredOn)}现场检查`);
  for (const type of ['penaltyNotice', 'penaltyDecision']) {
    const sheet = page.locator(`[data-type="${type}"]`);
    await expect(sheet).toContainText('《中华人民共和国安全生产法》第一百零二条');
    await expect(sheet).toContainText('停产停业整顿');
    for (const p of f.case.responsible)
      await expect(sheet).toContainText(new RegExp(`${p.name}（${p.role}）拟?处罚款人民币`));
  }
  await expect(page.locator('[data-type="penaltyDecision"]')).toContainText('责令你单位停产停业整顿');
  // 法制审核 and 集体讨论 (《行政处罚法》第五十八条、第五十七条第二款) precede the decision and print.
  await expect(page.locator('[data-type="legalReview"]')).toContainText(f.case.reviewers[0]!.name);
  await expect(page.locator('[data-type="collectiveDiscussion"]')).toContainText(f.case.head);
  await expect(page.locator('[data-type="penaltyNotice"]')).toContainText('有权要求举行听证');
  await expect(page.locator('[data-type="serviceReceipt"]')).toContainText(
    expected.find((d) => d.type === 'penaltyDecision')!.number!,
  );

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
