/**
 * Rubric items of the chain. The 复查 items are the inspection's and the case items the case's (their
 * `evaluate` imported and given the chain's inspection or case part, so each rule is written once — among
 * them 双罚, 处罚裁量, 法制审核 and 集体讨论); the mistakes are the chain's, since its answer is one. The
 * chain's own item is the unit's fine the case review fixed.
 */
import { initialTransition } from 'xstate';
import type { RubricItem, RubricVerdict, ScoringInput } from '../../../types';
import { fineRangeProblem, PENALTY_ARTICLES, yuan } from '../../../law/penalties';
import { caseInput, caseRubric, confusableArticle, lighterAmount, type CaseFixture } from '../../case/kit';
import { caseMachine, type CaseContext } from '../../case/machine';
import { inspectionRubric, type InspectionFixture } from '../../inspection/kit';
import type { RecheckCaseContext } from '../machine';
import { lateRecheckOn, recheckCaseAnswer } from './answer';
import type { RecheckCaseFixture } from './fixture';

type Item = RubricItem<RecheckCaseFixture, 'recheckCase'>;
type Input = ScoringInput<RecheckCaseFixture, 'recheckCase'>;

/** The case's context before 立案 (the chain's case part is null until the 复查 opens it). */
const caseContext = (c: RecheckCaseContext, f: CaseFixture): CaseContext =>
  c.case?.context ?? (initialTransition(caseMachine, caseInput(f))[0].context as CaseContext);

function fromCase(item: RubricItem<CaseFixture, 'case'>, mistake: Item['mistake']): (weight: number) => Item {
  return (weight) => ({
    ...item,
    weight,
    evaluate: ({ fixture, context, state, finished }: Input): RubricVerdict =>
      item.evaluate({ fixture: fixture.case, context: caseContext(context, fixture.case), state, finished }),
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
const ART102 = PENALTY_ARTICLES.art102;

export const recheckCaseRubric = {
  recheckInTime: fromInspection(inspectionRubric.recheckInTime(0), {
    description: '整改期满、复查期限届满后才复查（立案等随之推迟）',
    apply: (_answer, f) => recheckCaseAnswer(f, { recheckOn: lateRecheckOn(f) }),
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
    description: '拒不执行与首次责令消除的档次混淆（停产停业整顿、责任人员罚款和听证、法制审核随档次而定）',
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
  personFines: fromCase(caseRubric.personFines(0), {
    description: '单位拒不执行，只处罚了单位和主要负责人，遗漏了另一名直接责任人员',
    apply: (_answer, f) => recheckCaseAnswer(f, { case: { personFines: 'omitOne' } }),
  }),
  decisionKind: fromCase(caseRubric.decisionKind(0), {
    description: '没有《行政处罚法》第三十二条的情形，却以"主动消除危害后果"从轻处罚',
    apply: (_answer, f) =>
      recheckCaseAnswer(f, {
        case: {
          kind: 'lighter',
          mitigation: 'eliminated',
          amount: lighterAmount(f.case.articleId, f.case.tierId, f.case.amount),
        },
      }),
  }),
  legalReview: fromCase(caseRubric.legalReview(0), {
    description: '由本案承办人（虽已取得法律职业资格）进行法制审核',
    apply: (_answer, f) => recheckCaseAnswer(f, { case: { reviewerId: 'reviewer-3' } }),
  }),
  collectiveDiscussion: fromCase(caseRubric.collectiveDiscussion(0), {
    description: '只有主要负责人和一名副职"讨论"',
    apply: (_answer, f) => recheckCaseAnswer(f, { case: { discussionSize: 2 } }),
  }),
  unitFine: (weight: number): Item => ({
    id: 'unit-fine',
    code: 'UNIT_FINE_WRONG',
    title: '单位罚款数额',
    weight,
    rule: `对生产经营单位的罚款在${ART102.citation}的幅度内（${yuan(ART102.tiers[0]!.max!)}以下，拒不执行的亦同），按案件审核和集体讨论确定的数额（从轻处罚的，在幅度的较低部分）`,
    citation: `${ART102.citation}；《行政处罚法》第五十七条`,
    feedbackAfter: ['decision'],
    evaluate: ({ fixture, context }) => {
      const d = caseContext(context, fixture.case).decision;
      const expected = (kind: string | undefined) =>
        kind === 'lighter' ? lighterAmount('art102', fixture.case.tierId, fixture.case.amount) : fixture.case.amount;
      const inRange = d ? fineRangeProblem('art102', fixture.case.tierId, d.amount) === null : false;
      const earned = d !== null && inRange && d.amount === expected(d.kind);
      return {
        earned,
        pending: d === null,
        expected: `罚款${yuan(expected(d?.kind))}`,
        actual: d ? `罚款${yuan(d.amount)}` : '未作出决定',
        explanation: earned
          ? '单位罚款数额正确。'
          : `单位罚款应为案件审核确定的${yuan(fixture.case.amount)}，且不超过${ART102.citation}规定的${yuan(ART102.tiers[0]!.max!)}。`,
      };
    },
    mistake: {
      description: '决定的单位罚款与案件审核确定的数额不一致',
      apply: (_answer, f) => recheckCaseAnswer(f, { case: { amount: f.case.amount - 10_000 } }),
    },
  }),
};
