/**
 * Rubric items of the chain. The 复查 items are the inspection's and the case items the case's (their
 * `evaluate` imported and given the chain's inspection or case part, so each rule is written once); the
 * mistakes are the chain's, since its answer is one. 第一百零二条's own items — the unit's fine, the
 * persons' fines and 停产停业整顿 — are judged here.
 */
import { initialTransition } from 'xstate';
import type { RubricItem, RubricVerdict, ScoringInput } from '../../../types';
import { fineRangeProblem, PENALTY_ARTICLES, yuan, type TierId } from '../../../law/penalties';
import { caseRubric, confusableArticle, type CaseFixture } from '../../case/kit';
import { caseMachine, type CaseContext } from '../../case/machine';
import { inspectionRubric, type InspectionFixture } from '../../inspection/kit';
import { recheckDueBy } from '../../inspection/machine';
import { addDays } from '../../../law/working-days';
import type { RecheckCaseContext } from '../machine';
import { recheckCaseAnswer } from './answer';
import type { RecheckCaseFixture } from './fixture';

type Item = RubricItem<RecheckCaseFixture, 'recheckCase'>;
type Input = ScoringInput<RecheckCaseFixture, 'recheckCase'>;

/** The case's context before 立案 (the chain's case part is null until the 复查 opens it). */
const [notOpened] = initialTransition(caseMachine, { authority: '', counters: {}, head: '', discoveredOn: '' });
const caseContext = (c: RecheckCaseContext): CaseContext => c.case?.context ?? (notOpened.context as CaseContext);

function fromCase(item: RubricItem<CaseFixture, 'case'>, mistake: Item['mistake']): (weight: number) => Item {
  return (weight) => ({
    ...item,
    weight,
    evaluate: ({ fixture, context, state, finished }: Input): RubricVerdict =>
      item.evaluate({ fixture: fixture.case, context: caseContext(context), state, finished }),
    mistake,
  });
}

function fromInspection(
  item: RubricItem<InspectionFixture, 'inspection'>,
  mistake: Item['mistake'],
): (weight: number) => Item {
  return (weight) => ({
    ...item,
    weight,
    evaluate: ({ fixture, context, state, finished }: Input): RubricVerdict =>
      item.evaluate({ fixture: fixture.inspection, context: context.inspection.context, state, finished }),
    mistake,
  });
}

const hazards = (f: RecheckCaseFixture) => f.inspection.items.filter((i) => i.verdict !== 'ok').map((i) => i.id);
const deadlineOf = (f: RecheckCaseFixture) => addDays(f.inspection.inspectionOn, f.inspection.rectifyDays);
const ART102 = PENALTY_ARTICLES.art102;

/** The penalty decided (or, before the decision, notified) with the chain's measures. */
function decided(context: RecheckCaseContext) {
  const c = caseContext(context);
  return c.decision && context.decision ? { ...c.decision, ...context.decision } : null;
}

export const recheckCaseRubric = {
  recheckInTime: fromInspection(inspectionRubric.recheckInTime(0), {
    description: '整改期满、复查期限届满后才复查（立案等随之推迟）',
    apply: (_answer, f) => recheckCaseAnswer(f, { recheckOn: addDays(recheckDueBy(deadlineOf(f)), 3) }),
  }),
  recheckResult: fromInspection(inspectionRubric.recheckResult(0), {
    description: '复查结论与现场不符：把一项隐患的整改情况记错（仍有未整改的，照常立案）',
    apply: (_answer, f) => {
      const all = hazards(f);
      const truth = f.inspection.recheck.rectifiedItemIds;
      // Still one hazard outstanding, so the case follows; the other one is recorded wrongly.
      const wrong = truth.length === 0 ? all.slice(0, 1) : all.filter((id) => !truth.includes(id)).slice(0, 1);
      return recheckCaseAnswer(f, { rectifiedItemIds: wrong });
    },
  }),
  article: fromCase(caseRubric.article(0), {
    description: '引用了罚款幅度能容纳同一数额、但不对应"未采取措施消除事故隐患"的罚则条款',
    apply: (_answer, f) =>
      recheckCaseAnswer(f, { case: confusableArticle(f.case.articleId, f.case.tierId, f.case.amount) }),
  }),
  tier: fromCase(caseRubric.tier(0), {
    description: '拒不执行与首次责令消除的档次混淆（停产停业整顿和责任人员罚款随档次而定）',
    apply: (_answer, f) =>
      recheckCaseAnswer(f, { case: { tierId: f.case.tierId === 'first' ? 'uncorrected' : 'first' } }),
  }),
  hearingRight: fromCase(caseRubric.hearingRight(0), {
    description: '拟责令停产停业整顿或处较大数额罚款，却未告知听证权利',
    apply: (_answer, f) => recheckCaseAnswer(f, { case: { hearingRightStated: false } }),
  }),
  statementHeard: fromCase(caseRubric.statementHeard(0), {
    description: '当事人提出了陈述申辩却未登记复核（未提出时：登记了一份并不存在的陈述申辩）',
    apply: (_answer, f) => recheckCaseAnswer(f, { case: { statement: f.case.statement ? 'skip' : 'invent' } }),
  }),
  unitFine: (weight: number): Item => ({
    id: 'unit-fine',
    code: 'UNIT_FINE_WRONG',
    title: '单位罚款数额',
    weight,
    rule: `对生产经营单位的罚款在${ART102.citation}的幅度内（${yuan(ART102.tiers[0]!.max!)}以下，拒不执行的亦同），按案件审核和集体讨论确定的数额`,
    citation: `${ART102.citation}；《行政处罚法》第五十七条`,
    feedbackAfter: ['decision'],
    evaluate: ({ fixture, context }) => {
      const d = caseContext(context).decision;
      const inRange = d ? fineRangeProblem('art102', fixture.case.tierId, d.amount) === null : false;
      const earned = d !== null && inRange && d.amount === fixture.case.amount;
      return {
        earned,
        pending: d === null,
        expected: `罚款${yuan(fixture.case.amount)}`,
        actual: d ? `罚款${yuan(d.amount)}` : '未作出决定',
        explanation: earned
          ? '单位罚款数额正确。'
          : `单位罚款应为集体讨论确定的${yuan(fixture.case.amount)}，且不超过${ART102.citation}规定的${yuan(ART102.tiers[0]!.max!)}。`,
      };
    },
    mistake: {
      description: '决定的单位罚款与集体讨论确定的数额不一致',
      apply: (_answer, f) => recheckCaseAnswer(f, { case: { amount: f.case.amount - 10_000 } }),
    },
  }),
  personFines: (weight: number): Item => ({
    id: 'person-fines',
    code: 'MISSING_PERSON_FINE',
    title: '责任人员罚款（双罚）',
    weight,
    rule: `生产经营单位拒不执行的，除责令停产停业整顿外，对其直接负责的主管人员和其他直接责任人员各处${yuan(ART102.personRange![0])}以上${yuan(ART102.personRange![1])}以下的罚款，告知书和决定书均须载明`,
    citation: ART102.citation,
    feedbackAfter: ['notice', 'decision'],
    evaluate: ({ fixture, context }) => {
      const d = decided(context);
      const expected = d?.tierId === 'uncorrected' ? fixture.persons : [];
      const fined = d?.personFines ?? [];
      const missing = expected.filter((p) => !fined.some((x) => x.personId === p.id));
      const earned = d !== null && missing.length === 0;
      const names = (ids: string[]) =>
        ids.map((id) => fixture.persons.find((p) => p.id === id)?.name ?? id).join('、') || '无';
      return {
        earned,
        pending: d === null,
        expected:
          expected.length > 0
            ? `对${names(expected.map((p) => p.id))}各处罚款（${yuan(ART102.personRange![0])}至${yuan(ART102.personRange![1])}）`
            : '未认定拒不执行的，不处责任人员罚款',
        actual: d ? `处罚款的责任人员：${names(fined.map((x) => x.personId))}` : '未作出决定',
        explanation: earned
          ? '责任人员罚款符合规定。'
          : `单位拒不执行的，${ART102.citation}要求同时处罚直接负责的主管人员和其他直接责任人员；遗漏了${names(missing.map((p) => p.id))}。`,
      };
    },
    mistake: {
      description: '只处罚了单位和主要负责人，遗漏了另一名直接责任人员',
      apply: (_answer, f) => recheckCaseAnswer(f, { personIds: f.persons.slice(0, 1).map((p) => p.id) }),
    },
  }),
  suspension: (weight: number): Item => ({
    id: 'suspension',
    code: 'SUSPENSION_WRONG',
    title: '责令停产停业整顿',
    weight,
    rule: '生产经营单位拒不执行消除事故隐患的责令的，责令停产停业整顿；首次责令消除时不适用',
    citation: ART102.citation,
    feedbackAfter: ['notice', 'decision'],
    evaluate: ({ context }) => {
      const d = decided(context);
      const notice = context.notice;
      const ordered = (tier: TierId | undefined, suspension: boolean | undefined) =>
        tier !== undefined && suspension === (tier === 'uncorrected');
      const noticeTier = caseContext(context).notice?.tierId;
      const wrongNotice = notice !== null && !ordered(noticeTier, notice.suspension);
      const earned = d !== null && ordered(d.tierId, d.suspension) && !wrongNotice;
      return {
        earned,
        pending: d === null && !wrongNotice,
        expected: d
          ? d.tierId === 'uncorrected'
            ? '责令停产停业整顿'
            : '不责令停产停业整顿'
          : '拒不执行的责令停产停业整顿',
        actual: d ? (d.suspension ? '责令停产停业整顿' : '未责令停产停业整顿') : '未作出决定',
        explanation: earned
          ? '停产停业整顿的适用正确。'
          : `认定拒不执行的，${ART102.citation}规定"责令停产停业整顿"，告知书和决定书均须载明。`,
      };
    },
    mistake: {
      description: '认定拒不执行，却未责令停产停业整顿',
      apply: (_answer, f) => recheckCaseAnswer(f, { suspension: false }),
    },
  }),
};
