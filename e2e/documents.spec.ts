import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { renderDocuments } from '../scenarios/documents';
import { listScenarios } from '../scenarios/index';
import { modelAnswerFor, runAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

/** Page objects in a PDF written by Chromium (each page is one `/Type /Page` dictionary). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

test('the documents of a whole case print as A4 pages, one document per page', async ({ page, browser }) => {
  const scenario = listScenarios({ skill: 'case' })[0]!;
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, scenario.id, 'practice');
  const answer = modelAnswerFor(scenario.id, seed);
  for (const step of answer) await submitStep(page, scenario.id, seed, step);
  await expect(page).toHaveURL(/\/drills\/\d+\/result$/);
  const attemptId = /\/drills\/(\d+)\/result$/.exec(page.url())![1]!;

  // The same answer through the pure engine gives the documents the page must show.
  const expected = renderDocuments(runAnswerFor(scenario.id, seed, answer));
  expect(expected.length).toBeGreaterThanOrEqual(4);

  await expect(page.getByRole('heading', { name: '开具的文书', level: 2 })).toBeVisible();
  const pages = page.getByTestId('document-page');
  await expect(pages).toHaveCount(expected.length);
  for (const [i, doc] of expected.entries()) {
    const sheet = pages.nth(i);
    await expect(sheet.locator('.doc-page__number')).toHaveText(doc.number!);
    await expect(sheet.locator('.doc-page__title')).toHaveText(doc.title);
    await expect(sheet).toContainText(doc.authority);
    await expect(page.getByTestId('result-documents')).toContainText(doc.number!);
  }
  const decision = page.locator('[data-testid="document-page"][data-type="penaltyDecision"]');
  await expect(decision).toContainText('申请行政复议');
  await expect(decision).toContainText('提起行政诉讼');

  // The body is set in a serif CJK face.
  const font = await pages.first().evaluate((el) => getComputedStyle(el).fontFamily);
  expect(font).toContain('Noto Serif CJK SC');

  // Printing hides the application around the documents.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('link', { name: '打印文书' })).toBeHidden();
  await expect(pages.first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The print-only page: just the documents.
  await page.getByRole('link', { name: '打印文书' }).click();
  await expect(page).toHaveURL(new RegExp(`/drills/${attemptId}/documents$`));
  await expect(page.getByTestId('document-page')).toHaveCount(expected.length);
  await expect(page.getByTestId('rubric')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('documents-screen.png'), fullPage: true });

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('documents-print.png'), fullPage: true });
  // The printable width of an A4 sheet inside the @page margins (210 mm − 2 × 18 mm at 96 dpi).
  await page.setViewportSize({ width: 658, height: 971 });
  for (const [i, doc] of expected.entries()) {
    await page
      .getByTestId('document-page')
      .nth(i)
      .screenshot({ path: test.info().outputPath(`document-${i + 1}-${doc.type}.png`) });
  }
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const count = pdfPageCount(pdf);
  expect(count).toBeGreaterThanOrEqual(expected.length);
  // A document may run onto a second sheet, but none is blank or split apart from the rest.
  expect(count).toBeLessThanOrEqual(expected.length * 2);
  await test.info().attach('documents.pdf', { body: pdf, contentType: 'application/pdf' });
  writeFileSync(test.info().outputPath('documents.pdf'), pdf);

  // Another user's attempt is as good as missing.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'zh-CN' });
  const otherPage = await other.newPage();
  await logIn(otherPage, 'qhd.manager');
  const response = await otherPage.goto(`/drills/${attemptId}/documents`);
  expect(response?.status()).toBe(404);
  await other.close();
});

test('an inspection prints its record, measures, order and re-inspection opinion', async ({ page }) => {
  const scenario = listScenarios({ skill: 'inspection' })[0]!;
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, scenario.id, 'practice');
  const answer = modelAnswerFor(scenario.id, seed);
  for (const step of answer) await submitStep(page, scenario.id, seed, step);
  await expect(page).toHaveURL(/\/drills\/\d+\/result$/);
  const expected = renderDocuments(runAnswerFor(scenario.id, seed, answer));
  expect(expected.map((d) => d.type)).toEqual(
    expect.arrayContaining(['onSiteRecord', 'rectificationOrder', 'recheckOpinion']),
  );

  await page.getByRole('link', { name: '打印文书' }).click();
  // The result page shows the same document pages: wait for the print page itself, or the locators
  // below may find the result page's copies just before the navigation replaces them.
  await expect(page).toHaveURL(/\/drills\/\d+\/documents$/);
  await expect(page.getByRole('heading', { level: 1, name: /^开具的文书/ })).toBeVisible();
  const pages = page.getByTestId('document-page');
  await expect(pages).toHaveCount(expected.length);
  for (const [i, doc] of expected.entries())
    await expect(pages.nth(i).locator('.doc-page__number')).toHaveText(doc.number!);
  const order = expected.find((d) => d.type === 'rectificationOrder')!;
  const deadline = answer.find((s) => s.stepId === 'order')!.values.deadline as string;
  const [y, m, d] = deadline.split('-').map(Number);
  await expect(page.locator('[data-type="rectificationOrder"]')).toContainText(`于${y}年${m}月${d}日前整改完毕`);
  await expect(page.locator('[data-type="rectificationOrder"]')).toContainText(order.addressee!);

  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 658, height: 971 });
  for (const [i, doc] of expected.entries()) {
    await pages.nth(i).screenshot({ path: test.info().outputPath(`document-${i + 1}-${doc.type}.png`) });
  }
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(expected.length);
  expect(pdfPageCount(pdf)).toBeLessThanOrEqual(expected.length * 2);
});
