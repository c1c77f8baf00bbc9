import { expect, test, type APIRequestContext } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import type { AnswerStep } from '../scenarios/types';
import { modelAnswerFor, startDrill, stepsFor } from './drill-support';
import { logIn } from './support';

type Values = AnswerStep['values'];
type StepOf = ReturnType<typeof stepsFor>[number];

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

/** Invalid variants of a step's model values: empty, too long, wrong type, a bad USCC check character. */
function invalidVariants(step: StepOf, valid: Values): { what: string; values: Values }[] {
  const variants: { what: string; values: Values }[] = [];
  if (step.fields.some((f) => f.required)) {
    variants.push({ what: '全部为空', values: Object.fromEntries(step.fields.map((f) => [f.name, ''])) });
  }
  for (const field of step.fields) {
    if (field.kind === 'text' || field.kind === 'textarea') {
      variants.push({ what: `${field.label}过长`, values: { ...valid, [field.name]: '长'.repeat((field.maxLength ?? 100) + 1) } });
    }
    if (field.kind === 'number') variants.push({ what: `${field.label}不是数字`, values: { ...valid, [field.name]: '一百' } });
    if (field.kind === 'date') variants.push({ what: `${field.label}不是日期`, values: { ...valid, [field.name]: '2025-02-30' } });
    if (field.kind === 'select' || field.kind === 'multiselect') {
      variants.push({ what: `${field.label}不是选项`, values: { ...valid, [field.name]: 'no-such-option' } });
    }
    const current = valid[field.name];
    if (/统一社会信用代码/.test(field.label) && typeof current === 'string' && current.length === 18) {
      const last = current.at(-1) === '0' ? '1' : '0';
      variants.push({ what: '统一社会信用代码校验位错误', values: { ...valid, [field.name]: current.slice(0, 17) + last } });
    }
  }
  return variants;
}

for (const scenario of listScenarios()) {
  test(`every form of “${scenario.title}” refuses invalid input with a Chinese field error and stores nothing`, async ({ page }) => {
    await logIn(page, 'changli.officer');
    const seed = await startDrill(page, scenario.id, 'practice');
    const url = new URL(page.url()).pathname;

    // Garbage in the envelope is refused, never a server error.
    for (const data of ['_intent=step&_step=nope&_version=0', '_intent=explode', '_intent=step&_step=x&_version=-1', '_version=abc', '']) {
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
        expect(await response.text(), `${step.title}：${variant.what}`).toMatch(/role="alert"[^>]*>(<li>)?[^<]*[\u4e00-\u9fff]/);
        checked++;
      }
      // Nothing was stored: the attempt is still at the same version.
      await page.goto(url);
      await expect(page.getByTestId('drill')).toHaveAttribute('data-version', String(version));
      expect((await post(page.request, url, formBody(envelope, answer.values))).status(), `${step.title}：有效输入`).toBe(302);
      version++;
    }
    expect(checked).toBeGreaterThan(0);
  });
}
