// No page may carry a NUL byte or broken UTF-8 (React 18.3's streaming renderer put zero bytes
// inside Chinese text; docs/decisions/152-no-nul-in-streamed-html.md). The raw bytes are checked,
// as a browser receives them (streamed) and as a crawler does (the whole document at once).
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { modelAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

const CRAWLER = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

/** Fetches pages and notes every one whose body is not clean UTF-8 HTML. */
class PageChecker {
  readonly problems: string[] = [];
  checked = 0;
  constructor(private readonly request: APIRequestContext) {}

  /** Checks `path` in both render modes and returns its HTML (to follow its links). */
  async check(path: string): Promise<string> {
    let html = '';
    for (const headers of [{}, { 'user-agent': CRAWLER }] as Record<string, string>[]) {
      const response = await this.request.get(path, { headers, maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toBe('text/html; charset=utf-8');
      const body = await response.body();
      this.checked++;
      const mode = headers['user-agent'] ? '整页' : '流式';
      const nul = body.indexOf(0);
      if (nul >= 0) {
        const around = body
          .subarray(Math.max(0, nul - 24), nul + 24)
          .toString('utf8')
          .replaceAll('\0', '\\0');
        this.problems.push(`${path}（${mode}）第 ${nul} 字节为 NUL：${around}`);
      }
      try {
        html = new TextDecoder('utf-8', { fatal: true }).decode(body);
      } catch {
        this.problems.push(`${path}（${mode}）不是有效的 UTF-8`);
      }
    }
    return html;
  }
}

/** The distinct same-site links of `html` whose path matches `pattern`. */
function links(html: string, pattern: RegExp): string[] {
  const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  return [...new Set(hrefs.filter((href) => pattern.test(href)))];
}

const attemptPath = (page: Page) => new URL(page.url()).pathname.match(/^\/drills\/\d+/)![0];

for (const scenario of listScenarios()) {
  test(`“${scenario.title}”: the demo, every step of a drill, its result and documents pages are clean`, async ({
    page,
  }) => {
    await logIn(page, 'changli.officer');
    const pages = new PageChecker(page.request);
    await pages.check('/officer');

    // The demo plays the scenario's own seed: the same bytes on every run.
    const demo = await pages.check(`/scenarios/${scenario.id}/demo`);
    const demoSteps = links(demo, /^\/scenarios\/[^/]+\/demo\?step=\d+$/);
    expect(demoSteps.length).toBeGreaterThan(1);
    for (const href of demoSteps) await pages.check(href);

    // A drill through its model answer; before each step, the page and every form it offers.
    const seed = await startDrill(page, scenario.id, 'practice');
    const drill = attemptPath(page);
    for (const answer of modelAnswerFor(scenario.id, seed)) {
      const html = await pages.check(drill);
      for (const href of links(html, /^\/drills\/\d+\?step=/)) await pages.check(href);
      await submitStep(page, scenario.id, seed, answer);
    }
    await expect(page).toHaveURL(new RegExp(`${drill}/result$`));
    await pages.check(`${drill}/result`);
    await pages.check(`${drill}/documents`);

    expect(pages.problems).toEqual([]);
    expect(pages.checked).toBeGreaterThan(2 * (demoSteps.length + 4));
  });
}

test('the login page and the manager’s pages (home, units, reports, print, an attempt, the catalogue) are clean', async ({
  page,
  browser,
}) => {
  const pages = new PageChecker(page.request);
  await pages.check('/login');

  // An attempt of this run's own, for the attempt and officer reports.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await logIn(officer, 'changli.officer');
  await startDrill(officer, listScenarios()[0]!.id, 'practice');
  const attemptId = attemptPath(officer).split('/')[2]!;
  await officerContext.close();

  await logIn(page, 'qhd.manager');
  const home = await pages.check('/manager');
  const units = links(home, /^\/units\/1303[\w-]*$/); // 秦皇岛市 and its units; the province is out of reach
  expect(units.length).toBeGreaterThanOrEqual(9);
  for (const href of units) await pages.check(href);

  for (const path of ['/reports/print', '/reports?period=year']) await pages.check(path);
  const reports = await pages.check('/reports');
  const unitReports = links(reports, /^\/reports\/units\/[\w-]+$/);
  expect(unitReports).toHaveLength(9);
  for (const href of unitReports) {
    const unit = await pages.check(href);
    for (const officerReport of links(unit, /^\/reports\/officers\/\d+$/).slice(0, 2)) await pages.check(officerReport);
  }
  const attempt = await pages.check(`/reports/attempts/${attemptId}`);
  const [officerReport] = links(attempt, /^\/reports\/officers\/\d+$/);
  expect(officerReport).toBeTruthy();
  await pages.check(officerReport!);

  await pages.check('/assignments');
  // Issued 通报 (those another spec of this run issued, if it ran first) and the issuing page.
  const bulletins = await pages.check('/reports/bulletins');
  for (const href of links(bulletins, /^\/reports\/bulletins\/\d+$/)) await pages.check(href);
  const catalogue = await pages.check('/catalogue');
  // Built-ins only: trainers' scenarios come and go with other specs of the run (published, retired).
  const entries = links(catalogue, /^\/catalogue\/[\w-]+$/).filter((href) => !href.startsWith('/catalogue/custom-'));
  expect(entries).toHaveLength(listScenarios().length);
  for (const href of entries) await pages.check(href);

  expect(pages.problems).toEqual([]);
});
