import { expect, type Page } from '@playwright/test';
import { getScenario } from '../scenarios/index';
import type { AnswerStep } from '../scenarios/types';

/** Starts a drill from the officer home and returns the attempt's scenario fixture seed. */
export async function startDrill(page: Page, scenarioId: string, mode: 'practice' | 'assessment') {
  await page.goto('/officer');
  await page
    .locator(`[data-scenario="${scenarioId}"]`)
    .getByRole('button', { name: mode === 'practice' ? '练习' : '考核' })
    .click();
  await expect(page).toHaveURL(/\/drills\/\d+$/);
  const seed = await page.getByTestId('drill').getAttribute('data-seed');
  expect(seed).toBeTruthy();
  return seed!;
}

/** The model answer for this attempt, from the scenario code (pure, so the test can run it too). */
export function modelAnswerFor(scenarioId: string, seed: string): AnswerStep[] {
  const scenario = getScenario(scenarioId)!;
  return scenario.modelAnswer(scenario.fixture(seed));
}

/** The step forms of this attempt, to know each field's kind. */
export function stepsFor(scenarioId: string, seed: string) {
  const scenario = getScenario(scenarioId)!;
  return scenario.steps(scenario.fixture(seed));
}

/** Opens a step through the system's module navigation and fills its form with `values`. */
export async function fillStep(page: Page, scenarioId: string, seed: string, answer: AnswerStep) {
  const step = stepsFor(scenarioId, seed).find((s) => s.id === answer.stepId)!;
  await page.getByRole('navigation', { name: '系统模块' }).getByRole('link', { name: step.title, exact: true }).click();
  await expect(page.getByRole('heading', { name: step.title, level: 2, exact: true })).toBeVisible();
  const form = page.locator('form.step-form');
  for (const field of step.fields) {
    const raw = answer.values[field.name];
    const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    const input = form.locator(`[name="${field.name}"]`);
    switch (field.kind) {
      case 'select':
        await input.selectOption(list[0] ?? '');
        break;
      case 'multiselect':
        for (const box of await input.all()) {
          const value = await box.getAttribute('value');
          if (list.includes(value!)) await box.check();
          else await box.uncheck();
        }
        break;
      case 'checkbox':
        if (list[0] === 'on' || list[0] === 'true') await input.check();
        else await input.uncheck();
        break;
      default:
        await input.fill(list[0] ?? '');
    }
  }
  return form;
}

/** Fills and submits one step; waits until the attempt's version moved on (or the result page). */
export async function submitStep(page: Page, scenarioId: string, seed: string, answer: AnswerStep) {
  const before = Number(await page.getByTestId('drill').getAttribute('data-version'));
  const form = await fillStep(page, scenarioId, seed, answer);
  await form.getByRole('button', { name: '提交' }).click();
  const accepted = page
    .locator(`[data-testid="drill"][data-version="${before + 1}"]`)
    .or(page.getByTestId('score-total'));
  const refused = page.getByTestId('drill-error');
  await expect(accepted.or(refused).first()).toBeVisible();
  if (await refused.isVisible()) throw new Error(`步骤 ${answer.stepId} 被拒绝：${await refused.textContent()}`);
}
