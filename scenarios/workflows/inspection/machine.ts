/**
 * 执法检查: plan → on-site inspection (≥2 officers, certificates shown) → findings → 现场检查记录 →
 * 现场处理措施决定书 (optional, before the order) → 责令限期整改指令书 → 复查 and 整改复查意见书 →
 * closed, or referred to a case. Documents can only be issued where the law allows them; every other
 * event is refused with a reason (recorded in `refusal`, which the engine turns into a rejection).
 */
import { and, assign, setup } from 'xstate';
import { z } from '../../lib/form';
import { dateSchema, idSchema, instantSchema, localDateTimeSchema, shortText, type Refusal } from '../common';
import { withIssuedDocument, type DocumentCounters } from '../../law/document-numbers';
import { INSPECTION_DOCUMENTS, type InspectionDocument, type InspectionDocumentType } from './document-types';
import { LEGAL } from '../../law/legal-constants';
import { addDays, addLegalDays, addMonths } from '../../law/working-days';
import { findStandardItem, STANDARDS, type StandardId } from '../../lib/hazard-standard';

export const VERDICTS = ['ok', 'general', 'major'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const MEASURES = ['withdrawWorkers', 'suspendProduction', 'stopEquipment'] as const;
export type Measure = (typeof MEASURES)[number];
export const MEASURE_LABELS: Record<Measure, string> = {
  withdrawWorkers: '从危险区域内撤出作业人员',
  suspendProduction: '责令暂时停产停业',
  stopEquipment: '停止使用相关设施、设备',
};

/** 安全生产法 第65条第1款: (二) violations are corrected on the spot or within a deadline; (三) hazards are removed. */
export const ON_SITE_POWERS = {
  violation: '《安全生产法》第六十五条第一款第（二）项',
  hazard: '《安全生产法》第六十五条第一款第（三）项',
} as const;
const RECORD_ARTICLE = '《安全生产法》第六十八条';

const findingSchema = z.object({
  itemId: idSchema,
  verdict: z.enum(VERDICTS),
  clause: idSchema.nullable(),
});
export type Finding = z.infer<typeof findingSchema>;

export const inspectionEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('officer.createPlan'),
    at: instantSchema,
    plannedOn: dateSchema,
    itemIds: z.array(idSchema).max(50),
  }),
  z.object({
    type: z.literal('officer.startInspection'),
    at: instantSchema,
    startedOn: dateSchema,
    officerIds: z.array(idSchema).max(10),
    certificatesShown: z.boolean(),
  }),
  z.object({ type: z.literal('officer.recordFindings'), at: instantSchema, findings: z.array(findingSchema).max(50) }),
  z.object({
    type: z.literal('officer.issueOnSiteRecord'),
    at: instantSchema,
    date: dateSchema,
    startedAt: localDateTimeSchema,
    endedAt: localDateTimeSchema,
    summary: shortText(2000),
    signature: z.enum(['signed', 'refused']),
    refusalReported: z.boolean(),
  }),
  z.object({
    type: z.literal('officer.issueOnSiteMeasures'),
    at: instantSchema,
    date: dateSchema,
    itemIds: z.array(idSchema).max(50),
    measures: z.array(z.enum(MEASURES)).max(3),
    /** Last day of the measure; it is lifted earlier once the hazard is removed and the removal approved. */
    until: dateSchema,
  }),
  z.object({
    type: z.literal('officer.issueRectificationOrder'),
    at: instantSchema,
    date: dateSchema,
    itemIds: z.array(idSchema).max(50),
    deadline: dateSchema,
  }),
  z.object({ type: z.literal('officer.closeInspection'), at: instantSchema, date: dateSchema }),
  z.object({
    type: z.literal('officer.issueRecheckOpinion'),
    at: instantSchema,
    date: dateSchema,
    rectifiedItemIds: z.array(idSchema).max(50),
  }),
]);
export type InspectionEvent = z.infer<typeof inspectionEventSchema>;
type EventOf<T extends InspectionEvent['type']> = Extract<InspectionEvent, { type: T }>;

export interface InspectionInput {
  authority: string;
  counters: DocumentCounters;
  /** Checklist items on site; findings must cover exactly the planned ones. */
  siteItemIds: string[];
  /** How refusals name the items (the site area), by id. */
  itemLabels?: Record<string, string>;
  /** The 重大事故隐患 standard the enterprise is judged under; the 2023 工贸 standard unless stated. */
  standard?: StandardId;
}

export interface InspectionContext {
  authority: string;
  counters: DocumentCounters;
  documents: InspectionDocument[];
  siteItemIds: string[];
  itemLabels: Record<string, string>;
  standard: StandardId;
  plan: { plannedOn: string; itemIds: string[] } | null;
  inspection: { startedOn: string; officerIds: string[] } | null;
  findings: Finding[];
  onSiteRecord: {
    date: string;
    startedAt: string;
    endedAt: string;
    summary: string;
    signature: 'signed' | 'refused';
    refusalReported: boolean;
  } | null;
  measures: { date: string; itemIds: string[]; measures: Measure[]; until: string } | null;
  order: { date: string; itemIds: string[]; deadline: string } | null;
  recheck: { date: string; rectifiedItemIds: string[] } | null;
  closedOn: string | null;
  refusal: Refusal | null;
}

export const hazardIds = (context: InspectionContext) =>
  context.findings.filter((f) => f.verdict !== 'ok').map((f) => f.itemId);
export const majorHazardIds = (context: InspectionContext) =>
  context.findings.filter((f) => f.verdict === 'major').map((f) => f.itemId);
const label = (context: InspectionContext, id: string) => context.itemLabels[id] ?? id;
/** Items as a refusal names them: their Chinese labels, never the internal ids. */
const quoted = (context: InspectionContext, ids: string[]) => ids.map((id) => `"${label(context, id)}"`).join('、');

/** Why the inspection's end time cannot be after its start time as entered (the form checks it too). */
export function timeOrderProblem(startedAt: string, endedAt: string): string | null {
  if (endedAt <= startedAt) return `检查结束时间须晚于开始时间：现场检查记录须如实记载检查的时间（${RECORD_ARTICLE}）`;
  return null;
}

/** The last day a 现场处理措施 decided on `date` may run to. */
export function onSiteMeasureLatestEnd(date: string): string {
  return addMonths(date, LEGAL.onSiteMeasureMaxMonths.value);
}

/** Chinese reason why the event may not happen now, or null. The guards are these checks. */
export function inspectionProblem(context: InspectionContext, event: InspectionEvent): string | null {
  switch (event.type) {
    case 'officer.createPlan': {
      if (event.itemIds.length === 0) return '检查计划须至少包含一个检查项目';
      const unknown = event.itemIds.find((id) => !context.siteItemIds.includes(id));
      if (unknown) return '所选检查项目不在本次检查的检查清单中，请刷新页面后从清单中选择';
      if (new Set(event.itemIds).size !== event.itemIds.length) return '检查项目重复';
      // A plan revised once the team is on site cannot be dated after the day the inspection began.
      if (context.inspection && event.plannedOn > context.inspection.startedOn)
        return `现场检查已于${context.inspection.startedOn}开始，修改后的检查计划日期不能晚于该日`;
      return null;
    }
    case 'officer.startInspection': {
      const officers = new Set(event.officerIds);
      if (officers.size < LEGAL.minimumOfficers.value)
        return `现场检查须有${LEGAL.minimumOfficers.value}名以上执法人员（${LEGAL.minimumOfficers.source}）`;
      if (!event.certificatesShown) return `执法人员须主动出示执法证件（${LEGAL.minimumOfficers.source}）`;
      if (context.plan && event.startedOn < context.plan.plannedOn) return '检查日期不能早于计划日期';
      return null;
    }
    case 'officer.recordFindings': {
      const planned = context.plan?.itemIds ?? [];
      const seen = event.findings.map((f) => f.itemId);
      if (new Set(seen).size !== seen.length) return '检查项目重复';
      const missing = planned.filter((id) => !seen.includes(id));
      if (missing.length > 0)
        return `还有${missing.length}个计划检查项目没有检查结论：${quoted(context, missing)}。检查计划中的每个项目都须作出检查结论`;
      const extra = seen.filter((id) => !planned.includes(id));
      if (extra.length > 0)
        return `${quoted(context, extra)}不在检查计划中。请先修改检查计划，加入${quoted(context, extra)}，再录入检查结论（现场检查尚未记录前，检查计划可以修改）`;
      const noClause = event.findings.find((f) => f.verdict === 'major' && !f.clause);
      if (noClause) return `判定为重大事故隐患的，须选择${STANDARDS[context.standard].title}的具体条款`;
      for (const finding of event.findings) {
        const problem = finding.verdict === 'major' && finding.clause ? clauseProblem(context, finding.clause) : null;
        if (problem) return `${label(context, finding.itemId)}：${problem}`;
      }
      return null;
    }
    case 'officer.issueOnSiteRecord': {
      if (context.inspection && event.date < context.inspection.startedOn) return '现场检查记录日期不能早于检查日期';
      if (event.summary.trim().length === 0) return '现场检查记录须写明检查情况';
      const startedOn = context.inspection?.startedOn;
      if (startedOn && event.startedAt.slice(0, 10) !== startedOn)
        return `检查开始时间须在检查日期（${startedOn}）当日：现场检查记录记载的是本次检查的时间（${RECORD_ARTICLE}）`;
      const order = timeOrderProblem(event.startedAt, event.endedAt);
      if (order) return order;
      if (event.date < event.endedAt.slice(0, 10))
        return `现场检查记录日期不能早于检查结束时间：记录在检查结束后制作（${RECORD_ARTICLE}）`;
      return null;
    }
    case 'officer.issueOnSiteMeasures': {
      if (context.measures) return '现场处理措施决定书已经开具';
      // 第65条第1款第(三)项: these measures are for 重大事故隐患 only; ordinary hazards are removed at once or by a deadline.
      const majors = majorHazardIds(context);
      const onlyMajor = `${ON_SITE_POWERS.hazard}规定，撤出作业人员、暂时停产停业、停止使用相关设施设备只适用于重大事故隐患排除前或者排除过程中无法保证安全的情形；一般事故隐患应责令立即排除或者限期整改`;
      if (majors.length === 0) return `检查结论中没有认定重大事故隐患，不能开具现场处理措施决定书：${onlyMajor}`;
      if (event.itemIds.length === 0) return `现场处理措施决定书须列明针对的重大事故隐患（${ON_SITE_POWERS.hazard}）`;
      const notMajor = event.itemIds.filter((id) => !majors.includes(id));
      if (notMajor.length > 0)
        return `${notMajor.map((id) => `"${label(context, id)}"`).join('、')}未认定为重大事故隐患，不能对其采取现场处理措施：${onlyMajor}`;
      if (event.measures.length === 0) return `现场处理措施决定书须写明处理措施（${ON_SITE_POWERS.hazard}）`;
      if (context.onSiteRecord && event.date < context.onSiteRecord.date)
        return `现场处理措施决定书日期不能早于现场检查记录：措施针对检查记录载明的问题（${RECORD_ARTICLE}）`;
      if (event.until <= event.date)
        return `措施期限须晚于决定日期：决定书须写明措施执行到何时（${ON_SITE_POWERS.hazard}）`;
      if (event.until > onSiteMeasureLatestEnd(event.date))
        return `措施期限不能超过决定之日起${LEGAL.onSiteMeasureMaxMonths.value}个月（${LEGAL.onSiteMeasureMaxMonths.source}）`;
      return null;
    }
    case 'officer.issueRectificationOrder': {
      const hazards = hazardIds(context);
      const powers = `${ON_SITE_POWERS.violation}、第（三）项`;
      if (hazards.length === 0) return `检查结论中没有违法行为或事故隐患，不能开具责令限期整改指令书（${powers}）`;
      if (event.itemIds.length === 0) return `责令限期整改指令书须列明整改的问题（${powers}）`;
      const unrecorded = event.itemIds.filter((id) => !hazards.includes(id));
      if (unrecorded.length > 0)
        return `${unrecorded.map((id) => `"${label(context, id)}"`).join('、')}在检查结论中不是隐患，不能责令整改：须先在检查结论中认定（${powers}）`;
      if (event.deadline <= event.date) return `整改期限须晚于指令书日期（${powers}：限期改正、限期整改）`;
      if (context.onSiteRecord && event.date < context.onSiteRecord.date)
        return `指令书日期不能早于现场检查记录：指令书针对检查记录载明的问题（${RECORD_ARTICLE}）`;
      return null;
    }
    case 'officer.closeInspection': {
      if (hazardIds(context).length > 0)
        return `已认定事故隐患，须开具责令限期整改指令书，不能直接结束检查（${ON_SITE_POWERS.violation}、第（三）项）`;
      return null;
    }
    case 'officer.issueRecheckOpinion': {
      const order = context.order;
      if (!order) return `没有责令限期整改指令书，不能复查：复查针对指令书所列问题（${LEGAL.recheckPeriod.source}）`;
      // No 整改复查意见书 dated on or before the deadline: the enterprise has until then to rectify.
      if (event.date <= order.deadline)
        return `复查须在整改期限届满后进行：指令书责令于${order.deadline}前整改完毕，复查日期应晚于该日（${LEGAL.recheckPeriod.source}）`;
      if (event.rectifiedItemIds.some((id) => !order.itemIds.includes(id)))
        return `复查项目只能是指令书中的整改项目：复查针对指令书所列问题（${LEGAL.recheckPeriod.source}）`;
      return null;
    }
  }
}

const withDocument = (context: InspectionContext, type: InspectionDocumentType, date: string) =>
  withIssuedDocument(INSPECTION_DOCUMENTS, context, type, date);

const accepts = ({ context, event }: { context: InspectionContext; event: InspectionEvent }) =>
  inspectionProblem(context, event) === null;

export const inspectionMachine = setup({
  types: {
    context: {} as InspectionContext,
    events: {} as InspectionEvent,
    input: {} as InspectionInput,
  },
  guards: {
    isPlanValid: accepts,
    hasTeamWithCertificates: accepts,
    coversEveryPlannedItem: accepts,
    isRecordComplete: accepts,
    isMeasureForRecordedHazard: accepts,
    isOrderForRecordedHazards: accepts,
    hasNoHazards: accepts,
    isRecheckOfOrder: accepts,
    isEverythingRectified: ({ context, event }) =>
      event.type === 'officer.issueRecheckOpinion' &&
      (context.order?.itemIds ?? []).every((id) => event.rectifiedItemIds.includes(id)),
  },
  actions: {
    refuse: assign({
      refusal: ({ context, event }) => ({
        eventType: event.type,
        reason: inspectionProblem(context, event) ?? '当前阶段不能办理该事项',
      }),
    }),
    recordPlan: assign(({ event }) => {
      const e = event as EventOf<'officer.createPlan'>;
      return { plan: { plannedOn: e.plannedOn, itemIds: e.itemIds } };
    }),
    recordTeam: assign(({ event }) => {
      const e = event as EventOf<'officer.startInspection'>;
      return { inspection: { startedOn: e.startedOn, officerIds: e.officerIds } };
    }),
    recordFindings: assign(({ event }) => ({ findings: (event as EventOf<'officer.recordFindings'>).findings })),
    issueOnSiteRecord: assign(({ context, event }) => {
      const e = event as EventOf<'officer.issueOnSiteRecord'>;
      return {
        ...withDocument(context, 'onSiteRecord', e.date),
        onSiteRecord: {
          date: e.date,
          startedAt: e.startedAt,
          endedAt: e.endedAt,
          summary: e.summary,
          signature: e.signature,
          refusalReported: e.refusalReported,
        },
      };
    }),
    issueOnSiteMeasures: assign(({ context, event }) => {
      const e = event as EventOf<'officer.issueOnSiteMeasures'>;
      return {
        ...withDocument(context, 'onSiteMeasures', e.date),
        measures: { date: e.date, itemIds: e.itemIds, measures: e.measures, until: e.until },
      };
    }),
    issueRectificationOrder: assign(({ context, event }) => {
      const e = event as EventOf<'officer.issueRectificationOrder'>;
      return {
        ...withDocument(context, 'rectificationOrder', e.date),
        order: { date: e.date, itemIds: e.itemIds, deadline: e.deadline },
      };
    }),
    issueRecheckOpinion: assign(({ context, event }) => {
      const e = event as EventOf<'officer.issueRecheckOpinion'>;
      return {
        ...withDocument(context, 'recheckOpinion', e.date),
        recheck: { date: e.date, rectifiedItemIds: e.rectifiedItemIds },
        closedOn: e.date,
      };
    }),
    closeInspection: assign(({ event }) => ({ closedOn: (event as EventOf<'officer.closeInspection'>).date })),
  },
}).createMachine({
  id: 'inspection',
  context: ({ input }) => ({
    authority: input.authority,
    counters: input.counters,
    documents: [],
    siteItemIds: input.siteItemIds,
    itemLabels: input.itemLabels ?? {},
    standard: input.standard ?? 'gm2023',
    plan: null,
    inspection: null,
    findings: [],
    onSiteRecord: null,
    measures: null,
    order: null,
    recheck: null,
    closedOn: null,
    refusal: null,
  }),
  initial: 'planning',
  states: {
    planning: {
      description: '检查计划',
      on: {
        'officer.createPlan': [
          { guard: 'isPlanValid', target: 'planned', actions: 'recordPlan' },
          { actions: 'refuse' },
        ],
      },
    },
    planned: {
      description: '待现场检查',
      on: {
        // The 检查方案 is the authority's own working plan: a revised plan replaces the old one (see
        // docs/law.md, 执法检查) until the findings are recorded, the point from which the 现场检查记录
        // (《安全生产法》第六十八条) must match what was planned and inspected.
        'officer.createPlan': [{ guard: 'isPlanValid', actions: 'recordPlan' }, { actions: 'refuse' }],
        'officer.startInspection': [
          { guard: 'hasTeamWithCertificates', target: 'onSite', actions: 'recordTeam' },
          { actions: 'refuse' },
        ],
      },
    },
    onSite: {
      description: '现场检查中',
      on: {
        'officer.createPlan': [{ guard: 'isPlanValid', actions: 'recordPlan' }, { actions: 'refuse' }],
        'officer.recordFindings': [
          { guard: 'coversEveryPlannedItem', target: 'findingsRecorded', actions: 'recordFindings' },
          { actions: 'refuse' },
        ],
      },
    },
    findingsRecorded: {
      description: '已录入检查结论',
      on: {
        'officer.issueOnSiteRecord': [
          { guard: 'isRecordComplete', target: 'recorded', actions: 'issueOnSiteRecord' },
          { actions: 'refuse' },
        ],
      },
    },
    recorded: {
      description: '已制作现场检查记录',
      on: {
        'officer.issueOnSiteMeasures': [
          { guard: 'isMeasureForRecordedHazard', actions: 'issueOnSiteMeasures' },
          { actions: 'refuse' },
        ],
        'officer.issueRectificationOrder': [
          { guard: 'isOrderForRecordedHazards', target: 'rectifying', actions: 'issueRectificationOrder' },
          { actions: 'refuse' },
        ],
        'officer.closeInspection': [
          { guard: 'hasNoHazards', target: 'closedNoHazards', actions: 'closeInspection' },
          { actions: 'refuse' },
        ],
      },
    },
    rectifying: {
      description: '限期整改中',
      on: {
        'officer.issueRecheckOpinion': [
          {
            guard: and(['isRecheckOfOrder', 'isEverythingRectified']),
            target: 'closed',
            actions: 'issueRecheckOpinion',
          },
          { guard: 'isRecheckOfOrder', target: 'referredToCase', actions: 'issueRecheckOpinion' },
          { actions: 'refuse' },
        ],
      },
    },
    closedNoHazards: { description: '检查结束（未发现隐患）', type: 'final' },
    closed: { description: '整改完毕，检查闭环', type: 'final' },
    referredToCase: { description: '逾期未整改，移交立案', type: 'final' },
  },
});

/**
 * Why `clause` cannot ground a major hazard for this enterprise: it is not an item of the standard that
 * applies to it. The 2023 工贸 standard (第二条) covers 冶金、有色、建材、机械、轻工、纺织、烟草、商贸 and leaves
 * 危险化学品 to its own rules; the 2017 化工和危险化学品 standard covers only 化工和危险化学品生产经营单位.
 */
export function clauseProblem(context: Pick<InspectionContext, 'standard'>, clause: string): string | null {
  const item = findStandardItem(clause);
  const applies = STANDARDS[context.standard];
  if (!item) return `判定依据${clause}不是${applies.title}的条款`;
  if (item.standard === context.standard) return null;
  const chosen = STANDARDS[item.standard];
  const scope =
    item.standard === 'gm2023'
      ? `${chosen.title}第二条：本标准适用于判定冶金、有色、建材、机械、轻工、纺织、烟草、商贸等工贸企业重大事故隐患。工贸企业内涉及危险化学品、消防（火灾）、燃气、特种设备等方面的重大事故隐患判定另有规定的，适用其规定`
      : `${chosen.title}适用于${chosen.appliesTo}，被检查单位不属于此类单位`;
  return `被检查单位适用${applies.title}（${applies.number}），不能依据${item.citation}判定重大事故隐患（${scope}）`;
}

/**
 * The last date by which the 复查 should take place for an order: 7 days after the rectification
 * deadline; a period that ends on a holiday ends on the next working day (as for every calendar-day
 * period here, `addLegalDays`), so a 复查 on the first working day after a long holiday is in time.
 */
export function recheckDueBy(deadline: string): string {
  return addLegalDays(deadline, LEGAL.recheckPeriod.value);
}
