/** The law as the engine enforces it: deadlines, fine ranges, document order, the USCC check. */
import { describe, expect, it } from 'vitest';
import { applyEvent, applyStep, attemptDocuments, scoreAttempt, startAttempt } from '../../scenarios/engine';
import { getScenario } from '../../scenarios/index';
import { caseAnswer, type CaseFixture } from '../../scenarios/workflows/case/kit';
import { isValidUscc, usccCheckCharacter, usccProblem } from '../../scenarios/lib/uscc';
import { statementPeriodEnd, hearingRequestEnd, lateSurcharge } from '../../scenarios/workflows/case/machine';
import { formatDocumentNumber, parseDocumentNumber } from '../../scenarios/law/document-numbers';
import { INSPECTION_DOCUMENTS } from '../../scenarios/workflows/inspection/document-types';
import { fineRangeProblem } from '../../scenarios/law/penalties';
import { addLegalDays, addWorkingDays, isWorkingDay } from '../../scenarios/law/working-days';
import type { AnswerStep, AttemptState } from '../../scenarios/types';
import { minutesAfter, runAnswer, T0 } from './helpers';

function runUntil(
  scenarioId: string,
  seed: string,
  answer: AnswerStep[],
  stopBefore: string,
): { state: AttemptState; rest: AnswerStep[] } {
  const index = answer.findIndex((s) => s.stepId === stopBefore);
  return { state: runAnswer(scenarioId, seed, answer.slice(0, index)), rest: answer.slice(index) };
}

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts the standard sample 91350100M000100Y43', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });

  it('rejects it with any other last character', () => {
    for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY'.replace('3', '')) {
      expect(usccProblem(`91350100M000100Y4${c}`)).toBe('check');
    }
  });

  it('accepts the worked example and rejects forbidden letters', () => {
    expect(isValidUscc('91130322MA0D7K3L22')).toBe(true);
    expect(usccProblem('91130322MA0D7K3LI2')).toBe('charset');
    expect(usccProblem('9113032')).toBe('length');
  });

  it('the onboarding form says which part is wrong, in Chinese', () => {
    const state = startAttempt({ scenarioId: 'onboard-dust-enterprise', seed: 'law', mode: 'practice', at: T0 });
    const answer = getScenario('onboard-dust-enterprise')!.modelAnswer(
      getScenario('onboard-dust-enterprise')!.fixture('law'),
    );
    const basic = answer.find((s) => s.stepId === 'basic')!;
    const result = applyStep(state, {
      stepId: 'basic',
      values: { ...basic.values, uscc: '91350100M000100Y44' },
      at: minutesAfter(T0, 1),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.uscc).toContain('统一社会信用代码校验位不正确');
  });
});

describe('working days (行政处罚法 第85条)', () => {
  it('does not count the first day and skips weekends', () => {
    expect(addWorkingDays('2025-03-07', 3)).toBe('2025-03-12'); // Friday → Wednesday
  });

  it('skips the National Day holiday and counts the weekend worked in lieu', () => {
    expect(isWorkingDay('2025-10-06')).toBe(false);
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
  });

  it('moves a calendar-day period that ends on a holiday to the next working day', () => {
    expect(addLegalDays('2025-09-20', 15)).toBe('2025-10-09');
  });

  it('computes the late-payment surcharge at 3% a day capped at the fine (第72条)', () => {
    expect(lateSurcharge(40_000, '2025-05-10', '2025-05-10')).toBe(0);
    expect(lateSurcharge(40_000, '2025-05-10', '2025-05-13')).toBe(3_600);
    expect(lateSurcharge(40_000, '2025-05-10', '2025-08-30')).toBe(40_000);
  });
});

describe('行政处罚决定书', () => {
  const id = 'docs-penalty-notice-decision';
  const seed = 'law-decision';
  const fixture = getScenario(id)!.fixture(seed) as CaseFixture;

  it('is refused before the 陈述申辩 period after the 告知书 has passed', () => {
    const { state, rest } = runUntil(id, seed, caseAnswer(fixture, { from: 'notice' }), 'decision');
    const notice = state.snapshot.context as { notice: { date: string } };
    const decision = rest.find((s) => s.stepId === 'decision')!;
    const early = statementPeriodEnd(notice.notice.date);
    const result = applyStep(state, {
      stepId: 'decision',
      values: { ...decision.values, date: early },
      at: minutesAfter(T0, 30),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('陈述申辩期限');
  });

  it('is refused while the party may still ask for a hearing', () => {
    const { state, rest } = runUntil(id, seed, caseAnswer(fixture, { from: 'notice' }), 'decision');
    const notice = (state.snapshot.context as { notice: { date: string } }).notice;
    const decision = rest.find((s) => s.stepId === 'decision')!;
    const result = applyStep(state, {
      stepId: 'decision',
      values: { ...decision.values, date: hearingRequestEnd(notice.date) },
      at: minutesAfter(T0, 30),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('听证申请期限');
  });

  it('is accepted after both periods and carries the case register number (drawn at 立案)', () => {
    const state = runAnswer(id, seed, caseAnswer(fixture, { from: 'notice' }));
    const decision = attemptDocuments(state).find((d) => d.type === 'penaltyDecision')!;
    const parsed = parseDocumentNumber(decision.number)!;
    expect(parsed.abbreviation).toBe(fixture.authority.abbreviation);
    expect(parsed.code).toBe('罚');
    expect(parsed.year).toBe(Number(fixture.filedOn.slice(0, 4)));
    expect(parsed.n).toBe(fixture.counters[`caseFiling:${fixture.filedOn.slice(0, 4)}`]! + 1);
  });

  it('numbers every document of one case from one register entry', () => {
    for (const scenarioId of ['case-uncertified-welders', 'case-alarm-disabled', id]) {
      for (const s of ['reg-1', 'reg-2', 'reg-3']) {
        const f = getScenario(scenarioId)!.fixture(s) as CaseFixture;
        const state = runAnswer(scenarioId, s, getScenario(scenarioId)!.modelAnswer(f));
        const numbers = attemptDocuments(state).map((d) => parseDocumentNumber(d.number)!);
        expect(numbers.length).toBeGreaterThan(2);
        expect(new Set(numbers.map((n) => `${n.year}-${n.n}`)).size).toBe(1);
        expect(new Set(numbers.map((n) => n.code)).size).toBe(numbers.length);
      }
    }
  });

  it('refuses an amount outside the article range, in the form and in the workflow', () => {
    const { state, rest } = runUntil(id, seed, caseAnswer(fixture, { from: 'notice' }), 'notice');
    const notice = rest[0]!;
    const viaForm = applyStep(state, {
      stepId: 'notice',
      values: { ...notice.values, amount: '60000' },
      at: minutesAfter(T0, 30),
    });
    expect(viaForm.ok).toBe(false);
    if (!viaForm.ok) expect(viaForm.fieldErrors?.amount?.[0]).toContain('超出《安全生产法》第九十九条规定的幅度');
    const parsed = getScenario(id)!
      .steps(fixture)
      .find((s) => s.id === 'notice')!;
    const event = { ...parsed.toEvent(parsed.schema.parse(notice.values), minutesAfter(T0, 30)), amount: 250_000 };
    const viaEvent = applyEvent(state, event);
    expect(viaEvent.ok).toBe(false);
    if (!viaEvent.ok) expect(viaEvent.code).toBe('REFUSED');
  });

  it('reads 以上/以下 as inclusive and refuses a zero fine', () => {
    expect(fineRangeProblem('art99', 'first', 50_000)).toBeNull();
    expect(fineRangeProblem('art99', 'first', 50_001)).not.toBeNull();
    expect(fineRangeProblem('art99', 'uncorrected', 50_000)).toBeNull();
    expect(fineRangeProblem('art99', 'uncorrected', 49_999)).not.toBeNull();
    expect(fineRangeProblem('art102', 'first', 0)).not.toBeNull();
  });
});

describe('documents in the wrong state', () => {
  it('refuses a 行政处罚决定书 before any 告知书', () => {
    const state = startAttempt({ scenarioId: 'case-alarm-disabled', seed: 'wrong-state', mode: 'practice', at: T0 });
    const result = applyEvent(state, {
      type: 'officer.issueDecision',
      at: minutesAfter(T0, 1),
      date: '2025-06-02',
      articleId: 'art99',
      tierId: 'uncorrected',
      amount: 80_000,
      correctionDeadline: '2025-06-12',
      statementReview: null,
      reviewReason: '',
      paymentDays: 15,
      reconsiderationDays: 60,
      litigationMonths: 6,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('NOT_ALLOWED_NOW');
      expect(result.reason).toContain('立案审批');
      // The refusal names what the law requires first, with the article.
      expect(result.reason).toContain('须告知当事人拟作出的行政处罚');
      expect(result.reason).toContain('《行政处罚法》第四十四条、第六十二条');
    }
  });

  it('refuses a 责令限期整改指令书 before the inspection, and the form is not offered', () => {
    const state = startAttempt({ scenarioId: 'inspect-dust-explosion', seed: 'wrong-state', mode: 'practice', at: T0 });
    expect(state.current.availableStepIds).toEqual(['plan']);
    const viaStep = applyStep(state, { stepId: 'order', values: {}, at: minutesAfter(T0, 1) });
    expect(viaStep.ok).toBe(false);
    const viaEvent = applyEvent(state, {
      type: 'officer.issueRectificationOrder',
      at: minutesAfter(T0, 1),
      date: '2025-05-06',
      itemIds: ['ppe'],
      deadline: '2025-05-20',
    });
    expect(viaEvent.ok).toBe(false);
    if (!viaEvent.ok) expect(viaEvent.code).toBe('NOT_ALLOWED_NOW');
  });

  it('refuses the 现场处理措施决定书 after the 责令限期整改指令书', () => {
    const scenario = getScenario('inspect-dust-explosion')!;
    const answer = scenario.modelAnswer(scenario.fixture('order-first'));
    const withoutMeasures = answer.filter((s) => s.stepId !== 'measures');
    const { state } = runUntil('inspect-dust-explosion', 'order-first', withoutMeasures, 'recheck');
    const measures = answer.find((s) => s.stepId === 'measures')!;
    const result = applyStep(state, { stepId: 'measures', values: measures.values, at: minutesAfter(T0, 40) });
    expect(result.ok).toBe(false);
  });
});

describe('major hazards', () => {
  it('a major hazard without 现场处理措施 loses NO_ONSITE_MEASURES and only that', () => {
    const scenario = getScenario('inspect-dust-explosion')!;
    const seed = 'no-measures';
    const answer = scenario.modelAnswer(scenario.fixture(seed)).filter((s) => s.stepId !== 'measures');
    const score = scoreAttempt(runAnswer(scenario.id, seed, answer));
    const item = score.items.find((i) => i.code === 'NO_ONSITE_MEASURES')!;
    expect(item.earned).toBe(0);
    expect(item.citation).toBe('《安全生产法》第六十五条第一款第（三）项');
    expect(score.total).toBe(100 - item.weight);
  });

  it('a major hazard needs the clause of the standard', () => {
    const scenario = getScenario('inspect-dust-explosion')!;
    const seed = 'clause';
    const fixture = scenario.fixture(seed) as { items: { id: string; verdict: string }[] };
    const major = fixture.items.find((i) => i.verdict === 'major')!;
    const answer = scenario.modelAnswer(fixture);
    const { state } = runUntil(scenario.id, seed, answer, 'findings');
    const findings = answer.find((s) => s.stepId === 'findings')!;
    const result = applyStep(state, {
      stepId: 'findings',
      values: { ...findings.values, [`clause_${major.id}`]: '' },
      at: minutesAfter(T0, 10),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.[`clause_${major.id}`]?.[0]).toContain('须选择判定依据条款');
  });

  it('an inspection by fewer than two officers is refused', () => {
    const scenario = getScenario('inspect-dust-explosion')!;
    const answer = scenario.modelAnswer(scenario.fixture('solo'));
    const { state, rest } = runUntil(scenario.id, 'solo', answer, 'start');
    const start = rest[0]!;
    const result = applyStep(state, {
      stepId: 'start',
      values: { ...start.values, officerIds: [(start.values.officerIds as string[])[0]!] },
      at: minutesAfter(T0, 5),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('2名以上执法人员');
  });
});

describe('document numbers', () => {
  it('prints the format real systems use', () => {
    expect(formatDocumentNumber('冀秦', INSPECTION_DOCUMENTS.onSiteRecord.code, 2023, 12)).toBe(
      '（冀秦）应急检记〔2023〕12号',
    );
    expect(parseDocumentNumber('（冀秦）应急检记〔2023〕12号')).toEqual({
      abbreviation: '冀秦',
      code: '检记',
      year: 2023,
      n: 12,
    });
  });
});
