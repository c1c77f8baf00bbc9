/**
 * 复查转立案 (安全生产法 第一百零二条): one continuous attempt from the inspection that ordered a hazard
 * removed to the 行政处罚决定书. The inspection (检查 → 现场检查记录 → 责令限期整改指令书) and the case
 * (立案 → 调查 → 告知 → 陈述申辩/听证 → 法制审核 → 集体讨论 → 决定 → 送达) are the existing workflows: this
 * machine keeps a snapshot of each and moves it with the inspection's or the case's own machine
 * (`transition`), so every rule of those workflows (`inspectionProblem`, `caseProblem`) applies unchanged —
 * among them what 第一百零二条 orders when the unit 拒不执行 (停产停业整顿 with the uncorrected tier, the fines
 * on the directly responsible persons, 双罚) and the 法制审核 and 集体讨论 such a decision needs. What the
 * chain adds is the hand-over: a 复查 that finds a hazard not removed opens the case.
 *
 * 第一百零二条 (2021): 生产经营单位未采取措施消除事故隐患的，责令立即消除或者限期消除，处五万元以下的罚款；
 * 生产经营单位拒不执行的，责令停产停业整顿，对其直接负责的主管人员和其他直接责任人员处五万元以上十万元以下
 * 的罚款 (shared/domain-reference.md §4 [V:S1]).
 */
import { and, assign, initialTransition, setup, transition, type AnyStateMachine } from 'xstate';
import { z } from '../../lib/form';
import type { Refusal } from '../common';
import type { IssuedDocument } from '../../law/document-numbers';
import { PENALTY_ARTICLES } from '../../law/penalties';
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
  'officer.legalReview',
  'officer.collectiveDiscussion',
  'officer.issueDecision',
  'officer.serveDecision',
] as const;
type InspectionType = (typeof INSPECTION_EVENT_TYPES)[number];
type CaseType = (typeof CASE_EVENT_TYPES)[number];

export type RecheckCaseEvent =
  Extract<InspectionEvent, { type: InspectionType }> | Extract<CaseEvent, { type: CaseType }>;
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
  ...CASE_EVENT_TYPES.map((t) => optionOf(caseEventSchema, t)),
] as unknown as [Option, ...Option[]]) as unknown as z.ZodType<RecheckCaseEvent>;

/** What the case needs beyond what the inspection gives it: the authority's head, 法制审核 staff, leadership. */
export type RecheckCaseStaff = Pick<CaseInput, 'head' | 'reviewers' | 'leaders'>;

export interface RecheckCaseInput {
  inspection: InspectionInput;
  case: RecheckCaseStaff;
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
  staff: RecheckCaseStaff;
  /** Every document issued, the inspection's then the case's (what the engine lists as the attempt's). */
  documents: IssuedDocument[];
  refusal: Refusal | null;
}

const isInspectionEvent = (event: RecheckCaseEvent): event is EventOf<InspectionType> =>
  (INSPECTION_EVENT_TYPES as readonly string[]).includes(event.type);

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

/** Chinese reason why the event may not happen now, or null: the inspection's or the case's own rules. */
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
  const problem = caseProblem(part.context, event);
  if (problem) return problem;
  if (!advance(caseMachine, part, event).handled)
    return casePrerequisites[event.type]?.(part.state) ?? '当前阶段不能办理该事项';
  return null;
}

const accepts = ({ context, event }: { context: RecheckCaseContext; event: RecheckCaseEvent }) =>
  recheckCaseProblem(context, event) === null;

// Every step is the inspection's or the case's own machine moving; one it refuses is refused with its reason.
const inspectionStep = [
  { guard: 'isInspectionStepLawful', actions: 'advanceInspection' },
  { actions: 'refuse' },
] as const;
const caseStep = [{ guard: 'isCaseStepLawful', actions: 'advanceCase' }, { actions: 'refuse' }] as const;
/** A case step that moves the chain to its stage `target`. */
const caseStepTo = <Target extends string>(target: Target) =>
  [{ guard: 'isCaseStepLawful', target, actions: 'advanceCase' }, { actions: 'refuse' }] as const;

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
          ...context.staff,
          authority: inspection.context.authority,
          counters: inspection.context.counters,
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
      const moved = advance(caseMachine, context.case, event);
      if (!moved.handled) return {};
      return {
        case: moved.part,
        documents: [...context.inspection.context.documents, ...moved.part.context.documents],
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
      staff: input.case,
      documents: [],
      refusal: null,
    };
  },
  initial: 'inspecting',
  states: {
    inspecting: {
      description: '现场检查（检查计划至现场检查记录）',
      on: {
        'officer.createPlan': inspectionStep,
        'officer.startInspection': inspectionStep,
        'officer.recordFindings': inspectionStep,
        'officer.issueOnSiteRecord': inspectionStep,
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
        'officer.fileCase': caseStepTo('investigating'),
      },
    },
    investigating: {
      description: '调查取证',
      on: {
        'officer.recordEvidence': caseStep,
        'officer.issuePenaltyNotice': caseStepTo('notified'),
      },
    },
    notified: {
      description: '已告知（陈述申辩、听证期间）',
      on: {
        'officer.registerStatement': caseStep,
        'officer.registerHearingRequest': caseStepTo('hearingRequested'),
        'officer.issueDecision': caseStepTo('decided'),
        'officer.legalReview': caseStepTo('reviewed'),
      },
    },
    hearingRequested: {
      description: '当事人申请听证',
      on: {
        'officer.scheduleHearing': caseStepTo('hearingScheduled'),
        'officer.registerStatement': caseStep,
      },
    },
    hearingScheduled: {
      description: '已通知听证',
      on: {
        'officer.recordHearing': caseStepTo('heard'),
        'officer.registerStatement': caseStep,
      },
    },
    heard: {
      description: '已举行听证',
      on: {
        'officer.issueDecision': caseStepTo('decided'),
        'officer.registerStatement': caseStep,
        'officer.legalReview': caseStepTo('reviewed'),
      },
    },
    reviewed: {
      description: '已法制审核',
      on: {
        'officer.registerStatement': caseStep,
        'officer.collectiveDiscussion': caseStepTo('discussed'),
        'officer.issueDecision': caseStepTo('decided'),
      },
    },
    discussed: {
      description: '已集体讨论',
      on: {
        'officer.registerStatement': caseStep,
        'officer.issueDecision': caseStepTo('decided'),
      },
    },
    decided: {
      description: '已作出处罚决定',
      on: {
        'officer.serveDecision': caseStepTo('served'),
      },
    },
    served: { description: '决定书已送达', type: 'final' },
  },
});
