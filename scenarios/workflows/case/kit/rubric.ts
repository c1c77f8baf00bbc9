/** Rubric items for the case workflow, with their stable error codes and the mistake each one catches. */
import type { AnswerStep, RubricItem } from '../../../types';
import {
  HEAVY_DECISION_RULE,
  hearingRequestEnd,
  isHeavyCase,
  noticeCarriesHearingRight,
  totalSurcharge,
  STATEMENT_REVIEW_LABELS,
  statementPeriodEnd,
  type CaseContext,
} from '../machine';
import { LEGAL } from '../../../law/legal-constants';
import { appealTermsResult } from '../../../kit/appeal-terms';
import {
  CRIMES,
  HARM_LABELS,
  MITIGATIONS,
  mitigationCitation,
  NO_PENALTY_GROUNDS,
  noPenaltyGroundFor,
  PENALTY_ARTICLES,
  PENALTY_KIND_LABELS,
  personFinesApply,
  REQUIRED_TRANSFER_MATERIALS,
  TIER_OPTIONS,
  TRANSFER_MATERIALS,
  VIOLATIONS,
  yuan,
  type ArticleId,
  type NoPenaltyFindings,
  type PenaltyKind,
  type TierId,
} from '../../../law/penalties';
import { addLegalDays, addWorkingDays, workingDaysBetween } from '../../../law/working-days';
import { amountInTier, caseAnswer, confusableArticle, expectedOutcome, lighterAmount } from './answer';
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
    evaluate: ({ context }) =>
      appealTermsResult(context.decision, {
        notMade: '未作出',
        right: '履行期限和救济途径正确。',
        wrong: '决定书载明的期限与法律规定不一致。',
      }),
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
      const expected = p && d && due ? totalSurcharge(d, due, p.date) : null;
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
  decisionKind: (weight: number): Item => ({
    id: 'decision-kind',
    code: 'WRONG_DECISION_KIND',
    title: '处罚裁量（处罚、从轻、减轻、不予处罚）',
    weight,
    rule: '违法行为轻微并及时改正、没有造成危害后果的，不予行政处罚；有第三十二条情形的，应当从轻或者减轻处罚；没有这些情形的，不得以虚构的情形从轻、减轻或者不予处罚',
    citation: '《行政处罚法》第三十二条、第三十三条第一款',
    feedbackAfter: ['noPenalty', 'decision'],
    evaluate: ({ fixture, context }) => {
      const d = context.decision;
      const outcome = expectedOutcome(fixture);
      const expected =
        outcome === 'noPenalty'
          ? `不予行政处罚（${NO_PENALTY_GROUNDS[noPenaltyGroundFor(fixture.findings)!].citation}）`
          : fixture.mitigation
            ? `从轻或者减轻处罚（${mitigationCitation(fixture.mitigation)}：${MITIGATIONS[fixture.mitigation].label}）`
            : '在法定幅度内处罚（没有从轻、减轻或者不予处罚的情形）';
      const sameFindings = (x: NoPenaltyFindings) =>
        (Object.keys(fixture.findings) as (keyof NoPenaltyFindings)[]).every((k) => x[k] === fixture.findings[k]);
      const earned =
        d !== null &&
        (outcome === 'noPenalty'
          ? d.kind === 'none' && d.noPenalty !== null && sameFindings(d.noPenalty.findings)
          : d.kind !== 'none' &&
            (fixture.mitigation ? d.kind !== 'penalty' && d.mitigation === fixture.mitigation : d.kind === 'penalty'));
      return {
        earned,
        pending: d === null && context.transfer === null,
        expected,
        actual: !d
          ? '尚未作出决定'
          : d.kind === 'none'
            ? `不予行政处罚（认定：${d.noPenalty!.findings.minor ? '轻微' : '非轻微'}、${d.noPenalty!.findings.firstOffence ? '初次违法' : '非初次'}、${d.noPenalty!.findings.correctedInTime ? '及时改正' : '未及时改正'}、${HARM_LABELS[d.noPenalty!.findings.harm]}）`
            : `${PENALTY_KIND_LABELS[d.kind as PenaltyKind]}${d.mitigation ? `（${MITIGATIONS[d.mitigation].label}）` : ''}，罚款${yuan(d.amount)}`,
        explanation: earned
          ? '处罚裁量与查明的事实相符。'
          : outcome === 'noPenalty'
            ? `本案${HARM_LABELS[fixture.findings.harm]}，违法行为轻微并已及时改正，依法应当不予行政处罚，并对当事人进行教育。`
            : fixture.mitigation
              ? '当事人具有第三十二条规定的情形，应当从轻或者减轻处罚。'
              : '案件事实中没有第三十二条、第三十三条规定的情形，认定的情形与事实不符。',
      };
    },
    mistake: {
      description: '应当不予处罚的却处以罚款；或者虚构"主动消除危害后果"的情形从轻处罚',
      apply: (answer, f) => {
        if (expectedOutcome(f) === 'noPenalty') return caseAnswer(f, { outcome: 'penalty' });
        if (f.mitigation)
          return caseAnswer(f, { from: from(answer), kind: 'penalty', mitigation: null, amount: f.amount });
        return caseAnswer(f, {
          from: from(answer),
          kind: 'lighter',
          mitigation: 'eliminated',
          amount: lighterAmount(f.articleId, f.tierId, f.amount),
        });
      },
    },
  }),
  personFines: (weight: number): Item => ({
    id: 'person-fines',
    code: 'PERSON_FINES_WRONG',
    title: '双罚：对直接负责的主管人员和其他直接责任人员处罚款',
    weight,
    rule: '罚则规定逾期未改正（拒不执行）的，除对单位罚款外，还对其直接负责的主管人员和其他直接责任人员在规定幅度内处罚款，告知书和决定书均须写明',
    citation: '《安全生产法》第九十七条、第九十九条、第一百零一条、第一百零二条；《行政处罚法》第四十四条',
    feedbackAfter: ['notice', 'decision'],
    evaluate: ({ fixture, context }) => {
      const d = context.decision;
      const n = context.notice;
      const names = (xs: { name: string }[]) => [...xs.map((x) => x.name)].sort().join('、');
      const expectedFor = (terms: { articleId: ArticleId; tierId: TierId }) =>
        personFinesApply(terms.articleId, terms.tierId) ? names(fixture.responsible) : '';
      const earned =
        d !== null && n !== null && names(d.personFines) === expectedFor(d) && names(n.personFines) === expectedFor(n);
      const expected = personFinesApply(fixture.articleId, fixture.tierId)
        ? `对${fixture.responsible.map((p) => `${p.name}（${p.role}）`).join('、')}处罚款，数额在${PENALTY_ARTICLES[fixture.articleId].personRange!.map(yuan).join('至')}之间`
        : '本档次不对个人处罚款';
      return {
        earned,
        pending: d === null && context.transfer === null,
        expected,
        actual: d
          ? d.personFines.length
            ? d.personFines.map((p) => `${p.name}${yuan(p.amount)}`).join('、')
            : '未对个人处罚款'
          : '尚未作出决定',
        explanation: earned
          ? '对直接责任人员的处罚符合罚则。'
          : '罚则要求对单位和直接负责的主管人员、其他直接责任人员同时处罚（双罚），受处罚人员须与查明的事实一致。',
      };
    },
    mistake: {
      description: '只处罚了主要负责人，遗漏了其他直接责任人员',
      apply: (answer, f) => caseAnswer(f, { from: from(answer), personFines: 'omitOne' }),
    },
  }),
  legalReview: (weight: number): Item => ({
    id: 'legal-review',
    code: 'LEGAL_REVIEW',
    title: '法制审核',
    weight,
    rule: `${HEAVY_DECISION_RULE}，作出决定前由取得法律职业资格、未参与本案调查的法制审核人员进行审核`,
    citation:
      '《行政处罚法》第五十八条；《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）',
    feedbackAfter: ['legalReview', 'decision'],
    evaluate: ({ context }) => {
      const d = context.decision;
      const r = context.legalReview;
      const reviewer = r ? context.reviewers.find((x) => x.id === r.reviewerId) : undefined;
      const required = isHeavyCase(context, d ?? undefined);
      const independent = reviewer !== undefined && !reviewer.caseOfficer;
      const wrong = r !== null && !independent;
      const earned = d !== null && (required ? independent : !wrong);
      return {
        earned,
        pending: d === null && !wrong,
        expected: required ? '经法制审核机构中取得法律职业资格的人员审核' : '本案不属于应当法制审核的情形',
        actual: r ? `${reviewer?.name ?? r.reviewerId}（${reviewer?.unit ?? ''}）于${r.date}审核` : '未进行法制审核',
        explanation: earned
          ? '法制审核符合规定。'
          : '法制审核由法制审核机构的人员进行，承办案件的执法人员不能审核自己调查的案件（审核与执法相分离）。',
      };
    },
    mistake: {
      description: '由本案承办人（虽已取得法律职业资格）进行法制审核',
      apply: (answer, f) => caseAnswer(f, { from: from(answer), reviewerId: 'reviewer-3' }),
    },
  }),
  collectiveDiscussion: (weight: number): Item => ({
    id: 'collective-discussion',
    code: 'COLLECTIVE_DISCUSSION',
    title: '负责人集体讨论',
    weight,
    rule: `情节复杂或者重大违法行为（${HEAVY_DECISION_RULE}）给予行政处罚，由本机关主要负责人主持、${LEGAL.collectiveDiscussionQuorum.value}名以上负责人集体讨论决定`,
    citation: '《行政处罚法》第五十七条第二款',
    feedbackAfter: ['discussion', 'decision'],
    evaluate: ({ context }) => {
      const d = context.decision;
      const m = context.discussion;
      const required = isHeavyCase(context, d ?? undefined);
      const quorate = m !== null && m.participantIds.length >= LEGAL.collectiveDiscussionQuorum.value;
      const wrong = m !== null && !quorate;
      const earned = d !== null && (required ? quorate : !wrong);
      return {
        earned,
        pending: d === null && !wrong,
        expected: required
          ? `主要负责人主持，${LEGAL.collectiveDiscussionQuorum.value}名以上负责人集体讨论`
          : '本案不属于应当集体讨论的情形',
        actual: m ? `${m.participantIds.length}名负责人参加讨论` : '未集体讨论',
        explanation: earned ? '集体讨论符合规定。' : '两人商量不是集体讨论，重大案件须由负责人集体讨论决定。',
      };
    },
    mistake: {
      description: '只有主要负责人和一名副职"讨论"',
      apply: (answer, f) => caseAnswer(f, { from: from(answer), discussionSize: 2 }),
    },
  }),
  noPenaltyGround: (weight: number): Item => ({
    id: 'no-penalty-ground',
    code: 'NO_PENALTY_GROUND',
    title: '不予处罚的依据',
    weight,
    rule: '违法行为轻微并及时改正、没有造成危害后果的，依第三十三条第一款前段"不予行政处罚"（应当），不是后段的"可以不予"',
    citation: '《行政处罚法》第三十三条第一款',
    feedbackAfter: ['noPenalty'],
    evaluate: ({ fixture, context }) => {
      const d = context.decision;
      const expected = noPenaltyGroundFor(fixture.findings);
      const actual = d?.noPenalty?.ground ?? null;
      const earned = d !== null && (d.kind !== 'none' || actual === expected);
      return {
        earned,
        pending: d === null && context.transfer === null,
        expected: expected ? NO_PENALTY_GROUNDS[expected].citation : '不适用不予处罚',
        actual: actual ? NO_PENALTY_GROUNDS[actual].citation : d ? '未作出不予处罚决定' : '尚未作出决定',
        explanation: earned
          ? '不予处罚的依据正确。'
          : '事实符合"轻微、及时改正、没有危害后果"的，是法律规定应当不予处罚的情形，决定书应当引用第三十三条第一款前段。',
      };
    },
    mistake: {
      description: '引用"初次违法……可以不予行政处罚"作为依据',
      apply: (_answer, f) => caseAnswer(f, { noPenaltyGround: 'firstOffence' }),
    },
  }),
  transfer: (weight: number): Item => ({
    id: 'transfer',
    code: 'CRIME_NOT_TRANSFERRED',
    title: '涉嫌犯罪案件移送',
    weight,
    rule: '违法行为涉嫌犯罪的，应当及时将案件移送司法机关，不得以行政处罚代替移送',
    citation: '《行政处罚法》第二十七条第一款；《行政执法机关移送涉嫌犯罪案件的规定》第十一条',
    feedbackAfter: ['transfer', 'notice', 'decision'],
    evaluate: ({ fixture, context }) => {
      const t = context.transfer;
      const fined = context.notice !== null || context.decision !== null;
      const earned = t !== null;
      return {
        earned,
        pending: !earned && !fined,
        expected: fixture.crime ? `移送公安机关（涉嫌${CRIMES[fixture.crime].name}）` : '不移送',
        actual: t ? `${t.transferredOn}移送${t.recipient}` : fined ? '以行政处罚代替移送' : '尚未移送',
        explanation: earned
          ? '及时移送涉嫌犯罪案件。'
          : `本案事实具备${fixture.crime ? `${CRIMES[fixture.crime].citation}（${CRIMES[fixture.crime].elements}）` : ''}的要件，应当移送公安机关，不得以罚款代替移送。`,
      };
    },
    mistake: {
      description: '没有发现涉嫌犯罪，按一般违法行为告知并罚款',
      apply: (_answer, f) => caseAnswer(f, { outcome: 'penalty' }),
    },
  }),
  crimeCharge: (weight: number): Item => ({
    id: 'crime-charge',
    code: 'WRONG_CRIME',
    title: '涉嫌罪名',
    weight,
    rule: '关闭直接关系生产安全的报警设备、具有发生重大伤亡事故现实危险的，涉嫌危险作业罪；重大责任事故罪以发生重大伤亡事故或者其他严重后果为要件',
    citation: '《中华人民共和国刑法》第一百三十四条、第一百三十四条之一',
    feedbackAfter: ['transfer'],
    evaluate: ({ fixture, context }) => {
      const t = context.transfer;
      const earned = t === null ? context.decision !== null : t.crime === fixture.crime;
      return {
        earned,
        pending: t === null && context.decision === null,
        expected: fixture.crime ? `${CRIMES[fixture.crime].name}（${CRIMES[fixture.crime].citation}）` : '不移送',
        actual: t ? `${CRIMES[t.crime].name}（${CRIMES[t.crime].citation}）` : '未移送',
        explanation: earned ? '涉嫌罪名认定正确。' : '本案没有发生事故，不具备重大责任事故罪"发生重大伤亡事故"的要件。',
      };
    },
    mistake: {
      description: '以重大责任事故罪移送',
      apply: (_answer, f) => caseAnswer(f, { crime: 'majorLiabilityAccident' }),
    },
  }),
  transferMaterials: (weight: number): Item => ({
    id: 'transfer-materials',
    code: 'TRANSFER_MATERIALS_MISSING',
    title: '移送材料',
    weight,
    rule: `移送涉嫌犯罪案件，随附${REQUIRED_TRANSFER_MATERIALS.map((m) => TRANSFER_MATERIALS[m]).join('、')}`,
    citation: '《行政执法机关移送涉嫌犯罪案件的规定》第六条',
    feedbackAfter: ['transfer'],
    evaluate: ({ context }) => {
      const t = context.transfer;
      const complete = t !== null && REQUIRED_TRANSFER_MATERIALS.every((m) => t.materials.includes(m));
      const earned = t === null ? context.decision !== null : complete;
      return {
        earned,
        pending: t === null && context.decision === null,
        expected: REQUIRED_TRANSFER_MATERIALS.map((m) => TRANSFER_MATERIALS[m]).join('、'),
        actual: t ? t.materials.map((m) => TRANSFER_MATERIALS[m]).join('、') || '未附材料' : '未移送',
        explanation: earned ? '移送材料齐全。' : '移送书须附涉嫌犯罪案件情况的调查报告和有关证据材料。',
      };
    },
    mistake: {
      description: '移送时未附涉嫌犯罪案件情况的调查报告',
      apply: (_answer, f) => caseAnswer(f, { materials: ['evidence'] }),
    },
  }),
};
