import { expect, test } from '@playwright/test';
import { getScenario } from '../scenarios/index';
import { generalItems, type InspectionFixture } from '../scenarios/workflows/inspection/kit';
import { fillStep, fixtureFor, modelAnswerFor, startDrill, submitStep } from './drill-support';
import { logIn } from './support';

test('a 现场处理措施决定书 for an ordinary hazard is refused with the article; the lawful one is accepted and printed with its period', async ({
  page,
}) => {
  const id = 'inspect-dust-explosion';
  await logIn(page, 'changli.officer');
  const seed = await startDrill(page, id, 'practice');
  const fixture = fixtureFor(id, seed) as InspectionFixture;
  const answer = modelAnswerFor(id, seed);
  const at = answer.findIndex((s) => s.stepId === 'measures');
  for (const step of answer.slice(0, at)) await submitStep(page, id, seed, step);

  // 责令暂时停产停业 for an ordinary hazard: 第65条第1款第(三)项 allows it for major hazards only.
  const measures = answer[at]!;
  const ordinary = generalItems(fixture)[0]!;
  const version = await page.getByTestId('drill').getAttribute('data-version');
  const form = await fillStep(page, id, seed, {
    stepId: 'measures',
    values: { ...measures.values, itemIds: [ordinary.id], measures: ['suspendProduction'] },
  });
  await form.getByRole('button', { name: '提交' }).click();
  const refusal = page.getByTestId('drill-error');
  await expect(refusal).toContainText(`"${ordinary.area}"未认定为重大事故隐患`);
  await expect(refusal).toContainText('《安全生产法》第六十五条第一款第（三）项');
  await expect(page.getByTestId('drill')).toHaveAttribute('data-version', version!);

  // The lawful decision (the major hazard, a fitting measure, a period) goes through, and so does the rest.
  for (const step of answer.slice(at)) await submitStep(page, id, seed, step);
  await expect(page).toHaveURL(/\/drills\/\d+\/result$/);
  await expect(page.getByTestId('score-total')).toHaveText('100');
  const until = measures.values.until as string;
  const [y, m, d] = until.split('-').map(Number);
  const decision = page.locator('[data-testid="document-page"][data-type="onSiteMeasures"]');
  await expect(decision).toContainText(`至${y}年${m}月${d}日止`);
  await expect(decision).toContainText('第六十五条第一款第（三）项');
  await expect(decision).not.toContainText(ordinary.observation);
});
