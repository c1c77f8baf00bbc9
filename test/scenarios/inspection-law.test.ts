/**
 * The law of the inspection workflow as every inspection scenario enforces it: 现场处理措施 only for
 * 重大事故隐患 and for a stated period (安全生产法 第65条第1款第(三)项), 复查 only after the rectification
 * deadline, the inspection's times of day (第68条), and the citations the documents rest on.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, applyStep, scoreAttempt } from '../../scenarios/engine';
import { getScenario, listScenarios } from '../../scenarios/index';
import {
  generalItems,
  majorItems,
  orderDeadline,
  type InspectionFixture,
} from '../../scenarios/workflows/inspection/kit';
import { standardItem } from '../../scenarios/lib/hazard-standard';
import type { AnswerStep, AttemptState } from '../../scenarios/types';
import { recheckDueBy, type InspectionContext } from '../../scenarios/workflows/inspection/machine';
import { LEGAL } from '../../scenarios/law/legal-constants';
import { addDays, addMonths } from '../../scenarios/law/working-days';
import { lostCodes, minutesAfter, runAnswer, T0 } from './helpers';

const INSPECTIONS = listScenarios().filter((s) => s.workflow === 'inspection');
const SEEDS = ['law-1', 'law-2', 'law-3'];

function setUp(scenarioId: string, seed: string) {
  const scenario = getScenario(scenarioId)!;
  const fixture = scenario.fixture(seed) as InspectionFixture;
  const answer = scenario.modelAnswer(fixture);
  return { scenario, fixture, answer };
}

/** Plays the answer up to (not including) `stepId`. */
function until(
  scenarioId: string,
  seed: string,
  answer: AnswerStep[],
  stepId: string,
): { state: AttemptState; step: AnswerStep } {
  const index = answer.findIndex((s) => s.stepId === stepId);
  expect(index).toBeGreaterThanOrEqual(0);
  return { state: runAnswer(scenarioId, seed, answer.slice(0, index)), step: answer[index]! };
}

function submit(state: AttemptState, stepId: string, values: AnswerStep['values']) {
  return applyStep(state, { stepId, values, at: minutesAfter(T0, 60) });
}

it('covers the inspection scenarios', () => {
  expect(INSPECTIONS.map((s) => s.id).sort()).toEqual([
    'docs-ammonia-orders',
    'inspect-confined-space',
    'inspect-dust-explosion',
    'inspect-hazardous-chemicals',
    'inspect-metallurgy',
  ]);
});

describe.each(INSPECTIONS.map((s) => [s.id] as const))('%s: 现场处理措施 (安全生产法 第65条第1款第(三)项)', (id) => {
  it.each(SEEDS)('refuses measures for an ordinary hazard, naming it and the article (seed %s)', (seed) => {
    const { fixture, answer } = setUp(id, seed);
    const { state, step } = until(id, seed, answer, 'measures');
    const ordinary = generalItems(fixture)[0]!;
    const result = submit(state, 'measures', { ...step.values, itemIds: [ordinary.id] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('REFUSED');
    expect(result.reason).toContain(`"${ordinary.area}"未认定为重大事故隐患`);
    expect(result.reason).toContain('《安全生产法》第六十五条第一款第（三）项');
  });

  it.each(SEEDS)('refuses measures that list ordinary hazards beside the major one (seed %s)', (seed) => {
    const { fixture, answer } = setUp(id, seed);
    const { state, step } = until(id, seed, answer, 'measures');
    const result = submit(state, 'measures', {
      ...step.values,
      itemIds: [...majorItems(fixture).map((i) => i.id), ...generalItems(fixture).map((i) => i.id)],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('第六十五条第一款第（三）项');
  });

  it('accepts the lawful measures and prints nothing wrong in the score', () => {
    const { answer } = setUp(id, 'law-1');
    const state = runAnswer(id, 'law-1', answer);
    const context = state.snapshot.context as InspectionContext;
    expect(context.measures).not.toBeNull();
    expect(scoreAttempt(state).total).toBe(100);
  });

  it('refuses a period that ends on the decision day or runs past the limit', () => {
    const { answer } = setUp(id, 'law-1');
    const { state, step } = until(id, 'law-1', answer, 'measures');
    const date = step.values.date as string;
    const sameDay = submit(state, 'measures', { ...step.values, until: date });
    expect(sameDay.ok).toBe(false);
    if (!sameDay.ok) expect(sameDay.fieldErrors?.until?.[0]).toContain('须晚于决定日期');
    const tooLong = addDays(addMonths(date, LEGAL.onSiteMeasureMaxMonths.value), 1);
    const viaForm = submit(state, 'measures', { ...step.values, until: tooLong });
    expect(viaForm.ok).toBe(false);
    if (!viaForm.ok) expect(viaForm.fieldErrors?.until?.[0]).toContain(LEGAL.onSiteMeasureMaxMonths.source);
    // The workflow refuses it too when the event bypasses the form.
    const measuresStep = getScenario(id)!
      .steps(getScenario(id)!.fixture('law-1'))
      .find((s) => s.id === 'measures')!;
    const event = {
      ...measuresStep.toEvent(measuresStep.schema.parse(step.values), minutesAfter(T0, 60)),
      until: tooLong,
    };
    const viaEvent = applyEvent(state, event);
    expect(viaEvent.ok).toBe(false);
    if (!viaEvent.ok) {
      expect(viaEvent.code).toBe('REFUSED');
      expect(viaEvent.reason).toContain(`${LEGAL.onSiteMeasureMaxMonths.value}个月`);
    }
    const lastDay = submit(state, 'measures', {
      ...step.values,
      until: addMonths(date, LEGAL.onSiteMeasureMaxMonths.value),
    });
    expect(lastDay.ok).toBe(true);
  });

  it('judges the fit of the measure (WRONG_MEASURE) in every scenario with measures', () => {
    expect(getScenario(id)!.rubric.map((r) => r.code)).toEqual(
      expect.arrayContaining(['NO_ONSITE_MEASURES', 'WRONG_MEASURE']),
    );
  });
});

describe('现场处理措施 when the major hazard was not recognised', () => {
  it('is refused, and the loss is counted once, as MAJOR_HAZARD_MISSED', () => {
    const id = 'inspect-dust-explosion';
    const { scenario, fixture, answer } = setUp(id, 'law-missed');
    const major = majorItems(fixture)[0]!;
    const findings = answer.find((s) => s.stepId === 'findings')!;
    const judgedGeneral = answer.map((s) =>
      s.stepId === 'findings'
        ? { ...s, values: { ...findings.values, [`verdict_${major.id}`]: 'general', [`clause_${major.id}`]: '' } }
        : s,
    );
    const { state, step } = until(id, 'law-missed', judgedGeneral, 'measures');
    const refused = submit(state, 'measures', step.values);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain('检查结论中没有认定重大事故隐患');
    const item = scenario.rubric.find((r) => r.code === 'MAJOR_HAZARD_MISSED')!;
    expect(lostCodes(runAnswer(id, 'law-missed', item.mistake.apply(answer, fixture)))).toEqual([
      'MAJOR_HAZARD_MISSED',
    ]);
  });
});

describe.each(INSPECTIONS.map((s) => [s.id] as const))('%s: 复查 after the rectification deadline', (id) => {
  it('refuses a recheck one day after the order, and on the deadline itself, with the rule and its source', () => {
    const { fixture, answer } = setUp(id, 'law-1');
    const { state, step } = until(id, 'law-1', answer, 'recheck');
    const orderDate = answer.find((s) => s.stepId === 'order')!.values.date as string;
    for (const date of [addDays(orderDate, 1), orderDeadline(fixture)]) {
      const result = submit(state, 'recheck', { ...step.values, date });
      expect(result.ok, date).toBe(false);
      if (result.ok) continue;
      expect(result.code).toBe('REFUSED');
      expect(result.reason).toContain('复查须在整改期限届满后进行');
      expect(result.reason).toContain(LEGAL.recheckPeriod.source);
    }
    expect(submit(state, 'recheck', { ...step.values, date: addDays(orderDeadline(fixture), 1) }).ok).toBe(true);
  });

  it('loses RECHECK_LATE only for a recheck later than the period', () => {
    const { answer } = setUp(id, 'law-1');
    // The period's last day moves past a weekend or holiday it falls on (recheckDueBy).
    const dueBy = recheckDueBy(answer.find((x) => x.stepId === 'order')!.values.deadline as string);
    const late = answer.map((s) =>
      s.stepId === 'recheck' ? { ...s, values: { ...s.values, date: addDays(dueBy, 1) } } : s,
    );
    expect(lostCodes(runAnswer(id, 'law-1', late))).toEqual(['RECHECK_LATE']);
    const lastDay = answer.map((s) => (s.stepId === 'recheck' ? { ...s, values: { ...s.values, date: dueBy } } : s));
    expect(lostCodes(runAnswer(id, 'law-1', lastDay))).toEqual([]);
  });
});

describe.each(INSPECTIONS.map((s) => [s.id] as const))('%s: 检查时间 on the 现场检查记录 (安全生产法 第68条)', (id) => {
  it('records the start and end times the fixture gives, within working hours', () => {
    for (const seed of SEEDS) {
      const { fixture, answer } = setUp(id, seed);
      const context = runAnswer(id, seed, answer).snapshot.context as InspectionContext;
      expect(context.onSiteRecord!.startedAt).toBe(`${fixture.inspectionOn}T${fixture.inspectionTimes.start}`);
      expect(context.onSiteRecord!.endedAt).toBe(`${fixture.inspectionOn}T${fixture.inspectionTimes.end}`);
      expect(fixture.inspectionTimes.start >= '08:00' && fixture.inspectionTimes.end <= '18:00').toBe(true);
      expect(fixture.inspectionTimes.end > fixture.inspectionTimes.start).toBe(true);
    }
  });

  it('refuses an end time not after the start, in the form and in the workflow', () => {
    const { fixture, answer } = setUp(id, 'law-1');
    const { state, step } = until(id, 'law-1', answer, 'record');
    const start = step.values.startedAt as string;
    for (const endedAt of [start, `${fixture.inspectionOn}T07:59`]) {
      const viaForm = submit(state, 'record', { ...step.values, endedAt });
      expect(viaForm.ok).toBe(false);
      if (!viaForm.ok) expect(viaForm.fieldErrors?.endedAt?.[0]).toContain('《安全生产法》第六十八条');
    }
    const recordStep = getScenario(id)!
      .steps(fixture)
      .find((s) => s.id === 'record')!;
    const event = { ...recordStep.toEvent(recordStep.schema.parse(step.values), minutesAfter(T0, 60)), endedAt: start };
    const viaEvent = applyEvent(state, event);
    expect(viaEvent.ok).toBe(false);
    if (!viaEvent.ok) expect(viaEvent.reason).toContain('检查结束时间须晚于开始时间');
  });

  it('refuses a start on another day than the inspection, and a record dated before the end', () => {
    const { fixture, answer } = setUp(id, 'law-1');
    const { state, step } = until(id, 'law-1', answer, 'record');
    const dayBefore = submit(state, 'record', {
      ...step.values,
      startedAt: `${addDays(fixture.inspectionOn, -1)}T09:00`,
    });
    expect(dayBefore.ok).toBe(false);
    if (!dayBefore.ok) expect(dayBefore.reason).toContain('检查开始时间须在检查日期');
    const nextDay = submit(state, 'record', { ...step.values, endedAt: `${addDays(fixture.inspectionOn, 1)}T09:00` });
    expect(nextDay.ok).toBe(false);
    if (!nextDay.ok) expect(nextDay.reason).toContain('现场检查记录日期不能早于检查结束时间');
    expect(submit(state, 'record', { ...step.values, endedAt: 'yesterday' }).ok).toBe(false);
  });
});

describe('citations', () => {
  it('cite the 2023 standard by article and item', () => {
    expect(standardItem('G1').citation).toBe('《工贸企业重大事故隐患判定标准》第三条第（一）项');
    expect(standardItem('D3').citation).toBe('《工贸企业重大事故隐患判定标准》第十一条第（三）项');
    expect(standardItem('D10').citation).toBe('《工贸企业重大事故隐患判定标准》第十一条第（十）项');
    expect(standardItem('A2').citation).toBe('《工贸企业重大事故隐患判定标准》第十二条第（二）项');
    expect(standardItem('C2').citation).toBe('《工贸企业重大事故隐患判定标准》第十三条第（二）项');
  });

  it.each(INSPECTIONS.map((s) => [s.id] as const))(
    '%s: every site item names the 2021 安全生产法 duty it violates, never 第四十二条 (dangerous goods and dormitories)',
    (id) => {
      for (const seed of SEEDS) {
        const fixture = getScenario(id)!.fixture(seed) as InspectionFixture;
        for (const item of fixture.items) {
          expect(item.basis).toMatch(/^《安全生产法》第[一二三四五六七八九十百]+条/);
          expect(item.basis).not.toContain('第四十二条');
          expect(['violation', 'hazard']).toContain(item.nature);
          if (item.verdict === 'major') expect(item.nature).toBe('hazard');
        }
      }
    },
  );
});

describe('refusals of the 责令限期整改指令书 name the step the law requires first', () => {
  it('an item not recorded as a hazard is named, with 第六十五条第一款', () => {
    const id = 'inspect-dust-explosion';
    const { fixture, answer } = setUp(id, 'law-1');
    const { state, step } = until(
      id,
      'law-1',
      answer.filter((s) => s.stepId !== 'measures'),
      'order',
    );
    const compliant = fixture.items.find((i) => i.verdict === 'ok')!;
    const result = submit(state, 'order', { ...step.values, itemIds: [compliant.id] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain(`"${compliant.area}"在检查结论中不是隐患`);
    expect(result.reason).toContain('《安全生产法》第六十五条第一款第（二）项、第（三）项');
  });
});
