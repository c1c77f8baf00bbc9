import { expect, test, type Page } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { homeOf, modelAnswerFor, startDrill, submitStep } from './drill-support';
import { enableLogin, logIn, runIndex } from './support';

// Practice in one's own name (issue 15, point 9): the documents of a drill carry the officer's own
// authority and its abbreviation in the numbers, whatever county the scenario was written for.

const scenario = listScenarios({ skill: 'documents' })[0]!;

/** Plays the model answer of a documents drill and returns the printed document pages' text. */
async function playAndPrint(page: Page): Promise<string> {
  const seed = await startDrill(page, scenario.id, 'practice');
  for (const step of modelAnswerFor(scenario.id, seed)) await submitStep(page, scenario.id, seed, step);
  await expect(page.getByTestId('score-total')).toHaveText('100');
  const pages = page.getByTestId('document-page');
  await expect(pages.first()).toBeVisible();
  expect(homeOf(seed), 'the drill page gives its practice home').toBeTruthy();
  return (await pages.allInnerTexts()).join('\n');
}

test('the 昌黎县 officer’s drill documents are issued by 昌黎县应急管理局, numbered （秦昌）', async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page, 'changli.officer');
  const printed = await playAndPrint(page);
  expect(printed).toContain('昌黎县应急管理局');
  expect(printed).toMatch(/（秦昌）应急\S+〔\d{4}〕\d+号/);
  expect(printed).not.toMatch(/（秦[海山北抚青卢]）/);
  expect(printed.split(/应急管理[局厅]/).length).toBe(printed.split('昌黎县应急管理局').length);
});

test('an officer of 滦南县 (唐山市) practises in their own name', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const username = `zf130224${String(1 + runIndex()).padStart(3, '0')}`;
  const password = 'Home@2026';
  await enableLogin(browser, username, password);
  await logIn(page, username, password);
  const printed = await playAndPrint(page);
  expect(printed).toContain('滦南县应急管理局');
  expect(printed).toMatch(/（唐滦）应急\S+〔\d{4}〕\d+号/);
  expect(printed).toContain('河北省唐山市滦南县');
  expect(printed).not.toContain('秦皇岛');
});
