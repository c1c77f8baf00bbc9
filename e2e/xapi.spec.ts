import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { XAPI_PLATFORM_BASE } from '../app/utils/env.server';
import { listScenarios } from '../scenarios/index';
import { modelAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

// The e2e server runs without XAPI_BASE_URL, so records carry the default address.
const EXT = `${XAPI_PLATFORM_BASE}/xapi/extensions`;

interface Statement {
  id: string;
  actor: { name: string; account: { homePage: string; name: string } };
  verb: { id: string };
  object: { id: string; definition: { name: Record<string, string> } };
  result?: { score: { raw: number; scaled: number }; success: boolean; completion: boolean; duration: string };
  context: { extensions: Record<string, unknown> };
  timestamp: string;
}

test('an officer’s finished drill is in the manager’s xAPI export; officers may not export', async ({
  page,
  browser,
}) => {
  const scenario = listScenarios({ skill: 'documents' })[0]!;
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, scenario.id, 'practice');
  for (const answer of modelAnswerFor(scenario.id, seed)) await submitStep(page, scenario.id, seed, answer);
  await expect(page).toHaveURL(/\/drills\/\d+\/result$/);
  await expect(page.getByTestId('score-total')).toHaveText('100');
  const attemptId = Number(/\/drills\/(\d+)\/result$/.exec(page.url())![1]);

  // Officers get no learning records of anyone.
  expect((await page.request.get('/reports/xapi.json', { maxRedirects: 0 })).status()).toBe(403);

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await logIn(manager, 'qhd.manager');
  await manager.goto('/reports');
  const download = manager.waitForEvent('download');
  await manager.getByRole('link', { name: '导出学习记录（xAPI 标准）' }).click();
  const file = await (await download).path();
  const statements = JSON.parse(readFileSync(file!, 'utf8')) as Statement[];
  expect(Array.isArray(statements)).toBe(true);

  const ours = statements.filter((s) => s.context.extensions[`${EXT}/attempt-id`] === attemptId);
  const verbs = ours.map((s) => s.verb.id);
  expect(verbs).toContain('http://adlnet.gov/expapi/verbs/completed');
  expect(verbs).toContain('http://adlnet.gov/expapi/verbs/passed');
  expect(verbs).not.toContain('http://adlnet.gov/expapi/verbs/failed');
  const passed = ours.find((s) => s.verb.id.endsWith('/passed'))!;
  expect(passed.actor.account).toEqual({ homePage: XAPI_PLATFORM_BASE, name: 'changli.officer' });
  expect(passed.object.id).toBe(`${XAPI_PLATFORM_BASE}/scenarios/${scenario.id}`);
  expect(passed.object.definition.name['zh-CN']).toBe(scenario.title);
  expect(passed.result).toMatchObject({ score: { raw: 100, scaled: 1 }, success: true, completion: true });
  expect(passed.result!.duration).toMatch(/^PT/);
  expect(passed.context.extensions).toMatchObject({
    [`${EXT}/seed`]: seed,
    [`${EXT}/mode`]: 'practice',
    [`${EXT}/unit-code`]: '130322',
    [`${EXT}/error-codes`]: [],
  });
  // Only Qinhuangdao's officers (unit codes 1303…).
  for (const s of statements) expect(String(s.context.extensions[`${EXT}/unit-code`])).toMatch(/^1303/);

  // The same export again gives the same statement ids; a reversed period is refused in Chinese.
  const again = (await (await manager.request.get('/reports/xapi.json?period=year')).json()) as Statement[];
  expect(again.filter((s) => s.context.extensions[`${EXT}/attempt-id`] === attemptId).map((s) => s.id)).toEqual(
    expect.arrayContaining(ours.map((s) => s.id)),
  );
  const refused = await manager.request.get('/reports/xapi.json?from=2026-03-10&to=2026-03-01');
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain('开始日期不能晚于结束日期');
  await managerContext.close();
});
