/**
 * 复查转立案 (issue 14): 安全生产法 第一百零二条 — the unit's fine (五万元以下, both tiers), the fines on the
 * directly responsible persons (五万元以上十万元以下), 停产停业整顿 only when the unit 拒不执行, and the
 * 复查 after the deadline (the inspection's rule, applied in the chain). Boundary values on both sides.
 */
import { describe, expect, it } from 'vitest';
import { renderDocuments } from '../../scenarios/documents';
import { applyStep, scoreAttempt } from '../../scenarios/engine';
import { getScenario } from '../../scenarios/index';
import type { DocumentContent } from '../../scenarios/lib/document';
import type { AnswerStep, AttemptState } from '../../scenarios/types';
import { recheckDueBy } from '../../scenarios/workflows/inspection/machine';
import { orderDeadline } from '../../scenarios/workflows/inspection/kit';
import { personFineRangeProblem } from '../../scenarios/law/penalties';
import { personFineField, recheckCaseAnswer, type RecheckCaseFixture } from '../../scenarios/workflows/recheckCase/kit';
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

describe('《安全生产法》第一百零二条: the directly responsible persons (五万元以上十万元以下)', () => {
  const f = fixtureOf(REFUSED);
  const answer = recheckCaseAnswer(f);
  const field = personFineField(f.persons[0]!.id);

  it.each([
    ['49999', false],
    ['50000', true],
    ['100000', true],
    ['100001', false],
  ])('a fine of %s on a responsible person: accepted %s', (amount, ok) => {
    const { result } = submitWith(REFUSED, answer, 'notice', { [field]: amount });
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.reason).toContain('第一百零二条');
      expect(result.reason).toContain('直接负责的主管人员和其他直接责任人员');
    }
  });

  it('the range function reads both ends inclusively', () => {
    expect(personFineRangeProblem('art102', 49_999)).not.toBeNull();
    expect(personFineRangeProblem('art102', 50_000)).toBeNull();
    expect(personFineRangeProblem('art102', 100_000)).toBeNull();
    expect(personFineRangeProblem('art102', 100_001)).not.toBeNull();
  });

  it('persons are fined only when the unit refuses (the first tier has no such fine)', () => {
    const p = fixtureOf(PARTLY);
    const { result } = submitWith(PARTLY, recheckCaseAnswer(p), 'notice', {
      [personFineField(p.persons[0]!.id)]: '60000',
    });
    expect(refusal(result)).toContain('拒不执行');
  });

  it('leaving out a responsible person loses MISSING_PERSON_FINE only', () => {
    const state = runAnswer(REFUSED, SEED, recheckCaseAnswer(f, { personIds: [f.persons[0]!.id] }));
    expect(lostCodes(state)).toEqual(['MISSING_PERSON_FINE']);
  });

  it('a decision may not fine a person the notice did not name, or more than notified (第四十五条第二款)', () => {
    const told = recheckCaseAnswer(f, { personIds: [f.persons[0]!.id] });
    const more = submitWith(REFUSED, told, 'decision', { [personFineField(f.persons[1]!.id)]: '60000' }).result;
    expect(refusal(more)).toContain('第四十五条第二款');
  });
});

describe('停产停业整顿 only when the unit 拒不执行', () => {
  it('is refused with the first tier', () => {
    const p = fixtureOf(PARTLY);
    const { result } = submitWith(PARTLY, recheckCaseAnswer(p), 'notice', { suspension: 'on' });
    const reason = refusal(result);
    expect(reason).toContain('停产停业整顿');
    expect(reason).toContain('拒不执行');
  });

  it('is accepted with the uncorrected tier, and its omission loses SUSPENSION_WRONG only', () => {
    const f = fixtureOf(REFUSED);
    const state = runAnswer(REFUSED, SEED, recheckCaseAnswer(f, { suspension: false }));
    expect(state.status).toBe('finished');
    expect(lostCodes(state)).toEqual(['SUSPENSION_WRONG']);
  });

  it('a decision may not add 停产停业整顿 the notice did not announce', () => {
    const f = fixtureOf(REFUSED);
    const told = recheckCaseAnswer(f, { suspension: false });
    const { result } = submitWith(REFUSED, told, 'decision', { suspension: 'on' });
    expect(refusal(result)).toContain('第四十五条第二款');
  });

  it('停产停业整顿 carries the right to a hearing (《行政处罚法》第六十三条)', () => {
    const f = fixtureOf(REFUSED);
    const state = runAnswer(REFUSED, SEED, recheckCaseAnswer(f, { case: { hearingRightStated: false } }));
    expect(lostCodes(state)).toEqual(['HEARING_RIGHT_MISSING']);
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
      'penaltyDecision',
      'serviceReceipt',
    ]);
    for (const type of ['penaltyNotice', 'penaltyDecision']) {
      const body = text(docs.find((d) => d.type === type)!);
      expect(body).toContain('责令你单位停产停业整顿');
      expect(body).toContain('第一百零二条');
      for (const p of f.persons) expect(body).toContain(`${p.capacity}${p.name}（${p.role}）处罚款人民币`);
    }
    const opinion = text(docs.find((d) => d.type === 'recheckOpinion')!);
    expect(opinion).toContain('未整改完毕');
    expect(opinion).not.toContain('已整改完毕。');
  });

  it('the inspection and the case are two register entries: one number each', () => {
    const { docs } = play(REFUSED);
    const entry = (types: string[]) =>
      new Set(docs.filter((d) => types.includes(d.type)).map((d) => d.number!.replace(/应急.+?〔/, '〔')));
    expect(entry(['onSiteRecord', 'rectificationOrder', 'recheckOpinion']).size).toBe(1);
    expect(entry(['caseFiling', 'penaltyNotice', 'hearingNotice', 'penaltyDecision', 'serviceReceipt']).size).toBe(1);
  });

  it("the partly rectified case records each item and prints no 停产停业整顿 or persons' fines", () => {
    const f = fixtureOf(PARTLY);
    const { docs } = play(PARTLY);
    const opinion = text(docs.find((d) => d.type === 'recheckOpinion')!);
    expect(opinion).toContain('已整改完毕');
    expect(opinion).toContain('未整改完毕');
    const decision = text(docs.find((d) => d.type === 'penaltyDecision')!);
    expect(decision).not.toContain('停产停业整顿，事故隐患消除');
    for (const p of f.persons) expect(decision).not.toContain(`${p.name}（${p.role}）处罚款`);
  });
});
