import { expect, test, type APIRequestContext } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import type { AnswerStep } from '../scenarios/types';
import { modelAnswerFor, startDrill, stepsFor } from './drill-support';
import { logIn } from './support';
import { invalidVariants } from '../test/support/invalid-variants';

type Values = AnswerStep['values'];

function formBody(fields: Record<string, string>, values: Values = {}): string {
  const form = new URLSearchParams(fields);
  for (const [name, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value ?? '']) form.append(name, v);
  }
  return form.toString();
}

function post(request: APIRequestContext, url: string, data: string) {
  return request.post(url, { data, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, maxRedirects: 0 });
}

for (const scenario of listScenarios()) {
  test(`every form of “${scenario.title}” refuses invalid input with a Chinese field error and stores nothing`, async ({
    page,
  }) => {
    await logIn(page, 'changli.officer');
    const seed = await startDrill(page, scenario.id, 'practice');
    const url = new URL(page.url()).pathname;

    // Garbage in the envelope is refused, never a server error.
    for (const data of [
      '_intent=step&_step=nope&_version=0',
      '_intent=explode',
      '_intent=step&_step=x&_version=-1',
      '_version=abc',
      '',
    ]) {
      expect((await post(page.request, url, data)).status(), data).toBe(400);
    }

    const steps = stepsFor(scenario.id, seed);
    let version = 0;
    let checked = 0;
    for (const answer of modelAnswerFor(scenario.id, seed)) {
      const step = steps.find((s) => s.id === answer.stepId)!;
      const envelope = { _intent: 'step', _step: step.id, _version: String(version) };
      for (const variant of invalidVariants(step, answer.values)) {
        const response = await post(page.request, url, formBody(envelope, variant.values));
        expect(response.status(), `${step.title}：${variant.what}`).toBe(400);
        expect(await response.text(), `${step.title}：${variant.what}`).toMatch(
          /role="alert"[^>]*>(<li>)?[^<]*[\u4e00-\u9fff]/,
        );
        checked++;
      }
      // Nothing was stored: the attempt is still at the same version.
      await page.goto(url);
      await expect(page.getByTestId('drill')).toHaveAttribute('data-version', String(version));
      expect(
        (await post(page.request, url, formBody(envelope, answer.values))).status(),
        `${step.title}：有效输入`,
      ).toBe(302);
      version++;
    }
    expect(checked).toBeGreaterThan(0);
  });
}
