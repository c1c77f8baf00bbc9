/**
 * Building blocks for case and penalty-document scenarios: fixture, the step forms of the 案件
 * workflow, an answer builder (the model answer and each mistake are variations of it) and rubric
 * items with their stable error codes.
 */
import {
  checkboxField,
  dateField,
  multiselectField,
  numberField,
  selectField,
  textareaField,
  textField,
  type FieldSpec,
  type ParsedOf,
} from '../../lib/form';
import type { Authority } from '../../lib/divisions';
import type { AnswerStep, RubricItem, Step } from '../../types';
import { defineStep } from '../../kit/step';
import {
  earliestHearingDate,
  HEARING_CONCLUSION_LABELS,
  HEARING_CONCLUSIONS,
  hearingRequestEnd,
  lateSurcharge,
  noticeCarriesHearingRight,
  SERVICE_METHOD_LABELS,
  SERVICE_METHODS,
  STATEMENT_REVIEW_LABELS,
  STATEMENT_REVIEWS,
  statementPeriodEnd,
  type CaseContext,
  type CaseEvent,
  type HearingConclusion,
  type ServiceMethod,
  type StatementReview,
} from './machine';
import { DOCUMENT_TYPES } from '../../law/document-numbers';
import { LEGAL } from '../../law/legal-constants';
import {
  articleOptions,
  fineRangeProblem,
  PENALTY_ARTICLES,
  TIER_OPTIONS,
  VIOLATIONS,
  violationOptions,
  yuan,
  type ArticleId,
  type TierId,
  type ViolationId,
} from '../../law/penalties';
import { addDays, addLegalDays, addWorkingDays, isWorkingDay, workingDaysBetween } from '../../law/working-days';
import type { EnterpriseProfile, OfficerProfile } from '../../kit/people';

/** What the party says after the 告知书, and how the case review answers it (the model 复核意见). */
export interface PartyStatement {
  text: string;
  review: StatementReview;
  reviewReason: string;
}

/** Builds the common part of a case fixture from the seeded generator. */
export function buildCaseFixture(
  prng: import('../../prng').Prng,
  spec: Pick<CaseFixture, 'violationId' | 'tierId' | 'facts' | 'enterpriseSummary' | 'hearingRequested'> & {
    namePattern: (trade: string) => string;
    industryCode: string;
    amounts: number[];
    statements: PartyStatement[] | null;
    /** What the party argues at the hearing, when it asks for one. */
    hearingArguments?: string;
  },
  helpers: typeof import('../../kit/people'),
  uscc: (prng: import('../../prng').Prng, division: string) => string,
): CaseFixture {
  const divisionCode = prng.pick(['130302', '130303', '130306', '130321', '130322', '130324']);
  const [legal, principal, safety, head] = helpers.personNames(prng, 4) as [string, string, string, string];
  const filedOn = helpers.startDate(prng);
  const enterprise: EnterpriseProfile = {
    name: spec.namePattern(helpers.tradeName(prng)),
    uscc: uscc(prng, divisionCode),
    divisionCode,
    registeredAddress: helpers.address(prng, divisionCode),
    operatingAddress: helpers.address(prng, divisionCode),
    legalRepresentative: legal,
    principal,
    principalPhone: helpers.mobile(prng),
    safetyManager: safety,
    safetyManagerPhone: helpers.mobile(prng),
    employees: prng.int(30, 400),
    industryCode: spec.industryCode,
  };
  const authority = helpers.authorityOf(enterprise);
  const officers = helpers.officerTeam(prng, 3, filedOn, null);
  const amount = prng.pick(spec.amounts);
  const noticeOn = addWorkingDays(filedOn, prng.int(3, 8));
  const statement =
    spec.statements && prng.next() < 0.7 ? { daysAfterNotice: prng.int(1, 3), ...prng.pick(spec.statements) } : null;
  const decisionDelay = prng.int(1, 4);
  const serviceDelay = prng.int(0, 5);
  const payDelay = prng.pick([5, 9, 14, 18, 23]);
  const counters = helpers.startingCounters(prng, Number(filedOn.slice(0, 4)));
  // Drawn after everything above, so the fixtures' earlier figures are those of version 1.
  let discoveredOn = addDays(filedOn, -prng.int(1, 6));
  while (!isWorkingDay(discoveredOn)) discoveredOn = addDays(discoveredOn, -1);
  return {
    enterprise,
    enterpriseSummary: spec.enterpriseSummary,
    authority,
    officers,
    head,
    violationId: spec.violationId,
    articleId: VIOLATIONS[spec.violationId].articleId,
    tierId: spec.tierId,
    facts: spec.facts,
    amount,
    discoveredOn,
    filedOn,
    noticeOn,
    statement,
    hearingRequested: spec.hearingRequested,
    hearing: {
      place: `${authority.name}听证室`,
      time: prng.pick(['09:00', '09:30', '14:30']),
      arguments: spec.hearingArguments ?? '当事人对违法事实无异议，请求从轻处罚。',
    },
    correctionDays: prng.pick([7, 10, 15]),
    decisionDelay,
    serviceDelay,
    payDelay,
    counters,
  };
}

export interface CaseFixture {
  enterprise: EnterpriseProfile;
  enterpriseSummary: string;
  authority: Authority;
  officers: OfficerProfile[];
  /** 行政机关负责人 who approves the filing and the closing. */
  head: string;
  violationId: ViolationId;
  /** The penalty article of the violation. */
  articleId: ArticleId;
  tierId: TierId;
  facts: string;
  /** Amount proposed by the case review (集体讨论). */
  amount: number;
  /** The inspection that found the violation (its 检查笔录 predates 立案). */
  discoveredOn: string;
  filedOn: string;
  noticeOn: string;
  statement: (PartyStatement & { daysAfterNotice: number }) | null;
  hearingRequested: boolean;
  /** Where and when the hearing is held, and what the party argues there. */
  hearing: { place: string; time: string; arguments: string };
  /** Days the decision gives to correct the violation (责令限期改正). */
  correctionDays: number;
  /** Working days from the end of the periods (or the hearing) to the decision. */
  decisionDelay: number;
  /** Working days from decision to service in the model answer. */
  serviceDelay: number;
  /** Calendar days from service to payment (beyond 15 means late). */
  payDelay: number;
  counters: Record<string, number>;
}

export const validTeam = (f: CaseFixture) => f.officers.filter((o) => o.certificateValidUntil >= f.filedOn).slice(0, 2);

const step = <F extends Record<string, FieldSpec<unknown>>>(def: Parameters<typeof defineStep<CaseEvent, F>>[0]) =>
  defineStep<CaseEvent, F>(def);

const amountField = (name: string, label: string) => numberField(name, label, { min: 1, max: 10_000_000, unit: '元' });

function penaltyRangeCheck(
  v: { articleId?: unknown; tierId?: unknown; amount?: unknown },
  issue: (path: string, message: string) => void,
) {
  // An article that is not one of the options already has its own field error; there is no range to check.
  if (
    typeof v.amount === 'number' &&
    typeof v.articleId === 'string' &&
    v.articleId in PENALTY_ARTICLES &&
    typeof v.tierId === 'string'
  ) {
    const problem = fineRangeProblem(v.articleId as ArticleId, v.tierId as TierId, v.amount);
    if (problem) issue('amount', problem);
  }
}

/** The forms of the case workflow. */
export function caseSteps(f: CaseFixture): Step[] {
  const officerOptions = f.officers.map((o) => ({ value: o.id, label: `${o.name}（执法证号${o.certificateNo}）` }));
  // Everyone who could sign: the officers handling the case and the authority's responsible person.
  const approverOptions = [
    ...f.officers.map((o) => ({ value: o.name, label: `${o.name}（执法人员）` })),
    { value: f.head, label: `${f.head}（${f.authority.name}负责人）` },
  ];
  return [
    step({
      id: 'file',
      module: '案件',
      title: `立案（${DOCUMENT_TYPES.caseFiling.name}）`,
      availableIn: ['filing'],
      eventType: 'officer.fileCase',
      fields: {
        filedOn: dateField('filedOn', '立案日期'),
        violationId: selectField('violationId', '涉嫌违法行为及违反的条款', violationOptions()),
        summary: textareaField('summary', '案情摘要', { maxLength: 2000 }),
        approvedBy: selectField('approvedBy', '审批负责人', approverOptions, { help: '立案报本机关负责人审批' }),
        approved: checkboxField('approved', '负责人已批准立案', { help: '《行政处罚法》第五十四条' }),
      },
      toEvent: (v, at) => ({
        type: 'officer.fileCase',
        at,
        filedOn: v.filedOn,
        violationId: v.violationId as ViolationId,
        summary: v.summary,
        approvedBy: v.approvedBy,
        approved: v.approved,
      }),
    }),
    step({
      id: 'evidence',
      module: '案件',
      title: '调查取证',
      availableIn: ['investigating'],
      eventType: 'officer.recordEvidence',
      repeatable: true,
      fields: {
        date: dateField('date', '取证日期'),
        kind: selectField('kind', '证据种类', [
          { value: 'inquiry', label: '询问笔录' },
          { value: 'inspection', label: '勘验（检查）笔录' },
          { value: 'documentary', label: '书证、照片' },
        ]),
        officerIds: multiselectField('officerIds', '执法人员', officerOptions, { required: true, help: '不少于两名' }),
      },
      toEvent: (v, at) => ({
        type: 'officer.recordEvidence',
        at,
        date: v.date,
        kind: v.kind as 'inquiry',
        officerIds: v.officerIds as string[],
      }),
    }),
    step({
      id: 'notice',
      module: '文书',
      title: `制作${DOCUMENT_TYPES.penaltyNotice.name}`,
      availableIn: ['investigating'],
      eventType: 'officer.issuePenaltyNotice',
      fields: {
        date: dateField('date', '送达日期'),
        articleId: selectField('articleId', '处罚依据', articleOptions()),
        tierId: selectField('tierId', '处罚档次', TIER_OPTIONS),
        amount: amountField('amount', '拟罚款金额'),
        hearingRightStated: checkboxField('hearingRightStated', '告知当事人有要求听证的权利（同时制作听证告知书）'),
        statementDeadline: dateField('statementDeadline', '陈述申辩截止日期'),
        hearingDeadline: dateField('hearingDeadline', '听证申请截止日期', { required: false }),
      },
      refine: (v, issue) => {
        penaltyRangeCheck(v, issue);
        if (v.hearingRightStated && !v.hearingDeadline)
          issue('hearingDeadline', '告知听证权利的，须填写听证申请截止日期');
      },
      toEvent: (v, at) => ({
        type: 'officer.issuePenaltyNotice',
        at,
        date: v.date,
        articleId: v.articleId as ArticleId,
        tierId: v.tierId as TierId,
        amount: v.amount,
        hearingRightStated: v.hearingRightStated,
        statementDeadline: v.statementDeadline,
        hearingDeadline: v.hearingRightStated ? (v.hearingDeadline ?? null) : null,
      }),
    }),
    step({
      id: 'statement',
      module: '案件',
      title: '登记陈述申辩',
      availableIn: ['notified', 'hearingRequested', 'hearingScheduled', 'heard'],
      eventType: 'officer.registerStatement',
      optional: true,
      fields: {
        date: dateField('date', '陈述申辩日期'),
        summary: textareaField('summary', '陈述申辩要点', { maxLength: 2000 }),
      },
      toEvent: (v, at) => ({ type: 'officer.registerStatement', at, date: v.date, summary: v.summary }),
    }),
    step({
      id: 'hearingRequest',
      module: '案件',
      title: '登记听证申请',
      availableIn: ['notified'],
      eventType: 'officer.registerHearingRequest',
      optional: true,
      fields: { date: dateField('date', '听证申请日期') },
      toEvent: (v, at) => ({ type: 'officer.registerHearingRequest', at, date: v.date }),
    }),
    step({
      id: 'hearingSchedule',
      module: '文书',
      title: '送达听证会通知书',
      availableIn: ['hearingRequested'],
      eventType: 'officer.scheduleHearing',
      fields: {
        noticeDate: dateField('noticeDate', '通知日期'),
        hearingDate: dateField('hearingDate', '举行听证日期'),
        hearingTime: textField('hearingTime', '举行听证时间', {
          maxLength: 5,
          pattern: /^([01]\d|2[0-3]):[0-5]\d$/,
          patternMessage: '举行听证时间须为时:分，如09:30',
          help: '24小时制，如09:30',
        }),
        place: textField('place', '举行听证地点', { maxLength: 200 }),
      },
      toEvent: (v, at) => ({
        type: 'officer.scheduleHearing',
        at,
        noticeDate: v.noticeDate,
        hearingDate: v.hearingDate,
        hearingTime: v.hearingTime,
        place: v.place,
      }),
    }),
    step({
      id: 'hearingRecord',
      module: '案件',
      title: '举行听证（听证笔录）',
      availableIn: ['hearingScheduled'],
      eventType: 'officer.recordHearing',
      fields: {
        date: dateField('date', '听证日期'),
        partyArguments: textareaField('partyArguments', '当事人陈述、申辩和质证意见', { maxLength: 2000 }),
        conclusion: selectField(
          'conclusion',
          '听证意见',
          HEARING_CONCLUSIONS.map((c) => ({ value: c, label: HEARING_CONCLUSION_LABELS[c] })),
          { help: '听证结束后，根据听证笔录作出决定（《行政处罚法》第六十五条）' },
        ),
      },
      toEvent: (v, at) => ({
        type: 'officer.recordHearing',
        at,
        date: v.date,
        partyArguments: v.partyArguments,
        conclusion: v.conclusion as HearingConclusion,
      }),
    }),
    step({
      id: 'decision',
      module: '文书',
      title: `制作${DOCUMENT_TYPES.penaltyDecision.name}`,
      availableIn: ['notified', 'heard'],
      eventType: 'officer.issueDecision',
      fields: {
        date: dateField('date', '决定日期'),
        articleId: selectField('articleId', '处罚依据', articleOptions()),
        tierId: selectField('tierId', '处罚档次', TIER_OPTIONS),
        amount: amountField('amount', '罚款金额'),
        correctionDeadline: dateField('correctionDeadline', '责令改正期限', {
          help: '责令当事人于该日前改正违法行为（《行政处罚法》第二十八条）',
        }),
        statementReview: selectField(
          'statementReview',
          '陈述申辩复核意见',
          STATEMENT_REVIEWS.map((r) => ({ value: r, label: STATEMENT_REVIEW_LABELS[r] })),
          { required: false, help: '当事人提出陈述、申辩的必填（《行政处罚法》第四十五条）' },
        ),
        reviewReason: textareaField('reviewReason', '复核理由', { required: false, maxLength: 2000 }),
        paymentDays: numberField('paymentDays', '缴款期限（收到决定书之日起，日）', { min: 1, max: 365 }),
        reconsiderationDays: numberField('reconsiderationDays', '申请行政复议期限（日）', { min: 1, max: 365 }),
        litigationMonths: numberField('litigationMonths', '提起行政诉讼期限（月）', { min: 1, max: 60 }),
      },
      refine: (v, issue) => {
        penaltyRangeCheck(v, issue);
        if (v.statementReview && !v.reviewReason) issue('reviewReason', '填写复核意见的，须写明复核理由');
        if (v.correctionDeadline && v.date && v.correctionDeadline < v.date)
          issue('correctionDeadline', '责令改正期限不能早于决定日期');
      },
      toEvent: (v, at) => ({
        type: 'officer.issueDecision',
        at,
        date: v.date,
        articleId: v.articleId as ArticleId,
        tierId: v.tierId as TierId,
        amount: v.amount,
        correctionDeadline: v.correctionDeadline,
        statementReview: (v.statementReview as StatementReview | undefined) ?? null,
        reviewReason: v.reviewReason ?? '',
        paymentDays: v.paymentDays,
        reconsiderationDays: v.reconsiderationDays,
        litigationMonths: v.litigationMonths,
      }),
    }),
    step({
      id: 'serve',
      module: '文书',
      title: '送达行政处罚决定书',
      availableIn: ['decided'],
      eventType: 'officer.serveDecision',
      fields: {
        date: dateField('date', '送达日期'),
        method: selectField(
          'method',
          '送达方式',
          SERVICE_METHODS.map((m) => ({ value: m, label: SERVICE_METHOD_LABELS[m] })),
        ),
        recipient: textField('recipient', '受送达人（签收人）', { maxLength: 40 }),
      },
      toEvent: (v, at) => ({
        type: 'officer.serveDecision',
        at,
        date: v.date,
        method: v.method as ServiceMethod,
        recipient: v.recipient,
      }),
    }),
    step({
      id: 'payment',
      module: '案件',
      title: '登记罚款缴纳',
      availableIn: ['served'],
      eventType: 'officer.recordPayment',
      fields: {
        date: dateField('date', '缴款日期', { help: '当事人按决定书数额缴纳罚款的日期' }),
        surcharge: numberField('surcharge', '加处罚款', {
          min: 0,
          max: 10_000_000,
          unit: '元',
          help: '逾期缴纳的，每日按罚款数额的百分之三加处罚款，不超过罚款数额',
        }),
      },
      toEvent: (v, at) => ({ type: 'officer.recordPayment', at, date: v.date, surcharge: v.surcharge }),
    }),
    step({
      id: 'close',
      module: '案件',
      title: `结案（${DOCUMENT_TYPES.caseClosing.name}）`,
      availableIn: ['executed'],
      eventType: 'officer.closeCase',
      fields: {
        date: dateField('date', '结案日期'),
        approvedBy: selectField('approvedBy', '审批负责人', approverOptions, { help: '结案报本机关负责人审批' }),
      },
      toEvent: (v, at) => ({ type: 'officer.closeCase', at, date: v.date, approvedBy: v.approvedBy }),
    }),
  ];
}

/** Choices that the answer builder varies; the model answer uses none. */
export interface CaseAnswerOptions {
  from?: 'file' | 'notice';
  articleId?: ArticleId;
  tierId?: TierId;
  amount?: number;
  hearingRightStated?: boolean;
  calendarHearingDeadline?: boolean;
  hearing?: boolean;
  reconsiderationDays?: number;
  serviceDelay?: number;
  surchargeDelta?: number;
  /** `skip`: no 陈述申辩 registered although the party made one; `invent`: one registered that was never made. */
  statement?: 'skip' | 'invent';
}

/** A statement the party never made (the mistake of registering one anyway). */
const INVENTED_STATEMENT = '当事人对违法事实无异议，请求从轻处罚。';

/** A representative fine inside a tier (used when a mistake switches tier). */
export function amountInTier(articleId: ArticleId, tierId: TierId): number {
  const tier = PENALTY_ARTICLES[articleId].tiers.find((t) => t.id === tierId)!;
  return tier.minExclusive ? Math.min(tier.max!, 40_000) : Math.round((tier.min + tier.max!) / 2 / 1000) * 1000;
}

/** Another article whose same tier also admits the amount (for the wrong-article mistake). */
export function confusableArticle(
  articleId: ArticleId,
  tierId: TierId,
  amount: number,
): { articleId: ArticleId; amount: number } {
  const others = (Object.keys(PENALTY_ARTICLES) as ArticleId[]).filter((id) => id !== articleId);
  const same = others.find((id) => fineRangeProblem(id, tierId, amount) === null);
  if (same) return { articleId: same, amount };
  const fallback = others.find((id) => id === 'art102') ?? others[0]!;
  return { articleId: fallback, amount: amountInTier(fallback, tierId) };
}

export interface CaseTimeline {
  noticeOn: string;
  statementOn: string | null;
  hearingRequestOn: string | null;
  hearingNoticeOn: string | null;
  hearingOn: string | null;
  decisionOn: string;
  servedOn: string;
  paidOn: string;
  closedOn: string;
}

/** The dates of the case, with or without a hearing. */
export function caseTimeline(f: CaseFixture, opts: { hearing?: boolean; serviceDelay?: number } = {}): CaseTimeline {
  const hearing = opts.hearing ?? f.hearingRequested;
  const statementOn = f.statement ? addWorkingDays(f.noticeOn, f.statement.daysAfterNotice) : null;
  const periodsEnd = hearingRequestEnd(f.noticeOn);
  const hearingRequestOn = hearing ? addWorkingDays(f.noticeOn, 2) : null;
  const hearingNoticeOn = hearingRequestOn ? addWorkingDays(hearingRequestOn, 1) : null;
  const hearingOn = hearingNoticeOn ? earliestHearingDate(hearingNoticeOn) : null;
  const decisionOn = addWorkingDays(hearingOn ?? periodsEnd, f.decisionDelay);
  const servedOn = addWorkingDays(decisionOn, opts.serviceDelay ?? f.serviceDelay);
  const paidOn = addDays(servedOn, f.payDelay);
  const closedOn = addWorkingDays(paidOn, 2);
  return {
    noticeOn: f.noticeOn,
    statementOn,
    hearingRequestOn,
    hearingNoticeOn,
    hearingOn,
    decisionOn,
    servedOn,
    paidOn,
    closedOn,
  };
}

/** Builds an answer: with no options, the model answer. */
export function caseAnswer(f: CaseFixture, o: CaseAnswerOptions = {}): AnswerStep[] {
  const articleId = o.articleId ?? f.articleId;
  const tierId = o.tierId ?? f.tierId;
  const amount = o.amount ?? f.amount;
  const t = caseTimeline(f, {
    ...(o.hearing !== undefined ? { hearing: o.hearing } : {}),
    ...(o.serviceDelay !== undefined ? { serviceDelay: o.serviceDelay } : {}),
  });
  const hearingRight = o.hearingRightStated ?? noticeCarriesHearingRight({ articleId, tierId, amount });
  const team = validTeam(f).map((x) => x.id);
  const surcharge =
    lateSurcharge(amount, addLegalDays(t.servedOn, LEGAL.paymentPeriod.value), t.paidOn) + (o.surchargeDelta ?? 0);
  const statement =
    o.statement === 'skip'
      ? null
      : o.statement === 'invent' && !f.statement
        ? {
            date: addWorkingDays(f.noticeOn, 1),
            text: INVENTED_STATEMENT,
            review: 'rejected' as StatementReview,
            reviewReason: '违法事实清楚，证据确凿，维持拟处罚意见。',
          }
        : f.statement && t.statementOn
          ? {
              date: t.statementOn,
              text: f.statement.text,
              review: f.statement.review,
              reviewReason: f.statement.reviewReason,
            }
          : null;
  const violation = VIOLATIONS[f.violationId];
  const steps: AnswerStep[] = [
    {
      stepId: 'file',
      values: {
        filedOn: f.filedOn,
        violationId: f.violationId,
        summary: `${f.facts}以上行为涉嫌违反${violation.duty}的规定，申请立案。`,
        approvedBy: f.head,
        approved: 'on',
      },
    },
    // The 检查笔录 of the inspection that found the violation predates 立案; the 询问笔录 follows it.
    { stepId: 'evidence', values: { date: f.discoveredOn, kind: 'inspection', officerIds: team } },
    { stepId: 'evidence', values: { date: addWorkingDays(f.filedOn, 1), kind: 'inquiry', officerIds: team } },
    {
      stepId: 'notice',
      values: {
        date: t.noticeOn,
        articleId,
        tierId,
        amount: String(amount),
        ...(hearingRight ? { hearingRightStated: 'on' } : {}),
        statementDeadline: statementPeriodEnd(t.noticeOn),
        hearingDeadline: hearingRight
          ? o.calendarHearingDeadline
            ? addDays(t.noticeOn, LEGAL.hearingRequestPeriod.value)
            : hearingRequestEnd(t.noticeOn)
          : '',
      },
    },
    ...(statement ? [{ stepId: 'statement', values: { date: statement.date, summary: statement.text } }] : []),
    ...(t.hearingRequestOn && t.hearingNoticeOn && t.hearingOn
      ? [
          { stepId: 'hearingRequest', values: { date: t.hearingRequestOn } },
          {
            stepId: 'hearingSchedule',
            values: {
              noticeDate: t.hearingNoticeOn,
              hearingDate: t.hearingOn,
              hearingTime: f.hearing.time,
              place: f.hearing.place,
            },
          },
          {
            stepId: 'hearingRecord',
            values: { date: t.hearingOn, partyArguments: f.hearing.arguments, conclusion: 'maintain' },
          },
        ]
      : []),
    {
      stepId: 'decision',
      values: {
        date: t.decisionOn,
        articleId,
        tierId,
        amount: String(amount),
        correctionDeadline: addDays(t.decisionOn, f.correctionDays),
        statementReview: statement?.review ?? '',
        reviewReason: statement?.reviewReason ?? '',
        paymentDays: String(LEGAL.paymentPeriod.value),
        reconsiderationDays: String(o.reconsiderationDays ?? LEGAL.reconsiderationPeriod.value),
        litigationMonths: String(LEGAL.litigationPeriod.value),
      },
    },
    { stepId: 'serve', values: { date: t.servedOn, method: 'direct', recipient: f.enterprise.legalRepresentative } },
    { stepId: 'payment', values: { date: t.paidOn, surcharge: String(surcharge) } },
    { stepId: 'close', values: { date: t.closedOn, approvedBy: f.head } },
  ];
  return o.from === 'notice' ? steps.filter((s) => !['file', 'evidence'].includes(s.stepId)) : steps;
}

/** Events that put a penalty-document scenario after filing and investigation. */
export function presetThroughInvestigation(f: CaseFixture, at: string): CaseEvent[] {
  const team = validTeam(f).map((x) => x.id);
  return [
    {
      type: 'officer.fileCase',
      at,
      filedOn: f.filedOn,
      violationId: f.violationId,
      summary: f.facts,
      approvedBy: f.head,
      approved: true,
    },
    { type: 'officer.recordEvidence', at, date: f.discoveredOn, kind: 'inspection', officerIds: team },
    { type: 'officer.recordEvidence', at, date: addWorkingDays(f.filedOn, 1), kind: 'inquiry', officerIds: team },
  ];
}

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

/** Materials of a case: the enterprise, the facts and what the party does. */
export function caseMaterials(f: CaseFixture, taskLines: string[]) {
  const t = caseTimeline(f);
  const due = addLegalDays(t.servedOn, LEGAL.paymentPeriod.value);
  return [
    { title: '任务', lines: taskLines },
    {
      title: '当事人',
      lines: [
        `${f.enterprise.name}（统一社会信用代码 ${f.enterprise.uscc}）`,
        `地址：${f.enterprise.operatingAddress}；法定代表人：${f.enterprise.legalRepresentative}`,
        f.enterpriseSummary,
      ],
    },
    {
      title: '案件事实',
      lines: [
        f.facts,
        `违反的条款：${VIOLATIONS[f.violationId].duty}。`,
        `经案件审核和集体讨论，拟处罚款${yuan(f.amount)}；决定时责令当事人自决定之日起${f.correctionDays}日内改正。`,
        `${f.authority.name}负责人：${f.head}`,
      ],
    },
    {
      title: '执法人员',
      lines: f.officers.map((o) => `${o.name}，执法证号${o.certificateNo}，有效期至${o.certificateValidUntil}`),
    },
    {
      title: '办案经过',
      lines: [
        `立案日期：${f.filedOn}；告知书送达日期：${t.noticeOn}`,
        f.statement && t.statementOn
          ? `${t.statementOn}，当事人提出陈述申辩：${f.statement.text}经复核：${STATEMENT_REVIEW_LABELS[f.statement.review]}（${f.statement.reviewReason}）`
          : '当事人未提出陈述申辩。',
        t.hearingRequestOn
          ? `${t.hearingRequestOn}，当事人书面要求举行听证；听证拟于${t.hearingOn} ${f.hearing.time}在${f.hearing.place}举行，当事人将提出：${f.hearing.arguments}听证意见为维持拟作出的处罚。`
          : '当事人未要求听证。',
        `经集体讨论，决定于${t.decisionOn}作出行政处罚决定，并于决定后${f.serviceDelay}个工作日直接送达，由法定代表人${f.enterprise.legalRepresentative}签收。`,
        `当事人于收到决定书后第${f.payDelay}日缴纳罚款${t.paidOn > due ? '（已超过缴款期限）' : ''}。`,
      ],
    },
  ];
}
