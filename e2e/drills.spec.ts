import { expect, test } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import type { Skill } from '../scenarios/types';
import { modelAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

const oneScenarioPerSkill = (['onboarding', 'inspection', 'documents', 'case'] as Skill[])
  .map((skill) => listScenarios({ skill })[0])
  .filter((s) => s !== undefined);

for (const scenario of oneScenarioPerSkill) {
  test(`the model answer of “${scenario.title}” (${scenario.skill}) scores 100 in the browser`, async ({ page }) => {
    await logIn(page, 'changli.officer');
    const seed = await startDrill(page, scenario.id, 'practice');
    for (const answer of modelAnswerFor(scenario.id, seed)) {
      await submitStep(page, scenario.id, seed, answer);
    }
    await expect(page).toHaveURL(/\/drills\/\d+\/result$/);
    await expect(page.getByTestId('score-total')).toHaveText('100');
    await expect(page.getByTestId('score-verdict')).toHaveText('合格');
  });
}
