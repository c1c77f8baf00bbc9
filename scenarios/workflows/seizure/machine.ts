/**
 * 查封、扣押 (《安全生产法》第六十五条第一款第（四）项; 《行政强制法》第十八条至第二十八条): the head approves
 * (or, in an emergency, approves within 24 hours afterwards) → on-site enforcement by two officers who show
 * their credentials, with a 现场笔录 → 查封（扣押）决定书 and 清单 delivered on the spot → optionally one
 * extension before the period ends → within the period a 处理决定 (没收) or a 解除. Every unlawful event is
 * refused by `seizureProblem`, which names the provision; time enters only as dates in the events.
 */
import { and, assign, setup } from 'xstate';
import { z } from '../../lib/form';
import { dateSchema, idSchema, instantSchema, localDateTimeSchema, shortText, type Refusal } from '../common';
import { withIssuedDocument, type DocumentCounters } from '../../law/document-numbers';
import { LEGAL } from '../../law/legal-constants';
import { addDays, daysBetween } from '../../law/working-days';
import { SEIZURE_DOCUMENTS, type SeizureDocument, type SeizureDocumentType } from './document-types';

/**
 * What an item on site is in law. Only the first two may be seized (第65条第1款第（四）项); an ordinary
 * hazard is ordered removed (第（三）项), not seized.
 */
export const CATEGORIES = ['substandard', 'illegalGoods', 'hazard', 'ok'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  substandard: '有根据认为不符合保障安全生产的国家标准或者行业标准的设施、设备、器材',
  illegalGoods: '违法生产、储存、使用、经营、运输的危险物品',
  hazard: '一般事故隐患（责令立即排除或者限期整改，不予查封扣押）',
  ok: '符合要求',
};
export const SEIZABLE: readonly Category[] = ['substandard', 'illegalGoods'];

export const OUTCOMES = ['confiscate', 'release'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  confiscate: '依法没收（违法事实清楚，依法应当没收的非法财物）',
  release: '解除查封（扣押）',
};

/** The provisions the refusals and documents cite. */
export const SEIZURE_LAW = {
  power: '《安全生产法》第六十五条第一款第（四）项',
  hazardPower: '《安全生产法》第六十五条第一款第（三）项',
  procedure: '《行政强制法》第十八条',
  emergency: '《行政强制法》第十九条',
  decision: '《行政强制法》第二十四条',
  period: '《行政强制法》第二十五条',
  custody: '《行政强制法》第二十六条',
  outcome: '《行政强制法》第二十七条',
  release: '《行政强制法》第二十八条',
} as const;

export const seizureEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('officer.approveSeizure'),
    at: instantSchema,
    approvedAt: localDateTimeSchema,
    approvedBy: idSchema,
    report: shortText(2000),
  }),
  z.object({
    type: z.literal('officer.recordEnforcement'),
    at: instantSchema,
    startedAt: localDateTimeSchema,
    endedAt: localDateTimeSchema,
    officerIds: z.array(idSchema).max(10),
    certificatesShown: z.boolean(),
    emergency: z.boolean(),
    partyPresent: z.boolean(),
    witness: shortText(40),
    rightsTold: z.boolean(),
    statement: shortText(2000),
    signature: z.enum(['signed', 'refused']),
    findings: z.array(z.object({ itemId: idSchema, category: z.enum(CATEGORIES) })).max(50),
  }),
  z.object({
    type: z.literal('officer.issueSeizureDecision'),
    at: instantSchema,
    date: dateSchema,
    items: z.array(z.object({ itemId: idSchema, quantity: z.number().int().min(0).max(1_000_000) })).max(50),
    periodStart: dateSchema,
    periodEnd: dateSchema,
  }),
  z.object({
    type: z.literal('officer.extendSeizure'),
    at: instantSchema,
    date: dateSchema,
    approvedBy: idSchema,
    days: z.number().int().min(0).max(365),
    reason: shortText(2000),
    partyNotified: z.boolean(),
  }),
  z.object({
    type: z.literal('officer.decideOutcome'),
    at: instantSchema,
    date: dateSchema,
    outcome: z.enum(OUTCOMES),
    reason: shortText(2000),
  }),
]);
export type SeizureEvent = z.infer<typeof seizureEventSchema>;
type EventOf<T extends SeizureEvent['type']> = Extract<SeizureEvent, { type: T }>;

export interface SeizureInput {
  authority: string;
  counters: DocumentCounters;
  /** Id of the authority's head (负责人), who approves the measure and its extension. */
  headId: string;
  siteItemIds: string[];
  /** How refusals name the items, by id. */
  itemLabels: Record<string, string>;
}

export interface SeizureContext {
  authority: string;
  counters: DocumentCounters;
  headId: string;
  siteItemIds: string[];
  itemLabels: Record<string, string>;
  documents: SeizureDocument[];
  approval: { approvedAt: string; approvedBy: string; report: string; afterwards: boolean } | null;
  record: {
    startedAt: string;
    endedAt: string;
    officerIds: string[];
    emergency: boolean;
    partyPresent: boolean;
    witness: string;
    statement: string;
    signature: 'signed' | 'refused';
    findings: { itemId: string; category: Category }[];
  } | null;
  decision: {
    date: string;
    items: { itemId: string; quantity: number }[];
    periodStart: string;
    periodEnd: string;
  } | null;
  extension: {
    date: string;
    approvedBy: string;
    days: number;
    until: string;
    reason: string;
    partyNotified: boolean;
  } | null;
  outcome: { date: string; outcome: Outcome; reason: string } | null;
  refusal: Refusal | null;
}

const label = (c: SeizureContext, id: string) => c.itemLabels[id] ?? id;
const quoted = (c: SeizureContext, ids: string[]) => ids.map((id) => `"${label(c, id)}"`).join('、');

/** Milliseconds of a local date-time (YYYY-MM-DDTHH:mm), for comparing times of one day and the 24 hours. */
const localMs = (value: string) => Date.parse(`${value}:00Z`);

/** The last day of the seizure as it stands: the decision's period, or the extended one. */
export function seizureEnd(context: Pick<SeizureContext, 'decision' | 'extension'>): string | null {
  return context.extension?.until ?? context.decision?.periodEnd ?? null;
}

/** The latest end a period starting on `date` may have (第25条: at most 30 days, the start day not counted). */
export const latestPeriodEnd = (date: string) => addDays(date, LEGAL.seizureMaxDays.value);

const categoryOf = (c: SeizureContext, id: string) => c.record?.findings.find((f) => f.itemId === id)?.category;

/** Chinese reason why the event may not happen now, or null. The guards are these checks. */
export function seizureProblem(context: SeizureContext, event: SeizureEvent): string | null {
  switch (event.type) {
    case 'officer.approveSeizure': {
      if (context.approval) return '负责人已经批准';
      if (event.approvedBy !== context.headId)
        return `查封、扣押须在实施前向行政机关负责人报告并经负责人批准，执法人员不能自行批准（${SEIZURE_LAW.procedure}第（一）项）`;
      if (event.report.trim() === '')
        return `须写明报告负责人的事由：拟查封扣押的财物、理由和依据（${SEIZURE_LAW.procedure}第（一）项）`;
      const record = context.record;
      if (record) {
        // 补办: approval after an emergency measure, within 24 hours of it.
        if (event.approvedAt < record.startedAt) return '补办的批准时间不能早于当场实施的时间';
        const hours = (localMs(event.approvedAt) - localMs(record.startedAt)) / 3_600_000;
        if (hours > LEGAL.emergencyApprovalHours.value)
          return `情况紧急当场实施的，须在${LEGAL.emergencyApprovalHours.value}小时内向行政机关负责人报告并补办批准手续（${SEIZURE_LAW.emergency}）；已超过${LEGAL.emergencyApprovalHours.value}小时，负责人不批准的应当立即解除`;
      }
      return null;
    }
    case 'officer.recordEnforcement': {
      if (!context.approval && !event.emergency)
        return `实施查封、扣押前须向行政机关负责人报告并经批准（${SEIZURE_LAW.procedure}第（一）项）；只有情况紧急需要当场实施的，才可先实施、在24小时内补办批准手续（${SEIZURE_LAW.emergency}）`;
      if (context.approval && event.startedAt < context.approval.approvedAt)
        return `实施时间早于负责人批准时间：须经批准后实施（${SEIZURE_LAW.procedure}第（一）项）`;
      if (new Set(event.officerIds).size < LEGAL.minimumOfficers.value)
        return `查封、扣押须由两名以上行政执法人员实施（${SEIZURE_LAW.procedure}第（二）项）`;
      if (!event.certificatesShown) return `执法人员须出示执法身份证件（${SEIZURE_LAW.procedure}第（三）项）`;
      if (!event.partyPresent && event.witness.trim() === '')
        return `当事人不到场的，须邀请见证人到场，由见证人和执法人员在现场笔录上签名或者盖章（${SEIZURE_LAW.procedure}第（九）项）`;
      if (!event.rightsTold)
        return `须当场告知当事人采取查封、扣押的理由、依据以及当事人依法享有的权利、救济途径（${SEIZURE_LAW.procedure}第（五）项）`;
      if (event.statement.trim() === '')
        return `须听取当事人的陈述和申辩，并记入现场笔录（当事人无意见的，记明"无异议"）（${SEIZURE_LAW.procedure}第（六）项、第（七）项）`;
      if (event.endedAt <= event.startedAt)
        return `结束时间须晚于开始时间：现场笔录如实记载实施的时间（${SEIZURE_LAW.procedure}第（七）项）`;
      const seen = event.findings.map((f) => f.itemId);
      if (new Set(seen).size !== seen.length) return '现场物品重复';
      const missing = context.siteItemIds.filter((id) => !seen.includes(id));
      if (missing.length > 0) return `现场笔录须对每项现场情况作出认定：还有${quoted(context, missing)}没有认定`;
      const unknown = seen.find((id) => !context.siteItemIds.includes(id));
      if (unknown) return '所选物品不在现场，请刷新页面后从现场物品中选择';
      return null;
    }
    case 'officer.issueSeizureDecision': {
      const record = context.record!;
      const day = record.startedAt.slice(0, 10);
      if (event.date !== day && event.date !== record.endedAt.slice(0, 10))
        return `查封（扣押）决定书和清单须在实施时制作并当场交付（${SEIZURE_LAW.decision}第一款）：决定日期应为实施当日（${day}）`;
      if (event.items.length === 0)
        return `决定书须载明查封、扣押的场所、设施或者财物的名称、数量（${SEIZURE_LAW.decision}第二款第（三）项）`;
      const ids = event.items.map((i) => i.itemId);
      if (new Set(ids).size !== ids.length) return '查封扣押的财物重复';
      const unknown = ids.find((id) => !context.siteItemIds.includes(id));
      if (unknown) return '所选物品不在现场，请刷新页面后从现场物品中选择';
      const notSeizable = ids.filter((id) => !SEIZABLE.includes(categoryOf(context, id) ?? 'ok'));
      if (notSeizable.length > 0)
        return `${quoted(context, notSeizable)}在现场笔录中未认定为不符合国家标准或者行业标准的设施、设备、器材，或者违法生产、储存、使用、经营、运输的危险物品，不能查封、扣押：查封扣押限于${SEIZURE_LAW.power}规定的对象，且限于涉案财物（《行政强制法》第二十三条）；一般事故隐患应责令立即排除或者限期整改（${SEIZURE_LAW.hazardPower}）`;
      const unlisted = event.items.filter((i) => i.quantity <= 0).map((i) => i.itemId);
      if (unlisted.length > 0)
        return `查封（扣押）清单须逐项写明财物的名称、数量，${quoted(context, unlisted)}没有数量（${SEIZURE_LAW.decision}第二款第（三）项、第三款：清单一式二份，由当事人和行政机关分别保存）`;
      if (event.periodStart < day) return `查封扣押期限不能早于实施之日（${day}）起算`;
      if (event.periodEnd <= event.periodStart)
        return `期限届满日须晚于起算日：决定书须写明查封扣押的期限（${SEIZURE_LAW.decision}第二款第（二）项）`;
      const days = daysBetween(event.periodStart, event.periodEnd);
      if (days > LEGAL.seizureMaxDays.value)
        return `查封、扣押的期限不得超过${LEGAL.seizureMaxDays.value}日（${LEGAL.seizureMaxDays.source}），所填期限为${days}日；情况复杂的，可在期限届满前经负责人批准延长`;
      return null;
    }
    case 'officer.extendSeizure': {
      const end = seizureEnd(context)!;
      if (context.extension)
        return `查封扣押期限已经延长过一次；延长期限合计不得超过${LEGAL.seizureExtensionMaxDays.value}日（${LEGAL.seizureExtensionMaxDays.source}）`;
      if (context.outcome) return '已经作出处理决定，不能再延长';
      if (event.date < context.decision!.date) return '延长决定的日期不能早于查封（扣押）决定书';
      if (event.date > end)
        return `查封扣押期限已于${end}届满，不能再延长：期限届满的，应当及时作出解除查封、扣押的决定（${SEIZURE_LAW.release}第一款第（四）项）；延长须在期限届满前决定（${SEIZURE_LAW.period}）`;
      if (event.approvedBy !== context.headId)
        return `延长查封扣押期限须经行政机关负责人批准（${SEIZURE_LAW.period}第一款）`;
      if (event.days <= 0) return '须写明延长的天数';
      if (event.days > LEGAL.seizureExtensionMaxDays.value)
        return `延长期限不得超过${LEGAL.seizureExtensionMaxDays.value}日（${LEGAL.seizureExtensionMaxDays.source}），所填为${event.days}日`;
      if (event.reason.trim() === '')
        return `延长查封扣押须是情况复杂，并在书面告知中说明理由（${SEIZURE_LAW.period}第一款、第二款）`;
      return null;
    }
    case 'officer.decideOutcome': {
      const decision = context.decision!;
      const end = seizureEnd(context)!;
      // Without the head's approval a measure taken in an emergency can only be lifted (第十九条).
      if (!context.approval && event.outcome === 'confiscate')
        return `情况紧急当场实施的，须先向行政机关负责人报告并补办批准手续，才能作出处理决定；负责人认为不应当采取的，应当立即解除（${SEIZURE_LAW.emergency}）`;
      if (event.date < decision.date) return '处理决定的日期不能早于查封（扣押）决定书';
      if (event.reason.trim() === '') return `须写明处理决定（或解除）的事实和理由（${SEIZURE_LAW.outcome}）`;
      if (event.outcome === 'confiscate') {
        const lawful = decision.items
          .filter((i) => categoryOf(context, i.itemId) === 'illegalGoods')
          .map((i) => i.itemId);
        const other = decision.items.map((i) => i.itemId).filter((id) => !lawful.includes(id));
        if (other.length > 0)
          return `只有违法事实清楚、依法应当没收的非法财物才能没收（${SEIZURE_LAW.outcome}）：${quoted(context, other)}是不符合标准的设施、设备、器材，安全生产法律没有规定没收，整改或者不再需要查封扣押的应当解除（${SEIZURE_LAW.release}）`;
        if (event.date > end)
          return `处理决定须在查封扣押期限（至${end}）内作出（${SEIZURE_LAW.outcome}、${SEIZURE_LAW.period}）；期限已经届满的，应当解除查封、扣押（${SEIZURE_LAW.release}第一款第（四）项）`;
      }
      return null;
    }
  }
}

const withDocument = (context: SeizureContext, type: SeizureDocumentType, date: string) =>
  withIssuedDocument(SEIZURE_DOCUMENTS, context, type, date);

const accepts = ({ context, event }: { context: SeizureContext; event: SeizureEvent }) =>
  seizureProblem(context, event) === null;

/** The transitions several stages share, each written once and spread into the stages' `on`. */
const shared = {
  recordEnforcement: {
    'officer.recordEnforcement': [
      { guard: 'isEnforcedLawfully', target: 'recorded', actions: 'recordEnforcement' },
      { actions: 'refuse' },
    ],
  },
} as const;

export const seizureMachine = setup({
  types: {
    context: {} as SeizureContext,
    events: {} as SeizureEvent,
    input: {} as SeizureInput,
  },
  guards: {
    isApprovedByHead: accepts,
    isEnforcedLawfully: accepts,
    isDecisionLawful: accepts,
    isExtensionLawful: accepts,
    isOutcomeLawful: accepts,
    isConfiscation: ({ event }) => event.type === 'officer.decideOutcome' && event.outcome === 'confiscate',
  },
  actions: {
    refuse: assign({
      refusal: ({ context, event }) => ({
        eventType: event.type,
        reason: seizureProblem(context, event) ?? '当前阶段不能办理该事项',
      }),
    }),
    approve: assign(({ context, event }) => {
      const e = event as EventOf<'officer.approveSeizure'>;
      return {
        approval: {
          approvedAt: e.approvedAt,
          approvedBy: e.approvedBy,
          report: e.report,
          afterwards: context.record !== null,
        },
      };
    }),
    recordEnforcement: assign(({ context, event }) => {
      const e = event as EventOf<'officer.recordEnforcement'>;
      return {
        ...withDocument(context, 'seizureRecord', e.startedAt.slice(0, 10)),
        record: {
          startedAt: e.startedAt,
          endedAt: e.endedAt,
          officerIds: e.officerIds,
          // An approved measure is not an emergency one, whatever the form said.
          emergency: e.emergency && context.approval === null,
          partyPresent: e.partyPresent,
          witness: e.partyPresent ? '' : e.witness,
          statement: e.statement,
          signature: e.signature,
          findings: e.findings,
        },
      };
    }),
    issueDecision: assign(({ context, event }) => {
      const e = event as EventOf<'officer.issueSeizureDecision'>;
      const decided = withDocument(context, 'seizureDecision', e.date);
      return {
        ...withDocument({ ...context, ...decided }, 'seizureList', e.date),
        decision: { date: e.date, items: e.items, periodStart: e.periodStart, periodEnd: e.periodEnd },
      };
    }),
    extend: assign(({ context, event }) => {
      const e = event as EventOf<'officer.extendSeizure'>;
      return {
        ...withDocument(context, 'seizureExtension', e.date),
        extension: {
          date: e.date,
          approvedBy: e.approvedBy,
          days: e.days,
          until: addDays(seizureEnd(context)!, e.days),
          reason: e.reason,
          partyNotified: e.partyNotified,
        },
      };
    }),
    decideOutcome: assign(({ context, event }) => {
      const e = event as EventOf<'officer.decideOutcome'>;
      return {
        ...withDocument(context, e.outcome === 'confiscate' ? 'seizureDisposal' : 'seizureRelease', e.date),
        outcome: { date: e.date, outcome: e.outcome, reason: e.reason },
      };
    }),
  },
}).createMachine({
  id: 'seizure',
  context: ({ input }) => ({
    authority: input.authority,
    counters: input.counters,
    headId: input.headId,
    siteItemIds: input.siteItemIds,
    itemLabels: input.itemLabels,
    documents: [],
    approval: null,
    record: null,
    decision: null,
    extension: null,
    outcome: null,
    refusal: null,
  }),
  initial: 'approval',
  states: {
    approval: {
      description: '报请负责人批准',
      on: {
        'officer.approveSeizure': [
          { guard: 'isApprovedByHead', target: 'approved', actions: 'approve' },
          { actions: 'refuse' },
        ],
        // 《行政强制法》第十九条: in an emergency the measure comes first and the approval within 24 hours.
        ...shared.recordEnforcement,
      },
    },
    approved: {
      description: '已批准，待现场实施',
      on: {
        ...shared.recordEnforcement,
      },
    },
    recorded: {
      description: '已现场实施（现场笔录），待交付决定书和清单',
      on: {
        'officer.issueSeizureDecision': [
          { guard: 'isDecisionLawful', target: 'seized', actions: 'issueDecision' },
          { actions: 'refuse' },
        ],
        'officer.approveSeizure': [{ guard: 'isApprovedByHead', actions: 'approve' }, { actions: 'refuse' }],
      },
    },
    seized: {
      description: '查封扣押期间',
      on: {
        'officer.approveSeizure': [{ guard: 'isApprovedByHead', actions: 'approve' }, { actions: 'refuse' }],
        'officer.extendSeizure': [{ guard: 'isExtensionLawful', actions: 'extend' }, { actions: 'refuse' }],
        'officer.decideOutcome': [
          {
            guard: and(['isOutcomeLawful', 'isConfiscation']),
            target: 'confiscated',
            actions: 'decideOutcome',
          },
          { guard: 'isOutcomeLawful', target: 'released', actions: 'decideOutcome' },
          { actions: 'refuse' },
        ],
      },
    },
    confiscated: { description: '已作出没收处理决定', type: 'final' },
    released: { description: '已解除查封扣押', type: 'final' },
  },
});
