// Every 打印 works without JavaScript: it is a link to a page holding only the printout (the
// browser's own print command prints it); with JavaScript the print page's 打印 opens the dialog.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { modelAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

/** A finished practice drill of changli.officer (its id), played with JavaScript. */
async function finishedDrill(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scenario = listScenarios({ skill: 'documents' })[0]!;
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, scenario.id, 'practice');
  for (const step of modelAnswerFor(scenario.id, seed)) await submitStep(page, scenario.id, seed, step);
  await expect(page.getByTestId('score-total')).toHaveText('100');
  return { page, attemptId: Number(/\/drills\/(\d+)\/result$/.exec(page.url())![1]) };
}

async function noJsPage(browser: Browser, page: Page) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  return { context, page: await context.newPage() };
}

async function expectPrintPage(page: Page) {
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('print-button')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
}

test('the officer prints a result and its documents without JavaScript; with it 打印 opens the dialog', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { page: officer, attemptId } = await finishedDrill(browser);
  await page.context().addCookies(await officer.context().cookies());
  await officer.context().close();
  const noJs = await noJsPage(browser, page);
  const p = noJs.page;
  await p.goto(`/drills/${attemptId}/result`);
  await p.getByTestId('print-link').click();
  await expect(p).toHaveURL(`/drills/${attemptId}/result/print`);
  await expect(p.getByTestId('rubric')).toBeVisible();
  await expect(p.getByTestId('score-total')).toHaveText('100');
  await expect(p.getByRole('link', { name: '打印文书' })).toHaveCount(0);
  // Without JavaScript the page says how to print it.
  await expect(p.getByTestId('print-hint')).toHaveText('请使用浏览器菜单中的“打印”（Ctrl+P）打印本页。');
  await expectPrintPage(p);

  await p.goto(`/drills/${attemptId}/documents`);
  await expect(p.getByTestId('document-page').first()).toBeVisible();
  await expect(p.getByTestId('print-button')).toBeVisible();
  await expectPrintPage(p);
  await noJs.context.close();

  // With JavaScript, 打印 on the print page opens the print dialog and stays on the page.
  await page.addInitScript(() => {
    window.print = () => {
      document.body.dataset.printed = String(Number(document.body.dataset.printed ?? 0) + 1);
    };
  });
  await page.goto(`/drills/${attemptId}/result/print`);
  await expect(page.getByTestId('print-hint')).toHaveCount(0); // hydrated
  await page.getByTestId('print-button').click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', '1');
  await expect(page).toHaveURL(`/drills/${attemptId}/result/print`);
});

test('the manager prints the report and an officer’s attempt without JavaScript', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { page: officer, attemptId } = await finishedDrill(browser);
  await officer.context().close();
  await logIn(page, 'qhd.manager');
  const noJs = await noJsPage(browser, page);
  const p = noJs.page;
  await p.goto('/reports?cols=drill,skills');
  await p.getByRole('link', { name: '打印版' }).click();
  await expect(p).toHaveURL(/\/reports\/print\?.*cols=drill%2Cskills/);
  const header = p.getByTestId('print-table').locator('thead th');
  await expect(header.nth(1)).toHaveText('达标等级');
  await expect(header.filter({ hasText: '案件办理' })).toHaveCount(1);
  await expect(header.filter({ hasText: '系统检查次数' })).toHaveCount(0);
  await expectPrintPage(p);

  await p.goto(`/reports/attempts/${attemptId}`);
  await p.getByTestId('print-link').click();
  await expect(p).toHaveURL(`/reports/attempts/${attemptId}/print`);
  await expect(p.getByTestId('rubric')).toBeVisible();
  await expectPrintPage(p);
  await noJs.context.close();
});
