/**
 * The 简易程序 当场处罚 workflow's rules of law: the limits of 《行政处罚法》第五十一条 on both sides, the kinds of
 * penalty, disputed facts, 当场收缴 (第六十七条至第七十一条), the filing period and the printed decision.
 */
import { describe, expect, it } from 'vitest';
import { renderDocuments } from '../../scenarios/documents';
import { applyEvent, applyStep, scoreAttempt } from '../../scenarios/engine';
import { getScenario } from '../../scenarios/index';
import { LEGAL } from '../../scenarios/law/legal-constants';
import { addWorkingDays } from '../../scenarios/law/working-days';
import type { AnswerStep, AttemptState } from '../../scenarios/types';
import { summaryAnswer, type SummaryFixture } from '../../scenarios/workflows/summary/kit';
import { summaryLimit, summaryPenaltyProblem } from '../../scenarios/workflows/summary/machine';
import { lostCodes, minutesAfter, runAnswer } from './helpers';

const UNIT = 'summary-unit-on-spot';
const PERSON = 'summary-person-warning-or-fine';
const DISPUTED = 'summary-disputed-facts';
const SEED = 'law-1';

const fixtureOf = (id: string, seed = SEED) => getScenario(id)!.fixture(seed) as SummaryFixture;

/** The attempt just before `stepId` of `answer`, and that step's values. */
function before(id: string, answer: AnswerStep[], stepId: string): { state: AttemptState; step: AnswerStep } {
  const index = answer.findIndex((s) => s.stepId === stepId);
  expect(index).toBeGreaterThanOrEqual(0);
  return { state: runAnswer(id, SEED, answer.slice(0, index)), step: answer[index]! };
}

function submit(state: AttemptState, stepId: string, values: AnswerStep['values']) {
  return applyStep(state, { stepId, values, at: minutesAfter(state.events.at(-1)!.at, 1) });
}

/** Submits the decision of the model answer with `patch` applied to it (a patched amount is notified first). */
function decide(id: string, patch: AnswerStep['values']) {
  const answer = summaryAnswer(fixtureOf(id)).map((s) =>
    s.stepId === 'notify' && typeof patch.amount === 'string' && patch.penaltyType === undefined
      ? { ...s, values: { ...s.values, amount: patch.amount } }
      : s,
  );
  const { state, step } = before(id, answer, 'decision');
  return submit(state, 'decision', { ...step.values, ...patch });
}

/** Notice and decision at `amount`, through to the end. */
const atAmount = (id: string, amount: number) =>
  summaryAnswer(fixtureOf(id), { amount }).map((s) =>
    s.stepId === 'notify' || s.stepId === 'decision' ? { ...s, values: { ...s.values, amount: String(amount) } } : s,
  );

describe('当场处罚的限额（《行政处罚法》第五十一条）', () => {
  it('the limits are the law figures: 3,000 元 for a unit, 200 元 for a person', () => {
    expect(summaryLimit('unit')).toBe(3000);
    expect(summaryLimit('person')).toBe(200);
    expect(LEGAL.summaryLimitUnit.source).toContain('第五十一条');
  });

  it.each([
    [UNIT, 3000, true],
    [UNIT, 3001, false],
    [PERSON, 200, true],
    [PERSON, 201, false],
  ] as const)('%s: a fine of %i 元 on the spot is accepted: %s', (id, amount, accepted) => {
    const result = decide(id, { amount: String(amount) });
    if (accepted) {
      expect(result.ok).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('REFUSED');
    expect(result.reason).toContain('第五十一条');
    expect(result.reason).toContain(id === UNIT ? '3,000元' : '200元');
    expect(result.reason).toContain('普通程序');
  });

  it('a fine at the limit completes and is printed; one above it cannot be decided at all', () => {
    const state = runAnswer(UNIT, SEED, atAmount(UNIT, 3000));
    expect(state.status).toBe('finished');
    const decision = renderDocuments(state).find((d) => d.type === 'summaryDecision')!;
    expect(JSON.stringify(decision)).toContain('罚款人民币3,000元');
    expect(() => runAnswer(UNIT, SEED, atAmount(UNIT, 3001))).toThrow(/第五十一条/);
  });

  it('the unit limit does not apply to a person: 201 元 is refused for a person, accepted for a unit', () => {
    expect(
      summaryPenaltyProblem('person', { violationId: 'ppeNotProvided', penaltyType: 'fine', amount: 201 }),
    ).toMatch(/公民.*200元/);
    expect(
      summaryPenaltyProblem('unit', { violationId: 'ppeNotProvided', penaltyType: 'fine', amount: 201 }),
    ).toBeNull();
  });
});

describe('处罚种类（《行政处罚法》第五十一条；处罚须有法定依据）', () => {
  it('第九十九条 provides no 警告: a warning is refused with the article', () => {
    const result = decide(PERSON, { penaltyType: 'warning', amount: '0' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain('《安全生产法》第九十九条');
    expect(result.reason).toContain('没有规定警告');
  });

  it('a warning is refused already at the 告知', () => {
    const { state, step } = before(PERSON, summaryAnswer(fixtureOf(PERSON)), 'notify');
    const result = submit(state, 'notify', { ...step.values, penaltyType: 'warning', amount: '0' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('没有规定警告');
  });

  it.each(['suspension', 'confiscation'])('%s cannot be decided on the spot', (penaltyType) => {
    const result = decide(UNIT, { penaltyType });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain('只有警告和限额以内的罚款可以当场作出');
    expect(result.reason).toContain('第五十四条');
  });

  it('a fine of 0 元 is outside the article and refused', () => {
    const { state, step } = before(UNIT, summaryAnswer(fixtureOf(UNIT)), 'notify');
    const result = submit(state, 'notify', { ...step.values, amount: '0' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('第九十九条');
  });
});

describe('违法事实确凿（《行政处罚法》第五十一条）', () => {
  it('once the party disputes the facts, an on-the-spot decision is refused and the way out is the general procedure', () => {
    const f = fixtureOf(DISPUTED);
    const model = summaryAnswer(f);
    expect(model.at(-1)!.stepId).toBe('refer');
    const { state } = before(DISPUTED, model, 'refer');
    expect(state.current.availableStepIds).toContain('decision');
    const onSpot = summaryAnswer(f, { procedure: 'onSpot' }).find((s) => s.stepId === 'decision')!;
    const result = submit(state, 'decision', onSpot.values);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('REFUSED');
    expect(result.reason).toContain('违法事实确凿并有法定依据');
    expect(result.reason).toContain('普通程序');
  });

  it('the general procedure ends the workflow in referredToGeneralProcedure with full marks', () => {
    const state = runAnswer(DISPUTED, SEED, summaryAnswer(fixtureOf(DISPUTED)));
    expect(state.current.state).toBe('referredToGeneralProcedure');
    expect(scoreAttempt(state).total).toBe(100);
    const referral = renderDocuments(state).find((d) => d.type === 'summaryReferral')!;
    expect(JSON.stringify(referral)).toContain('第五十四条');
  });

  it('recording the dispute as none and deciding on the spot loses WRONG_PROCEDURE', () => {
    const f = fixtureOf(DISPUTED);
    const state = runAnswer(DISPUTED, SEED, summaryAnswer(f, { procedure: 'onSpot' }));
    expect(state.current.state).toBe('filed');
    expect(lostCodes(state)).toEqual(['WRONG_PROCEDURE']);
    expect(scoreAttempt(state).total).toBeLessThan(100);
  });
});

describe('执法人员和证件（《行政处罚法》第四十二条、第五十二条）', () => {
  it('one officer alone is refused', () => {
    const f = fixtureOf(UNIT);
    const { state, step } = before(UNIT, summaryAnswer(f), 'onSite');
    const result = applyStep(state, {
      stepId: 'onSite',
      values: { ...step.values, officerIds: [f.officers[0]!.id] },
      at: minutesAfter(state.startedAt, 1),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('第四十二条');
  });

  it('no decision without credentials shown', () => {
    const f = fixtureOf(UNIT);
    const late = summaryAnswer(f, { lateCredentials: true }).filter((s) => s.stepId !== 'credentials');
    const { state, step } = before(UNIT, late, 'decision');
    const result = submit(state, 'decision', step.values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('第五十二条');
  });

  it('the decision must be made and handed over on the day of the visit', () => {
    const f = fixtureOf(UNIT);
    const next = addWorkingDays(f.date, 1);
    const result = decide(UNIT, { date: next, correctionDeadline: addWorkingDays(f.date, 5) });
    expect(result.ok).toBe(false);
    const answer = summaryAnswer(f);
    const { state, step } = before(UNIT, answer, 'deliver');
    const late = submit(state, 'deliver', { ...step.values, date: next });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.reason).toContain('当场交付');
  });
});

describe('当场收缴（《行政处罚法》第六十七条至第七十一条）', () => {
  const collect = (id: string, amount: number, ground: string) =>
    decide(id, { amount: String(amount), paymentMethod: 'onSpot', onSpotGround: ground });

  it(`a fine of ${LEGAL.onSpotCollectionMax.value} 元 may be collected on the spot under 第六十八条第（一）项, 101 元 may not`, () => {
    expect(collect(PERSON, 100, 'smallFine').ok).toBe(true);
    const over = collect(PERSON, 101, 'smallFine');
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.reason).toContain('第六十八条第（一）项');
  });

  it('第六十九条 needs a remote place', () => {
    const result = collect(UNIT, 2000, 'remoteArea');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('第六十九条');
  });

  it('collecting on the spot without a ground in the law is refused (罚缴分离, 第六十七条)', () => {
    const state = before(UNIT, summaryAnswer(fixtureOf(UNIT)), 'decision');
    const event = {
      type: 'officer.decideOnSpot',
      at: minutesAfter(state.state.events.at(-1)!.at, 1),
      date: fixtureOf(UNIT).date,
      violationId: fixtureOf(UNIT).violationId,
      penaltyType: 'fine',
      amount: fixtureOf(UNIT).amount,
      correctionDeadline: fixtureOf(UNIT).date,
      paymentMethod: 'onSpot',
      onSpotGround: null,
      paymentDays: 15,
      reconsiderationDays: 60,
      litigationMonths: 6,
    };
    const result = applyEvent(state.state, event);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('第六十七条');
  });

  it('claiming "事后难以执行" against a party with a fixed shop is accepted but loses UNLAWFUL_COLLECTION', () => {
    const f = fixtureOf(PERSON);
    const state = runAnswer(PERSON, SEED, summaryAnswer(f, { collectOnSpot: 'hardToEnforce' }));
    expect(lostCodes(state)).toEqual(['UNLAWFUL_COLLECTION']);
  });

  it(`a fine collected on the spot reaches the authority within ${LEGAL.onSpotFineHandoverPeriod.value} working days`, () => {
    const f = fixtureOf(PERSON);
    const answer = summaryAnswer(f, { collectOnSpot: 'hardToEnforce', filingDelay: 3 });
    const { state, step } = before(PERSON, answer, 'file');
    const missing = submit(state, 'file', { ...step.values, fineHandedOverOn: '' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.reason).toContain('第七十一条');
    const last = addWorkingDays(f.date, LEGAL.onSpotFineHandoverPeriod.value);
    expect(submit(state, 'file', { ...step.values, fineHandedOverOn: last }).ok).toBe(true);
    const late = submit(state, 'file', { ...step.values, fineHandedOverOn: addWorkingDays(last, 1) });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.reason).toContain('第七十一条');
  });
});

describe('备案（《行政处罚法》第五十二条第三款）', () => {
  const filedAfter = (days: number) => runAnswer(UNIT, SEED, summaryAnswer(fixtureOf(UNIT), { filingDelay: days }));

  it(`filing on the ${LEGAL.summaryFilingPeriod.value}th working day keeps the item, the next day loses NOT_FILED`, () => {
    expect(LEGAL.summaryFilingPeriod.check).toBe(true);
    expect(lostCodes(filedAfter(LEGAL.summaryFilingPeriod.value))).toEqual([]);
    expect(lostCodes(filedAfter(LEGAL.summaryFilingPeriod.value + 1))).toEqual(['NOT_FILED']);
  });

  it('a decision never filed leaves the attempt unfinished and NOT_FILED lost when handed in', () => {
    const answer = summaryAnswer(fixtureOf(UNIT));
    const state = runAnswer(UNIT, SEED, answer.slice(0, -1));
    expect(state.status).toBe('active');
    const item = scoreAttempt({ ...state, status: 'finished' }).items.find((i) => i.code === 'NOT_FILED')!;
    expect(item.earned).toBe(0);
  });
});

describe('行政（当场）处罚决定书（《行政处罚法》第五十二条第二款）', () => {
  it.each([UNIT, PERSON])('%s: the decision prints every field the law lists', (id) => {
    const f = fixtureOf(id);
    const state = runAnswer(id, SEED, summaryAnswer(f));
    const docs = renderDocuments(state);
    expect(docs.map((d) => d.type)).toEqual([
      'summaryOnSiteNote',
      'summaryStatementRecord',
      'summaryDecision',
      'summaryFiling',
    ]);
    const decision = JSON.stringify(docs.find((d) => d.type === 'summaryDecision'));
    expect(decision).toContain(f.partyType === 'person' ? f.enterprise.legalRepresentative : f.enterprise.name);
    expect(decision).toContain('第九十九条第（');
    expect(decision).toContain(`罚款人民币${f.amount.toLocaleString('en-US')}元`);
    expect(decision).toContain(f.enterprise.operatingAddress);
    expect(decision).toContain(`${LEGAL.paymentPeriod.value}日内`);
    expect(decision).toContain(`${LEGAL.reconsiderationPeriod.value}日内`);
    expect(decision).toContain(`${LEGAL.litigationPeriod.value}个月内`);
    expect(decision).toContain(f.authority.name);
    for (const o of f.officers.slice(0, 2)) expect(decision).toContain(o.certificateNo);
    const filing = JSON.stringify(docs.find((d) => d.type === 'summaryFiling'));
    expect(filing).toContain(state.snapshot.context && docs.find((d) => d.type === 'summaryDecision')!.number!);
  });

  it('a reconsideration period entered as 15 days prints as 15 days and loses WRONG_DECISION_FIELDS', () => {
    const state = runAnswer(UNIT, SEED, summaryAnswer(fixtureOf(UNIT), { reconsiderationDays: 15 }));
    expect(JSON.stringify(renderDocuments(state))).toContain('15日内');
    expect(lostCodes(state)).toEqual(['WRONG_DECISION_FIELDS']);
  });
});
