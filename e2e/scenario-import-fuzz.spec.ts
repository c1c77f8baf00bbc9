// Issue 16's property over HTTP: whatever definition a trainer's file holds, importing it, publishing
// it and opening its pages answers with a page (a draft, a refusal with reasons) — never a 500.
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { BUILT_IN_SPECS } from '../scenarios/authoring/spec-examples';
import { logIn } from './support';

/** A built-in's definition with one value somewhere replaced by anything, or nothing like a definition. */
const definition = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom(...BUILT_IN_SPECS), fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }))
      .map(([spec, a, b, value]) => {
        const copy = structuredClone(spec) as unknown as Record<string, unknown>;
        const keys = Object.keys(copy);
        const key = keys[a % keys.length]!;
        const inner = copy[key];
        if (inner && typeof inner === 'object' && !Array.isArray(inner) && b % 2 === 0) {
          const innerKeys = Object.keys(inner);
          (inner as Record<string, unknown>)[innerKeys[b % innerKeys.length]!] = value;
        } else if (b % 3 !== 0) copy[key] = value;
        return copy;
      }),
  },
  { weight: 2, arbitrary: fc.constantFrom(...BUILT_IN_SPECS) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

test('imported definitions publish or are refused with reasons; no request answers 500', async ({ page }) => {
  test.setTimeout(240_000);
  await logIn(page, 'trainer');
  const origin = new URL(page.url()).origin;
  const samples = fc.sample(definition, { seed: 162026, numRuns: 14 });
  let drafts = 0;
  let refused = 0;
  let published = 0;
  for (const [i, scenario] of samples.entries()) {
    const body = Buffer.from(JSON.stringify({ format: 'zhifa-lianbing-scenario', formatVersion: 1, scenario }));
    const imported = await page.request.post('/catalogue/import', {
      multipart: { file: { name: `fuzz-${i}.json`, mimeType: 'application/json', buffer: body } },
      headers: { Origin: origin },
      maxRedirects: 0,
    });
    expect([302, 400], `导入第${i}个定义`).toContain(imported.status());
    if (imported.status() === 400) {
      refused++;
      expect(await imported.text()).toMatch(/[\u4e00-\u9fa5]/);
      continue;
    }
    drafts++;
    const id = /\/catalogue\/(custom-[0-9a-f]+)$/.exec(imported.headers()['location']!)![1]!;
    const publish = await page.request.post(`/catalogue/${id}`, {
      form: { intent: 'publish' },
      headers: { Origin: origin },
      maxRedirects: 0,
    });
    expect(publish.status(), `发布第${i}个定义`).toBeLessThan(500);
    for (const path of [`/catalogue/${id}`, `/catalogue/${id}/preview`, `/catalogue/${id}/edit`])
      expect((await page.request.get(path)).status(), path).toBe(200);
    // Published, or a draft with the gate's reasons beside it.
    const shown = await (await page.request.get(`/catalogue/${id}`)).text();
    if (/data-testid="library-status"[^>]*>已发布/.test(shown)) published++;
    else expect(shown, `第${i}个定义未发布时应列出原因`).toContain('data-testid="publish-refused"');
    // Published ones are visible province-wide: retire them so other tests' lists stay as they expect.
    await page.request.post(`/catalogue/${id}`, {
      form: { intent: 'retire', confirm: 'yes' },
      headers: { Origin: origin },
      maxRedirects: 0,
    });
  }
  expect(drafts).toBeGreaterThan(0);
  expect(published).toBeGreaterThan(0);
  expect(refused).toBeGreaterThan(0);
});
