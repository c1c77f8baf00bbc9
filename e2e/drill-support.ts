import { expect, type Page } from '@playwright/test';
import { applyStep, attemptFixture, attemptSteps, startAttempt } from '../scenarios/engine';
import { getScenario, registerAuthoredVersion } from '../scenarios/index';
import type { AnswerStep, AnyScenario, AttemptState, PracticeHome } from '../scenarios/types';

/**
 * The practice home of each attempt started here, by seed (seeds are random per attempt): the drill
 * page gives it as `data-home`, and the attempt's fixture is the scenario's moved to that home.
 */
const homes = new Map<string, PracticeHome>();

/**
 * Trainers' scenarios the test plays, by id: the version the server runs (built here from the
 * definition the server exports, so the test computes the same fixtures and answers).
 */
const authoredVersions = new Map<string, number>();

/** Makes a trainer's published scenario (built from its exported definition) playable by these helpers. */
export function playAuthored(scenario: AnyScenario): void {
  registerAuthoredVersion(scenario);
  authoredVersions.set(scenario.id, scenario.version);
}

const versionOf = (scenarioId: string) => {
  const scenarioVersion = authoredVersions.get(scenarioId);
  return scenarioVersion === undefined ? {} : { scenarioVersion };
};

/** The practice home the attempt with this seed was started with, if any. */
export function homeOf(seed: string): PracticeHome | undefined {
  return homes.get(seed);
}

/** The attempt's fixture as the server built it (the seed's, in the attempt's home). */
export function fixtureFor(scenarioId: string, seed: string): unknown {
  const home = homes.get(seed);
  return attemptFixture({ scenarioId, ...versionOf(scenarioId), seed, ...(home ? { home } : {}) });
}

/** Plays `answer` through the pure engine as the attempt with this seed would (its home included). */
export function runAnswerFor(scenarioId: string, seed: string, answer: AnswerStep[]): AttemptState {
  const at = '2025-01-06T01:00:00.000Z';
  let state = startAttempt({ scenarioId, ...versionOf(scenarioId), seed, mode: 'practice', at, home: homes.get(seed) });
  answer.forEach((step, i) => {
    const result = applyStep(state, {
      stepId: step.stepId,
      values: step.values,
      at: new Date(Date.parse(at) + (i + 1) * 60_000).toISOString(),
    });
    if (!result.ok) throw new Error(`${scenarioId}/${seed}: ${step.stepId}: ${result.reason}`);
    state = result.state;
  });
  return state;
}

/** Starts a drill from the officer home and returns the attempt's scenario fixture seed. */
export async function startDrill(page: Page, scenarioId: string, mode: 'practice' | 'assessment') {
  await page.goto('/officer');
  await page
    .locator(`[data-scenario="${scenarioId}"]`)
    .getByRole('button', { name: mode === 'practice' ? '练习' : '考核' })
    .click();
  await expect(page).toHaveURL(/\/drills\/\d+$/);
  return drillSeed(page);
}

/**
 * The seed of the drill open on `page` (its `data-seed`), noting its practice home (`data-home`) so
 * that the model answer and the expected documents are computed for the same fixture as the server's.
 */
export async function drillSeed(page: Page): Promise<string> {
  const drill = page.getByTestId('drill');
  const seed = await drill.getAttribute('data-seed');
  expect(seed).toBeTruthy();
  const home = await drill.getAttribute('data-home');
  if (home) homes.set(seed!, JSON.parse(home) as PracticeHome);
  else homes.delete(seed!);
  return seed!;
}

/** The model answer for this attempt, from the scenario code (pure, so the test can run it too). */
export function modelAnswerFor(scenarioId: string, seed: string): AnswerStep[] {
  return getScenario(scenarioId, authoredVersions.get(scenarioId))!.modelAnswer(fixtureFor(scenarioId, seed));
}

/** The step forms of this attempt, to know each field's kind. */
export function stepsFor(scenarioId: string, seed: string) {
  const home = homes.get(seed);
  return attemptSteps({ scenarioId, ...versionOf(scenarioId), seed, ...(home ? { home } : {}) });
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
