/**
 * 简易程序 当场处罚 (《行政处罚法》第五十一条、第五十二条): on the spot, two officers show their 执法证件,
 * record the facts, state the facts, reasons, basis and the party's rights (第四十四条), hear the party
 * (第四十五条), and either decide on the spot — 警告 or a fine within 200 元 for a person and 3,000 元 for a
 * unit, only where the facts are 确凿 — hand the pre-numbered 决定书 over at once and file it with the
 * authority, or switch to the general procedure (立案, 第五十四条), which ends this workflow.
 */
import { assign, setup } from 'xstate';
import { z } from '../../lib/form';
import { amountSchema, dateSchema, idSchema, instantSchema, shortText, timeSchema, type Refusal } from '../common';
import { withIssuedDocument, type DocumentCounters } from '../../law/document-numbers';
import { LEGAL } from '../../law/legal-constants';
import {
  ARTICLE_PROVIDES_WARNING,
  fineRangeProblem,
  PENALTY_ARTICLES,
  SUMMARY_VIOLATION_IDS,
  SUMMARY_VIOLATIONS,
  yuan,
  type SummaryViolationId,
} from '../../law/penalties';
import { addWorkingDays } from '../../law/working-days';
import { SUMMARY_DOCUMENTS, type SummaryDocument, type SummaryDocumentType } from './document-types';

export const PARTY_TYPES = ['unit', 'person'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];
export const PARTY_TYPE_LABELS: Record<PartyType, string> = { unit: '法人或者其他组织', person: '公民' };

export const PENALTY_TYPES = ['warning', 'fine', 'suspension', 'confiscation'] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];
export const PENALTY_TYPE_LABELS: Record<PenaltyType, string> = {
  warning: '警告',
  fine: '罚款',
  suspension: '责令停产停业整顿',
  confiscation: '没收违法所得',
};

export const PAYMENT_METHODS = ['bank', 'onSpot'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  bank: '当事人自收到决定书之日起十五日内到指定的银行或者通过电子支付系统缴纳',
  onSpot: '执法人员当场收缴，出具财政部门统一制发的专用票据',
};

export const ON_SPOT_GROUNDS = ['smallFine', 'hardToEnforce', 'remoteArea'] as const;
export type OnSpotGround = (typeof ON_SPOT_GROUNDS)[number];
export const ON_SPOT_GROUND_LABELS: Record<OnSpotGround, string> = {
  smallFine: `依法给予${LEGAL.onSpotCollectionMax.value}元以下罚款（《行政处罚法》第六十八条第（一）项）`,
  hardToEnforce: '不当场收缴事后难以执行（《行政处罚法》第六十八条第（二）项）',
  remoteArea: '边远、水上、交通不便地区，当事人到银行缴纳确有困难并提出（《行政处罚法》第六十九条）',
};

export const REFERRAL_REASONS = ['factsDisputed', 'aboveLimit', 'otherPenalty'] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];
export const REFERRAL_REASON_LABELS: Record<ReferralReason, string> = {
  factsDisputed: '当事人对违法事实提出异议，违法事实尚不确凿，需要立案调查',
  aboveLimit: '拟罚款数额超过当场处罚的限额',
  otherPenalty: '拟给予警告、罚款以外的行政处罚',
};

export const SIGNATURES = ['signed', 'refused'] as const;
export type Signature = (typeof SIGNATURES)[number];
export const SIGNATURE_LABELS: Record<Signature, string> = {
  signed: '当事人签收',
  refused: '当事人拒绝签收（在决定书上注明）',
};

const violationSchema = z.enum(SUMMARY_VIOLATION_IDS as [SummaryViolationId, ...SummaryViolationId[]]);

export const summaryEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('officer.recordOnSite'),
    at: instantSchema,
    date: dateSchema,
    time: timeSchema,
    place: shortText(200),
    officerIds: z.array(idSchema).max(10),
    credentialsShown: z.boolean(),
    facts: shortText(2000),
  }),
  z.object({ type: z.literal('officer.showCredentials'), at: instantSchema, date: dateSchema }),
  z.object({
    type: z.literal('officer.notify'),
    at: instantSchema,
    date: dateSchema,
    violationId: violationSchema,
    penaltyType: z.enum(PENALTY_TYPES),
    amount: amountSchema,
    factsStated: z.boolean(),
    rightsStated: z.boolean(),
  }),
  z.object({
    type: z.literal('officer.recordStatement'),
    at: instantSchema,
    date: dateSchema,
    summary: shortText(2000),
    factsDisputed: z.boolean(),
  }),
  z.object({
    type: z.literal('officer.decideOnSpot'),
    at: instantSchema,
    date: dateSchema,
    violationId: violationSchema,
    penaltyType: z.enum(PENALTY_TYPES),
    amount: amountSchema,
    correctionDeadline: dateSchema,
    paymentMethod: z.enum(PAYMENT_METHODS),
    onSpotGround: z.enum(ON_SPOT_GROUNDS).nullable(),
    paymentDays: z.number().int().min(0).max(365),
    reconsiderationDays: z.number().int().min(0).max(365),
    litigationMonths: z.number().int().min(0).max(60),
  }),
  z.object({
    type: z.literal('officer.deliver'),
    at: instantSchema,
    date: dateSchema,
    recipient: shortText(40),
    signature: z.enum(SIGNATURES),
  }),
  z.object({
    type: z.literal('officer.file'),
    at: instantSchema,
    date: dateSchema,
    fineHandedOverOn: dateSchema.nullable(),
  }),
  z.object({
    type: z.literal('officer.referToGeneral'),
    at: instantSchema,
    date: dateSchema,
    reason: z.enum(REFERRAL_REASONS),
    summary: shortText(2000),
  }),
]);
export type SummaryEvent = z.infer<typeof summaryEventSchema>;
type EventOf<T extends SummaryEvent['type']> = Extract<SummaryEvent, { type: T }>;

export interface SummaryInput {
  authority: string;
  counters: DocumentCounters;
  partyType: PartyType;
  /** Whether the place is 边远、水上、交通不便 (《行政处罚法》第六十九条). */
  remoteArea: boolean;
  /** The officers on duty and the last day each one's 执法证 is valid. */
  officers: { id: string; validUntil: string }[];
}

export interface ProposedPenalty {
  violationId: SummaryViolationId;
  penaltyType: PenaltyType;
  amount: number;
}

export interface SummaryContext {
  authority: string;
  counters: DocumentCounters;
  partyType: PartyType;
  remoteArea: boolean;
  officers: { id: string; validUntil: string }[];
  documents: SummaryDocument[];
  onSite: {
    date: string;
    time: string;
    place: string;
    officerIds: string[];
    credentialsShown: boolean;
    facts: string;
  } | null;
  /** 执法证件 shown only after the 现场笔录 was opened (a late showing). */
  lateCredentials: { date: string } | null;
  notice: (ProposedPenalty & { date: string; factsStated: boolean; rightsStated: boolean }) | null;
  statement: { date: string; summary: string; factsDisputed: boolean } | null;
  decision:
    | (ProposedPenalty & {
        date: string;
        correctionDeadline: string;
        paymentMethod: PaymentMethod;
        onSpotGround: OnSpotGround | null;
        paymentDays: number;
        reconsiderationDays: number;
        litigationMonths: number;
      })
    | null;
  delivery: { date: string; recipient: string; signature: Signature } | null;
  filing: { date: string; fineHandedOverOn: string | null } | null;
  referral: { date: string; reason: ReferralReason; summary: string } | null;
  refusal: Refusal | null;
}

/** The largest fine a 当场处罚 may impose on this party (《行政处罚法》第五十一条). */
export function summaryLimit(partyType: PartyType): number {
  return partyType === 'unit' ? LEGAL.summaryLimitUnit.value : LEGAL.summaryLimitPerson.value;
}

/** The last day for filing an on-the-spot decision made on `decidedOn`. */
export const filingDueBy = (decidedOn: string) => addWorkingDays(decidedOn, LEGAL.summaryFilingPeriod.value);
/** The last day for handing a fine collected on the spot to the authority (《行政处罚法》第七十一条). */
export const handoverDueBy = (collectedOn: string) => addWorkingDays(collectedOn, LEGAL.onSpotFineHandoverPeriod.value);

/** Why the article does not allow this penalty for the violation at all (whatever the procedure), or null. */
export function penaltyProblem(p: ProposedPenalty): string | null {
  const violation = SUMMARY_VIOLATIONS[p.violationId];
  const article = PENALTY_ARTICLES[violation.articleId];
  if (p.penaltyType === 'warning')
    return ARTICLE_PROVIDES_WARNING[violation.articleId]
      ? null
      : `${article.citation}对该违法行为规定的是"${article.tiers[0]!.label}"，没有规定警告；没有法定依据的行政处罚无效（《行政处罚法》第三十八条）`;
  if (p.penaltyType === 'fine') return fineRangeProblem(violation.articleId, 'first', p.amount);
  return null;
}

/**
 * Why this penalty may not be imposed by 简易程序 on this party, or null: the kind (警告、罚款 only), the
 * article's range and the limit of 第五十一条 for a person or a unit.
 */
export function summaryPenaltyProblem(partyType: PartyType, p: ProposedPenalty): string | null {
  if (p.penaltyType !== 'warning' && p.penaltyType !== 'fine')
    return `${PENALTY_TYPE_LABELS[p.penaltyType]}不能适用简易程序当场作出，只有警告和限额以内的罚款可以当场作出；应当依照普通程序立案办理（《行政处罚法》第五十一条、第五十四条）`;
  const law = penaltyProblem(p);
  if (law) return law;
  const limit = summaryLimit(partyType);
  if (p.penaltyType === 'fine' && p.amount > limit)
    return `对${PARTY_TYPE_LABELS[partyType]}当场处以罚款不得超过${yuan(limit)}，罚款${yuan(p.amount)}应当依照普通程序立案办理（《行政处罚法》第五十一条、第五十四条）`;
  return null;
}

/** Why the fine may not be collected on the spot, or null (《行政处罚法》第六十七条至第六十九条). */
export function collectionProblem(
  context: Pick<SummaryContext, 'remoteArea'>,
  d: { penaltyType: PenaltyType; amount: number; paymentMethod: PaymentMethod; onSpotGround: OnSpotGround | null },
): string | null {
  if (d.penaltyType !== 'fine' || d.paymentMethod !== 'onSpot') return null;
  if (!d.onSpotGround)
    return '除《行政处罚法》第六十八条、第六十九条规定的情形外，执法人员不得自行收缴罚款，当事人应当到指定的银行或者通过电子支付系统缴纳（《行政处罚法》第六十七条）';
  if (d.onSpotGround === 'smallFine' && d.amount > LEGAL.onSpotCollectionMax.value)
    return `罚款${yuan(d.amount)}超过${yuan(LEGAL.onSpotCollectionMax.value)}，不属于可以当场收缴的情形（${LEGAL.onSpotCollectionMax.source}）`;
  if (d.onSpotGround === 'remoteArea' && !context.remoteArea)
    return '检查地点不属于边远、水上、交通不便地区，不能依照《行政处罚法》第六十九条当场收缴罚款';
  return null;
}

/** Chinese reason why the event may not happen now, or null. */
export function summaryProblem(context: SummaryContext, event: SummaryEvent): string | null {
  switch (event.type) {
    case 'officer.recordOnSite': {
      const ids = [...new Set(event.officerIds)];
      if (ids.length < LEGAL.minimumOfficers.value)
        return `执法人员不得少于${LEGAL.minimumOfficers.value}人（${LEGAL.minimumOfficers.source}）`;
      const lapsed = ids.filter((id) => {
        const officer = context.officers.find((o) => o.id === id);
        return !officer || officer.validUntil < event.date;
      });
      if (lapsed.length > 0)
        return '行政处罚应当由具有行政执法资格的执法人员实施，执法证已过有效期的人员不能执法（《行政处罚法》第四十二条）';
      if (event.place.trim() === '') return '现场笔录须写明地点';
      if (event.facts.trim() === '') return '现场笔录须写明现场发现的违法事实';
      return null;
    }
    case 'officer.showCredentials':
      if (context.onSite?.credentialsShown || context.lateCredentials) return '执法人员已经出示执法证件';
      if (context.onSite && event.date < context.onSite.date) return '出示证件的日期不能早于现场笔录的日期';
      return null;
    case 'officer.notify':
      if (context.onSite && event.date !== context.onSite.date)
        return '简易程序在现场当场告知，告知日期须为现场检查当日（《行政处罚法》第四十四条、第五十一条）';
      return penaltyProblem(event);
    case 'officer.recordStatement':
      if (context.notice && event.date < context.notice.date) return '陈述申辩日期不能早于告知日期';
      if (event.summary.trim() === '') return '须记录当事人陈述、申辩的内容（《行政处罚法》第四十五条）';
      return null;
    case 'officer.decideOnSpot': {
      const onSite = context.onSite;
      const notice = context.notice;
      if (!onSite || !notice) return '作出行政处罚决定之前，须告知当事人（《行政处罚法》第四十四条）';
      if (!onSite.credentialsShown && !context.lateCredentials)
        return '执法人员当场作出行政处罚决定的，应当向当事人出示执法证件（《行政处罚法》第五十二条第一款）';
      if (event.date !== onSite.date)
        return '简易程序的行政处罚决定须在现场当场作出；不能当场作出的，应当依照普通程序办理（《行政处罚法》第五十一条、第五十二条）';
      if (context.statement?.factsDisputed)
        return '当事人对违法事实提出异议，违法事实尚不确凿，不能当场作出行政处罚决定；应当依照普通程序立案调查（《行政处罚法》第五十一条："违法事实确凿并有法定依据"；第五十四条）';
      const penalty = summaryPenaltyProblem(context.partyType, event);
      if (penalty) return penalty;
      if (event.violationId !== notice.violationId)
        return '决定认定的违法行为与告知的不一致，须重新告知当事人（《行政处罚法》第四十四条）';
      const heavier =
        (notice.penaltyType === 'warning' && event.penaltyType === 'fine') ||
        (event.penaltyType === notice.penaltyType && event.amount > notice.amount);
      if (heavier)
        return '不得因当事人陈述、申辩而给予更重的处罚；决定重于告知的处罚，须重新告知（《行政处罚法》第四十五条第二款）';
      if (event.correctionDeadline < event.date)
        return '责令改正的期限不能早于决定日期（《行政处罚法》第二十八条第一款）';
      return collectionProblem(context, event);
    }
    case 'officer.deliver':
      if (context.decision && event.date !== context.decision.date)
        return '当场作出的行政处罚决定书应当当场交付当事人（《行政处罚法》第五十二条第一款、第六十一条第一款）';
      if (event.recipient.trim() === '') return '须写明签收决定书的当事人（或其在场的负责人）';
      return null;
    case 'officer.file': {
      const decision = context.decision;
      if (decision && event.date < decision.date) return '备案日期不能早于决定日期';
      const collected = decision?.penaltyType === 'fine' && decision.paymentMethod === 'onSpot';
      if (!collected) return event.fineHandedOverOn ? '罚款未当场收缴，不能填写交至行政机关的日期' : null;
      if (!event.fineHandedOverOn)
        return `当场收缴的罚款，应当自收缴之日起${LEGAL.onSpotFineHandoverPeriod.value}日内交至行政机关，备案时须写明交款日期（${LEGAL.onSpotFineHandoverPeriod.source}）`;
      if (event.fineHandedOverOn < decision.date) return '罚款交至行政机关的日期不能早于收缴日期';
      if (event.fineHandedOverOn > handoverDueBy(decision.date))
        return `当场收缴的罚款应当于${handoverDueBy(decision.date)}前交至行政机关（${LEGAL.onSpotFineHandoverPeriod.source}）`;
      return null;
    }
    case 'officer.referToGeneral':
      if (context.onSite && event.date < context.onSite.date) return '转为普通程序的日期不能早于现场检查日期';
      if (event.summary.trim() === '') return '须写明转为普通程序的情况说明（需要调查核实的事项）';
      return null;
  }
}

const withDocument = (context: SummaryContext, type: SummaryDocumentType, date: string) =>
  withIssuedDocument(SUMMARY_DOCUMENTS, context, type, date);

// Until the decision the officer may still show credentials late (judged) or switch to the general procedure.
const untilDecided = {
  'officer.showCredentials': [{ guard: 'isFirstShowing', actions: 'showCredentials' }, { actions: 'refuse' }],
  'officer.referToGeneral': [
    { guard: 'isReferralExplained', target: 'referredToGeneralProcedure', actions: 'referToGeneral' },
    { actions: 'refuse' },
  ],
} as const;

/** The transitions several stages share, each written once and spread into the stages' `on`. */
const shared = {
  decideOnSpot: {
    'officer.decideOnSpot': [
      { guard: 'isSummaryLawful', target: 'decided', actions: 'decideOnSpot' },
      { actions: 'refuse' },
    ],
  },
} as const;

const accepts = ({ context, event }: { context: SummaryContext; event: SummaryEvent }) =>
  summaryProblem(context, event) === null;

export const summaryMachine = setup({
  types: {
    context: {} as SummaryContext,
    events: {} as SummaryEvent,
    input: {} as SummaryInput,
  },
  guards: {
    hasTwoQualifiedOfficers: accepts,
    isFirstShowing: accepts,
    isNoticeLawful: accepts,
    isStatementRecorded: accepts,
    isSummaryLawful: accepts,
    isDeliveredOnTheSpot: accepts,
    isFilingComplete: accepts,
    isReferralExplained: accepts,
  },
  actions: {
    refuse: assign({
      refusal: ({ context, event }) => ({
        eventType: event.type,
        reason: summaryProblem(context, event) ?? '当前阶段不能办理该事项',
      }),
    }),
    recordOnSite: assign(({ context, event }) => {
      const e = event as EventOf<'officer.recordOnSite'>;
      return {
        ...withDocument(context, 'summaryOnSiteNote', e.date),
        onSite: {
          date: e.date,
          time: e.time,
          place: e.place,
          officerIds: [...new Set(e.officerIds)],
          credentialsShown: e.credentialsShown,
          facts: e.facts,
        },
      };
    }),
    showCredentials: assign(({ event }) => ({
      lateCredentials: { date: (event as EventOf<'officer.showCredentials'>).date },
    })),
    notify: assign(({ event }) => {
      const e = event as EventOf<'officer.notify'>;
      return {
        notice: {
          date: e.date,
          violationId: e.violationId,
          penaltyType: e.penaltyType,
          amount: e.penaltyType === 'fine' ? e.amount : 0,
          factsStated: e.factsStated,
          rightsStated: e.rightsStated,
        },
      };
    }),
    recordStatement: assign(({ context, event }) => {
      const e = event as EventOf<'officer.recordStatement'>;
      return {
        ...withDocument(context, 'summaryStatementRecord', e.date),
        statement: { date: e.date, summary: e.summary, factsDisputed: e.factsDisputed },
      };
    }),
    decideOnSpot: assign(({ context, event }) => {
      const e = event as EventOf<'officer.decideOnSpot'>;
      const fine = e.penaltyType === 'fine';
      return {
        ...withDocument(context, 'summaryDecision', e.date),
        decision: {
          date: e.date,
          violationId: e.violationId,
          penaltyType: e.penaltyType,
          amount: fine ? e.amount : 0,
          correctionDeadline: e.correctionDeadline,
          paymentMethod: fine ? e.paymentMethod : 'bank',
          onSpotGround: fine && e.paymentMethod === 'onSpot' ? e.onSpotGround : null,
          paymentDays: e.paymentDays,
          reconsiderationDays: e.reconsiderationDays,
          litigationMonths: e.litigationMonths,
        },
      };
    }),
    deliver: assign(({ event }) => {
      const e = event as EventOf<'officer.deliver'>;
      return { delivery: { date: e.date, recipient: e.recipient, signature: e.signature } };
    }),
    file: assign(({ context, event }) => {
      const e = event as EventOf<'officer.file'>;
      return {
        ...withDocument(context, 'summaryFiling', e.date),
        filing: { date: e.date, fineHandedOverOn: e.fineHandedOverOn },
      };
    }),
    referToGeneral: assign(({ context, event }) => {
      const e = event as EventOf<'officer.referToGeneral'>;
      return {
        ...withDocument(context, 'summaryReferral', e.date),
        referral: { date: e.date, reason: e.reason, summary: e.summary },
      };
    }),
  },
}).createMachine({
  id: 'summary',
  context: ({ input }) => ({
    authority: input.authority,
    counters: input.counters,
    partyType: input.partyType,
    remoteArea: input.remoteArea,
    officers: input.officers,
    documents: [],
    onSite: null,
    lateCredentials: null,
    notice: null,
    statement: null,
    decision: null,
    delivery: null,
    filing: null,
    referral: null,
    refusal: null,
  }),
  initial: 'arriving',
  states: {
    arriving: {
      description: '到达现场',
      on: {
        'officer.recordOnSite': [
          { guard: 'hasTwoQualifiedOfficers', target: 'found', actions: 'recordOnSite' },
          { actions: 'refuse' },
        ],
      },
    },
    found: {
      description: '已查明现场事实',
      on: {
        ...untilDecided,
        'officer.notify': [{ guard: 'isNoticeLawful', target: 'notified', actions: 'notify' }, { actions: 'refuse' }],
      },
    },
    notified: {
      description: '已告知（听取陈述申辩）',
      on: {
        ...untilDecided,
        'officer.recordStatement': [
          { guard: 'isStatementRecorded', target: 'heard', actions: 'recordStatement' },
          { actions: 'refuse' },
        ],
        ...shared.decideOnSpot,
      },
    },
    heard: {
      description: '已听取陈述申辩',
      on: {
        ...untilDecided,
        ...shared.decideOnSpot,
      },
    },
    decided: {
      description: '已当场作出处罚决定',
      on: {
        'officer.deliver': [
          { guard: 'isDeliveredOnTheSpot', target: 'delivered', actions: 'deliver' },
          { actions: 'refuse' },
        ],
      },
    },
    delivered: {
      description: '决定书已当场交付',
      on: {
        'officer.file': [{ guard: 'isFilingComplete', target: 'filed', actions: 'file' }, { actions: 'refuse' }],
      },
    },
    filed: { description: '已报所属行政机关备案', type: 'final' },
    referredToGeneralProcedure: { description: '已转为普通程序（立案调查）', type: 'final' },
  },
});
