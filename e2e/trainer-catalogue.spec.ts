import { expect, test } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { WORKFLOWS } from '../scenarios/workflows';
import { logIn } from './support';

// Server-rendered: the catalogue, its rubric and the workflow diagram show without JavaScript.
test.use({ javaScriptEnabled: false });

test('the trainer’s scenario catalogue shows each scenario’s brief, skill, minutes, rubric and workflow, and previews it', async ({
  page,
}) => {
  await logIn(page, 'trainer');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '场景目录' }).click();
  const scenarios = listScenarios();
  await expect(page.getByTestId('catalogue').locator('tbody tr')).toHaveCount(scenarios.length);
  const scenario = listScenarios({ skill: 'case' })[0]!;
  // Within the built-ins' table: an imported trainer's scenario may carry the same title.
  await page.getByTestId('catalogue').getByRole('link', { name: scenario.title, exact: true }).click();
  await expect(page.getByRole('heading', { name: scenario.title, level: 1 })).toBeVisible();
  await expect(page.getByTestId('scenario-brief')).toHaveText(scenario.brief);
  await expect(page.getByTestId('scenario-skill')).toHaveText('案件办理');
  await expect(page.getByTestId('scenario-minutes')).toHaveText(`${scenario.estimatedMinutes} 分钟`);
  const rubric = page.getByTestId('scenario-rubric').locator('tbody tr');
  await expect(rubric).toHaveCount(scenario.rubric.length);
  await expect(rubric.first()).toContainText(scenario.rubric[0]!.citation);
  const states = Object.keys(
    (WORKFLOWS[scenario.workflow].machine as unknown as { root: { states: object } }).root.states,
  );
  await expect(page.getByTestId('workflow-graph').locator('[data-state]')).toHaveCount(states.length);
  await expect(page.getByTestId('workflow-graph')).toContainText('立案');

  // Preview: the model answer step by step, nothing recorded.
  await page.getByRole('link', { name: /预览/ }).click();
  await expect(page.getByTestId('demo-step')).toContainText('第 1 /');
});

test('an officer cannot open the catalogue of trainers', async ({ page }) => {
  await logIn(page, 'changli.officer');
  const response = await page.goto('/catalogue');
  expect(response?.status()).toBe(403);
});
