/**
 * 行政处罚案件: 立案 → 调查取证 → 行政处罚告知书 (陈述申辩, and 听证 when the law gives the right) →
 * 行政处罚决定书 → 送达 → 执行 (缴款, 加处罚款) → 结案. Deadlines are compared with the dates the
 * events carry, using the working-day rules of 行政处罚法 第85条.
 */
import { assign, setup } from 'xstate';
import { z } from '../../lib/form';
import { amountSchema, dateSchema, idSchema, instantSchema, shortText, timeSchema, type Refusal } from '../common';
import { withIssuedDocument, type DocumentCounters } from '../../law/document-numbers';
import { CASE_DOCUMENTS, type CaseDocument, type CaseDocumentType } from './document-types';
import { LEGAL } from '../../law/legal-constants';
import {
  CRIME_IDS,
  decisionAmountProblem,
  hearingRightApplies,
  MITIGATION_IDS,
  NO_PENALTY_GROUND_IDS,
  NO_PENALTY_GROUNDS,
  noPenaltyProblem,
  PENALTY_ARTICLES,
  PENALTY_KINDS,
  personFineProblem,
  personFinesApply,
  TRANSFER_MATERIAL_IDS,
  VIOLATION_IDS,
  VIOLATIONS,
  type ArticleId,
  type CrimeId,
  type Harm,
  type MitigationId,
  type NoPenaltyFindings,
  type NoPenaltyGround,
  type PenaltyKind,
  type TierId,
  type TransferMaterial,
  type ViolationId,
} from '../../law/penalties';
import { addDays, addWorkingDays } from '../../law/working-days';

const articleSchema = z.enum(['art97', 'art99', 'art101', 'art102']);
const tierSchema = z.enum(['first', 'uncorrected']);
const violationSchema = z.enum(VIOLATION_IDS as [ViolationId, ...ViolationId[]]);
export const STATEMENT_REVIEWS = ['adopted', 'partlyAdopted', 'rejected'] as const;
export type StatementReview = (typeof STATEMENT_REVIEWS)[number];
export const STATEMENT_REVIEW_LABELS: Record<StatementReview, string> = {
  adopted: '予以采纳',
  partlyAdopted: '部分采纳',
  rejected: '不予采纳',
};
export const HEARING_CONCLUSIONS = ['maintain', 'reduce'] as const;
export type HearingConclusion = (typeof HEARING_CONCLUSIONS)[number];
export const HEARING_CONCLUSION_LABELS: Record<HearingConclusion, string> = {
  maintain: '事实清楚、证据确凿，维持拟作出的行政处罚',
  reduce: '当事人提出的理由成立，建议减轻处罚',
};
export const SERVICE_METHODS = ['direct', 'lodged', 'mail', 'electronic'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];
export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = {
  direct: '直接送达',
  lodged: '留置送达',
  mail: '邮寄送达',
  electronic: '电子送达（当事人同意并签订确认书）',
};
const personFineSchema = z.object({ name: shortText(40), role: shortText(40), amount: amountSchema });
/** What the 告知书 and the 决定书 say of the penalty beyond the unit's fine: its kind, 第三十二条, 双罚. */
const penaltyShape = {
  kind: z.enum(PENALTY_KINDS).default('penalty'),
  mitigation: z
    .enum(MITIGATION_IDS as [MitigationId, ...MitigationId[]])
    .nullable()
    .default(null),
  personFines: z.array(personFineSchema).max(5).default([]),
};

export const caseEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('officer.fileCase'),
    at: instantSchema,
    filedOn: dateSchema,
    violationId: violationSchema,
    summary: shortText(2000),
    approvedBy: shortText(40),
    approved: z.boolean(),
  }),
  z.object({
    type: z.literal('officer.recordEvidence'),
    at: instantSchema,
    date: dateSchema,
    kind: z.enum(['inquiry', 'inspection', 'documentary']),
    officerIds: z.array(idSchema).max(10),
  }),
  z.object({
    type: z.literal('officer.issuePenaltyNotice'),
    at: instantSchema,
    date: dateSchema,
    articleId: articleSchema,
    tierId: tierSchema,
    amount: amountSchema,
    ...penaltyShape,
    hearingRightStated: z.boolean(),
    statementDeadline: dateSchema,
    hearingDeadline: dateSchema.nullable(),
  }),
  z.object({
    type: z.literal('officer.registerStatement'),
    at: instantSchema,
    date: dateSchema,
    summary: shortText(2000),
  }),
  z.object({ type: z.literal('officer.registerHearingRequest'), at: instantSchema, date: dateSchema }),
  z.object({
    type: z.literal('officer.scheduleHearing'),
    at: instantSchema,
    noticeDate: dateSchema,
    hearingDate: dateSchema,
    hearingTime: timeSchema,
    place: shortText(200),
  }),
  z.object({
    type: z.literal('officer.recordHearing'),
    at: instantSchema,
    date: dateSchema,
    partyArguments: shortText(2000),
    conclusion: z.enum(HEARING_CONCLUSIONS),
  }),
  z.object({
    type: z.literal('officer.issueDecision'),
    at: instantSchema,
    date: dateSchema,
    articleId: articleSchema,
    tierId: tierSchema,
    amount: amountSchema,
    ...penaltyShape,
    correctionDeadline: dateSchema,
    statementReview: z.enum(STATEMENT_REVIEWS).nullable(),
    reviewReason: shortText(2000),
    paymentDays: z.number().int().min(0).max(365),
    reconsiderationDays: z.number().int().min(0).max(365),
    litigationMonths: z.number().int().min(0).max(60),
  }),
  z.object({
    type: z.literal('officer.legalReview'),
    at: instantSchema,
    date: dateSchema,
    reviewerId: idSchema,
    opinion: shortText(2000),
  }),
  z.object({
    type: z.literal('officer.collectiveDiscussion'),
    at: instantSchema,
    date: dateSchema,
    participantIds: z.array(idSchema).max(12),
    conclusion: shortText(2000),
  }),
  z.object({
    type: z.literal('officer.decideNoPenalty'),
    at: instantSchema,
    date: dateSchema,
    ground: z.enum(NO_PENALTY_GROUND_IDS as [NoPenaltyGround, ...NoPenaltyGround[]]),
    minor: z.boolean(),
    firstOffence: z.boolean(),
    correctedInTime: z.boolean(),
    harm: z.enum(['none', 'minor', 'serious']),
    educated: z.boolean(),
    approvedBy: shortText(40),
  }),
  z.object({
    type: z.literal('officer.transferCase'),
    at: instantSchema,
    reportedOn: dateSchema,
    approvedOn: dateSchema,
    transferredOn: dateSchema,
    approvedBy: shortText(40),
    crime: z.enum(CRIME_IDS as [CrimeId, ...CrimeId[]]),
    recipient: shortText(200),
    materials: z.array(z.enum(TRANSFER_MATERIAL_IDS as [TransferMaterial, ...TransferMaterial[]])).max(4),
  }),
  z.object({
    type: z.literal('officer.serveDecision'),
    at: instantSchema,
    date: dateSchema,
    method: z.enum(SERVICE_METHODS),
    recipient: shortText(40),
  }),
  z.object({ type: z.literal('officer.recordPayment'), at: instantSchema, date: dateSchema, surcharge: amountSchema }),
  z.object({ type: z.literal('officer.closeCase'), at: instantSchema, date: dateSchema, approvedBy: shortText(40) }),
]);
export type CaseEvent = z.infer<typeof caseEventSchema>;
type EventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;

export interface CaseInput {
  authority: string;
  counters: DocumentCounters;
  /** 行政机关负责人: approves 立案 and 结案 (《安全生产执法程序规定》). */
  head: string;
  /** The inspection that found the violation: evidence made there may predate 立案, not the inspection. */
  discoveredOn: string;
  /** Staff who may be asked for the 法制审核, with whether they hold the 法律职业资格 (第五十八条第二款). */
  reviewers: Reviewer[];
  /** The authority's responsible persons (行政机关负责人) who may sit in the 集体讨论; `head` is one of them. */
  leaders: { id: string; name: string }[];
}

export interface Reviewer {
  id: string;
  name: string;
  /** Where the reviewer works (法制审核机构, or the unit that investigated the case). */
  unit: string;
  qualified: boolean;
  /** Whether the reviewer is one of the officers who investigated this case. */
  caseOfficer: boolean;
}

export interface PersonFine {
  name: string;
  role: string;
  amount: number;
}

export interface PenaltyTerms {
  articleId: ArticleId;
  tierId: TierId;
  amount: number;
  /** Fines on the directly responsible persons beside the unit (双罚); absent on terms from older code. */
  personFines?: PersonFine[];
}

/** The kind of decision: a penalty (ordinary, 从轻, 减轻) or 不予行政处罚. */
export type DecisionKind = PenaltyKind | 'none';

export interface CaseContext {
  authority: string;
  counters: DocumentCounters;
  head: string;
  discoveredOn: string;
  reviewers: Reviewer[];
  leaders: { id: string; name: string }[];
  documents: CaseDocument[];
  filing: { filedOn: string; violationId: ViolationId; summary: string; approvedBy: string } | null;
  evidence: { date: string; kind: 'inquiry' | 'inspection' | 'documentary'; officerIds: string[] }[];
  notice:
    | (PenaltyTerms & {
        date: string;
        kind: PenaltyKind;
        mitigation: MitigationId | null;
        personFines: PersonFine[];
        hearingRightStated: boolean;
        statementDeadline: string;
        hearingDeadline: string | null;
      })
    | null;
  statement: { date: string; summary: string } | null;
  hearingRequest: { date: string } | null;
  hearing: {
    noticeDate: string;
    hearingDate: string;
    hearingTime: string;
    place: string;
    heldOn: string | null;
    partyArguments: string | null;
    conclusion: HearingConclusion | null;
  } | null;
  legalReview: { date: string; reviewerId: string; opinion: string } | null;
  discussion: { date: string; participantIds: string[]; conclusion: string } | null;
  decision:
    | (PenaltyTerms & {
        date: string;
        kind: DecisionKind;
        mitigation: MitigationId | null;
        personFines: PersonFine[];
        /** 不予行政处罚: the ground, the facts found and whether the party was educated (第三十三条). */
        noPenalty: { ground: NoPenaltyGround; findings: NoPenaltyFindings; educated: boolean } | null;
        correctionDeadline: string;
        statementReview: StatementReview | null;
        reviewReason: string;
        paymentDays: number;
        reconsiderationDays: number;
        litigationMonths: number;
      })
    | null;
  service: { date: string; method: ServiceMethod; recipient: string } | null;
  payment: { date: string; amount: number; surcharge: number } | null;
  closing: { date: string; approvedBy: string } | null;
  closedOn: string | null;
  transfer: {
    reportedOn: string;
    approvedOn: string;
    transferredOn: string;
    approvedBy: string;
    crime: CrimeId;
    recipient: string;
    materials: TransferMaterial[];
  } | null;
  refusal: Refusal | null;
}

/** Whether the party has the right to a hearing on the notified penalty (行政处罚法 第63条). */
export function noticeCarriesHearingRight(notice: PenaltyTerms): boolean {
  return (
    hearingRightApplies(notice.articleId, notice.tierId, notice.amount, LEGAL.hearingThresholdUnit.value) ||
    (notice.personFines ?? []).some((p) => p.amount >= LEGAL.hearingThresholdPerson.value)
  );
}

/** Every fine of a decision: the unit's and the responsible persons'. */
export const totalFines = (terms: PenaltyTerms) =>
  terms.amount + (terms.personFines ?? []).reduce((sum, p) => sum + p.amount, 0);

/**
 * The one trigger of 法制审核 (《行政处罚法》第五十八条第一款) and 集体讨论 (第五十七条第二款): a penalty with heavy
 * consequences — 较大数额罚款 or 停产停业 (the hearing scope of 第六十三条, which covers 第五十八条第一款第（二）项
 * "直接关系当事人重大权益，经过听证程序的"), or any case in which a hearing was held. Reading 重大违法行为 in
 * 第五十七条 the same way follows the 重大执法决定法制审核目录 of the 应急管理 authorities.
 */
export const HEAVY_DECISION_RULE = '拟作出较大数额罚款、责令停产停业等直接关系当事人重大权益的处罚，或者经过听证程序的';
export function isHeavyCase(context: Pick<CaseContext, 'notice' | 'hearing'>, terms?: PenaltyTerms): boolean {
  return (
    (context.notice !== null && noticeCarriesHearingRight(context.notice)) ||
    (terms !== undefined && noticeCarriesHearingRight(terms)) ||
    context.hearing?.heldOn != null
  );
}

/** Why the penalty terms (kind, unit's fine, persons' fines) are unlawful, or null. */
function penaltyTermsProblem(e: {
  articleId: ArticleId;
  tierId: TierId;
  amount: number;
  kind: PenaltyKind;
  mitigation: MitigationId | null;
  personFines: PersonFine[];
}): string | null {
  const amount = decisionAmountProblem(e.articleId, e.tierId, e.kind, e.mitigation, e.amount, LEGAL.lighterShare.value);
  if (amount) return amount;
  const article = PENALTY_ARTICLES[e.articleId];
  if (personFinesApply(e.articleId, e.tierId) && e.personFines.length === 0)
    return `${article.citation}规定逾期未改正（拒不执行）的，还须对其直接负责的主管人员和其他直接责任人员处罚款（双罚），须写明受处罚人及数额`;
  for (const p of e.personFines) {
    if (p.name.trim() === '') return '须写明受处罚的直接负责的主管人员或者其他直接责任人员的姓名';
    const problem = personFineProblem(e.articleId, e.tierId, p.amount);
    if (problem) return problem;
  }
  if (new Set(e.personFines.map((p) => p.name)).size < e.personFines.length) return '同一人员不能重复处罚';
  return null;
}

/** When 法制审核 or 集体讨论 may take place: after the party has been heard (陈述申辩, 听证). */
function afterPartyHeard(context: CaseContext, date: string, what: string): string | null {
  const notice = context.notice;
  if (!notice) return `尚未告知当事人，不能进行${what}`;
  const statementEnd = statementPeriodEnd(notice.date);
  if (date <= statementEnd) return `${what}应在陈述申辩期限（至${statementEnd}）届满、听取当事人意见后进行`;
  if (noticeCarriesHearingRight(notice) && !context.hearingRequest && date <= hearingRequestEnd(notice.date))
    return `${what}应在听证申请期限（至${hearingRequestEnd(notice.date)}）届满后进行`;
  if (context.hearing?.heldOn && date < context.hearing.heldOn) return `${what}不能早于听证日期`;
  return null;
}

/** The last day of the 陈述申辩 period after the notice was served. */
export const statementPeriodEnd = (servedOn: string) => addWorkingDays(servedOn, LEGAL.statementPeriod.value);
/** The last day on which the party may ask for a hearing. */
export const hearingRequestEnd = (servedOn: string) => addWorkingDays(servedOn, LEGAL.hearingRequestPeriod.value);
/** The earliest hearing date for a hearing notice given on `noticeDate`. */
export const earliestHearingDate = (noticeDate: string) => addWorkingDays(noticeDate, LEGAL.hearingNoticePeriod.value);

/** Who approves 立案 and 结案: the authority's responsible person, never the officer handling the case. */
export const APPROVER_RULE =
  '立案、结案须报本机关负责人审批，承办人不能自行批准（《安全生产执法程序规定》；《行政处罚法》第五十四条）';

/** Chinese reason why the event may not happen now, or null. */
export function caseProblem(context: CaseContext, event: CaseEvent): string | null {
  switch (event.type) {
    case 'officer.fileCase':
      if (!event.approved || event.approvedBy.trim() === '')
        return '立案须经行政机关负责人批准（《行政处罚法》第五十四条）';
      if (event.approvedBy.trim() !== context.head)
        return `审批负责人须为本机关负责人（${context.head}）：${APPROVER_RULE}`;
      if (event.summary.trim() === '') return '立案审批表须写明案情摘要';
      if (event.filedOn < context.discoveredOn)
        return `立案日期不能早于发现违法行为的检查日期（${context.discoveredOn}）`;
      return null;
    case 'officer.recordEvidence': {
      if (new Set(event.officerIds).size < LEGAL.minimumOfficers.value)
        return `调查取证须有${LEGAL.minimumOfficers.value}名以上执法人员（${LEGAL.minimumOfficers.source}）`;
      // 检查笔录 and photographs made during the inspection that found the violation predate 立案 lawfully;
      // a 询问笔录 is an act of the investigation opened by 立案.
      if (event.date < context.discoveredOn) return `证据日期不能早于发现违法行为的检查日期（${context.discoveredOn}）`;
      if (event.kind === 'inquiry' && context.filing && event.date < context.filing.filedOn)
        return '询问笔录是立案后调查取证的证据，日期不能早于立案日期（《行政处罚法》第五十四条、第五十五条）';
      return null;
    }
    case 'officer.issuePenaltyNotice': {
      if (context.evidence.length === 0)
        return '尚未调查取证，不能制作行政处罚告知书（《行政处罚法》第五十四条：必须全面、客观、公正地调查，收集有关证据）';
      const lastEvidence = context.evidence.reduce(
        (latest, x) => (x.date > latest ? x.date : latest),
        context.evidence[0]!.date,
      );
      if (event.date < lastEvidence) return '告知书日期不能早于调查取证日期';
      const terms = penaltyTermsProblem(event);
      if (terms) return terms;
      if (event.statementDeadline <= event.date) return '陈述申辩期限须晚于告知书送达日期';
      if (event.hearingRightStated && (!event.hearingDeadline || event.hearingDeadline <= event.date))
        return '告知听证权利的，须写明听证申请期限';
      return null;
    }
    case 'officer.registerStatement':
      if (context.notice && event.date < context.notice.date) return '陈述申辩日期不能早于告知书送达日期';
      if (context.statement) return '陈述申辩已登记';
      if (context.legalReview && event.date > context.legalReview.date)
        return '法制审核后提出的陈述、申辩，须重新进行法制审核；本案陈述申辩须在法制审核之前听取（《行政处罚法》第四十五条、第五十八条）';
      if (event.summary.trim() === '') return '须写明当事人陈述、申辩的要点';
      return null;
    case 'officer.registerHearingRequest': {
      const notice = context.notice;
      if (!notice) return '尚未告知，不能登记听证申请';
      if (!notice.hearingRightStated && !noticeCarriesHearingRight(notice))
        return '拟作出的处罚不属于听证范围（《行政处罚法》第六十三条）';
      if (event.date < notice.date) return '听证申请日期不能早于告知书送达日期';
      if (event.date > hearingRequestEnd(notice.date))
        return `当事人已超过听证申请期限（告知后${LEGAL.hearingRequestPeriod.value}个工作日，${LEGAL.hearingRequestPeriod.source}）`;
      return null;
    }
    case 'officer.scheduleHearing': {
      if (context.hearingRequest && event.noticeDate < context.hearingRequest.date)
        return '听证通知日期不能早于听证申请日期';
      const earliest = earliestHearingDate(event.noticeDate);
      if (event.hearingDate < earliest)
        return `应当在举行听证的${LEGAL.hearingNoticePeriod.value}日前通知当事人，听证日期最早为${earliest}（${LEGAL.hearingNoticePeriod.source}）`;
      if (event.place.trim() === '') return '听证会通知书须写明举行听证的地点（《行政处罚法》第六十四条第（二）项）';
      return null;
    }
    case 'officer.recordHearing':
      if (context.hearing && event.date < context.hearing.hearingDate) return '听证不能早于通知的听证日期举行';
      if (event.partyArguments.trim() === '')
        return '听证笔录须记录当事人的陈述、申辩和质证意见（《行政处罚法》第六十四条第（八）项）';
      return null;
    case 'officer.issueDecision': {
      const notice = context.notice;
      const filing = context.filing;
      if (!notice || !filing) return '尚未告知，不能作出行政处罚决定（《行政处罚法》第四十四条、第六十二条）';
      const statementEnd = statementPeriodEnd(notice.date);
      if (event.date <= statementEnd)
        return `陈述申辩期限（至${statementEnd}）届满前不能作出行政处罚决定（${LEGAL.statementPeriod.source.split('；')[0]}；《行政处罚法》第六十二条）`;
      const hearingRight = notice.hearingRightStated || noticeCarriesHearingRight(notice);
      if (hearingRight && !context.hearingRequest && event.date <= hearingRequestEnd(notice.date))
        return `听证申请期限（至${hearingRequestEnd(notice.date)}）届满前不能作出行政处罚决定（《行政处罚法》第六十四条第（一）项）`;
      if (context.hearing?.heldOn && event.date < context.hearing.heldOn) return '决定日期不能早于听证日期';
      if (event.articleId !== notice.articleId)
        return '决定书认定的违法条款与告知书不一致，须重新告知（《行政处罚法》第四十四条）';
      const terms = penaltyTermsProblem(event);
      if (terms) return terms;
      for (const p of event.personFines) {
        const notified = notice.personFines.find((x) => x.name === p.name);
        if (!notified)
          return `未告知${p.name}拟对其作出的罚款，不能直接作出决定，须重新告知（《行政处罚法》第四十四条）`;
        if (p.amount > notified.amount)
          return `对${p.name}决定的罚款高于告知的金额，须重新告知（《行政处罚法》第四十五条第二款）`;
      }
      if (event.amount > notice.amount)
        return '不得因当事人陈述、申辩而给予更重的处罚；决定的罚款金额高于告知的金额，须重新告知（《行政处罚法》第四十五条第二款）';
      if (context.hearing?.conclusion === 'reduce' && event.amount >= notice.amount)
        return '听证意见为减轻处罚，决定的罚款金额应低于告知的金额（《行政处罚法》第六十五条：根据听证笔录作出决定）';
      if (context.statement && !event.statementReview)
        return '当事人提出了陈述、申辩，行政机关应当充分听取并复核，决定书须写明复核意见（《行政处罚法》第四十五条第一款）';
      if (context.statement && event.reviewReason.trim() === '')
        return '须写明复核意见的理由（《行政处罚法》第四十五条第一款）';
      if (!context.statement && event.statementReview) return '当事人未提出陈述、申辩，不能填写复核意见';
      if (event.correctionDeadline < event.date)
        return '责令改正的期限不能早于决定日期（《行政处罚法》第二十八条第一款）';
      const latest = addDays(filing.filedOn, LEGAL.decisionPeriod.value);
      if (event.date > latest)
        return `须自立案之日起${LEGAL.decisionPeriod.value}日内作出决定（至${latest}，${LEGAL.decisionPeriod.source}）`;
      if (isHeavyCase(context, event)) {
        if (!context.legalReview)
          return `${HEAVY_DECISION_RULE}，在行政机关负责人作出决定之前，应当进行法制审核；未经法制审核或者审核未通过的，不得作出决定（《行政处罚法》第五十八条）`;
        if (!context.discussion)
          return `${HEAVY_DECISION_RULE}，属于情节复杂或者重大违法行为，行政机关负责人应当集体讨论决定（《行政处罚法》第五十七条第二款）`;
        if (event.date < context.discussion.date) return '决定日期不能早于集体讨论日期';
      }
      return null;
    }
    case 'officer.legalReview': {
      const timing = afterPartyHeard(context, event.date, '法制审核');
      if (timing) return timing;
      const reviewer = context.reviewers.find((r) => r.id === event.reviewerId);
      if (!reviewer) return '须选择从事法制审核的人员';
      if (!reviewer.qualified)
        return `${reviewer.name}未取得法律职业资格：初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格（《行政处罚法》第五十八条第二款）`;
      if (event.opinion.trim() === '')
        return '法制审核意见书须写明审核意见（《行政处罚法》第五十八条第一款：执法主体、事实证据、法律适用、程序）';
      return null;
    }
    case 'officer.collectiveDiscussion': {
      const timing = afterPartyHeard(context, event.date, '集体讨论');
      if (timing) return timing;
      if (isHeavyCase(context) && !context.legalReview)
        return '须先经法制审核，再提交行政机关负责人集体讨论（《行政处罚法》第五十八条第一款）';
      if (context.legalReview && event.date < context.legalReview.date) return '集体讨论日期不能早于法制审核日期';
      const head = context.leaders.find((l) => l.name === context.head);
      if (!head || !event.participantIds.includes(head.id))
        return `集体讨论须由本机关负责人（${context.head}）主持（《行政处罚法》第五十七条第二款）`;
      if (event.participantIds.some((id) => !context.leaders.some((l) => l.id === id)))
        return '参加集体讨论的须是行政机关负责人';
      if (event.conclusion.trim() === '') return '集体讨论记录须写明讨论决定的意见';
      return null;
    }
    case 'officer.decideNoPenalty': {
      if (!context.filing || context.evidence.length === 0)
        return '尚未调查取证，不能作出不予行政处罚决定（《行政处罚法》第五十四条、第五十七条第一款）';
      const lastEvidence = context.evidence.reduce((l, x) => (x.date > l ? x.date : l), context.evidence[0]!.date);
      if (event.date < lastEvidence) return '决定日期不能早于调查取证日期';
      if (event.approvedBy.trim() !== context.head)
        return `不予行政处罚由行政机关负责人（${context.head}）决定（《行政处罚法》第五十七条第一款第（二）项）`;
      const ground = noPenaltyProblem(event.ground, event);
      if (ground) return ground;
      if (!event.educated)
        return '对当事人不予行政处罚的，行政机关应当对当事人进行教育（《行政处罚法》第三十三条第三款）';
      return null;
    }
    case 'officer.transferCase': {
      if (!context.filing || context.evidence.length === 0)
        return '须先调查核实涉嫌犯罪的事实，再提出移送的书面报告（《行政执法机关移送涉嫌犯罪案件的规定》第五条）';
      if (event.reportedOn < context.filing.filedOn) return '移送报告日期不能早于立案日期';
      if (event.approvedBy.trim() !== context.head)
        return `移送涉嫌犯罪案件须报经本机关正职负责人（${context.head}）审批（《行政执法机关移送涉嫌犯罪案件的规定》第五条第一款）`;
      if (event.approvedOn < event.reportedOn) return '批准日期不能早于移送报告日期';
      const approveBy = addDays(event.reportedOn, LEGAL.transferApprovalDays.value);
      if (event.approvedOn > approveBy)
        return `负责人应当自接到报告之日起${LEGAL.transferApprovalDays.value}日内作出批准移送的决定（至${approveBy}，${LEGAL.transferApprovalDays.source}）`;
      if (event.transferredOn < event.approvedOn) return '移送日期不能早于批准日期';
      const transferBy = addDays(event.approvedOn, LEGAL.transferAfterApprovalDays.value);
      if (event.transferredOn > transferBy)
        return `决定批准移送的，应当在24小时内向同级公安机关移送（至${transferBy}，${LEGAL.transferAfterApprovalDays.source}）`;
      if (event.recipient.trim() === '') return '涉嫌犯罪案件移送书须写明接受移送的公安机关';
      return null;
    }
    case 'officer.serveDecision':
      if (context.decision && event.date < context.decision.date) return '送达日期不能早于决定日期';
      if (event.recipient.trim() === '') return '送达回执须写明受送达人（签收人）（《行政处罚法》第六十一条）';
      return null;
    case 'officer.recordPayment':
      if (context.decision?.kind === 'none') return '不予行政处罚，没有需要缴纳的罚款';
      if (context.service && event.date < context.service.date) return '缴款日期不能早于送达日期';
      if (context.decision && event.surcharge > totalFines(context.decision))
        return '加处罚款的数额不得超出罚款的数额（《行政处罚法》第七十二条）';
      return null;
    case 'officer.closeCase':
      if (context.decision && context.decision.kind !== 'none' && !context.payment)
        return '罚款尚未缴纳，行政处罚决定执行完毕后方可结案';
      if (context.service && event.date < context.service.date) return '结案日期不能早于送达日期';
      if (context.payment && event.date < context.payment.date) return '结案日期不能早于缴款日期';
      if (event.approvedBy.trim() !== context.head)
        return `结案审批表的审批负责人须为本机关负责人（${context.head}）：${APPROVER_RULE}`;
      return null;
  }
}

const withDocument = (context: CaseContext, type: CaseDocumentType, date: string) =>
  withIssuedDocument(CASE_DOCUMENTS, context, type, date);

const accepts = ({ context, event }: { context: CaseContext; event: CaseEvent }) =>
  caseProblem(context, event) === null;

/** The transitions several stages share, each written once and spread into the stages' `on`. */
const shared = {
  registerStatement: {
    'officer.registerStatement': [
      { guard: 'isStatementInPeriod', actions: 'registerStatement' },
      { actions: 'refuse' },
    ],
  },
  issueDecision: {
    'officer.issueDecision': [
      { guard: 'isDecisionLawful', target: 'decided', actions: 'issueDecision' },
      { actions: 'refuse' },
    ],
  },
  legalReview: {
    'officer.legalReview': [
      { guard: 'isLegalReviewLawful', target: 'reviewed', actions: 'legalReview' },
      { actions: 'refuse' },
    ],
  },
  transferCase: {
    'officer.transferCase': [
      { guard: 'isTransferLawful', target: 'transferred', actions: 'transferCase' },
      { actions: 'refuse' },
    ],
  },
  closeCase: {
    'officer.closeCase': [{ guard: 'isCaseSettled', target: 'closed', actions: 'closeCase' }, { actions: 'refuse' }],
  },
} as const;

export const caseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as CaseInput,
  },
  guards: {
    isApprovedByHead: accepts,
    hasTwoOfficers: accepts,
    isNoticeLawful: accepts,
    isStatementInPeriod: accepts,
    isHearingRequestInTime: accepts,
    givesSevenWorkingDaysNotice: accepts,
    isHearingOnSchedule: accepts,
    isDecisionLawful: accepts,
    isServiceAfterDecision: accepts,
    isPaymentInFull: accepts,
    isCaseSettled: accepts,
    isLegalReviewLawful: accepts,
    isDiscussionLawful: accepts,
    isNoPenaltyLawful: accepts,
    isTransferLawful: accepts,
  },
  actions: {
    refuse: assign({
      refusal: ({ context, event }) => ({
        eventType: event.type,
        reason: caseProblem(context, event) ?? '当前阶段不能办理该事项',
      }),
    }),
    fileCase: assign(({ context, event }) => {
      const e = event as EventOf<'officer.fileCase'>;
      return {
        ...withDocument(context, 'caseFiling', e.filedOn),
        filing: { filedOn: e.filedOn, violationId: e.violationId, summary: e.summary, approvedBy: e.approvedBy },
      };
    }),
    recordEvidence: assign(({ context, event }) => {
      const e = event as EventOf<'officer.recordEvidence'>;
      return { evidence: [...context.evidence, { date: e.date, kind: e.kind, officerIds: e.officerIds }] };
    }),
    issuePenaltyNotice: assign(({ context, event }) => {
      const e = event as EventOf<'officer.issuePenaltyNotice'>;
      let docs = withDocument(context, 'penaltyNotice', e.date);
      if (e.hearingRightStated) docs = withDocument({ ...context, ...docs }, 'hearingNotice', e.date);
      return {
        ...docs,
        notice: {
          date: e.date,
          articleId: e.articleId,
          tierId: e.tierId,
          amount: e.amount,
          kind: e.kind,
          mitigation: e.mitigation,
          personFines: e.personFines,
          hearingRightStated: e.hearingRightStated,
          statementDeadline: e.statementDeadline,
          hearingDeadline: e.hearingDeadline,
        },
      };
    }),
    registerStatement: assign(({ event }) => {
      const e = event as EventOf<'officer.registerStatement'>;
      return { statement: { date: e.date, summary: e.summary } };
    }),
    registerHearingRequest: assign(({ event }) => ({
      hearingRequest: { date: (event as EventOf<'officer.registerHearingRequest'>).date },
    })),
    scheduleHearing: assign(({ context, event }) => {
      const e = event as EventOf<'officer.scheduleHearing'>;
      return {
        ...withDocument(context, 'hearingSchedule', e.noticeDate),
        hearing: {
          noticeDate: e.noticeDate,
          hearingDate: e.hearingDate,
          hearingTime: e.hearingTime,
          place: e.place,
          heldOn: null,
          partyArguments: null,
          conclusion: null,
        },
      };
    }),
    recordHearing: assign(({ context, event }) => {
      const e = event as EventOf<'officer.recordHearing'>;
      return {
        ...withDocument(context, 'hearingRecord', e.date),
        hearing: context.hearing
          ? { ...context.hearing, heldOn: e.date, partyArguments: e.partyArguments, conclusion: e.conclusion }
          : null,
      };
    }),
    issueDecision: assign(({ context, event }) => {
      const e = event as EventOf<'officer.issueDecision'>;
      return {
        ...withDocument(context, 'penaltyDecision', e.date),
        decision: {
          date: e.date,
          articleId: e.articleId,
          tierId: e.tierId,
          amount: e.amount,
          kind: e.kind,
          mitigation: e.mitigation,
          personFines: e.personFines,
          noPenalty: null,
          correctionDeadline: e.correctionDeadline,
          statementReview: e.statementReview,
          reviewReason: e.reviewReason,
          paymentDays: e.paymentDays,
          reconsiderationDays: e.reconsiderationDays,
          litigationMonths: e.litigationMonths,
        },
      };
    }),
    legalReview: assign(({ context, event }) => {
      const e = event as EventOf<'officer.legalReview'>;
      return {
        ...withDocument(context, 'legalReview', e.date),
        legalReview: { date: e.date, reviewerId: e.reviewerId, opinion: e.opinion },
      };
    }),
    collectiveDiscussion: assign(({ context, event }) => {
      const e = event as EventOf<'officer.collectiveDiscussion'>;
      return {
        ...withDocument(context, 'collectiveDiscussion', e.date),
        discussion: { date: e.date, participantIds: e.participantIds, conclusion: e.conclusion },
      };
    }),
    decideNoPenalty: assign(({ context, event }) => {
      const e = event as EventOf<'officer.decideNoPenalty'>;
      const violation = VIOLATIONS[context.filing!.violationId];
      return {
        ...withDocument(context, 'noPenaltyDecision', e.date),
        decision: {
          date: e.date,
          articleId: violation.articleId,
          tierId: 'first' as const,
          amount: 0,
          kind: 'none' as const,
          mitigation: null,
          personFines: [],
          noPenalty: {
            ground: e.ground,
            findings: {
              minor: e.minor,
              firstOffence: e.firstOffence,
              correctedInTime: e.correctedInTime,
              harm: e.harm,
            },
            educated: e.educated,
          },
          correctionDeadline: e.date,
          statementReview: null,
          reviewReason: '',
          paymentDays: 0,
          reconsiderationDays: LEGAL.reconsiderationPeriod.value,
          litigationMonths: LEGAL.litigationPeriod.value,
        },
      };
    }),
    transferCase: assign(({ context, event }) => {
      const e = event as EventOf<'officer.transferCase'>;
      const approval = withDocument(context, 'transferApproval', e.approvedOn);
      return {
        ...withDocument({ ...context, ...approval }, 'transferLetter', e.transferredOn),
        transfer: {
          reportedOn: e.reportedOn,
          approvedOn: e.approvedOn,
          transferredOn: e.transferredOn,
          approvedBy: e.approvedBy,
          crime: e.crime,
          recipient: e.recipient,
          materials: e.materials,
        },
        closedOn: e.transferredOn,
      };
    }),
    serveDecision: assign(({ context, event }) => {
      const e = event as EventOf<'officer.serveDecision'>;
      return {
        ...withDocument(context, 'serviceReceipt', e.date),
        service: { date: e.date, method: e.method, recipient: e.recipient },
      };
    }),
    recordPayment: assign(({ context, event }) => {
      const e = event as EventOf<'officer.recordPayment'>;
      return {
        payment: { date: e.date, amount: context.decision ? totalFines(context.decision) : 0, surcharge: e.surcharge },
      };
    }),
    closeCase: assign(({ context, event }) => {
      const e = event as EventOf<'officer.closeCase'>;
      return {
        ...withDocument(context, 'caseClosing', e.date),
        closing: { date: e.date, approvedBy: e.approvedBy },
        closedOn: e.date,
      };
    }),
  },
}).createMachine({
  id: 'case',
  context: ({ input }) => ({
    authority: input.authority,
    counters: input.counters,
    head: input.head,
    discoveredOn: input.discoveredOn,
    reviewers: input.reviewers,
    leaders: input.leaders,
    documents: [],
    filing: null,
    evidence: [],
    notice: null,
    statement: null,
    hearingRequest: null,
    hearing: null,
    legalReview: null,
    discussion: null,
    decision: null,
    service: null,
    payment: null,
    closing: null,
    closedOn: null,
    transfer: null,
    refusal: null,
  }),
  initial: 'filing',
  states: {
    filing: {
      description: '立案审批',
      on: {
        'officer.fileCase': [
          { guard: 'isApprovedByHead', target: 'investigating', actions: 'fileCase' },
          { actions: 'refuse' },
        ],
      },
    },
    investigating: {
      description: '调查取证',
      on: {
        'officer.recordEvidence': [{ guard: 'hasTwoOfficers', actions: 'recordEvidence' }, { actions: 'refuse' }],
        'officer.issuePenaltyNotice': [
          { guard: 'isNoticeLawful', target: 'notified', actions: 'issuePenaltyNotice' },
          { actions: 'refuse' },
        ],
        'officer.decideNoPenalty': [
          { guard: 'isNoPenaltyLawful', target: 'decided', actions: 'decideNoPenalty' },
          { actions: 'refuse' },
        ],
        ...shared.transferCase,
      },
    },
    notified: {
      description: '已告知（陈述申辩、听证期间）',
      on: {
        ...shared.registerStatement,
        'officer.registerHearingRequest': [
          { guard: 'isHearingRequestInTime', target: 'hearingRequested', actions: 'registerHearingRequest' },
          { actions: 'refuse' },
        ],
        ...shared.issueDecision,
        ...shared.legalReview,
        ...shared.transferCase,
      },
    },
    hearingRequested: {
      description: '当事人申请听证',
      on: {
        'officer.scheduleHearing': [
          { guard: 'givesSevenWorkingDaysNotice', target: 'hearingScheduled', actions: 'scheduleHearing' },
          { actions: 'refuse' },
        ],
        ...shared.registerStatement,
      },
    },
    hearingScheduled: {
      description: '已通知听证',
      on: {
        'officer.recordHearing': [
          { guard: 'isHearingOnSchedule', target: 'heard', actions: 'recordHearing' },
          { actions: 'refuse' },
        ],
        ...shared.registerStatement,
      },
    },
    heard: {
      description: '已举行听证',
      on: {
        ...shared.issueDecision,
        // The party may state its case until the decision is made (《行政处罚法》第四十五条).
        ...shared.registerStatement,
        ...shared.legalReview,
        ...shared.transferCase,
      },
    },
    reviewed: {
      description: '已法制审核',
      on: {
        ...shared.transferCase,
        // A statement made before the review and registered late; one made after it needs a new review.
        ...shared.registerStatement,
        'officer.collectiveDiscussion': [
          { guard: 'isDiscussionLawful', target: 'discussed', actions: 'collectiveDiscussion' },
          { actions: 'refuse' },
        ],
        ...shared.issueDecision,
      },
    },
    discussed: {
      description: '已集体讨论',
      on: {
        ...shared.transferCase,
        ...shared.registerStatement,
        ...shared.issueDecision,
      },
    },
    decided: {
      description: '已作出处罚决定',
      on: {
        'officer.serveDecision': [
          { guard: 'isServiceAfterDecision', target: 'served', actions: 'serveDecision' },
          { actions: 'refuse' },
        ],
      },
    },
    served: {
      description: '已送达，待执行',
      on: {
        'officer.recordPayment': [
          { guard: 'isPaymentInFull', target: 'executed', actions: 'recordPayment' },
          { actions: 'refuse' },
        ],
        // 不予行政处罚: nothing to execute once the decision is served.
        ...shared.closeCase,
      },
    },
    executed: {
      description: '已执行',
      on: {
        ...shared.closeCase,
      },
    },
    closed: { description: '已结案', type: 'final' },
    transferred: { description: '已移送司法机关', type: 'final' },
  },
});

/** Late-payment surcharge on every fine of a decision (the unit's and each person's), each capped at its fine. */
export function totalSurcharge(terms: PenaltyTerms, dueDate: string, paidOn: string): number {
  return [terms.amount, ...(terms.personFines ?? []).map((p) => p.amount)].reduce(
    (sum, fine) => sum + lateSurcharge(fine, dueDate, paidOn),
    0,
  );
}

/** Late-payment surcharge (行政处罚法 第72条): 3% of the fine per day after the due date, at most the fine. */
export function lateSurcharge(fine: number, dueDate: string, paidOn: string): number {
  if (paidOn <= dueDate) return 0;
  let days = 0;
  for (let d = dueDate; d < paidOn; d = addDays(d, 1)) days++;
  return Math.min(fine, Math.round(fine * LEGAL.latePaymentRate.value * days));
}

export { PENALTY_ARTICLES, NO_PENALTY_GROUNDS };
export type { Harm };
