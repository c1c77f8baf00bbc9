/**
 * Decisions with substance (issue 14): 从轻、减轻 and 不予处罚 (《行政处罚法》第三十二条、第三十三条), 双罚, 法制审核
 * (第五十八条) and 集体讨论 (第五十七条第二款), 案件移送 (第二十七条). Boundary values on both sides of each figure.
 */
import { describe, expect, it } from 'vitest';
import { renderDocuments } from '../../scenarios/documents';
import { applyStep, scoreAttempt } from '../../scenarios/engine';
import { getScenario, listScenarios } from '../../scenarios/index';
import { LEGAL } from '../../scenarios/law/legal-constants';
import {
  decisionAmountProblem,
  lighterCeiling,
  noPenaltyGroundFor,
  noPenaltyProblem,
  personFineProblem,
  tierFloor,
} from '../../scenarios/law/penalties';
import { addDays } from '../../scenarios/law/working-days';
import { caseAnswer, expectedOutcome, type CaseFixture } from '../../scenarios/workflows/case/kit';
import { isHeavyCase, type CaseContext } from '../../scenarios/workflows/case/machine';
import type { AnswerStep, AttemptState } from '../../scenarios/types';
import { lostCodes, minutesAfter, runAnswer, T0 } from './helpers';

const share = LEGAL.lighterShare.value;
const fixtureOf = (id: string, seed: string) => getScenario(id)!.fixture(seed) as CaseFixture;

/** Runs the answer up to (not including) the first `stepId`, then submits that step with `values` changed. */
function tryStep(id: string, seed: string, answer: AnswerStep[], stepId: string, change: Record<string, unknown>) {
  const index = answer.findIndex((s) => s.stepId === stepId);
  expect(index).toBeGreaterThanOrEqual(0);
  const state = runAnswer(id, seed, answer.slice(0, index));
  const values = { ...answer[index]!.values } as Record<string, string | string[]>;
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) delete values[k];
    else values[k] = v as string | string[];
  }
  return applyStep(state, { stepId, values, at: minutesAfter(T0, index + 1) });
}

const reasonOf = (r: ReturnType<typeof applyStep>) => (r.ok ? '' : r.reason + JSON.stringify(r.fieldErrors ?? {}));

describe('从轻、减轻 (《行政处罚法》第三十二条)', () => {
  it('减轻 goes below the floor only with a 第三十二条 circumstance', () => {
    expect(tierFloor('art97', 'uncorrected')).toBe(100_000);
    expect(decisionAmountProblem('art97', 'uncorrected', 'mitigated', 'eliminated', 99_999, share)).toBeNull();
    expect(decisionAmountProblem('art97', 'uncorrected', 'mitigated', null, 99_999, share)).toContain('第三十二条');
    expect(decisionAmountProblem('art97', 'uncorrected', 'mitigated', 'eliminated', 100_000, share)).toContain('下限');
    expect(decisionAmountProblem('art97', 'uncorrected', 'mitigated', 'eliminated', 0, share)).not.toBeNull();
    // Without the circumstance, an ordinary penalty may not go below the floor.
    expect(decisionAmountProblem('art97', 'uncorrected', 'penalty', null, 99_999, share)).toContain('超出');
  });

  it('a tier that reads "X元以下" has no floor to go below', () => {
    expect(tierFloor('art99', 'first')).toBeNull();
    expect(decisionAmountProblem('art99', 'first', 'mitigated', 'eliminated', 10_000, share)).toContain('不能减轻');
  });

  it('从轻 stays within the range, in its lower part', () => {
    const top = lighterCeiling('art97', 'uncorrected', share)!;
    expect(top).toBe(150_000);
    expect(decisionAmountProblem('art97', 'uncorrected', 'lighter', 'confessed', top, share)).toBeNull();
    expect(decisionAmountProblem('art97', 'uncorrected', 'lighter', 'confessed', top + 1, share)).toContain('较低部分');
    expect(decisionAmountProblem('art97', 'uncorrected', 'lighter', 'confessed', 99_999, share)).toContain(
      '法定幅度内',
    );
    expect(decisionAmountProblem('art97', 'uncorrected', 'lighter', null, 120_000, share)).toContain('第三十二条');
  });

  it('a circumstance found makes 从轻 or 减轻 mandatory (应当)', () => {
    expect(decisionAmountProblem('art97', 'uncorrected', 'penalty', 'eliminated', 120_000, share)).toContain('应当');
  });

  it('the workflow refuses 减轻 without a circumstance and accepts it with one', () => {
    const id = 'case-heavy-dual-penalty';
    const seed = 'mitigate';
    const answer = caseAnswer(fixtureOf(id, seed));
    const without = tryStep(id, seed, answer, 'notice', { kind: 'mitigated', amount: '90000', mitigation: '' });
    expect(without.ok).toBe(false);
    expect(reasonOf(without)).toContain('第三十二条');
    const withIt = tryStep(id, seed, answer, 'notice', {
      kind: 'mitigated',
      amount: '90000',
      mitigation: 'eliminated',
    });
    expect(withIt.ok, reasonOf(withIt)).toBe(true);
  });

  it('a 从轻 the facts do not support loses WRONG_DECISION_KIND, in every penalty scenario', () => {
    for (const s of listScenarios().filter((x) => x.rubric.some((i) => i.code === 'WRONG_DECISION_KIND'))) {
      const fixture = s.fixture('kind');
      // A 复查转立案 scenario judges the same item on the case it opens (its fixture's `case`).
      const f = (s.workflow === 'recheckCase' ? (fixture as { case: CaseFixture }).case : fixture) as CaseFixture;
      if (expectedOutcome(f) !== 'penalty') continue;
      const item = s.rubric.find((i) => i.code === 'WRONG_DECISION_KIND')!;
      const state = runAnswer(s.id, 'kind', item.mistake.apply(s.modelAnswer(fixture), fixture));
      expect(lostCodes(state)).toEqual(['WRONG_DECISION_KIND']);
    }
  });
});

describe('不予处罚 (《行政处罚法》第三十三条)', () => {
  const all = { minor: true, firstOffence: true, correctedInTime: true, harm: 'none' as const };

  it('前段: minor, corrected in time and no harm — each condition missing fails', () => {
    expect(noPenaltyProblem('minorNoHarm', all)).toBeNull();
    expect(noPenaltyProblem('minorNoHarm', { ...all, minor: false })).toContain('轻微');
    expect(noPenaltyProblem('minorNoHarm', { ...all, correctedInTime: false })).toContain('改正');
    expect(noPenaltyProblem('minorNoHarm', { ...all, harm: 'minor' })).toContain('危害后果');
    expect(noPenaltyGroundFor(all)).toBe('minorNoHarm');
  });

  it('后段: a first offence with minor harm, corrected in time, may go unpunished; not a repeated one', () => {
    const first = { minor: false, firstOffence: true, correctedInTime: true, harm: 'minor' as const };
    expect(noPenaltyProblem('firstOffence', first)).toBeNull();
    expect(noPenaltyProblem('minorNoHarm', first)).not.toBeNull();
    expect(noPenaltyProblem('firstOffence', { ...first, firstOffence: false })).toContain('初次');
    expect(noPenaltyProblem('firstOffence', { ...first, harm: 'serious' })).toContain('轻微');
    expect(noPenaltyGroundFor(first)).toBe('firstOffence');
  });

  const id = 'case-first-minor-no-penalty';
  const seed = 'no-penalty';

  it('the workflow refuses 不予处罚 on findings that do not meet the ground, and without education', () => {
    const answer = caseAnswer(fixtureOf(id, seed));
    const harm = tryStep(id, seed, answer, 'noPenalty', { harm: 'minor' });
    expect(harm.ok).toBe(false);
    expect(reasonOf(harm)).toContain('第三十三条第一款前段');
    const educated = tryStep(id, seed, answer, 'noPenalty', { educated: undefined });
    expect(educated.ok).toBe(false);
    expect(reasonOf(educated)).toContain('第三十三条第三款');
  });

  it('issues a 不予行政处罚决定书, serves it and closes without payment', () => {
    const f = fixtureOf(id, seed);
    const state = runAnswer(id, seed, caseAnswer(f));
    expect(state.status).toBe('finished');
    expect(state.current.state).toBe('closed');
    const docs = renderDocuments(state);
    expect(docs.map((d) => d.type)).toEqual(['caseFiling', 'noPenaltyDecision', 'serviceReceipt', 'caseClosing']);
    const text = docs[1]!.sections.flatMap((s) => s.lines).join('\n');
    expect(text).toContain('第三十三条第一款前段');
    expect(text).toContain('决定对你单位不予行政处罚');
    expect(text).toContain('进行了教育');
    expect(docs[1]!.number).toContain('不罚');
  });

  it('fining a case the law says must go unpunished loses WRONG_DECISION_KIND', () => {
    const f = fixtureOf(id, seed);
    const state = runAnswer(id, seed, caseAnswer(f, { outcome: 'penalty' }));
    expect(state.status).toBe('finished');
    expect(lostCodes(state)).toEqual(['WRONG_DECISION_KIND']);
    expect(scoreAttempt(state).total).toBeLessThan(100);
  });
});

describe('双罚: fines on the responsible persons (《安全生产法》第九十七条等)', () => {
  it.each([
    ['art97', 20_000, 50_000],
    ['art99', 10_000, 20_000],
    ['art101', 20_000, 50_000],
    ['art102', 50_000, 100_000],
  ] as const)('%s: %i–%i on each person, only in the uncorrected tier', (article, min, max) => {
    expect(personFineProblem(article, 'uncorrected', min)).toBeNull();
    expect(personFineProblem(article, 'uncorrected', max)).toBeNull();
    expect(personFineProblem(article, 'uncorrected', min - 1)).toContain('超出');
    expect(personFineProblem(article, 'uncorrected', max + 1)).toContain('超出');
    expect(personFineProblem(article, 'first', min)).toContain('不对直接负责的主管人员');
  });

  const id = 'case-heavy-dual-penalty';
  const seed = 'dual';

  it('the notice must name the responsible persons, each fine in range', () => {
    const answer = caseAnswer(fixtureOf(id, seed));
    const none = tryStep(id, seed, answer, 'notice', {
      person1Name: undefined,
      person1Amount: undefined,
      person2Name: undefined,
      person2Amount: undefined,
    });
    expect(none.ok).toBe(false);
    expect(reasonOf(none)).toContain('双罚');
    const low = tryStep(id, seed, answer, 'notice', { person1Amount: '19999' });
    expect(reasonOf(low)).toContain('2万元以上5万元以下');
    const high = tryStep(id, seed, answer, 'notice', { person2Amount: '50001' });
    expect(high.ok).toBe(false);
  });

  it('the 告知书 and the 决定书 print each person fine', () => {
    const f = fixtureOf(id, seed);
    const state = runAnswer(id, seed, caseAnswer(f));
    const docs = renderDocuments(state);
    const text = (type: string) =>
      docs
        .find((d) => d.type === type)!
        .sections.flatMap((s) => s.lines)
        .join('\n');
    for (const p of f.responsible) {
      expect(text('penaltyNotice')).toContain(p.name);
      expect(text('penaltyDecision')).toContain(p.name);
    }
    expect(text('penaltyDecision')).toContain('第五十七条第二款、第五十八条');
  });

  it('omitting one responsible person loses PERSON_FINES_WRONG', () => {
    const f = fixtureOf(id, seed);
    const state = runAnswer(id, seed, caseAnswer(f, { personFines: 'omitOne' }));
    expect(lostCodes(state)).toEqual(['PERSON_FINES_WRONG']);
  });
});

describe('法制审核 (第五十八条) and 集体讨论 (第五十七条第二款)', () => {
  const context = (amount: number) =>
    ({
      notice: { articleId: 'art99', tierId: 'first', amount, personFines: [] },
      hearing: null,
    }) as unknown as Pick<CaseContext, 'notice' | 'hearing'>;

  it('the trigger: a fine of 较大数额 (unit threshold) or more, or 停产停业, or a hearing held', () => {
    const threshold = LEGAL.hearingThresholdUnit.value;
    expect(isHeavyCase(context(threshold - 1))).toBe(false);
    expect(isHeavyCase(context(threshold))).toBe(true);
    // 第九十七条第二档 includes 停产停业整顿 whatever the amount.
    expect(
      isHeavyCase({
        notice: { articleId: 'art97', tierId: 'uncorrected', amount: 100_000, personFines: [] },
        hearing: null,
      } as unknown as Pick<CaseContext, 'notice' | 'hearing'>),
    ).toBe(true);
    expect(
      isHeavyCase({
        notice: { articleId: 'art99', tierId: 'first', amount: 1_000, personFines: [] },
        hearing: { heldOn: '2025-05-06' },
      } as unknown as Pick<CaseContext, 'notice' | 'hearing'>),
    ).toBe(true);
  });

  it('below the trigger a decision needs neither (the fine path of a small case)', () => {
    const id = 'case-first-minor-no-penalty';
    const f = fixtureOf(id, 'light');
    const answer = caseAnswer(f, { outcome: 'penalty' });
    expect(answer.some((s) => s.stepId === 'legalReview')).toBe(false);
    expect(runAnswer(id, 'light', answer).status).toBe('finished');
  });

  it.each(
    listScenarios()
      .filter((s) => s.rubric.some((i) => i.code === 'LEGAL_REVIEW'))
      .map((s) => s.id),
  )('%s: at the trigger, no decision without 法制审核 and 集体讨论', (id) => {
    const seed = 'review';
    const s = getScenario(id)!;
    const answer = s.modelAnswer(s.fixture(seed));
    const index = answer.findIndex((x) => x.stepId === 'legalReview');
    expect(index).toBeGreaterThan(0);
    const skipped = answer.filter((x) => x.stepId !== 'legalReview' && x.stepId !== 'discussion');
    const decisionAt = skipped.findIndex((x) => x.stepId === 'decision');
    const state = runAnswer(id, seed, skipped.slice(0, decisionAt));
    const result = applyStep(state, {
      stepId: 'decision',
      values: skipped[decisionAt]!.values,
      at: minutesAfter(T0, decisionAt + 1),
    });
    expect(result.ok).toBe(false);
    expect(reasonOf(result)).toContain('第五十八条');
    const noDiscussion = answer.filter((x) => x.stepId !== 'discussion');
    const at = noDiscussion.findIndex((x) => x.stepId === 'decision');
    const reviewed = runAnswer(id, seed, noDiscussion.slice(0, at));
    const refused = applyStep(reviewed, {
      stepId: 'decision',
      values: noDiscussion[at]!.values,
      at: minutesAfter(T0, at + 1),
    });
    expect(reasonOf(refused)).toContain('第五十七条第二款');
  });

  const id = 'case-heavy-dual-penalty';
  const seed = 'review';

  it('the reviewer must hold the 法律职业资格', () => {
    const answer = caseAnswer(fixtureOf(id, seed));
    const result = tryStep(id, seed, answer, 'legalReview', { reviewerId: 'reviewer-2' });
    expect(result.ok).toBe(false);
    expect(reasonOf(result)).toContain('第五十八条第二款');
  });

  it('the review comes after the hearing', () => {
    const f = fixtureOf(id, seed);
    const answer = caseAnswer(f);
    const record = answer.find((s) => s.stepId === 'hearingRecord')!;
    const result = tryStep(id, seed, answer, 'legalReview', {
      date: addDays(record.values.date as string, -1),
    });
    expect(result.ok).toBe(false);
  });

  it('the 集体讨论 is presided by the head', () => {
    const f = fixtureOf(id, seed);
    const answer = caseAnswer(f);
    const result = tryStep(id, seed, answer, 'discussion', { participantIds: ['leader-2', 'leader-3', 'leader-4'] });
    expect(result.ok).toBe(false);
    expect(reasonOf(result)).toContain('主持');
  });

  it('a review by the officer who investigated, or a discussion of two, loses its item', () => {
    const f = fixtureOf(id, seed);
    expect(lostCodes(runAnswer(id, seed, caseAnswer(f, { reviewerId: 'reviewer-3' })))).toEqual(['LEGAL_REVIEW']);
    expect(lostCodes(runAnswer(id, seed, caseAnswer(f, { discussionSize: 2 })))).toEqual(['COLLECTIVE_DISCUSSION']);
  });

  it('the case-uncertified-welders amounts (较大数额) are judged for 法制审核 too', () => {
    const s = getScenario('case-uncertified-welders')!;
    expect(s.rubric.map((i) => i.code)).toEqual(expect.arrayContaining(['LEGAL_REVIEW', 'COLLECTIVE_DISCUSSION']));
  });
});

describe('案件移送 (《行政处罚法》第二十七条；《行政执法机关移送涉嫌犯罪案件的规定》)', () => {
  const id = 'case-transfer-crime';
  const seed = 'transfer';

  it('a transfer ends the case in `transferred` with the 移送审批表 and 移送书', () => {
    const f = fixtureOf(id, seed);
    const state: AttemptState = runAnswer(id, seed, caseAnswer(f));
    expect(state.status).toBe('finished');
    expect(state.current.state).toBe('transferred');
    expect(scoreAttempt(state).total).toBe(100);
    const docs = renderDocuments(state);
    expect(docs.map((d) => d.type)).toEqual(['caseFiling', 'transferApproval', 'transferLetter']);
    const letter = docs[2]!;
    expect(letter.addressee).toContain(f.transferRecipient);
    expect(letter.sections.flatMap((s) => s.lines).join('\n')).toContain('第一百三十四条之一');
  });

  it('the head approves within 3 days of the report, and the case goes within 24 hours of approval', () => {
    const f = fixtureOf(id, seed);
    const answer = caseAnswer(f);
    const transfer = answer.find((s) => s.stepId === 'transfer')!.values;
    const reported = transfer.reportedOn as string;
    const ok = tryStep(id, seed, answer, 'transfer', {
      approvedOn: addDays(reported, LEGAL.transferApprovalDays.value),
      transferredOn: addDays(reported, LEGAL.transferApprovalDays.value + 1),
    });
    expect(ok.ok, reasonOf(ok)).toBe(true);
    const late = tryStep(id, seed, answer, 'transfer', {
      approvedOn: addDays(reported, LEGAL.transferApprovalDays.value + 1),
      transferredOn: addDays(reported, LEGAL.transferApprovalDays.value + 1),
    });
    expect(reasonOf(late)).toContain('3日内');
    const slow = tryStep(id, seed, answer, 'transfer', {
      transferredOn: addDays(transfer.approvedOn as string, 2),
    });
    expect(reasonOf(slow)).toContain('24小时');
    const officer = tryStep(id, seed, answer, 'transfer', { approvedBy: f.officers[0]!.name });
    expect(reasonOf(officer)).toContain('正职负责人');
  });

  it('fining instead of transferring loses CRIME_NOT_TRANSFERRED and does not score 100', () => {
    const f = fixtureOf(id, seed);
    const state = runAnswer(id, seed, caseAnswer(f, { outcome: 'penalty' }));
    expect(state.status).toBe('finished');
    expect(state.current.state).toBe('closed');
    expect(lostCodes(state)).toEqual(['CRIME_NOT_TRANSFERRED']);
    expect(scoreAttempt(state).total).toBeLessThanOrEqual(100 - 55);
  });

  it('once a decision is made the case can no longer be transferred', () => {
    const f = fixtureOf(id, seed);
    const fined = caseAnswer(f, { outcome: 'penalty' });
    const at = fined.findIndex((s) => s.stepId === 'serve');
    const state = runAnswer(id, seed, fined.slice(0, at));
    const transfer = caseAnswer(f).find((s) => s.stepId === 'transfer')!;
    const result = applyStep(state, { stepId: 'transfer', values: transfer.values, at: minutesAfter(T0, 30) });
    expect(result.ok).toBe(false);
  });
});
