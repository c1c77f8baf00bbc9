/**
 * 复查转立案 (issue 14): 安全生产法 第一百零二条 — the unit's fine (五万元以下, both tiers), the fines on the
 * directly responsible persons (五万元以上十万元以下), 停产停业整顿 only when the unit 拒不执行, the 法制审核 and
 * 集体讨论 such a decision needs, and the 复查 after the deadline. Every one of these rules is the inspection's
 * or the case's own, judged in the chain. Boundary values on both sides.
 */
import { describe, expect, it } from 'vitest';
import { renderDocuments } from '../../scenarios/documents';
import { applyStep, scoreAttempt } from '../../scenarios/engine';
import { getScenario } from '../../scenarios/index';
import type { DocumentContent } from '../../scenarios/lib/document';
import type { AnswerStep, AttemptState } from '../../scenarios/types';
import { recheckDueBy } from '../../scenarios/workflows/inspection/machine';
import { orderDeadline } from '../../scenarios/workflows/inspection/kit';
import { personFineProblem } from '../../scenarios/law/penalties';
import { recheckCaseAnswer, type RecheckCaseFixture } from '../../scenarios/workflows/recheckCase/kit';
import type { RecheckCaseContext } from '../../scenarios/workflows/recheckCase/machine';
import { addDays } from '../../scenarios/law/working-days';
import { lostCodes, minutesAfter, runAnswer, T0 } from './helpers';

const REFUSED = 'chain-hazard-not-eliminated';
const PARTLY = 'chain-rectified-partly';
const SEED = 'law-1';

const fixtureOf = (id: string, seed = SEED) => getScenario(id)!.fixture(seed) as RecheckCaseFixture;

/** Runs `answer` up to (not including) the first `stepId`, then submits that step with `values` changed. */
function submitWith(id: string, answer: AnswerStep[], stepId: string, values: Record<string, string | string[]>) {
  const index = answer.findIndex((s) => s.stepId === stepId);
  const state = runAnswer(id, SEED, answer.slice(0, index));
  const step = answer[index]!;
  return {
    state,
    result: applyStep(state, {
      stepId,
      values: { ...step.values, ...values },
      at: minutesAfter(T0, index + 1),
    }),
  };
}

function refusal(result: ReturnType<typeof applyStep>): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.reason;
}

const text = (doc: DocumentContent) =>
  [
    doc.title,
    doc.number ?? '',
    ...doc.sections.flatMap((s) => [...(s.fields ?? []).map((f) => f.value), ...s.lines]),
  ].join('\n');

describe("复查 after the rectification deadline (the inspection workflow's rule)", () => {
  const f = fixtureOf(REFUSED);
  const deadline = orderDeadline(f.inspection);

  it.each([
    ['on the deadline', 0],
    ['before the deadline', -2],
  ])('a 复查 %s is refused with the rule', (_label, offset) => {
    const { result } = submitWith(REFUSED, recheckCaseAnswer(f), 'recheck', { date: addDays(deadline, offset) });
    const reason = refusal(result);
    expect(reason).toContain('复查须在整改期限届满后进行');
    expect(reason).toContain(deadline);
  });

  it('the day after the deadline is accepted and opens the case', () => {
    const { result } = submitWith(REFUSED, recheckCaseAnswer(f), 'recheck', { date: addDays(deadline, 1) });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.state.current.state).toBe('filing');
  });

  it('a late 复查 (after the 复查 period) is accepted but loses RECHECK_LATE only', () => {
    const late = addDays(recheckDueBy(deadline), 1);
    const state = runAnswer(REFUSED, SEED, recheckCaseAnswer(f, { recheckOn: late }));
    expect(state.status).toBe('finished');
    expect(lostCodes(state)).toEqual(['RECHECK_LATE']);
  });

  it('a case cannot be filed before the 复查', () => {
    const answer = recheckCaseAnswer(f);
    const state = runAnswer(REFUSED, SEED, []);
    const file = answer.find((s) => s.stepId === 'file')!;
    const result = applyStep(state, { stepId: 'file', values: file.values, at: minutesAfter(T0, 1) });
    expect(result.ok).toBe(false);
  });

  it('a 复查 that finds everything removed closes the inspection: no case', () => {
    const all = f.inspection.items.filter((i) => i.verdict !== 'ok').map((i) => i.id);
    const state = runAnswer(REFUSED, SEED, [
      { stepId: 'recheck', values: { date: addDays(deadline, 1), rectifiedItemIds: all } },
    ]);
    expect(state.status).toBe('finished');
    expect(state.current.state).toBe('closed');
    expect((state.snapshot.context as RecheckCaseContext).case).toBeNull();
    expect(scoreAttempt(state).total).toBeLessThan(100);
  });
});

describe("《安全生产法》第一百零二条: the unit's fine (五万元以下)", () => {
  it.each([
    [REFUSED, 'uncorrected'],
    [PARTLY, 'first'],
  ])('%s (%s tier): 50,000 is accepted, 50,001 refused with the article', (id, tierId) => {
    const f = fixtureOf(id);
    expect(f.case.tierId).toBe(tierId);
    const answer = recheckCaseAnswer(f);
    expect(submitWith(id, answer, 'notice', { amount: '50000' }).result.ok).toBe(true);
    const over = submitWith(id, answer, 'notice', { amount: '50001' }).result;
    expect(over.ok).toBe(false);
    if (!over.ok) expect(JSON.stringify(over.fieldErrors ?? over.reason)).toContain('第一百零二条');
  });
});

describe("《安全生产法》第一百零二条: the directly responsible persons (五万元以上十万元以下, the case's 双罚 rule)", () => {
  const f = fixtureOf(REFUSED);
  const answer = recheckCaseAnswer(f);
  const first = f.case.responsible[0]!;
  const second = f.case.responsible[1]!;

  it('the model answer fines both responsible persons on the notice and the decision', () => {
    for (const stepId of ['notice', 'decision']) {
      const values = answer.find((s) => s.stepId === stepId)!.values;
      expect([values.person1Name, values.person2Name]).toEqual([first.name, second.name]);
    }
  });

  it.each([
    ['49999', false],
    ['50000', true],
    ['100000', true],
    ['100001', false],
  ])('a fine of %s on a responsible person: accepted %s', (amount, ok) => {
    const { result } = submitWith(REFUSED, answer, 'notice', { person1Amount: amount });
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.reason).toContain('第一百零二条');
      expect(result.reason).toContain('直接负责的主管人员和其他直接责任人员');
    }
  });

  it('the range function reads both ends inclusively', () => {
    expect(personFineProblem('art102', 'uncorrected', 49_999)).not.toBeNull();
    expect(personFineProblem('art102', 'uncorrected', 50_000)).toBeNull();
    expect(personFineProblem('art102', 'uncorrected', 100_000)).toBeNull();
    expect(personFineProblem('art102', 'uncorrected', 100_001)).not.toBeNull();
  });

  it('persons are fined only when the unit refuses (the first tier has no such fine)', () => {
    const p = fixtureOf(PARTLY);
    const { result } = submitWith(PARTLY, recheckCaseAnswer(p), 'notice', {
      person1Name: p.case.responsible[0]!.name,
      person1Amount: '60000',
    });
    const reason = refusal(result);
    expect(reason).toContain('第一百零二条');
    expect(reason).toContain('该档次不对直接负责的主管人员和其他直接责任人员处罚款');
  });

  it("a refusing unit's notice without the persons' fines is refused (双罚)", () => {
    const { result } = submitWith(REFUSED, answer, 'notice', {
      person1Name: '',
      person1Amount: '',
      person2Name: '',
      person2Amount: '',
    });
    expect(refusal(result)).toContain('双罚');
  });

  it('leaving out a responsible person loses PERSON_FINES_WRONG only', () => {
    const state = runAnswer(REFUSED, SEED, recheckCaseAnswer(f, { case: { personFines: 'omitOne' } }));
    expect(state.status).toBe('finished');
    expect(lostCodes(state)).toEqual(['PERSON_FINES_WRONG']);
  });

  it('a decision may not fine a person the notice did not name, or more than notified (第四十四条, 第四十五条第二款)', () => {
    const told = recheckCaseAnswer(f, { case: { personFines: 'omitOne' } });
    const unnamed = submitWith(REFUSED, told, 'decision', { person2Name: second.name, person2Amount: '60000' });
    expect(refusal(unnamed.result)).toContain('第四十四条');
    const more = submitWith(REFUSED, told, 'decision', { person1Amount: '100000' });
    // The model's fines lie below the ceiling (personFineShare ≤ 0.5), so 100,000 is more than notified.
    expect(told.find((s) => s.stepId === 'notice')!.values.person1Amount).not.toBe('100000');
    expect(refusal(more.result)).toContain('第四十五条第二款');
  });
});

describe('停产停业整顿 only when the unit 拒不执行 (the tier orders it)', () => {
  it('停产停业整顿 carries the right to a hearing (《行政处罚法》第六十三条)', () => {
    const f = fixtureOf(REFUSED);
    const state = runAnswer(REFUSED, SEED, recheckCaseAnswer(f, { case: { hearingRightStated: false } }));
    expect(lostCodes(state)).toEqual(['HEARING_RIGHT_MISSING']);
  });

  it("taking the first tier for a refusing unit loses WRONG_TIER only (no 停产停业整顿, no persons' fines)", () => {
    const f = fixtureOf(REFUSED);
    const state = runAnswer(REFUSED, SEED, recheckCaseAnswer(f, { case: { tierId: 'first' } }));
    expect(state.status).toBe('finished');
    expect(lostCodes(state)).toEqual(['WRONG_TIER']);
  });
});

describe("法制审核 (第五十八条) and 集体讨论 (第五十七条第二款): the case's rule, judged in the chain", () => {
  it.each([REFUSED, PARTLY])('%s: the model answer holds both before the decision', (id) => {
    const ids = recheckCaseAnswer(fixtureOf(id)).map((s) => s.stepId);
    expect(ids.indexOf('legalReview')).toBeGreaterThan(ids.indexOf('notice'));
    expect(ids.indexOf('discussion')).toBeGreaterThan(ids.indexOf('legalReview'));
    expect(ids.indexOf('decision')).toBeGreaterThan(ids.indexOf('discussion'));
  });

  it.each([REFUSED, PARTLY])('%s: a decision without 法制审核 is refused', (id) => {
    const answer = recheckCaseAnswer(fixtureOf(id)).filter((s) => !['legalReview', 'discussion'].includes(s.stepId));
    expect(refusal(submitWith(id, answer, 'decision', {}).result)).toContain('第五十八条');
  });

  it.each([REFUSED, PARTLY])('%s: a decision after 法制审核 but without 集体讨论 is refused', (id) => {
    const answer = recheckCaseAnswer(fixtureOf(id)).filter((s) => s.stepId !== 'discussion');
    expect(refusal(submitWith(id, answer, 'decision', {}).result)).toContain('第五十七条第二款');
  });

  it.each([
    ['LEGAL_REVIEW', { reviewerId: 'reviewer-3' }],
    ['COLLECTIVE_DISCUSSION', { discussionSize: 2 }],
  ] as const)("%s: the case's mistake in the chain loses that item only", (code, options) => {
    const state = runAnswer(REFUSED, SEED, recheckCaseAnswer(fixtureOf(REFUSED), { case: options }));
    expect(state.status).toBe('finished');
    expect(lostCodes(state)).toEqual([code]);
  });

  it('an unqualified reviewer is refused (第五十八条第二款)', () => {
    const { result } = submitWith(REFUSED, recheckCaseAnswer(fixtureOf(REFUSED)), 'legalReview', {
      reviewerId: 'reviewer-2',
    });
    expect(refusal(result)).toContain('第五十八条第二款');
  });
});

describe("the chain's documents", () => {
  function play(id: string): { state: AttemptState; docs: DocumentContent[] } {
    const state = runAnswer(id, SEED, recheckCaseAnswer(fixtureOf(id)));
    return { state, docs: renderDocuments(state) };
  }

  it("the refused case prints 停产停业整顿 and each person's fine on the notice and the decision", () => {
    const f = fixtureOf(REFUSED);
    const { docs } = play(REFUSED);
    expect(docs.map((d) => d.type)).toEqual([
      'onSiteRecord',
      'rectificationOrder',
      'recheckOpinion',
      'caseFiling',
      'penaltyNotice',
      'hearingNotice',
      'legalReview',
      'collectiveDiscussion',
      'penaltyDecision',
      'serviceReceipt',
    ]);
    for (const type of ['penaltyNotice', 'penaltyDecision']) {
      const body = text(docs.find((d) => d.type === type)!);
      expect(body).toContain('停产停业整顿');
      expect(body).toContain('第一百零二条');
      for (const p of f.case.responsible) expect(body).toMatch(new RegExp(`${p.name}（${p.role}）拟?处罚款人民币`));
    }
    expect(text(docs.find((d) => d.type === 'penaltyDecision')!)).toContain('责令你单位停产停业整顿');
    const opinion = text(docs.find((d) => d.type === 'recheckOpinion')!);
    expect(opinion).toContain('未整改完毕');
    expect(opinion).not.toContain('已整改完毕。');
  });

  it('the inspection and the case are two register entries: one number each', () => {
    const { docs } = play(REFUSED);
    const entry = (types: string[]) =>
      new Set(docs.filter((d) => types.includes(d.type)).map((d) => d.number!.replace(/应急.+?〔/, '〔')));
    expect(entry(['onSiteRecord', 'rectificationOrder', 'recheckOpinion']).size).toBe(1);
    expect(
      entry([
        'caseFiling',
        'penaltyNotice',
        'hearingNotice',
        'legalReview',
        'collectiveDiscussion',
        'penaltyDecision',
        'serviceReceipt',
      ]).size,
    ).toBe(1);
  });

  it("the partly rectified case records each item and prints no 停产停业整顿 or persons' fines", () => {
    const f = fixtureOf(PARTLY);
    const { docs } = play(PARTLY);
    const opinion = text(docs.find((d) => d.type === 'recheckOpinion')!);
    expect(opinion).toContain('已整改完毕');
    expect(opinion).toContain('未整改完毕');
    const decision = text(docs.find((d) => d.type === 'penaltyDecision')!);
    expect(decision).not.toContain('停产停业整顿');
    for (const p of f.case.responsible) expect(decision).not.toContain(`${p.name}（${p.role}）处罚款`);
  });
});
