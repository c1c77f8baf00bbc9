/** Rubric items for the case workflow, with their stable error codes and the mistake each one catches. */
import type { AnswerStep, RubricItem } from '../../../types';
import {
  hearingRequestEnd,
  lateSurcharge,
  noticeCarriesHearingRight,
  STATEMENT_REVIEW_LABELS,
  statementPeriodEnd,
  type CaseContext,
} from '../machine';
import { LEGAL } from '../../../law/legal-constants';
import { PENALTY_ARTICLES, TIER_OPTIONS, VIOLATIONS, yuan, type ArticleId, type TierId } from '../../../law/penalties';
import { addLegalDays, addWorkingDays, workingDaysBetween } from '../../../law/working-days';
import { amountInTier, caseAnswer, confusableArticle } from './answer';
import type { CaseFixture } from './fixture';

type Item = RubricItem<CaseFixture, 'case'>;
type Ctx = CaseContext;
const from = (answer: AnswerStep[]): 'file' | 'notice' => (answer.some((s) => s.stepId === 'file') ? 'file' : 'notice');

/** Rubric items for the case workflow. */
export const caseRubric = {
  article: (weight: number): Item => ({
    id: 'article',
    code: 'WRONG_ARTICLE',
    title: '处罚依据',
    weight,
    rule: '立案认定的违法行为（违反的条款）准确，告知书和决定书引用与该违法行为相对应的《安全生产法》罚则条款',
    citation: '《行政处罚法》第四十四条、第五十九条',
    feedbackAfter: ['file', 'notice', 'decision'],
    evaluate: ({ fixture, context }) => {
      const violation = VIOLATIONS[fixture.violationId];
      const filedWrong = context.filing !== null && context.filing.violationId !== fixture.violationId;
      const used = [context.notice?.articleId, context.decision?.articleId].filter(Boolean) as ArticleId[];
      const wrong = filedWrong || used.some((a) => a !== fixture.articleId);
      const earned = context.decision !== null && !wrong;
      const actual = [
        ...(context.filing ? [`立案：违反${VIOLATIONS[context.filing.violationId].duty}`] : []),
        ...(used.length ? [`罚则：${[...new Set(used)].map((a) => PENALTY_ARTICLES[a].citation).join('、')}`] : []),
      ];
      return {
        earned,
        pending: !earned && !wrong,
        expected: `违反${violation.duty}，依据${PENALTY_ARTICLES[fixture.articleId].citation}${violation.item ? `第（${violation.item}）项` : ''}处罚`,
        actual: actual.join('；') || '未作出',
        explanation: earned
          ? '违法条款和处罚依据正确。'
          : wrong
            ? `本案违法行为（${violation.act}）违反${violation.duty}，应适用${PENALTY_ARTICLES[fixture.articleId].citation}${violation.item ? `第（${violation.item}）项` : ''}。`
            : '尚未作出行政处罚决定。',
      };
    },
    mistake: {
      description: '引用了罚款幅度相近但不对应的条款',
      apply: (answer, f) =>
        caseAnswer(f, { from: from(answer), ...confusableArticle(f.articleId, f.tierId, f.amount) }),
    },
  }),
  tier: (weight: number): Item => ({
    id: 'tier',
    code: 'WRONG_TIER',
    title: '处罚档次',
    weight,
    rule: '区分首次责令改正与逾期未改正（拒不执行）的处罚档次',
    citation: '《安全生产法》第九十七条、第九十九条、第一百零一条、第一百零二条',
    feedbackAfter: ['notice', 'decision'],
    evaluate: ({ fixture, context }) => {
      const tier = context.decision?.tierId ?? null;
      const wrong = [context.notice?.tierId, tier].some((t) => t && t !== fixture.tierId);
      const earned = tier === fixture.tierId && context.notice?.tierId === fixture.tierId;
      const label = (t: TierId | null | undefined) => (t ? TIER_OPTIONS.find((o) => o.value === t)!.label : '未作出');
      return {
        earned,
        pending: !earned && !wrong,
        expected: label(fixture.tierId),
        actual: label(tier ?? context.notice?.tierId),
        explanation: earned
          ? '处罚档次正确。'
          : !wrong
            ? '尚未作出行政处罚决定。'
            : `本案应适用"${label(fixture.tierId)}"：${PENALTY_ARTICLES[fixture.articleId].tiers.find((t) => t.id === fixture.tierId)!.label}。`,
      };
    },
    mistake: {
      description: '适用了另一处罚档次',
      apply: (answer, f) => {
        const other: TierId = f.tierId === 'first' ? 'uncorrected' : 'first';
        return caseAnswer(f, { from: from(answer), tierId: other, amount: amountInTier(f.articleId, other) });
      },
    },
  }),
  hearingRight: (weight: number): Item => ({
    id: 'hearing-right',
    code: 'HEARING_RIGHT_MISSING',
    title: '告知听证权利',
    weight,
    rule: `拟作出较大数额罚款（单位${yuan(LEGAL.hearingThresholdUnit.value)}以上）或停产停业整顿的，告知当事人有要求听证的权利`,
    citation: '《行政处罚法》第六十三条',
    feedbackAfter: ['notice'],
    evaluate: ({ context }) => {
      const notice = context.notice;
      const applies = notice ? noticeCarriesHearingRight(notice) : false;
      const earned = notice !== null && (!applies || notice.hearingRightStated);
      return {
        earned,
        pending: notice === null,
        expected: applies ? '告知听证权利' : '可不告知听证权利',
        actual: notice ? (notice.hearingRightStated ? '已告知' : '未告知') : '未制作告知书',
        explanation: earned
          ? '听证权利告知符合规定。'
          : `拟处罚款${notice ? yuan(notice.amount) : ''}属于较大数额或含停产停业整顿，须告知听证权利。`,
      };
    },
    mistake: {
      description: '拟处较大数额罚款却未告知听证权利',
      apply: (answer, f) => caseAnswer(f, { from: from(answer), hearingRightStated: false }),
    },
  }),
  noticeDeadlines: (weight: number): Item => ({
    id: 'notice-deadlines',
    code: 'WRONG_DEADLINE',
    title: '告知书期限',
    weight,
    rule: `陈述申辩期限为送达后${LEGAL.statementPeriod.value}个工作日，听证申请期限为送达后${LEGAL.hearingRequestPeriod.value}个工作日（不含法定节假日）`,
    citation: '《行政处罚法》第六十四条、第八十五条',
    feedbackAfter: ['notice'],
    evaluate: ({ context }) => {
      const n = context.notice;
      const expectStatement = n ? statementPeriodEnd(n.date) : '';
      const expectHearing = n && n.hearingRightStated ? hearingRequestEnd(n.date) : null;
      const earned = n !== null && n.statementDeadline === expectStatement && n.hearingDeadline === expectHearing;
      return {
        earned,
        pending: n === null,
        expected: n
          ? `陈述申辩至${expectStatement}${expectHearing ? `，听证申请至${expectHearing}` : ''}`
          : '按工作日计算',
        actual: n
          ? `陈述申辩至${n.statementDeadline}${n.hearingDeadline ? `，听证申请至${n.hearingDeadline}` : ''}`
          : '未制作告知书',
        explanation: earned ? '期限按工作日计算正确。' : '期限中的"三日""五日"指工作日，期间开始之日不计算在内。',
      };
    },
    mistake: {
      description: '听证申请期限按自然日计算',
      apply: (answer, f) => caseAnswer(f, { from: from(answer), calendarHearingDeadline: true }),
    },
  }),
  hearingProcedure: (weight: number): Item => ({
    id: 'hearing-procedure',
    code: 'HEARING_PROCEDURE',
    title: '听证程序',
    weight,
    rule: `当事人在期限内要求听证的，登记申请，在听证的${LEGAL.hearingNoticePeriod.value}日前通知，举行听证后再作决定`,
    citation: '《行政处罚法》第六十四条、第六十五条',
    feedbackAfter: ['hearingRecord', 'decision'],
    evaluate: ({ fixture, context }) => {
      const held = context.hearing?.heldOn ?? null;
      const earned = fixture.hearingRequested
        ? held !== null && context.decision !== null
        : context.hearingRequest === null;
      return {
        earned,
        // Until the decision, a requested hearing may still be held.
        pending: fixture.hearingRequested && context.decision === null,
        expected: fixture.hearingRequested ? '登记听证申请、通知并举行听证后作出决定' : '当事人未要求听证',
        actual: held ? `${held}举行听证` : context.hearingRequest ? '登记了听证申请' : '未组织听证',
        explanation: earned ? '听证程序符合规定。' : '当事人依法要求听证的，行政机关应当组织听证。',
      };
    },
    mistake: {
      description: '当事人要求听证，却未登记申请、未组织听证',
      apply: (answer, f) => caseAnswer(f, { from: from(answer), hearing: false }),
    },
  }),
  appealInfo: (weight: number): Item => ({
    id: 'appeal-info',
    code: 'WRONG_APPEAL_INFO',
    title: '决定书的履行期限和救济途径',
    weight,
    rule: `决定书写明自收到之日起${LEGAL.paymentPeriod.value}日内缴纳罚款，${LEGAL.reconsiderationPeriod.value}日内可申请行政复议，${LEGAL.litigationPeriod.value}个月内可提起行政诉讼`,
    citation: '《行政处罚法》第五十九条、第六十七条；《行政复议法》第二十条；《行政诉讼法》第四十六条',
    feedbackAfter: ['decision'],
    evaluate: ({ context }) => {
      const d = context.decision;
      const earned =
        d !== null &&
        d.paymentDays === LEGAL.paymentPeriod.value &&
        d.reconsiderationDays === LEGAL.reconsiderationPeriod.value &&
        d.litigationMonths === LEGAL.litigationPeriod.value;
      return {
        earned,
        pending: d === null,
        expected: `缴款${LEGAL.paymentPeriod.value}日、复议${LEGAL.reconsiderationPeriod.value}日、诉讼${LEGAL.litigationPeriod.value}个月`,
        actual: d ? `缴款${d.paymentDays}日、复议${d.reconsiderationDays}日、诉讼${d.litigationMonths}个月` : '未作出',
        explanation: earned ? '履行期限和救济途径正确。' : '决定书载明的期限与法律规定不一致。',
      };
    },
    mistake: {
      description: '把申请行政复议期限写成15日',
      apply: (answer, f) => caseAnswer(f, { from: from(answer), reconsiderationDays: 15 }),
    },
  }),
  service: (weight: number): Item => ({
    id: 'service',
    code: 'LATE_SERVICE',
    title: '决定书送达',
    weight,
    rule: `决定书未当场交付的，在${LEGAL.decisionServicePeriod.value}日（工作日）内送达`,
    citation: '《行政处罚法》第六十一条',
    feedbackAfter: ['serve'],
    evaluate: ({ context }) => {
      const d = context.decision;
      const s = context.service;
      const days = d && s ? workingDaysBetween(d.date, s.date) : null;
      const earned = days !== null && days <= LEGAL.decisionServicePeriod.value;
      return {
        earned,
        pending: s === null,
        expected: d
          ? `${addWorkingDays(d.date, LEGAL.decisionServicePeriod.value)}前送达`
          : `决定后${LEGAL.decisionServicePeriod.value}日内`,
        actual: s ? `${s.date}送达（${days}个工作日）` : '未送达',
        explanation: earned ? '送达及时。' : '决定书送达超过法定期限。',
      };
    },
    mistake: {
      description: '决定后12个工作日才送达',
      apply: (answer, f) => caseAnswer(f, { from: from(answer), serviceDelay: 12 }),
    },
  }),
  surcharge: (weight: number): Item => ({
    id: 'surcharge',
    code: 'LATE_FEE_WRONG',
    title: '加处罚款',
    weight,
    rule: `到期不缴纳罚款的，每日按罚款数额的${LEGAL.latePaymentRate.value * 100}%加处罚款，总额不超过罚款数额；按期缴纳的不加处`,
    citation: '《行政处罚法》第七十二条',
    feedbackAfter: ['payment'],
    evaluate: ({ context }: { context: Ctx }) => {
      const p = context.payment;
      const s = context.service;
      const d = context.decision;
      const due = s ? addLegalDays(s.date, LEGAL.paymentPeriod.value) : null;
      const expected = p && d && due ? lateSurcharge(d.amount, due, p.date) : null;
      const earned = p !== null && expected === p.surcharge;
      return {
        earned,
        pending: p === null,
        expected: expected === null ? '按缴款日期计算' : `${yuan(expected)}（缴款期限至${due}）`,
        actual: p ? yuan(p.surcharge) : '未登记缴款',
        explanation: earned ? '加处罚款计算正确。' : '加处罚款自缴款期限届满次日起按日计算，不超过罚款数额。',
      };
    },
    mistake: {
      description: '加处罚款计算错误（多算或漏算）',
      apply: (answer, f) => caseAnswer(f, { from: from(answer), surchargeDelta: f.amount >= 3000 ? 300 : 10 }),
    },
  }),
  statementHeard: (weight: number): Item => ({
    id: 'statement-heard',
    code: 'STATEMENT_NOT_HEARD',
    title: '听取陈述申辩并复核',
    weight,
    rule: '当事人在期限内提出陈述、申辩的，登记并复核，决定书写明复核意见；当事人未提出的，不得记载其提出',
    citation: '《行政处罚法》第四十五条、第六十二条',
    feedbackAfter: ['statement', 'decision'],
    evaluate: ({ fixture, context }) => {
      const made = fixture.statement !== null;
      const registered = context.statement !== null;
      const reviewed = context.decision?.statementReview ?? null;
      // A statement registered that the party never made is wrong at once; a missing one only once the decision is made.
      const wrong = (!made && registered) || (made && context.decision !== null && (!registered || reviewed === null));
      const earned = context.decision !== null && !wrong;
      return {
        earned,
        pending: !earned && !wrong,
        expected: made
          ? '登记当事人的陈述、申辩，复核后在决定书中写明复核意见'
          : '当事人未提出陈述、申辩，决定书如实记载',
        actual: registered
          ? `登记了陈述申辩${reviewed ? `，复核意见：${STATEMENT_REVIEW_LABELS[reviewed]}` : ''}`
          : context.decision
            ? '未登记陈述申辩即作出决定'
            : '尚未作出决定',
        explanation: earned
          ? '陈述、申辩的听取和复核符合规定。'
          : wrong
            ? made
              ? '当事人在期限内提出了陈述、申辩，行政机关必须充分听取并复核；拒绝听取的，不得作出行政处罚决定。'
              : '当事人没有提出陈述、申辩，不能在案卷和决定书中记载其提出。'
            : '尚未作出行政处罚决定。',
      };
    },
    mistake: {
      description: '当事人提出了陈述申辩却未登记复核就作出决定（当事人未提出时：登记了一份并不存在的陈述申辩）',
      apply: (answer, f) => caseAnswer(f, { from: from(answer), statement: f.statement ? 'skip' : 'invent' }),
    },
  }),
};
