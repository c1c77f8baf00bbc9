/**
 * 行政处罚案件: 立案 → 调查取证 → 行政处罚告知书 (陈述申辩, and 听证 when the law gives the right) →
 * 行政处罚决定书 → 送达 → 执行 (缴款, 加处罚款) → 结案. Deadlines are compared with the dates the
 * events carry, using the working-day rules of 行政处罚法 第85条.
 */
import { assign, setup } from 'xstate';
import { z } from '../lib/form';
import { dateSchema, idSchema, instantSchema, shortText, type Refusal } from './common';
import { issueDocument, type DocumentCounters, type DocumentType, type IssuedDocument } from './document-numbers';
import { LEGAL } from './legal-constants';
import { fineRangeProblem, hearingRightApplies, PENALTY_ARTICLES, type ArticleId, type TierId } from './penalties';
import { addDays, addWorkingDays } from './working-days';

const articleSchema = z.enum(['art97', 'art99', 'art101', 'art102']);
const tierSchema = z.enum(['first', 'uncorrected']);
const amountSchema = z.number().int().min(0).max(100_000_000);

export const caseEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('officer.fileCase'),
    at: instantSchema,
    filedOn: dateSchema,
    articleId: articleSchema,
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
    hearingRightStated: z.boolean(),
    statementDeadline: dateSchema,
    hearingDeadline: dateSchema.nullable(),
  }),
  z.object({ type: z.literal('officer.registerStatement'), at: instantSchema, date: dateSchema, summary: shortText(2000) }),
  z.object({ type: z.literal('officer.registerHearingRequest'), at: instantSchema, date: dateSchema }),
  z.object({ type: z.literal('officer.scheduleHearing'), at: instantSchema, noticeDate: dateSchema, hearingDate: dateSchema }),
  z.object({ type: z.literal('officer.recordHearing'), at: instantSchema, date: dateSchema }),
  z.object({
    type: z.literal('officer.issueDecision'),
    at: instantSchema,
    date: dateSchema,
    articleId: articleSchema,
    tierId: tierSchema,
    amount: amountSchema,
    paymentDays: z.number().int().min(0).max(365),
    reconsiderationDays: z.number().int().min(0).max(365),
    litigationMonths: z.number().int().min(0).max(60),
  }),
  z.object({ type: z.literal('officer.serveDecision'), at: instantSchema, date: dateSchema }),
  z.object({ type: z.literal('officer.recordPayment'), at: instantSchema, date: dateSchema, surcharge: amountSchema }),
  z.object({ type: z.literal('officer.closeCase'), at: instantSchema, date: dateSchema }),
]);
export type CaseEvent = z.infer<typeof caseEventSchema>;
type EventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;

export interface CaseInput {
  authority: string;
  counters: DocumentCounters;
}

export interface PenaltyTerms {
  articleId: ArticleId;
  tierId: TierId;
  amount: number;
}

export interface CaseContext {
  authority: string;
  counters: DocumentCounters;
  documents: IssuedDocument[];
  filing: { filedOn: string; articleId: ArticleId; summary: string; approvedBy: string } | null;
  evidence: { date: string; kind: 'inquiry' | 'inspection' | 'documentary'; officerIds: string[] }[];
  notice: (PenaltyTerms & { date: string; hearingRightStated: boolean; statementDeadline: string; hearingDeadline: string | null }) | null;
  statement: { date: string; summary: string } | null;
  hearingRequest: { date: string } | null;
  hearing: { noticeDate: string; hearingDate: string; heldOn: string | null } | null;
  decision: (PenaltyTerms & { date: string; paymentDays: number; reconsiderationDays: number; litigationMonths: number }) | null;
  service: { date: string } | null;
  payment: { date: string; amount: number; surcharge: number } | null;
  closedOn: string | null;
  refusal: Refusal | null;
}

/** Whether the party has the right to a hearing on the notified penalty (行政处罚法 第63条). */
export function noticeCarriesHearingRight(notice: PenaltyTerms): boolean {
  return hearingRightApplies(notice.articleId, notice.tierId, notice.amount, LEGAL.hearingThresholdUnit.value);
}

/** The last day of the 陈述申辩 period after the notice was served. */
export const statementPeriodEnd = (servedOn: string) => addWorkingDays(servedOn, LEGAL.statementPeriod.value);
/** The last day on which the party may ask for a hearing. */
export const hearingRequestEnd = (servedOn: string) => addWorkingDays(servedOn, LEGAL.hearingRequestPeriod.value);
/** The earliest hearing date for a hearing notice given on `noticeDate`. */
export const earliestHearingDate = (noticeDate: string) => addWorkingDays(noticeDate, LEGAL.hearingNoticePeriod.value);

/** Chinese reason why the event may not happen now, or null. */
export function caseProblem(context: CaseContext, event: CaseEvent): string | null {
  switch (event.type) {
    case 'officer.fileCase':
      if (!event.approved || event.approvedBy.trim() === '') return '立案须经行政机关负责人批准（《行政处罚法》第五十四条）';
      if (event.summary.trim() === '') return '立案审批表须写明案情摘要';
      return null;
    case 'officer.recordEvidence': {
      if (new Set(event.officerIds).size < LEGAL.minimumOfficers.value) return `调查取证须有${LEGAL.minimumOfficers.value}名以上执法人员（${LEGAL.minimumOfficers.source}）`;
      if (context.filing && event.date < context.filing.filedOn) return '调查取证日期不能早于立案日期';
      return null;
    }
    case 'officer.issuePenaltyNotice': {
      if (context.evidence.length === 0) return '尚未调查取证，不能制作行政处罚告知书';
      const lastEvidence = context.evidence[context.evidence.length - 1]!.date;
      if (event.date < lastEvidence) return '告知书日期不能早于调查取证日期';
      const range = fineRangeProblem(event.articleId, event.tierId, event.amount);
      if (range) return range;
      if (event.statementDeadline <= event.date) return '陈述申辩期限须晚于告知书送达日期';
      if (event.hearingRightStated && (!event.hearingDeadline || event.hearingDeadline <= event.date)) return '告知听证权利的，须写明听证申请期限';
      return null;
    }
    case 'officer.registerStatement':
      if (context.notice && event.date < context.notice.date) return '陈述申辩日期不能早于告知书送达日期';
      if (context.statement) return '陈述申辩已登记';
      return null;
    case 'officer.registerHearingRequest': {
      const notice = context.notice;
      if (!notice) return '尚未告知，不能登记听证申请';
      if (!notice.hearingRightStated && !noticeCarriesHearingRight(notice)) return '拟作出的处罚不属于听证范围（《行政处罚法》第六十三条）';
      if (event.date < notice.date) return '听证申请日期不能早于告知书送达日期';
      if (event.date > hearingRequestEnd(notice.date))
        return `当事人已超过听证申请期限（告知后${LEGAL.hearingRequestPeriod.value}个工作日，${LEGAL.hearingRequestPeriod.source}）`;
      return null;
    }
    case 'officer.scheduleHearing': {
      if (context.hearingRequest && event.noticeDate < context.hearingRequest.date) return '听证通知日期不能早于听证申请日期';
      const earliest = earliestHearingDate(event.noticeDate);
      if (event.hearingDate < earliest)
        return `应当在举行听证的${LEGAL.hearingNoticePeriod.value}日前通知当事人，听证日期最早为${earliest}（${LEGAL.hearingNoticePeriod.source}）`;
      return null;
    }
    case 'officer.recordHearing':
      if (context.hearing && event.date < context.hearing.hearingDate) return '听证不能早于通知的听证日期举行';
      return null;
    case 'officer.issueDecision': {
      const notice = context.notice;
      const filing = context.filing;
      if (!notice || !filing) return '尚未告知，不能作出行政处罚决定';
      const statementEnd = statementPeriodEnd(notice.date);
      if (event.date <= statementEnd)
        return `陈述申辩期限（至${statementEnd}）届满前不能作出行政处罚决定（${LEGAL.statementPeriod.source.split('；')[0]}；《行政处罚法》第六十二条）`;
      const hearingRight = notice.hearingRightStated || noticeCarriesHearingRight(notice);
      if (hearingRight && !context.hearingRequest && event.date <= hearingRequestEnd(notice.date))
        return `听证申请期限（至${hearingRequestEnd(notice.date)}）届满前不能作出行政处罚决定`;
      if (context.hearing?.heldOn && event.date < context.hearing.heldOn) return '决定日期不能早于听证日期';
      if (event.articleId !== notice.articleId) return '决定书认定的违法条款与告知书不一致，须重新告知';
      const range = fineRangeProblem(event.articleId, event.tierId, event.amount);
      if (range) return range;
      if (event.amount > notice.amount) return '决定的罚款金额高于告知的金额，须重新告知（《行政处罚法》第四十四条、第四十五条）';
      const latest = addDays(filing.filedOn, LEGAL.decisionPeriod.value);
      if (event.date > latest) return `须自立案之日起${LEGAL.decisionPeriod.value}日内作出决定（至${latest}，${LEGAL.decisionPeriod.source}）`;
      return null;
    }
    case 'officer.serveDecision':
      if (context.decision && event.date < context.decision.date) return '送达日期不能早于决定日期';
      return null;
    case 'officer.recordPayment':
      if (context.service && event.date < context.service.date) return '缴款日期不能早于送达日期';
      if (context.decision && event.surcharge > context.decision.amount) return '加处罚款的数额不得超出罚款的数额（《行政处罚法》第七十二条）';
      return null;
    case 'officer.closeCase':
      if (context.payment && event.date < context.payment.date) return '结案日期不能早于缴款日期';
      return null;
  }
}

function withDocument(context: CaseContext, type: DocumentType, date: string) {
  const { document, counters } = issueDocument(context.counters, context.authority, type, date, context.documents);
  return { counters, documents: [...context.documents, document] };
}

const accepts = ({ context, event }: { context: CaseContext; event: CaseEvent }) => caseProblem(context, event) === null;

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
  },
  actions: {
    refuse: assign({
      refusal: ({ context, event }) => ({ eventType: event.type, reason: caseProblem(context, event) ?? '当前阶段不能办理该事项' }),
    }),
    fileCase: assign(({ context, event }) => {
      const e = event as EventOf<'officer.fileCase'>;
      return { ...withDocument(context, 'caseFiling', e.filedOn), filing: { filedOn: e.filedOn, articleId: e.articleId, summary: e.summary, approvedBy: e.approvedBy } };
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
    registerHearingRequest: assign(({ event }) => ({ hearingRequest: { date: (event as EventOf<'officer.registerHearingRequest'>).date } })),
    scheduleHearing: assign(({ event }) => {
      const e = event as EventOf<'officer.scheduleHearing'>;
      return { hearing: { noticeDate: e.noticeDate, hearingDate: e.hearingDate, heldOn: null } };
    }),
    recordHearing: assign(({ context, event }) => ({
      hearing: context.hearing ? { ...context.hearing, heldOn: (event as EventOf<'officer.recordHearing'>).date } : null,
    })),
    issueDecision: assign(({ context, event }) => {
      const e = event as EventOf<'officer.issueDecision'>;
      return {
        ...withDocument(context, 'penaltyDecision', e.date),
        decision: {
          date: e.date,
          articleId: e.articleId,
          tierId: e.tierId,
          amount: e.amount,
          paymentDays: e.paymentDays,
          reconsiderationDays: e.reconsiderationDays,
          litigationMonths: e.litigationMonths,
        },
      };
    }),
    serveDecision: assign(({ event }) => ({ service: { date: (event as EventOf<'officer.serveDecision'>).date } })),
    recordPayment: assign(({ context, event }) => {
      const e = event as EventOf<'officer.recordPayment'>;
      return { payment: { date: e.date, amount: context.decision?.amount ?? 0, surcharge: e.surcharge } };
    }),
    closeCase: assign(({ context, event }) => {
      const e = event as EventOf<'officer.closeCase'>;
      return { ...withDocument(context, 'caseClosing', e.date), closedOn: e.date };
    }),
  },
}).createMachine({
  id: 'case',
  context: ({ input }) => ({
    authority: input.authority,
    counters: input.counters,
    documents: [],
    filing: null,
    evidence: [],
    notice: null,
    statement: null,
    hearingRequest: null,
    hearing: null,
    decision: null,
    service: null,
    payment: null,
    closedOn: null,
    refusal: null,
  }),
  initial: 'filing',
  states: {
    filing: {
      description: '立案审批',
      on: { 'officer.fileCase': [{ guard: 'isApprovedByHead', target: 'investigating', actions: 'fileCase' }, { actions: 'refuse' }] },
    },
    investigating: {
      description: '调查取证',
      on: {
        'officer.recordEvidence': [{ guard: 'hasTwoOfficers', actions: 'recordEvidence' }, { actions: 'refuse' }],
        'officer.issuePenaltyNotice': [{ guard: 'isNoticeLawful', target: 'notified', actions: 'issuePenaltyNotice' }, { actions: 'refuse' }],
      },
    },
    notified: {
      description: '已告知（陈述申辩、听证期间）',
      on: {
        'officer.registerStatement': [{ guard: 'isStatementInPeriod', actions: 'registerStatement' }, { actions: 'refuse' }],
        'officer.registerHearingRequest': [
          { guard: 'isHearingRequestInTime', target: 'hearingRequested', actions: 'registerHearingRequest' },
          { actions: 'refuse' },
        ],
        'officer.issueDecision': [{ guard: 'isDecisionLawful', target: 'decided', actions: 'issueDecision' }, { actions: 'refuse' }],
      },
    },
    hearingRequested: {
      description: '当事人申请听证',
      on: { 'officer.scheduleHearing': [{ guard: 'givesSevenWorkingDaysNotice', target: 'hearingScheduled', actions: 'scheduleHearing' }, { actions: 'refuse' }] },
    },
    hearingScheduled: {
      description: '已通知听证',
      on: { 'officer.recordHearing': [{ guard: 'isHearingOnSchedule', target: 'heard', actions: 'recordHearing' }, { actions: 'refuse' }] },
    },
    heard: {
      description: '已举行听证',
      on: { 'officer.issueDecision': [{ guard: 'isDecisionLawful', target: 'decided', actions: 'issueDecision' }, { actions: 'refuse' }] },
    },
    decided: {
      description: '已作出处罚决定',
      on: { 'officer.serveDecision': [{ guard: 'isServiceAfterDecision', target: 'served', actions: 'serveDecision' }, { actions: 'refuse' }] },
    },
    served: {
      description: '已送达，待执行',
      on: { 'officer.recordPayment': [{ guard: 'isPaymentInFull', target: 'executed', actions: 'recordPayment' }, { actions: 'refuse' }] },
    },
    executed: {
      description: '已执行',
      on: { 'officer.closeCase': [{ guard: 'isCaseSettled', target: 'closed', actions: 'closeCase' }, { actions: 'refuse' }] },
    },
    closed: { description: '已结案', type: 'final' },
  },
});

/** Late-payment surcharge (行政处罚法 第72条): 3% of the fine per day after the due date, at most the fine. */
export function lateSurcharge(fine: number, dueDate: string, paidOn: string): number {
  if (paidOn <= dueDate) return 0;
  let days = 0;
  for (let d = dueDate; d < paidOn; d = addDays(d, 1)) days++;
  return Math.min(fine, Math.round(fine * LEGAL.latePaymentRate.value * days));
}

export { PENALTY_ARTICLES };
