// Screenshots of the readiness report and a drill step at a 1366 px desktop and a 390 px phone,
// each checked: the verdict in view without scrolling sideways, the unit column sticky, no page
// wider than the phone.
import { expect, test, type Page } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { modelAnswerFor, startDrill, stepsFor } from './drill-support';
import { logIn } from './support';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, '页面不应横向溢出').toBeLessThanOrEqual(0);
}

async function shoot(page: Page, name: string) {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/** The verdict column (header and every cell) lies inside the viewport and inside the scroll box at scrollLeft 0. */
async function expectVerdictInView(page: Page) {
  const scroll = page.getByTestId('readiness-scroll');
  expect(await scroll.evaluate((el) => el.scrollLeft)).toBe(0);
  const box = (await scroll.boundingBox())!;
  const viewport = page.viewportSize()!;
  const cells = page.getByTestId('readiness-table').locator('[data-col="level"]');
  expect(await cells.count()).toBeGreaterThan(1);
  await expect(cells.first()).toHaveText('达标等级');
  for (const cell of await cells.all()) {
    const b = (await cell.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(box.x);
    expect(b.x + b.width).toBeLessThanOrEqual(Math.min(box.x + box.width, viewport.width));
  }
}

/** Scrolled fully to the right, the unit cells still sit at the scroll box's left edge. */
async function expectStickyUnitColumn(page: Page) {
  const scroll = page.getByTestId('readiness-scroll');
  const [scrollWidth, clientWidth] = await scroll.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scrollWidth, '表格应可横向滚动，才能检查固定列').toBeGreaterThan(clientWidth);
  const unit = page.getByTestId('readiness-table').locator('tbody th[scope="row"]').first();
  const before = (await unit.boundingBox())!;
  await scroll.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await expect.poll(() => scroll.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  const after = (await unit.boundingBox())!;
  expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(1);
  // The first figure column has moved under it.
  const firstFigure = page.getByTestId('readiness-table').locator('tbody tr').first().locator('td').first();
  expect((await firstFigure.boundingBox())!.x).toBeLessThan(after.x + after.width);
}

test('the readiness report at 1366 px: verdict in view, unit column sticky; at 390 px the page fits', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await logIn(page, 'qhd.manager');
  await page.goto('/reports');
  await expect(page.getByTestId('readiness-table').locator('tbody tr')).toHaveCount(9);
  await expectVerdictInView(page);
  // The default column groups fit the screen whole.
  const fits = await page.getByTestId('readiness-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits, '默认列组在 1366 px 下应无需横向滚动').toBe(true);
  await shoot(page, 'report-1366');

  // Every column group: wider than the screen, the verdict still first and the unit column sticky.
  await page.goto('/reports?cols=drill,skills,real');
  await expect(page.getByTestId('readiness-table')).toHaveAttribute('data-groups', 'drill,skills,real');
  await expectVerdictInView(page);
  await shoot(page, 'report-1366-all-columns');
  await expectStickyUnitColumn(page);

  await page.setViewportSize(PHONE);
  await page.goto('/reports');
  await expect(page.getByTestId('readiness-table').locator('tbody tr')).toHaveCount(9);
  await expectNoHorizontalOverflow(page);
  await shoot(page, 'report-390');
  await expectStickyUnitColumn(page);
  await expectNoHorizontalOverflow(page);
});

test('a drill step at 1366 px and at 390 px', async ({ page }) => {
  const scenario = listScenarios({ skill: 'inspection' })[0]!;
  await page.setViewportSize(DESKTOP);
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, scenario.id, 'practice');
  const first = modelAnswerFor(scenario.id, seed)[0]!;
  const step = stepsFor(scenario.id, seed).find((s) => s.id === first.stepId)!;
  await page.getByRole('navigation', { name: '系统模块' }).getByRole('link', { name: step.title, exact: true }).click();
  await expect(page.getByRole('heading', { name: step.title, level: 2, exact: true })).toBeVisible();
  const form = page.locator('form.step-form');
  await expect(form).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await shoot(page, 'drill-step-1366');

  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(form).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await shoot(page, 'drill-step-390');
});
