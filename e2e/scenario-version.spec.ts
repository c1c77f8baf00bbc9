import { expect, test } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { openE2eDatabase } from './database';
import { modelAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

// A scenario this release moved past version 1, with the shortest model answer.
const scenario = listScenarios()
  .filter((s) => s.version >= 2)
  .sort((a, b) => a.modelAnswer(a.fixture('x')).length - b.modelAnswer(b.fixture('x')).length)[0]!;
const previous = scenario.version - 1;

/** Rewrites the attempts in the shared e2e database as if recorded before the upgrade (the server keeps running). */
async function recordUnderPreviousVersion(attemptIds: number[]) {
  const db = openE2eDatabase();
  try {
    await db.updateTable('attempts').set({ scenario_version: previous }).where('id', 'in', attemptIds).execute();
  } finally {
    await db.destroy();
  }
}

const attemptIdOf = (url: string) => Number(/\/drills\/(\d+)/.exec(url)![1]);

test('after a scenario update: an old finished result keeps its score, an old unfinished drill is closed and started again', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await logIn(page, 'changli.officer');

  // One attempt finished and one left halfway, both before the "upgrade".
  let seed = await startDrill(page, scenario.id, 'practice');
  for (const step of modelAnswerFor(scenario.id, seed)) await submitStep(page, scenario.id, seed, step);
  await expect(page.getByTestId('score-total')).toHaveText('100');
  const finishedId = attemptIdOf(page.url());
  seed = await startDrill(page, scenario.id, 'practice');
  const activeId = attemptIdOf(page.url());
  for (const step of modelAnswerFor(scenario.id, seed).slice(0, 2)) await submitStep(page, scenario.id, seed, step);
  await recordUnderPreviousVersion([finishedId, activeId]);

  // The finished attempt: its stored result, with the note instead of a re-scored breakdown.
  const result = await page.goto(`/drills/${finishedId}/result`);
  expect(result!.status()).toBe(200);
  await expect(page.getByTestId('version-note')).toContainText(`按场景第${previous}版评定`);
  await expect(page.getByTestId('version-note')).toContainText(`第${scenario.version}版`);
  await expect(page.getByTestId('score-total')).toHaveText('100');
  await expect(page.getByTestId('score-verdict')).toHaveText('合格');
  await expect(page.getByTestId('rubric')).toHaveCount(0);
  const documents = await page.goto(`/drills/${finishedId}/documents`);
  expect(documents!.status()).toBe(200);
  await expect(page.getByTestId('version-note')).toContainText('不再提供');

  // A step posted from a tab opened before the upgrade is refused, nothing written.
  const stale = await page.request.post(`/drills/${activeId}`, { form: { _intent: 'handIn', _version: '2' } });
  expect(stale.status()).toBe(409);

  // The unfinished attempt, without JavaScript: why it cannot go on, and a plain form to start again.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const officer = await noJs.newPage();
  await logIn(officer, 'changli.officer');
  const drill = await officer.goto(`/drills/${activeId}`);
  expect(drill!.status()).toBe(200);
  const note = officer.getByTestId('version-note');
  await expect(note).toContainText(`按场景第${previous}版开始`);
  await expect(note).toContainText(`更新到第${scenario.version}版`);
  await expect(note).toContainText('不计成绩');
  await officer.getByRole('button', { name: '按新版本重新开始练习' }).click();
  await expect(officer).toHaveURL(/\/drills\/\d+$/);
  expect(attemptIdOf(officer.url())).not.toBe(activeId);
  await expect(officer.getByTestId('drill')).toHaveAttribute('data-version', '0');
  // The old one is closed: the history says so and its page still explains it.
  await officer.goto('/officer');
  await expect(
    officer.getByTestId('attempt-history').locator('tr', { has: officer.locator(`a[href="/drills/${activeId}"]`) }),
  ).toContainText('已关闭（场景更新）');
  await officer.goto(`/drills/${activeId}/result`);
  await expect(officer).toHaveURL(new RegExp(`/drills/${activeId}$`));
  await expect(officer.getByTestId('drill-outdated')).toBeVisible();
  await noJs.close();

  // A manager's drill-down opens both.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await logIn(manager, 'admin');
  for (const [id, text] of [
    [finishedId, `按场景第${previous}版评定`],
    [activeId, '不计成绩'],
  ] as const) {
    const response = await manager.goto(`/reports/attempts/${id}`);
    expect(response!.status()).toBe(200);
    await expect(manager.getByTestId('version-note')).toContainText(text);
  }
  await managerContext.close();
});
