/**
 * 行政处罚决定的执行: after the 行政处罚决定书 is served the party pays within 15 days (行政处罚法 第67条), may
 * be allowed to defer or pay in installments (第66条), owes 加处罚款 when late (第72条); when it neither pays
 * nor appeals, the authority serves a 催告书 (行政强制法 第35条、第54条), hears the party (第36条) and applies to
 * the people's court (第53条、第55条). Time enters only as the dates the events carry.
 */
import { assign, setup } from 'xstate';
import { z } from '../../lib/form';
import { amountSchema, dateSchema, instantSchema, shortText, type Refusal } from '../common';
import { withIssuedDocument, type DocumentCounters } from '../../law/document-numbers';
import { LEGAL } from '../../law/legal-constants';
import { yuan } from '../../law/penalties';
import { addDays, addLegalDays, addMonths, addWorkingDays, isWorkingDay } from '../../law/working-days';
import { lateSurcharge } from '../case/machine';
import { APPROVER_RULE } from '../case/machine';
import { ENFORCEMENT_DOCUMENTS, type EnforcementDocument, type EnforcementDocumentType } from './document-types';

export const APPLICATION_KINDS = ['deferral', 'installments'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const APPLICATION_KIND_LABELS: Record<ApplicationKind, string> = {
  deferral: '延期缴纳',
  installments: '分期缴纳',
};
export const STATEMENT_REVIEWS = ['adopted', 'rejected'] as const;
export type ReminderStatementReview = (typeof STATEMENT_REVIEWS)[number];
export const REMINDER_REVIEW_LABELS: Record<ReminderStatementReview, string> = {
  adopted: '当事人提出的事实、理由成立，予以采纳',
  rejected: '当事人提出的事实、理由不成立，不予采纳',
};

const installmentSchema = z.object({ dueOn: dateSchema, amount: amountSchema });
export type Installment = z.infer<typeof installmentSchema>;

export const enforcementEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('officer.recordDecision'),
    at: instantSchema,
    number: shortText(60),
    decidedOn: dateSchema,
    servedOn: dateSchema,
    amount: amountSchema,
  }),
  z.object({
    type: z.literal('officer.registerApplication'),
    at: instantSchema,
    date: dateSchema,
    kind: z.enum(APPLICATION_KINDS),
    reason: shortText(2000),
  }),
  z.object({
    type: z.literal('officer.decideInstallment'),
    at: instantSchema,
    date: dateSchema,
    hardshipFound: z.boolean(),
    approved: z.boolean(),
    opinion: shortText(2000),
    approvedBy: shortText(40),
    plan: z.array(installmentSchema).max(12),
    /** 批准书 tells the party the 加处罚款 standard and what follows a missed installment (《行政强制法》第四十五条第一款). */
    consequencesStated: z.boolean(),
  }),
  z.object({
    type: z.literal('officer.recordPayment'),
    at: instantSchema,
    date: dateSchema,
    amount: amountSchema,
    surcharge: amountSchema,
  }),
  z.object({
    type: z.literal('officer.issueReminder'),
    at: instantSchema,
    date: dateSchema,
    fine: amountSchema,
    surcharge: amountSchema,
    rightsStated: z.boolean(),
  }),
  z.object({
    type: z.literal('officer.registerStatement'),
    at: instantSchema,
    date: dateSchema,
    summary: shortText(2000),
    review: z.enum(STATEMENT_REVIEWS),
    reason: shortText(2000),
  }),
  z.object({
    type: z.literal('officer.applyToCourt'),
    at: instantSchema,
    date: dateSchema,
    court: shortText(60),
    fine: amountSchema,
    surcharge: amountSchema,
    appealsLapsedOn: dateSchema,
    lastDay: dateSchema,
    approvedBy: shortText(40),
  }),
]);
export type EnforcementEvent = z.infer<typeof enforcementEventSchema>;
type EventOf<T extends EnforcementEvent['type']> = Extract<EnforcementEvent, { type: T }>;

export interface EnforcementInput {
  /** Abbreviation printed in document numbers. */
  authority: string;
  counters: DocumentCounters;
  /** 行政机关负责人: approves 延期/分期 and signs the 强制执行申请书. */
  head: string;
}

export interface EnforcementContext {
  authority: string;
  counters: DocumentCounters;
  head: string;
  documents: EnforcementDocument[];
  decision: { number: string; decidedOn: string; servedOn: string; amount: number } | null;
  application: { date: string; kind: ApplicationKind; reason: string } | null;
  installment: {
    date: string;
    hardshipFound: boolean;
    approved: boolean;
    opinion: string;
    approvedBy: string;
    plan: Installment[];
    consequencesStated: boolean;
  } | null;
  payments: { date: string; amount: number; surcharge: number }[];
  reminder: { date: string; fine: number; surcharge: number; rightsStated: boolean } | null;
  statement: { date: string; summary: string; review: ReminderStatementReview; reason: string } | null;
  courtApplication: {
    date: string;
    court: string;
    fine: number;
    surcharge: number;
    appealsLapsedOn: string;
    lastDay: string;
    approvedBy: string;
  } | null;
  refusal: Refusal | null;
}

/** The last day of a period in months; moved to the next working day when it falls on a holiday. */
function legalMonthsEnd(date: string, months: number): string {
  let end = addMonths(date, months);
  while (!isWorkingDay(end)) end = addDays(end, 1);
  return end;
}

/** Last day to pay the fine (行政处罚法 第67条; 第85条 for holidays). */
export const paymentDueDate = (servedOn: string) => addLegalDays(servedOn, LEGAL.paymentPeriod.value);
/** Last day to apply for 行政复议 (行政复议法 第20条). */
export const reconsiderationEnd = (servedOn: string) => addLegalDays(servedOn, LEGAL.reconsiderationPeriod.value);
/** Last day to bring an action (行政诉讼法 第46条). */
export const litigationEnd = (servedOn: string) => legalMonthsEnd(servedOn, LEGAL.litigationPeriod.value);
/** The day both appeal periods have lapsed: the later of the two. */
export function appealPeriodsEnd(servedOn: string): string {
  const a = reconsiderationEnd(servedOn);
  const b = litigationEnd(servedOn);
  return a > b ? a : b;
}
/** Last day to apply to the court: 3 months from the lapse of the appeal periods (行政强制法 第53条). */
export const courtApplicationLastDay = (servedOn: string) =>
  legalMonthsEnd(appealPeriodsEnd(servedOn), LEGAL.courtApplicationWindow.value);
/** First day on which the court may be applied to after a 催告书 served on `reminderOn` (第54条、第69条). */
export const earliestCourtApplication = (reminderOn: string) =>
  addDays(addWorkingDays(reminderOn, LEGAL.reminderWaitPeriod.value), 1);
/** Latest due date of a deferral or of the last installment the drill accepts as lawful. */
export const latestInstallmentDue = (servedOn: string) => courtApplicationLastDay(servedOn);

export const finePaid = (c: Pick<EnforcementContext, 'payments'>) => c.payments.reduce((s, p) => s + p.amount, 0);
export const surchargePaid = (c: Pick<EnforcementContext, 'payments'>) =>
  c.payments.reduce((s, p) => s + p.surcharge, 0);
export const outstandingFine = (c: Pick<EnforcementContext, 'payments' | 'decision'>) =>
  (c.decision?.amount ?? 0) - finePaid(c);

/** The approved plan, or null when no 延期/分期 was approved. */
export const approvedPlan = (c: Pick<EnforcementContext, 'installment'>) =>
  c.installment?.approved ? c.installment.plan : null;

/** The first installment of the approved plan that was not paid in full by its due date, as of `onDate`. */
export function planDefault(
  c: Pick<EnforcementContext, 'installment' | 'payments'>,
  onDate: string,
): Installment | null {
  const plan = approvedPlan(c);
  if (!plan) return null;
  let owed = 0;
  for (const inst of plan) {
    owed += inst.amount;
    if (inst.dueOn >= onDate) return null;
    const paidByDue = c.payments.filter((p) => p.date <= inst.dueOn).reduce((s, p) => s + p.amount, 0);
    if (paidByDue < owed) return inst;
  }
  return null;
}

/**
 * 加处罚款 owed on `onDate` (行政处罚法 第72条): 3% of the fine a day from the day after the due date, at most the
 * fine; nothing while an approved 延期/分期 plan is honoured; from the missed installment's due date once it is not.
 */
export function surchargeOwed(c: EnforcementContext, onDate: string): number {
  const d = c.decision;
  if (!d) return 0;
  const plan = approvedPlan(c);
  if (plan) {
    const missed = planDefault(c, onDate);
    return missed ? lateSurcharge(d.amount, missed.dueOn, onDate) : 0;
  }
  return lateSurcharge(d.amount, paymentDueDate(d.servedOn), onDate);
}

const SURCHARGE_CAP =
  '加处罚款的数额不得超出罚款的数额（《行政处罚法》第七十二条第一款第（一）项；《行政强制法》第四十五条第二款）';
const PLAN_HONOURED =
  '当事人正按批准的延期（分期）缴纳计划履行，未逾期，不能催告或者申请强制执行（《行政处罚法》第六十六条；《行政强制法》第五十四条）';

/** Chinese reason why the event may not happen now (naming the provision), or null. */
export function enforcementProblem(context: EnforcementContext, event: EnforcementEvent): string | null {
  const d = context.decision;
  if (event.type === 'officer.recordDecision') {
    if (event.number.trim() === '') return '须登记行政处罚决定书文号';
    if (event.servedOn < event.decidedOn) return '送达日期不能早于决定日期';
    if (event.amount <= 0) return '决定书未处罚款，无须执行罚款';
    return null;
  }
  if (!d) return '尚未登记已送达的行政处罚决定书';
  switch (event.type) {
    case 'officer.registerApplication':
      if (context.application) return '当事人的延期（分期）缴纳申请已经登记';
      if (event.date < d.servedOn) return '申请日期不能早于决定书送达日期';
      if (event.reason.trim() === '') return '须写明当事人申请的理由（《行政处罚法》第六十六条：确有经济困难）';
      return null;
    case 'officer.decideInstallment': {
      if (!context.application || context.installment)
        return '延期、分期缴纳须经当事人申请，行政机关不能依职权决定（《行政处罚法》第六十六条第二款）';
      if (event.date < context.application.date) return '审批日期不能早于当事人申请日期';
      if (event.approvedBy.trim() !== context.head)
        return `延期（分期）缴纳罚款须经行政机关批准，审批人须为本机关负责人（${context.head}）：${APPROVER_RULE}`;
      if (event.opinion.trim() === '') return '审批表须写明承办人意见和理由';
      if (!event.approved) return null;
      if (!event.hardshipFound)
        return '只有当事人确有经济困难的，才能批准暂缓或者分期缴纳罚款（《行政处罚法》第六十六条第二款）';
      const plan = event.plan;
      if (plan.length === 0) return '批准延期（分期）的，须写明缴纳的期限和数额';
      if (context.application.kind === 'deferral' && plan.length !== 1) return '延期缴纳只定一个缴纳期限';
      if (context.application.kind === 'installments' && plan.length < 2) return '分期缴纳至少分两期';
      if (plan.some((p) => p.amount <= 0)) return '每期缴纳数额须大于零';
      for (let i = 0; i < plan.length; i++) {
        if (plan[i]!.dueOn < event.date) return '缴纳期限不能早于批准日期';
        if (i > 0 && plan[i]!.dueOn <= plan[i - 1]!.dueOn) return '各期缴纳期限须依次在后';
      }
      const total = plan.reduce((s, p) => s + p.amount, 0);
      if (total !== d.amount)
        return `各期缴纳数额之和（${yuan(total)}）须等于罚款数额（${yuan(d.amount)}）；延期、分期不减免罚款（《行政处罚法》第六十六条）`;
      return null;
    }
    case 'officer.recordPayment': {
      const last = context.payments[context.payments.length - 1];
      if (event.date < d.servedOn) return '缴款日期不能早于决定书送达日期';
      if (last && event.date < last.date) return '缴款日期不能早于上一次缴款日期';
      if (event.amount <= 0) return '须登记缴纳的罚款数额';
      const outstanding = outstandingFine(context);
      if (event.amount > outstanding) return `缴纳数额超过尚未缴纳的罚款（${yuan(outstanding)}）`;
      if (!approvedPlan(context) && event.amount !== outstanding)
        return `未经批准延期或者分期的，罚款应当一次缴清（${yuan(outstanding)}）（《行政处罚法》第六十六条、第六十七条）`;
      if (surchargePaid(context) + event.surcharge > d.amount) return SURCHARGE_CAP;
      return null;
    }
    case 'officer.issueReminder': {
      if (context.application && !context.installment)
        return '当事人已申请延期（分期）缴纳罚款，须先作出是否批准的决定（《行政处罚法》第六十六条第二款）';
      const plan = approvedPlan(context);
      if (plan) {
        if (!planDefault(context, event.date)) return PLAN_HONOURED;
      } else {
        const due = paymentDueDate(d.servedOn);
        if (event.date <= due)
          return `缴款期限（至${due}）届满前当事人尚未逾期，不能催告（《行政处罚法》第六十七条；《行政强制法》第五十四条）`;
      }
      if (event.fine <= 0 || event.fine > d.amount)
        return '催告书须写明尚未缴纳的罚款数额（《行政强制法》第三十五条第（三）项）';
      if (event.surcharge > d.amount) return SURCHARGE_CAP;
      return null;
    }
    case 'officer.registerStatement':
      if (!context.reminder) return '陈述、申辩在收到催告书后提出（《行政强制法》第三十六条）';
      if (context.statement) return '当事人的陈述申辩已经登记';
      if (event.date < context.reminder.date) return '陈述申辩日期不能早于催告书送达日期';
      if (event.summary.trim() === '') return '须记录当事人陈述、申辩的要点（《行政强制法》第三十六条）';
      if (event.reason.trim() === '') return '须写明复核意见的理由（《行政强制法》第三十六条）';
      return null;
    case 'officer.applyToCourt': {
      const r = context.reminder;
      if (!r) return '申请人民法院强制执行前，应当催告当事人履行义务（《行政强制法》第五十四条）';
      if (outstandingFine(context) <= 0) return '罚款已经缴清，无须申请强制执行';
      const lapse = appealPeriodsEnd(d.servedOn);
      if (event.date <= lapse)
        return `当事人申请行政复议（${LEGAL.reconsiderationPeriod.value}日，至${reconsiderationEnd(d.servedOn)}）、提起行政诉讼（${LEGAL.litigationPeriod.value}个月，至${litigationEnd(d.servedOn)}）的期限届满前，不能申请人民法院强制执行（《行政强制法》第五十三条；《行政复议法》第二十条；《行政诉讼法》第四十六条）`;
      const earliest = earliestCourtApplication(r.date);
      if (event.date < earliest)
        return `催告书送达${LEGAL.reminderWaitPeriod.value}日（工作日）后当事人仍未履行的，方可申请强制执行，最早${earliest}（《行政强制法》第五十四条、第六十九条）`;
      const lastDay = courtApplicationLastDay(d.servedOn);
      if (event.date > lastDay)
        return `已超过申请人民法院强制执行的期限：自复议、诉讼期限届满之日起${LEGAL.courtApplicationWindow.value}个月内，至${lastDay}（《行政强制法》第五十三条）`;
      if (context.statement?.review === 'adopted')
        return '当事人陈述、申辩提出的事实、理由成立并已采纳，不能再申请强制执行（《行政强制法》第三十六条）';
      if (event.fine <= 0 || event.fine > outstandingFine(context))
        return `申请执行的罚款不能超过尚未缴纳的罚款（${yuan(outstandingFine(context))}）`;
      if (event.surcharge + surchargePaid(context) > d.amount) return SURCHARGE_CAP;
      if (event.court.trim() === '') return '须写明受理申请的人民法院（《行政强制法》第五十四条）';
      if (event.approvedBy.trim() !== context.head)
        return `强制执行申请书应当由行政机关负责人（${context.head}）签名（《行政强制法》第五十五条第二款）`;
      return null;
    }
  }
}

// The documents of the execution join the case's register entry (the decision's number), with their own type code.
const withDocument = (context: EnforcementContext, type: EnforcementDocumentType, date: string) =>
  withIssuedDocument(ENFORCEMENT_DOCUMENTS, context, type, date, context.decision?.number ?? null);

type Args = { context: EnforcementContext; event: EnforcementEvent };
const accepts = ({ context, event }: Args) => enforcementProblem(context, event) === null;

/** The transitions several stages share, each written once and spread into the stages' `on`. */
const shared = {
  issueReminder: {
    'officer.issueReminder': [
      { guard: 'isReminderLawful', target: 'reminded', actions: 'issueReminder' },
      { actions: 'refuse' },
    ],
  },
  recordPayment: {
    'officer.recordPayment': [
      { guard: 'settlesFine', target: 'paid', actions: 'recordPayment' },
      { guard: 'isPaymentLawful', actions: 'recordPayment' },
      { actions: 'refuse' },
    ],
  },
} as const;

export const enforcementMachine = setup({
  types: {
    context: {} as EnforcementContext,
    events: {} as EnforcementEvent,
    input: {} as EnforcementInput,
  },
  guards: {
    isDecisionServed: accepts,
    isApplicationRecorded: accepts,
    isInstallmentApproved: (a: Args) => accepts(a) && (a.event as EventOf<'officer.decideInstallment'>).approved,
    isInstallmentRefused: (a: Args) => accepts(a) && !(a.event as EventOf<'officer.decideInstallment'>).approved,
    settlesFine: (a: Args) =>
      accepts(a) && (a.event as EventOf<'officer.recordPayment'>).amount === outstandingFine(a.context),
    isPaymentLawful: accepts,
    isReminderLawful: accepts,
    isStatementRecorded: accepts,
    isApplicationInTime: accepts,
  },
  actions: {
    refuse: assign({
      refusal: ({ context, event }) => ({
        eventType: event.type,
        reason: enforcementProblem(context, event) ?? '当前阶段不能办理该事项',
      }),
    }),
    recordDecision: assign(({ event }) => {
      const e = event as EventOf<'officer.recordDecision'>;
      return { decision: { number: e.number, decidedOn: e.decidedOn, servedOn: e.servedOn, amount: e.amount } };
    }),
    registerApplication: assign(({ event }) => {
      const e = event as EventOf<'officer.registerApplication'>;
      return { application: { date: e.date, kind: e.kind, reason: e.reason } };
    }),
    decideInstallment: assign(({ context, event }) => {
      const e = event as EventOf<'officer.decideInstallment'>;
      let docs = withDocument(context, 'installmentReview', e.date);
      if (e.approved) docs = withDocument({ ...context, ...docs }, 'installmentApproval', e.date);
      return {
        ...docs,
        installment: {
          date: e.date,
          hardshipFound: e.hardshipFound,
          approved: e.approved,
          opinion: e.opinion,
          approvedBy: e.approvedBy,
          plan: e.approved ? e.plan : [],
          consequencesStated: e.consequencesStated,
        },
      };
    }),
    recordPayment: assign(({ context, event }) => {
      const e = event as EventOf<'officer.recordPayment'>;
      return { payments: [...context.payments, { date: e.date, amount: e.amount, surcharge: e.surcharge }] };
    }),
    issueReminder: assign(({ context, event }) => {
      const e = event as EventOf<'officer.issueReminder'>;
      return {
        ...withDocument(context, 'paymentReminder', e.date),
        reminder: { date: e.date, fine: e.fine, surcharge: e.surcharge, rightsStated: e.rightsStated },
      };
    }),
    registerStatement: assign(({ event }) => {
      const e = event as EventOf<'officer.registerStatement'>;
      return { statement: { date: e.date, summary: e.summary, review: e.review, reason: e.reason } };
    }),
    applyToCourt: assign(({ context, event }) => {
      const e = event as EventOf<'officer.applyToCourt'>;
      return {
        ...withDocument(context, 'courtApplication', e.date),
        courtApplication: {
          date: e.date,
          court: e.court,
          fine: e.fine,
          surcharge: e.surcharge,
          appealsLapsedOn: e.appealsLapsedOn,
          lastDay: e.lastDay,
          approvedBy: e.approvedBy,
        },
      };
    }),
  },
}).createMachine({
  id: 'enforcement',
  context: ({ input }) => ({
    authority: input.authority,
    counters: input.counters,
    head: input.head,
    documents: [],
    decision: null,
    application: null,
    installment: null,
    payments: [],
    reminder: null,
    statement: null,
    courtApplication: null,
    refusal: null,
  }),
  initial: 'awaitingDecision',
  states: {
    awaitingDecision: {
      description: '待登记已送达的处罚决定',
      on: {
        'officer.recordDecision': [
          { guard: 'isDecisionServed', target: 'served', actions: 'recordDecision' },
          { actions: 'refuse' },
        ],
      },
    },
    served: {
      description: '决定书已送达，待当事人履行',
      on: {
        'officer.registerApplication': [
          { guard: 'isApplicationRecorded', actions: 'registerApplication' },
          { actions: 'refuse' },
        ],
        'officer.decideInstallment': [
          { guard: 'isInstallmentApproved', target: 'installments', actions: 'decideInstallment' },
          { guard: 'isInstallmentRefused', actions: 'decideInstallment' },
          { actions: 'refuse' },
        ],
        'officer.recordPayment': [
          { guard: 'settlesFine', target: 'paid', actions: 'recordPayment' },
          { actions: 'refuse' },
        ],
        ...shared.issueReminder,
        // Offered so that an application before the 催告 is refused with the article, not just "not now".
        'officer.applyToCourt': [{ actions: 'refuse' }],
      },
    },
    installments: {
      description: '已批准延期（分期）缴纳',
      on: {
        ...shared.recordPayment,
        ...shared.issueReminder,
        'officer.applyToCourt': [{ actions: 'refuse' }],
      },
    },
    reminded: {
      description: '已催告（陈述申辩、催告期间）',
      on: {
        'officer.registerStatement': [
          { guard: 'isStatementRecorded', actions: 'registerStatement' },
          { actions: 'refuse' },
        ],
        ...shared.recordPayment,
        'officer.applyToCourt': [
          { guard: 'isApplicationInTime', target: 'appliedToCourt', actions: 'applyToCourt' },
          { actions: 'refuse' },
        ],
      },
    },
    paid: { description: '罚款已缴清', type: 'final' },
    appliedToCourt: { description: '已申请人民法院强制执行', type: 'final' },
  },
});
