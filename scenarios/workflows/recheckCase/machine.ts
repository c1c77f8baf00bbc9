/**
 * 复查转立案 (安全生产法 第一百零二条): one continuous attempt from the inspection that ordered a hazard
 * removed to the 行政处罚决定书. The inspection (检查 → 现场检查记录 → 责令限期整改指令书) and the case
 * (立案 → 调查 → 告知 → 陈述申辩/听证 → 决定 → 送达) are the existing workflows: this machine keeps a
 * snapshot of each and moves it with the inspection's or the case's own machine (`transition`), so every
 * rule of those workflows (`inspectionProblem`, `caseProblem`) applies unchanged. What the chain adds is
 * what 第一百零二条 adds to a case: 停产停业整顿 and the fines on the directly responsible persons when the
 * unit 拒不执行, and the hand-over: a 复查 that finds a hazard not removed opens the case.
 *
 * 第一百零二条 (2021): 生产经营单位未采取措施消除事故隐患的，责令立即消除或者限期消除，处五万元以下的罚款；
 * 生产经营单位拒不执行的，责令停产停业整顿，对其直接负责的主管人员和其他直接责任人员处五万元以上十万元以下
 * 的罚款 (shared/domain-reference.md §4 [V:S1]).
 */
import { and, assign, initialTransition, setup, transition, type AnyStateMachine } from 'xstate';
import { z } from '../../lib/form';
import { idSchema, type Refusal } from '../common';
import type { IssuedDocument } from '../../law/document-numbers';
import { PENALTY_ARTICLES, personFineRangeProblem, type ArticleId, type TierId } from '../../law/penalties';
import { LEGAL } from '../../law/legal-constants';
import {
  inspectionEventSchema,
  inspectionMachine,
  inspectionProblem,
  type InspectionContext,
  type InspectionEvent,
  type InspectionInput,
} from '../inspection/machine';
import { inspectionPrerequisites } from '../inspection/prerequisites';
import {
  caseEventSchema,
  caseMachine,
  caseProblem,
  type CaseContext,
  type CaseEvent,
  type CaseInput,
} from '../case/machine';
import { casePrerequisites } from '../case/prerequisites';

/** The inspection's events before the 复查 (given as preset events) and the 复查 itself. */
export const INSPECTION_EVENT_TYPES = [
  'officer.createPlan',
  'officer.startInspection',
  'officer.recordFindings',
  'officer.issueOnSiteRecord',
  'officer.issueRectificationOrder',
  'officer.issueRecheckOpinion',
] as const;
/** The case's events up to the service of the decision. */
export const CASE_EVENT_TYPES = [
  'officer.fileCase',
  'officer.recordEvidence',
  'officer.issuePenaltyNotice',
  'officer.registerStatement',
  'officer.registerHearingRequest',
  'officer.scheduleHearing',
  'officer.recordHearing',
  'officer.issueDecision',
  'officer.serveDecision',
] as const;
type InspectionType = (typeof INSPECTION_EVENT_TYPES)[number];
type CaseType = (typeof CASE_EVENT_TYPES)[number];

const personFineSchema = z.object({ personId: idSchema, amount: z.number().int().min(0).max(100_000_000) });
export type PersonFine = z.infer<typeof personFineSchema>;

/** What 第一百零二条 adds to the notice and the decision: 停产停业整顿 and the persons' fines. */
const extras = { suspension: z.boolean(), personFines: z.array(personFineSchema).max(10) };
export interface Article102Measures {
  suspension: boolean;
  personFines: PersonFine[];
}

type Penalised = 'officer.issuePenaltyNotice' | 'officer.issueDecision';
export type RecheckCaseEvent =
  | Extract<InspectionEvent, { type: InspectionType }>
  | Extract<CaseEvent, { type: Exclude<CaseType, Penalised> }>
  | (Extract<CaseEvent, { type: Penalised }> & Article102Measures);
type EventOf<T extends RecheckCaseEvent['type']> = Extract<RecheckCaseEvent, { type: T }>;

// The option of each event type is the inspection's or the case's own schema (never a copy of it).
type Option = z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape>;
const optionOf = (union: { options: readonly unknown[] }, type: string): Option => {
  const option = (union.options as Option[]).find((o) => o.shape.type.value === type);
  if (!option) throw new RangeError(`没有事件${type}`);
  return option;
};
export const recheckCaseEventSchema = z.discriminatedUnion('type', [
  ...INSPECTION_EVENT_TYPES.map((t) => optionOf(inspectionEventSchema, t)),
  ...CASE_EVENT_TYPES.map((t) =>
    t === 'officer.issuePenaltyNotice' || t === 'officer.issueDecision'
      ? optionOf(caseEventSchema, t).extend(extras)
      : optionOf(caseEventSchema, t),
  ),
] as unknown as [Option, ...Option[]]) as unknown as z.ZodType<RecheckCaseEvent>;

/** A directly responsible person the case may fine (直接负责的主管人员或者其他直接责任人员). */
export interface ResponsiblePerson {
  id: string;
  name: string;
  /** 职务 (主要负责人, 安全管理负责人 …). */
  role: string;
  /** What 第一百零二条 calls the person. */
  capacity: '直接负责的主管人员' | '其他直接责任人员';
}

export interface RecheckCaseInput {
  inspection: InspectionInput;
  /** 行政机关负责人: approves 立案 (the case's input). */
  head: string;
  persons: ResponsiblePerson[];
}

/** A workflow's snapshot kept inside the chain: its state and context. */
interface Part<C> {
  state: string;
  context: C;
}

export interface RecheckCaseContext {
  inspection: Part<InspectionContext>;
  /** Opened by a 复查 that finds a hazard not removed. */
  case: Part<CaseContext> | null;
  head: string;
  persons: ResponsiblePerson[];
  notice: Article102Measures | null;
  decision: Article102Measures | null;
  /** Every document issued, the inspection's then the case's (what the engine lists as the attempt's). */
  documents: IssuedDocument[];
  refusal: Refusal | null;
}

const isInspectionEvent = (event: RecheckCaseEvent): event is EventOf<InspectionType> =>
  (INSPECTION_EVENT_TYPES as readonly string[]).includes(event.type);

/** The case's own event: the chain's notice and decision without what 第一百零二条 adds. */
export function caseEventOf(event: EventOf<CaseType>): CaseEvent {
  if (event.type === 'officer.issuePenaltyNotice' || event.type === 'officer.issueDecision') {
    const { suspension: _s, personFines: _p, ...base } = event;
    return base as CaseEvent;
  }
  return event as CaseEvent;
}

/** Moves a part with its workflow's machine; `handled` is false when its state takes no such event. */
function advance<C extends { refusal: Refusal | null }>(
  machine: AnyStateMachine,
  part: Part<C>,
  event: { type: string },
) {
  const snapshot = machine.resolveState({ value: part.state, context: { ...part.context, refusal: null } });
  if (!snapshot.can(event)) return { handled: false as const };
  const [next] = transition(machine, snapshot, event);
  return { handled: true as const, part: { state: String(next.value), context: next.context as C } };
}

const ART102 = PENALTY_ARTICLES.art102.citation;

/** What 第一百零二条 requires of the measures beside the unit's fine, or null. */
export function article102Problem(
  context: Pick<RecheckCaseContext, 'persons' | 'notice'>,
  event: { type: string; articleId: ArticleId; tierId: TierId } & Article102Measures,
): string | null {
  const article = PENALTY_ARTICLES[event.articleId];
  const uncorrected = article.tiers.find((t) => t.id === 'uncorrected');
  if (event.suspension && event.tierId !== 'uncorrected')
    return `责令停产停业整顿只适用于生产经营单位拒不执行（逾期未改正）的情形，首次责令改正时不能适用（${article.citation}）`;
  if (event.suspension && uncorrected?.suspension === false) return `${article.citation}没有责令停产停业整顿的规定`;
  const ids = event.personFines.map((p) => p.personId);
  if (new Set(ids).size !== ids.length) return '同一责任人员只能处一次罚款（《行政处罚法》第二十九条）';
  const unknown = ids.find((id) => !context.persons.some((p) => p.id === id));
  if (unknown) return `${unknown}不是本案查明的直接负责的主管人员或者其他直接责任人员`;
  if (event.personFines.length > 0 && event.tierId !== 'uncorrected')
    return `对直接负责的主管人员和其他直接责任人员处罚款，以生产经营单位拒不执行（逾期未改正）为前提（${article.citation}）`;
  for (const fine of event.personFines) {
    const range = personFineRangeProblem(event.articleId, fine.amount);
    if (range) return range;
  }
  const notice = context.notice;
  if (event.type === 'officer.issueDecision' && notice) {
    const heavier =
      '不得因当事人陈述、申辩而给予更重的处罚；决定重于告知的，须重新告知（《行政处罚法》第四十五条第二款）';
    if (event.suspension && !notice.suspension) return `告知书未告知责令停产停业整顿：${heavier}`;
    for (const fine of event.personFines) {
      const told = notice.personFines.find((p) => p.personId === fine.personId);
      if (!told || fine.amount > told.amount) return `对责任人员的罚款未经告知或高于告知的数额：${heavier}`;
    }
  }
  return null;
}

/** Chinese reason why the event may not happen now, or null: the inspection's or the case's rules, and 第一百零二条's. */
export function recheckCaseProblem(context: RecheckCaseContext, event: RecheckCaseEvent): string | null {
  if (isInspectionEvent(event)) {
    const problem = inspectionProblem(context.inspection.context, event);
    if (problem) return problem;
    if (!advance(inspectionMachine, context.inspection, event).handled)
      return inspectionPrerequisites[event.type]?.(context.inspection.state) ?? '当前阶段不能办理该事项';
    return null;
  }
  const part = context.case;
  if (!part)
    return `复查发现事故隐患逾期未消除的，才依照${ART102}立案查处：须先在整改期限届满后复查并开具整改复查意见书（${LEGAL.recheckPeriod.source}）`;
  if (event.type === 'officer.issuePenaltyNotice' || event.type === 'officer.issueDecision') {
    const measures = article102Problem(context, event);
    if (measures) return measures;
  }
  const own = caseEventOf(event);
  const problem = caseProblem(part.context, own);
  if (problem) return problem;
  if (!advance(caseMachine, part, own).handled)
    return casePrerequisites[own.type]?.(part.state) ?? '当前阶段不能办理该事项';
  return null;
}

const accepts = ({ context, event }: { context: RecheckCaseContext; event: RecheckCaseEvent }) =>
  recheckCaseProblem(context, event) === null;

export const recheckCaseMachine = setup({
  types: {
    context: {} as RecheckCaseContext,
    events: {} as RecheckCaseEvent,
    input: {} as RecheckCaseInput,
  },
  guards: {
    isInspectionStepLawful: accepts,
    isRecheckAfterDeadline: accepts,
    isEverythingRectified: ({ context, event }) => {
      if (!isInspectionEvent(event)) return false;
      const moved = advance(inspectionMachine, context.inspection, event);
      return moved.handled && moved.part.state === 'closed';
    },
    isCaseStepLawful: accepts,
  },
  actions: {
    refuse: assign({
      refusal: ({ context, event }) => ({
        eventType: event.type,
        reason: recheckCaseProblem(context, event) ?? '当前阶段不能办理该事项',
      }),
    }),
    advanceInspection: assign(({ context, event }) => {
      const moved = advance(inspectionMachine, context.inspection, event);
      if (!moved.handled) return {};
      const inspection = moved.part;
      // A 复查 that finds a hazard not removed refers it to a case (第一百零二条): the case opens with the
      // authority's counters as the inspection left them, the violation discovered at the 复查.
      if (inspection.state === 'referredToCase' && inspection.context.recheck) {
        const input: CaseInput = {
          authority: inspection.context.authority,
          counters: inspection.context.counters,
          head: context.head,
          discoveredOn: inspection.context.recheck.date,
        };
        const [opened] = initialTransition(caseMachine, input);
        return {
          inspection,
          case: { state: String(opened.value), context: opened.context as CaseContext },
          documents: inspection.context.documents,
        };
      }
      return { inspection, documents: inspection.context.documents };
    }),
    advanceCase: assign(({ context, event }) => {
      if (!context.case || isInspectionEvent(event)) return {};
      const moved = advance(caseMachine, context.case, caseEventOf(event));
      if (!moved.handled) return {};
      const measures =
        event.type === 'officer.issuePenaltyNotice' || event.type === 'officer.issueDecision'
          ? { suspension: event.suspension, personFines: event.personFines }
          : null;
      return {
        case: moved.part,
        documents: [...context.inspection.context.documents, ...moved.part.context.documents],
        ...(event.type === 'officer.issuePenaltyNotice' ? { notice: measures } : {}),
        ...(event.type === 'officer.issueDecision' ? { decision: measures } : {}),
      };
    }),
  },
}).createMachine({
  id: 'recheckCase',
  context: ({ input }) => {
    const [inspection] = initialTransition(inspectionMachine, input.inspection);
    return {
      inspection: { state: String(inspection.value), context: inspection.context as InspectionContext },
      case: null,
      head: input.head,
      persons: input.persons,
      notice: null,
      decision: null,
      documents: [],
      refusal: null,
    };
  },
  initial: 'inspecting',
  states: {
    inspecting: {
      description: '现场检查（检查计划至现场检查记录）',
      on: {
        'officer.createPlan': [
          { guard: 'isInspectionStepLawful', actions: 'advanceInspection' },
          { actions: 'refuse' },
        ],
        'officer.startInspection': [
          { guard: 'isInspectionStepLawful', actions: 'advanceInspection' },
          { actions: 'refuse' },
        ],
        'officer.recordFindings': [
          { guard: 'isInspectionStepLawful', actions: 'advanceInspection' },
          { actions: 'refuse' },
        ],
        'officer.issueOnSiteRecord': [
          { guard: 'isInspectionStepLawful', actions: 'advanceInspection' },
          { actions: 'refuse' },
        ],
        'officer.issueRectificationOrder': [
          { guard: 'isInspectionStepLawful', target: 'rectifying', actions: 'advanceInspection' },
          { actions: 'refuse' },
        ],
      },
    },
    rectifying: {
      description: '限期整改中（待复查）',
      on: {
        'officer.issueRecheckOpinion': [
          {
            guard: and(['isRecheckAfterDeadline', 'isEverythingRectified']),
            target: 'closed',
            actions: 'advanceInspection',
          },
          { guard: 'isRecheckAfterDeadline', target: 'filing', actions: 'advanceInspection' },
          { actions: 'refuse' },
        ],
      },
    },
    closed: { description: '复查整改完毕，检查闭环', type: 'final' },
    filing: {
      description: '复查未整改，立案审批',
      on: {
        'officer.fileCase': [
          { guard: 'isCaseStepLawful', target: 'investigating', actions: 'advanceCase' },
          { actions: 'refuse' },
        ],
      },
    },
    investigating: {
      description: '调查取证',
      on: {
        'officer.recordEvidence': [{ guard: 'isCaseStepLawful', actions: 'advanceCase' }, { actions: 'refuse' }],
        'officer.issuePenaltyNotice': [
          { guard: 'isCaseStepLawful', target: 'notified', actions: 'advanceCase' },
          { actions: 'refuse' },
        ],
      },
    },
    notified: {
      description: '已告知（陈述申辩、听证期间）',
      on: {
        'officer.registerStatement': [{ guard: 'isCaseStepLawful', actions: 'advanceCase' }, { actions: 'refuse' }],
        'officer.registerHearingRequest': [
          { guard: 'isCaseStepLawful', target: 'hearingRequested', actions: 'advanceCase' },
          { actions: 'refuse' },
        ],
        'officer.issueDecision': [
          { guard: 'isCaseStepLawful', target: 'decided', actions: 'advanceCase' },
          { actions: 'refuse' },
        ],
      },
    },
    hearingRequested: {
      description: '当事人申请听证',
      on: {
        'officer.scheduleHearing': [
          { guard: 'isCaseStepLawful', target: 'hearingScheduled', actions: 'advanceCase' },
          { actions: 'refuse' },
        ],
        'officer.registerStatement': [{ guard: 'isCaseStepLawful', actions: 'advanceCase' }, { actions: 'refuse' }],
      },
    },
    hearingScheduled: {
      description: '已通知听证',
      on: {
        'officer.recordHearing': [
          { guard: 'isCaseStepLawful', target: 'heard', actions: 'advanceCase' },
          { actions: 'refuse' },
        ],
        'officer.registerStatement': [{ guard: 'isCaseStepLawful', actions: 'advanceCase' }, { actions: 'refuse' }],
      },
    },
    heard: {
      description: '已举行听证',
      on: {
        'officer.issueDecision': [
          { guard: 'isCaseStepLawful', target: 'decided', actions: 'advanceCase' },
          { actions: 'refuse' },
        ],
        'officer.registerStatement': [{ guard: 'isCaseStepLawful', actions: 'advanceCase' }, { actions: 'refuse' }],
      },
    },
    decided: {
      description: '已作出处罚决定',
      on: {
        'officer.serveDecision': [
          { guard: 'isCaseStepLawful', target: 'served', actions: 'advanceCase' },
          { actions: 'refuse' },
        ],
      },
    },
    served: { description: '决定书已送达', type: 'final' },
  },
});
