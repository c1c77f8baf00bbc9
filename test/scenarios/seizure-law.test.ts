/**
 * The law of the 查封扣押 workflow as every seizure scenario enforces it: only the objects of 《安全生产法》
 * 第六十五条第一款第（四）项 are seized; 《行政强制法》第十八条 (approval, two officers with credentials,
 * rights told, statement heard), 第十九条 (24 hours to approve an emergency measure), 第二十四条 (decision
 * and list delivered on the spot, names and quantities), 第二十五条 (≤30 days, one extension ≤30 days
 * before the period ends, by the head), 第二十七条/第二十八条 (outcome within the period; after it, only
 * release). Each limit is tested on both sides.
 */
import { describe, expect, it } from 'vitest';
import { renderDocuments } from '../../scenarios/documents';
import { applyEvent, applyStep, scoreAttempt } from '../../scenarios/engine';
import { getScenario, listScenarios } from '../../scenarios/index';
import { LEGAL } from '../../scenarios/law/legal-constants';
import { addDays } from '../../scenarios/law/working-days';
import type { AnswerStep, AttemptState } from '../../scenarios/types';
import {
  HEAD_ID,
  periodEndOf,
  seizableItems,
  validOfficers,
  type SeizureFixture,
} from '../../scenarios/workflows/seizure/kit';
import type { SeizureContext } from '../../scenarios/workflows/seizure/machine';
import { lostCodes, minutesAfter, runAnswer, T0 } from './helpers';

const SEIZURES = listScenarios().filter((s) => s.workflow === 'seizure');
const EQUIPMENT = 'seize-substandard-equipment';
const CHEMICALS = 'seize-illegal-chemicals';
const SEEDS = ['law-1', 'law-2', 'law-3'];

function setUp(id: string, seed: string) {
  const scenario = getScenario(id)!;
  const fixture = scenario.fixture(seed) as SeizureFixture;
  return { scenario, fixture, answer: scenario.modelAnswer(fixture) };
}

/** Plays the answer up to (not including) `stepId`. */
function until(id: string, seed: string, answer: AnswerStep[], stepId: string) {
  const index = answer.findIndex((s) => s.stepId === stepId);
  expect(index).toBeGreaterThanOrEqual(0);
  return { state: runAnswer(id, seed, answer.slice(0, index)), step: answer[index]! };
}

function submit(state: AttemptState, stepId: string, values: AnswerStep['values']) {
  return applyStep(state, { stepId, values, at: minutesAfter(T0, 60) });
}

function refused(result: ReturnType<typeof submit>, ...phrases: string[]) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe('REFUSED');
  for (const phrase of phrases) expect(result.reason).toContain(phrase);
}

const context = (state: AttemptState) => state.snapshot.context as SeizureContext;

/** Every word printed on the attempt's document of `type`. */
function printedText(state: AttemptState, type: string): string {
  const d = renderDocuments(state).find((x) => x.type === type)!;
  return [
    ...d.sections.flatMap((s) => [...(s.fields ?? []).map((f) => `${f.label}${f.value}`), ...s.lines]),
    d.note ?? '',
  ].join('\n');
}

/** The model answer played to the end, with its documents' types. */
function modelRun(id: string, seed: string) {
  const { scenario, fixture } = setUp(id, seed);
  const state = runAnswer(id, seed, scenario.modelAnswer(fixture));
  return { fixture, state, types: renderDocuments(state).map((d) => d.type) };
}

it('covers the two seizure scenarios', () => {
  expect(SEIZURES.map((s) => s.id).sort()).toEqual([CHEMICALS, EQUIPMENT]);
});

describe.each(SEIZURES.map((s) => [s.id] as const))('%s', (id) => {
  describe('查封扣押的对象 (《安全生产法》第六十五条第一款第（四）项)', () => {
    it.each(SEEDS)(
      'refuses to seize an item recorded as an ordinary hazard, naming it and the article (%s)',
      (seed) => {
        const { fixture, answer } = setUp(id, seed);
        const other = fixture.items.find((i) => i.category === 'hazard' || i.category === 'ok')!;
        const { state, step } = until(id, seed, answer, 'decision');
        const result = submit(state, 'decision', {
          ...step.values,
          itemIds: [...(step.values.itemIds as string[]), other.id],
          [`qty_${other.id}`]: String(other.quantity),
        });
        refused(result, `"${other.name}"`, '《安全生产法》第六十五条第一款第（四）项', '第（三）项');
      },
    );

    it.each(SEEDS)('accepts exactly the seizable items (%s)', (seed) => {
      const { fixture, answer } = setUp(id, seed);
      const { state, step } = until(id, seed, answer, 'decision');
      const result = submit(state, 'decision', step.values);
      expect(result.ok).toBe(true);
      if (result.ok)
        expect(context(result.state).decision!.items.map((i) => i.itemId)).toEqual(
          seizableItems(fixture).map((i) => i.id),
        );
    });
  });

  describe('查封扣押清单 (《行政强制法》第二十四条)', () => {
    it('refuses a decision whose list leaves out the quantity of a seized item', () => {
      const { fixture, answer } = setUp(id, 'law-1');
      const item = seizableItems(fixture)[0]!;
      const { state, step } = until(id, 'law-1', answer, 'decision');
      refused(submit(state, 'decision', { ...step.values, [`qty_${item.id}`]: '' }), '清单', '第二十四条');
      refused(submit(state, 'decision', { ...step.values, [`qty_${item.id}`]: '0' }), '清单', '第二十四条');
    });

    it('refuses a decision not delivered on the day of the measure', () => {
      const { fixture, answer } = setUp(id, 'law-2');
      const { state, step } = until(id, 'law-2', answer, 'decision');
      refused(
        submit(state, 'decision', { ...step.values, date: addDays(fixture.seizedOn, 1) }),
        '当场交付',
        '第二十四条',
      );
    });
  });

  describe(`期限 (《行政强制法》第二十五条：不超过${LEGAL.seizureMaxDays.value}日)`, () => {
    it.each(SEEDS)('accepts a period of 30 days and refuses 31 (%s)', (seed) => {
      const { fixture, answer } = setUp(id, seed);
      const { state, step } = until(id, seed, answer, 'decision');
      const day = fixture.seizedOn;
      expect(submit(state, 'decision', { ...step.values, periodStart: day, periodEnd: addDays(day, 30) }).ok).toBe(
        true,
      );
      refused(
        submit(state, 'decision', { ...step.values, periodStart: day, periodEnd: addDays(day, 31) }),
        '不得超过30日',
        '《行政强制法》第二十五条第一款',
        '31日',
      );
    });

    it('refuses a period that starts before the measure or ends on its first day', () => {
      const { fixture, answer } = setUp(id, 'law-1');
      const { state, step } = until(id, 'law-1', answer, 'decision');
      const day = fixture.seizedOn;
      refused(
        submit(state, 'decision', { ...step.values, periodStart: addDays(day, -1), periodEnd: addDays(day, 20) }),
      );
      refused(submit(state, 'decision', { ...step.values, periodStart: day, periodEnd: day }), '第二十四条');
    });

    it('scores a period stated from the next day (31 days of seizure) as WRONG_PERIOD', () => {
      const { fixture, answer } = setUp(id, 'law-3');
      const late = answer.map((s) =>
        s.stepId === 'decision'
          ? {
              ...s,
              values: {
                ...s.values,
                periodStart: addDays(fixture.seizedOn, 1),
                periodEnd: addDays(fixture.seizedOn, 31),
              },
            }
          : s,
      );
      expect(lostCodes(runAnswer(id, 'law-3', late))).toEqual(['WRONG_PERIOD']);
    });
  });

  describe('实施程序 (《行政强制法》第十八条、第十九条)', () => {
    it('refuses to enforce without approval unless it is an emergency', () => {
      const { answer } = setUp(id, 'law-1');
      const state = runAnswer(id, 'law-1', []);
      const record = answer.find((s) => s.stepId === 'record')!;
      refused(submit(state, 'record', record.values), '负责人报告并经批准', '第十八条第（一）项', '第十九条');
      expect(submit(state, 'record', { ...record.values, emergency: 'on' }).ok).toBe(true);
    });

    it('refuses an approval by an officer instead of the head', () => {
      const { fixture, answer } = setUp(id, 'law-1');
      const state = runAnswer(id, 'law-1', []);
      const approve = answer.find((s) => s.stepId === 'approve')!;
      refused(
        submit(state, 'approve', { ...approve.values, approvedBy: fixture.officers[0]!.id }),
        '负责人',
        '第十八条',
      );
      expect(submit(state, 'approve', { ...approve.values, approvedBy: HEAD_ID }).ok).toBe(true);
    });

    it('accepts the approval of an emergency measure within 24 hours and refuses it after', () => {
      const { fixture, answer } = setUp(id, 'law-2');
      const record = answer.find((s) => s.stepId === 'record')!;
      const decision = answer.find((s) => s.stepId === 'decision')!;
      const approve = answer.find((s) => s.stepId === 'approve')!;
      const state = runAnswer(id, 'law-2', [
        { stepId: 'record', values: { ...record.values, emergency: 'on' } },
        decision,
      ]);
      const next = `${addDays(fixture.seizedOn, 1)}T${fixture.times.start}`;
      expect(submit(state, 'approve', { ...approve.values, approvedAt: next }).ok).toBe(true);
      const plusOne = `${addDays(fixture.seizedOn, 1)}T${String(Number(fixture.times.start.slice(0, 2)) + 1).padStart(2, '0')}${fixture.times.start.slice(2)}`;
      refused(submit(state, 'approve', { ...approve.values, approvedAt: plusOne }), '24小时', '第十九条');
    });

    it('without the approval of an emergency measure, refuses a confiscation but accepts a release', () => {
      const { answer } = setUp(CHEMICALS, 'law-1');
      const record = answer.find((s) => s.stepId === 'record')!;
      const decision = answer.find((s) => s.stepId === 'decision')!;
      const outcome = answer.find((s) => s.stepId === 'outcome')!;
      const state = runAnswer(CHEMICALS, 'law-1', [
        { stepId: 'record', values: { ...record.values, emergency: 'on' } },
        decision,
      ]);
      const date = decision.values.date as string;
      refused(submit(state, 'outcome', { ...outcome.values, date }), '补办批准手续', '第十九条');
      const release = submit(state, 'outcome', { date, outcome: 'release', reason: '负责人认为不应当采取扣押措施。' });
      expect(release.ok).toBe(true);
      if (release.ok) expect(lostCodes(release.state)).toContain('NO_APPROVAL');
    });

    it('refuses a team of one, credentials not shown, rights not told or the statement not heard', () => {
      const { fixture, answer } = setUp(id, 'law-3');
      const { state, step } = until(id, 'law-3', answer, 'record');
      const one = [validOfficers(fixture)[0]!.id];
      refused(submit(state, 'record', { ...step.values, officerIds: one }), '两名以上', '第十八条第（二）项');
      refused(submit(state, 'record', { ...step.values, certificatesShown: '' }), '第十八条第（三）项');
      refused(submit(state, 'record', { ...step.values, rightsTold: '' }), '第十八条第（五）项');
      refused(submit(state, 'record', { ...step.values, statement: '' }), '第十八条第（六）项');
      refused(
        submit(state, 'record', { ...step.values, partyPresent: 'absent', witness: '' }),
        '见证人',
        '第十八条第（九）项',
      );
    });
  });
});

describe('延长期限 (《行政强制法》第二十五条)', () => {
  function atExtension(seed: string) {
    const { fixture, answer } = setUp(CHEMICALS, seed);
    const { state, step } = until(CHEMICALS, seed, answer, 'extend');
    return { fixture, state, step, end: periodEndOf(fixture) };
  }

  it.each(SEEDS)('accepts an extension of 30 days and refuses 31 (%s)', (seed) => {
    const { state, step } = atExtension(seed);
    const ok = submit(state, 'extend', { ...step.values, days: '30' });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(context(ok.state).extension!.until).toBe(addDays(context(state).decision!.periodEnd, 30));
    refused(submit(state, 'extend', { ...step.values, days: '31' }), '延长期限不得超过30日', '第二十五条');
  });

  it.each(SEEDS)(
    'accepts an extension decided on the last day of the period and refuses it the day after (%s)',
    (seed) => {
      const { state, step, end } = atExtension(seed);
      expect(submit(state, 'extend', { ...step.values, date: end }).ok).toBe(true);
      refused(
        submit(state, 'extend', { ...step.values, date: addDays(end, 1) }),
        `已于${end}届满，不能再延长`,
        '第二十八条第一款第（四）项',
      );
    },
  );

  it('refuses an extension not approved by the head, without reasons, or a second one', () => {
    const { fixture, state, step } = atExtension('law-1');
    refused(
      submit(state, 'extend', { ...step.values, approvedBy: fixture.officers[1]!.id }),
      '负责人批准',
      '第二十五条',
    );
    refused(submit(state, 'extend', { ...step.values, reason: '' }), '说明理由', '第二十五条');
    const once = submit(state, 'extend', step.values);
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    const again = applyEvent(once.state, {
      type: 'officer.extendSeizure',
      at: minutesAfter(T0, 90),
      date: step.values.date,
      approvedBy: HEAD_ID,
      days: 5,
      reason: '仍需调查',
      partyNotified: true,
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.reason).toContain('已经延长过一次');
  });

  it('scores an extension not notified to the party in writing as WRONG_EXTENSION', () => {
    const { answer } = setUp(CHEMICALS, 'law-2');
    const silent = answer.map((s) =>
      s.stepId === 'extend' ? { ...s, values: { ...s.values, partyNotified: '' } } : s,
    );
    expect(lostCodes(runAnswer(CHEMICALS, 'law-2', silent))).toEqual(['WRONG_EXTENSION']);
  });
});

describe('处理决定 (《行政强制法》第二十七条、第二十八条)', () => {
  it.each(SEEDS)(
    'refuses a confiscation after the period without extension, accepts it on the last day (%s)',
    (seed) => {
      const { fixture, answer } = setUp(CHEMICALS, seed);
      const noExtension = answer.filter((s) => s.stepId !== 'extend');
      const { state, step } = until(CHEMICALS, seed, noExtension, 'outcome');
      const end = periodEndOf(fixture);
      refused(
        submit(state, 'outcome', { ...step.values, date: addDays(end, 1) }),
        `至${end}`,
        '第二十七条',
        '应当解除查封、扣押',
      );
      const onTime = submit(state, 'outcome', { ...step.values, date: end });
      expect(onTime.ok).toBe(true);
      if (onTime.ok) expect(onTime.state.current.state).toBe('confiscated');
    },
  );

  it.each(SEEDS)('after the extended period only a release is possible, and it loses LATE_OUTCOME (%s)', (seed) => {
    const { fixture, answer } = setUp(CHEMICALS, seed);
    const { state, step } = until(CHEMICALS, seed, answer, 'outcome');
    const end = addDays(periodEndOf(fixture), fixture.extension!.days);
    refused(submit(state, 'outcome', { ...step.values, date: addDays(end, 1) }), '第二十七条');
    const release = submit(state, 'outcome', {
      date: addDays(end, 1),
      outcome: 'release',
      reason: '查封扣押期限已经届满。',
    });
    expect(release.ok).toBe(true);
    if (!release.ok) return;
    expect(release.state.status).toBe('finished');
    expect(
      scoreAttempt(release.state)
        .items.filter((i) => i.earned < i.weight)
        .map((i) => i.code),
    ).toEqual(['LATE_OUTCOME']);
    expect(printedText(release.state, 'seizureRelease')).toContain('第二十八条第一款第（四）项');
  });

  it.each(SEEDS)('refuses to confiscate equipment that is only below standard (%s)', (seed) => {
    const { answer } = setUp(EQUIPMENT, seed);
    const { state, step } = until(EQUIPMENT, seed, answer, 'outcome');
    refused(
      submit(state, 'outcome', { ...step.values, outcome: 'confiscate' }),
      '依法应当没收的非法财物',
      '第二十七条',
    );
    expect(submit(state, 'outcome', step.values).ok).toBe(true);
  });

  it('a release within the period cites 第二十八条第一款第（五）项 and returns the items', () => {
    const { state, types } = modelRun(EQUIPMENT, 'law-1');
    expect(types).toEqual(['seizureRecord', 'seizureDecision', 'seizureList', 'seizureRelease']);
    const release = printedText(state, 'seizureRelease');
    expect(release).toContain('第二十八条第一款第（五）项');
    expect(release).toContain('立即退还');
  });
});

describe('documents print what the law requires', () => {
  it.each(SEEDS)(
    'the decision, list and extension carry names, quantities, period, reasons and appeal (%s)',
    (seed) => {
      const { fixture, state, types } = modelRun(CHEMICALS, seed);
      expect(types).toEqual(['seizureRecord', 'seizureDecision', 'seizureList', 'seizureExtension', 'seizureDisposal']);
      const text = (type: string) => printedText(state, type);
      const c = context(state);
      const decision = text('seizureDecision');
      expect(decision).toContain('《中华人民共和国安全生产法》第六十五条第一款第（四）项');
      expect(decision).toContain(`自${fixture.seizedOn.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}起`);
      expect(decision).toContain('扣押期限为30日');
      expect(decision).toContain(`${LEGAL.reconsiderationPeriod.value}日内`);
      const list = text('seizureList');
      for (const item of seizableItems(fixture))
        expect(list).toContain(`${item.name}（${item.spec}）${item.quantity}${item.unit}`);
      expect(list).toContain('一式二份');
      const extension = text('seizureExtension');
      expect(extension).toContain(fixture.extension!.reason);
      expect(extension).toContain(`延长${fixture.extension!.days}日`);
      const disposal = text('seizureDisposal');
      expect(disposal).toContain('《危险化学品安全管理条例》第七十七条第三款');
      expect(disposal).toContain('予以没收');
      const record = text('seizureRecord');
      for (const id of c.record!.officerIds)
        expect(record).toContain(fixture.officers.find((o) => o.id === id)!.certificateNo);
      expect(record).toContain(fixture.statement);
      // One register entry: every document of the seizure carries the same number and year.
      expect(new Set(renderDocuments(state).map((d) => d.number!.replace(/应急.+?〔/, '〔'))).size).toBe(1);
    },
  );
});
