/** The case workflow's rules of law (issue 11): the party's statement, the article, feedback, approvals, refusals. */
import { describe, expect, it } from 'vitest';
import { renderDocuments } from '../../scenarios/documents';
import { applyStep, scoreAttempt, startAttempt } from '../../scenarios/engine';
import { getScenario, listScenarios } from '../../scenarios/index';
import { caseAnswer, expectedOutcome, type CaseFixture } from '../../scenarios/workflows/case/kit';
import type { AnswerStep, AttemptState } from '../../scenarios/types';
import { lostCodes, minutesAfter, runAnswer, T0 } from './helpers';

const CASE_SCENARIOS = listScenarios().filter((s) => s.workflow === 'case');
/** The case scenarios whose facts call for a penalty (not 不予处罚, not a transfer): they notify and decide. */
const PENALTY_SCENARIOS = CASE_SCENARIOS.filter(
  (s) => expectedOutcome(s.fixture('outcome') as CaseFixture) === 'penalty',
);
const PENALTY_DOCS = 'docs-penalty-notice-decision';

function fixtureOf(id: string, seed: string): CaseFixture {
  return getScenario(id)!.fixture(seed) as CaseFixture;
}

/** The first seeds whose fixture has (or has not) a statement by the party. */
function seedWith(id: string, statement: boolean): string {
  for (let i = 0; i < 50; i++) if ((fixtureOf(id, `s-${i}`).statement !== null) === statement) return `s-${i}`;
  throw new Error('no such seed');
}

function runUntil(
  id: string,
  seed: string,
  answer: AnswerStep[],
  stepId: string,
): { state: AttemptState; step: AnswerStep } {
  const index = answer.findIndex((s) => s.stepId === stepId);
  return { state: runAnswer(id, seed, answer.slice(0, index)), step: answer[index]! };
}

describe('陈述、申辩 (《行政处罚法》第四十五条、第六十二条)', () => {
  it.each(PENALTY_SCENARIOS.map((s) => s.id))(
    '%s: a decision that skips the statement the party made loses STATEMENT_NOT_HEARD',
    (id) => {
      const seed = seedWith(id, true);
      const f = fixtureOf(id, seed);
      const from = getScenario(id)!.modelAnswer(f)[0]!.stepId === 'file' ? 'file' : 'notice';
      const state = runAnswer(id, seed, caseAnswer(f, { from, statement: 'skip' }));
      expect(state.status).toBe('finished');
      const score = scoreAttempt(state);
      const item = score.items.find((i) => i.code === 'STATEMENT_NOT_HEARD')!;
      expect(item.earned).toBe(0);
      expect(item.citation).toContain('第四十五条');
      expect(item.citation).toContain('第六十二条');
      expect(score.total).toBeLessThan(100);
      expect(lostCodes(state)).toEqual(['STATEMENT_NOT_HEARD']);
    },
  );

  it('a registered statement must be answered by a 复核意见 in the decision', () => {
    const seed = seedWith(PENALTY_DOCS, true);
    const { state, step } = runUntil(
      PENALTY_DOCS,
      seed,
      getScenario(PENALTY_DOCS)!.modelAnswer(fixtureOf(PENALTY_DOCS, seed)),
      'decision',
    );
    const result = applyStep(state, {
      stepId: 'decision',
      values: { ...step.values, statementReview: '', reviewReason: '' },
      at: minutesAfter(T0, 40),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('复核意见（《行政处罚法》第四十五条第一款）');
  });

  it('the printed 决定书 states the statement and the review, never "未提出" when one was made', () => {
    const seed = seedWith(PENALTY_DOCS, true);
    const f = fixtureOf(PENALTY_DOCS, seed);
    const state = runAnswer(PENALTY_DOCS, seed, getScenario(PENALTY_DOCS)!.modelAnswer(f));
    const decision = renderDocuments(state).find((d) => d.type === 'penaltyDecision')!;
    const text = decision.sections.flatMap((s) => s.lines).join('\n');
    expect(text).toContain(f.statement!.text);
    expect(text).toContain('复核意见');
    expect(text).toContain(f.statement!.reviewReason);
    expect(text).not.toContain('未提出陈述、申辩');
  });

  it('registering a statement the party never made loses the item too', () => {
    const seed = seedWith(PENALTY_DOCS, false);
    const state = runAnswer(
      PENALTY_DOCS,
      seed,
      caseAnswer(fixtureOf(PENALTY_DOCS, seed), { from: 'notice', statement: 'invent' }),
    );
    expect(lostCodes(state)).toEqual(['STATEMENT_NOT_HEARD']);
  });
});

describe('处罚依据 (WRONG_ARTICLE) in every scenario that issues a penalty', () => {
  it.each(PENALTY_SCENARIOS.map((s) => s.id))('%s judges the article', (id) => {
    expect(getScenario(id)!.rubric.some((i) => i.code === 'WRONG_ARTICLE')).toBe(true);
    expect(getScenario(id)!.rubric.some((i) => i.code === 'WRONG_TIER')).toBe(true);
  });

  it.each(['art97', 'art102'] as const)(
    'a PPE violation (第九十九条) punished under %s does not score 100',
    (articleId) => {
      const seed = 'article';
      const f = fixtureOf(PENALTY_DOCS, seed);
      const state = runAnswer(PENALTY_DOCS, seed, caseAnswer(f, { from: 'notice', articleId, amount: 30_000 }));
      expect(state.status).toBe('finished');
      expect(lostCodes(state)).toContain('WRONG_ARTICLE');
      expect(scoreAttempt(state).total).toBeLessThan(100);
    },
  );

  it('the documents of one case cite one duty provision and one penalty basis', () => {
    const seed = 'agree';
    const f = fixtureOf('case-alarm-disabled', seed);
    const state = runAnswer('case-alarm-disabled', seed, getScenario('case-alarm-disabled')!.modelAnswer(f));
    const docs = renderDocuments(state);
    const all = (type: string) => {
      const d = docs.find((x) => x.type === type)!;
      return [...d.sections.flatMap((s) => [...s.lines, ...(s.fields ?? []).map((x) => x.value)])].join('\n');
    };
    for (const type of ['caseFiling', 'penaltyNotice', 'penaltyDecision'])
      expect(all(type)).toContain('第三十六条第三款');
    for (const type of ['penaltyNotice', 'penaltyDecision']) expect(all(type)).toContain('第九十九条第（四）项');
  });
});

describe('practice feedback judges only what has been done', () => {
  it.each(listScenarios().map((s) => s.id))('%s: the model answer never shows a ✗', (id) => {
    const seed = 'feedback';
    let state = startAttempt({ scenarioId: id, seed, mode: 'practice', at: T0 });
    getScenario(id)!
      .modelAnswer(getScenario(id)!.fixture(seed))
      .forEach((step, i) => {
        const result = applyStep(state, { stepId: step.stepId, values: step.values, at: minutesAfter(T0, i + 1) });
        if (!result.ok) throw new Error(result.reason);
        expect(result.feedback.filter((x) => !x.ok).map((x) => `${step.stepId}: ${x.title}`)).toEqual([]);
        state = result.state;
      });
  });

  it('a wrong article at the 告知书 is marked at once', () => {
    const seed = 'feedback-wrong';
    const f = fixtureOf(PENALTY_DOCS, seed);
    const { state, step } = runUntil(
      PENALTY_DOCS,
      seed,
      caseAnswer(f, { from: 'notice', articleId: 'art97', amount: 30_000 }),
      'notice',
    );
    const result = applyStep(state, { stepId: 'notice', values: step.values, at: minutesAfter(T0, 30) });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.feedback.find((x) => x.code === 'WRONG_ARTICLE')?.ok).toBe(false);
  });
});

describe('approvals and evidence (《安全生产执法程序规定》; 《行政处罚法》第五十四条)', () => {
  const id = 'case-alarm-disabled';
  const seed = 'approval';
  const f = fixtureOf(id, seed);
  const answer = getScenario(id)!.modelAnswer(f);

  it('the officer handling the case cannot approve its filing', () => {
    const state = startAttempt({ scenarioId: id, seed, mode: 'practice', at: T0 });
    const file = answer[0]!;
    const result = applyStep(state, {
      stepId: 'file',
      values: { ...file.values, approvedBy: f.officers[0]!.name },
      at: minutesAfter(T0, 1),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(`须为本机关负责人（${f.head}）`);
  });

  it('nor its closing', () => {
    const { state, step } = runUntil(id, seed, answer, 'close');
    const result = applyStep(state, {
      stepId: 'close',
      values: { ...step.values, approvedBy: f.officers[1]!.name },
      at: minutesAfter(T0, 60),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('结案审批表的审批负责人须为本机关负责人');
  });

  it('accepts the 检查笔录 made at the inspection before 立案, and refuses a 询问笔录 before it', () => {
    expect(f.discoveredOn < f.filedOn).toBe(true);
    const { state } = runUntil(id, seed, answer, 'evidence');
    const team = answer[1]!.values.officerIds!;
    const early = applyStep(state, {
      stepId: 'evidence',
      values: { date: f.discoveredOn, kind: 'inspection', officerIds: team },
      at: minutesAfter(T0, 10),
    });
    expect(early.ok).toBe(true);
    const inquiry = applyStep(state, {
      stepId: 'evidence',
      values: { date: f.discoveredOn, kind: 'inquiry', officerIds: team },
      at: minutesAfter(T0, 10),
    });
    expect(inquiry.ok).toBe(false);
    if (!inquiry.ok) expect(inquiry.reason).toContain('询问笔录');
  });
});

describe('refusals name the reason in law', () => {
  it('a 整改复查意见书 before any 责令限期整改指令书', () => {
    const state = startAttempt({ scenarioId: 'inspect-dust-explosion', seed: 'why', mode: 'practice', at: T0 });
    const result = applyStep(state, { stepId: 'recheck', values: {}, at: minutesAfter(T0, 1) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('须先开具指令书');
  });

  it('a decision while a requested hearing is pending', () => {
    const seed = 'why-hearing';
    const f = fixtureOf('case-uncertified-welders', seed);
    const answer = getScenario('case-uncertified-welders')!.modelAnswer(f);
    const { state } = runUntil('case-uncertified-welders', seed, answer, 'hearingSchedule');
    const decision = answer.find((s) => s.stepId === 'decision')!;
    const result = applyStep(state, { stepId: 'decision', values: decision.values, at: minutesAfter(T0, 50) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('根据听证笔录作出决定（《行政处罚法》第六十五条）');
  });
});
