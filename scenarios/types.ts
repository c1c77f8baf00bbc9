/** The shape of a drill scenario and of an attempt at it. */
import type { StateValue } from 'xstate';
import type { FieldDescriptor, FormValues, z } from './lib/form';
import type { WorkflowContexts, WorkflowEvent, WorkflowId } from './workflows';

export type Skill = 'onboarding' | 'inspection' | 'documents' | 'case';
export const SKILL_LABELS: Record<Skill, string> = {
  onboarding: '企业入库',
  inspection: '执法检查',
  documents: '执法文书',
  case: '案件办理',
};
export type Mode = 'practice' | 'assessment';
/** Modules of the real 互联网+执法 system that a step belongs to. */
export type StepModule = '企业管理' | '执法检查' | '隐患' | '文书' | '案件';

/** One form of the scenario; it parses raw form values and becomes one workflow event. */
export interface Step {
  id: string;
  module: StepModule;
  title: string;
  /** Context shown above the form (e.g. what the officer finds on re-inspection). */
  intro?: string;
  fields: FieldDescriptor[];
  /** Parses the raw string values of the form (zod object schema with Chinese messages). */
  schema: z.ZodType<Record<string, unknown>>;
  toEvent(parsed: Record<string, unknown>, at: string): WorkflowEvent;
  /** The workflow event type this form produces (one form per event type). */
  eventType: WorkflowEvent['type'];
  /** Machine states (top-level values) in which this form is offered. */
  availableIn: readonly string[];
  /** Whether the form may be submitted more than once (e.g. several 询问笔录). */
  repeatable?: boolean;
  /** Steps the trainee may skip (e.g. 陈述申辩 when the party said nothing). */
  optional?: boolean;
}

/** The values submitted to one step, as a browser would post them. */
export interface AnswerStep {
  stepId: string;
  values: Record<string, string | string[]>;
}

export interface Hint {
  id: string;
  stepId: string | null;
  text: string;
  /** Points taken from the total when the hint is used (practice only). */
  cost: number;
}

export interface ScoringInput<F, W extends WorkflowId> {
  fixture: F;
  context: WorkflowContexts[W];
  state: string;
  finished: boolean;
}

export interface RubricVerdict {
  earned: boolean;
  /**
   * True while the steps that decide the item are still to come and nothing done so far is wrong:
   * practice feedback then says nothing of it (a ✗ would mark a correct answer wrong). A pending item
   * is still lost when the attempt ends without those steps.
   */
  pending?: boolean;
  expected: string;
  actual: string;
  explanation: string;
}

export interface RubricItem<F, W extends WorkflowId> {
  id: string;
  /** Stable error code counted per unit when the item is lost (e.g. WRONG_DEADLINE). */
  code: string;
  title: string;
  weight: number;
  /** The rule the item checks, in Chinese. */
  rule: string;
  citation: string;
  /** Practice feedback for this item is given after these steps. */
  feedbackAfter: readonly string[];
  evaluate(input: ScoringInput<F, W>): RubricVerdict;
  /** How the model answer is changed to lose exactly this item (tests and trainer docs). */
  mistake: { description: string; apply(answer: AnswerStep[], fixture: F): AnswerStep[] };
}

/** Material shown to the trainee: the task card and the simulated enterprise and site. */
export interface MaterialSection {
  title: string;
  lines: string[];
}

export interface ScenarioDefinition<F = unknown, W extends WorkflowId = WorkflowId> {
  id: string;
  version: number;
  title: string;
  brief: string;
  skill: Skill;
  workflow: W;
  estimatedMinutes: number;
  /** Assessment time limit in minutes, judged from event times; none when absent. */
  assessmentTimeLimitMinutes?: number;
  fixture(seed: string): F;
  materials(fixture: F): MaterialSection[];
  machineInput(fixture: F): unknown;
  /** Events that happened before the trainee takes over (e.g. the inspection already recorded). */
  presetEvents?(fixture: F, at: string): WorkflowEvent[];
  steps(fixture: F): Step[];
  hints: readonly Hint[];
  rubric: readonly RubricItem<F, W>[];
  modelAnswer(fixture: F): AnswerStep[];
  /** Workflow states this scenario cannot reach, and why (e.g. preset events already passed them). */
  unreachableStates?: readonly { state: string; reason: string }[];
  /** Answers that reach the workflow's other outcomes (used by model-based tests and trainer docs). */
  alternativeAnswers?(fixture: F): AnswerStep[][];
}

export type AnyScenario = ScenarioDefinition<any, WorkflowId>;

/** One accepted entry of an attempt's log; the log (with the scenario version) is the record. */
export type AttemptEvent =
  | { seq: number; kind: 'workflow'; at: string; stepId: string | null; event: WorkflowEvent }
  | { seq: number; kind: 'hint'; at: string; hintId: string }
  | { seq: number; kind: 'finish'; at: string; reason: FinishReason };

export type FinishReason = 'completed' | 'timeUp' | 'abandoned';

/**
 * Where an officer practises: the authority in whose name the drill's documents are issued and the
 * division its simulated enterprise lies in (属地管辖). An input of an attempt, stored with it; derived
 * from the officer's unit by `practiceHomeOf` (lib/divisions.ts). Absent: the scenario's own county.
 */
export interface PracticeHome {
  /** 昌黎县应急管理局 */
  authority: string;
  /** The abbreviation in document numbers: 秦昌 in （秦昌）应急罚〔2025〕12号. */
  abbreviation: string;
  /** The city the home lies in (秦皇岛市); the province's name for the province itself. */
  city: string;
  /** GB/T 2260 code (the USCC's registration-division digits), name and full name as in an address. */
  division: { code: string; name: string; fullName: string };
}

/** A JSON-serializable attempt. `snapshot` is a cache; `events` rebuild everything. */
export interface AttemptState {
  scenarioId: string;
  scenarioVersion: number;
  workflow: WorkflowId;
  seed: string;
  mode: Mode;
  /** The officer's practice home; absent for attempts in the scenario's own county (and all older ones). */
  home?: PracticeHome;
  startedAt: string;
  /** Assessment deadline (ISO), or null. */
  deadline: string | null;
  events: AttemptEvent[];
  hintsUsed: { hintId: string; at: string; cost: number }[];
  snapshot: { value: StateValue; context: unknown };
  status: 'active' | 'finished';
  finishedAt: string | null;
  finishReason: FinishReason | null;
  current: {
    state: string;
    stateLabel: string;
    availableStepIds: string[];
    completedStepIds: string[];
  };
}

export interface FeedbackEntry {
  code: string;
  title: string;
  ok: boolean;
  message: string;
}

export type ApplyResult =
  | { ok: true; state: AttemptState; feedback: FeedbackEntry[] }
  | {
      ok: false;
      /** Chinese reason. */
      reason: string;
      code:
        | 'UNKNOWN_STEP'
        | 'STEP_NOT_AVAILABLE'
        | 'INVALID_VALUES'
        | 'MALFORMED_EVENT'
        | 'REFUSED'
        | 'NOT_ALLOWED_NOW'
        | 'BAD_TIME'
        | 'TIME_UP'
        | 'FINISHED'
        | 'HINT';
      fieldErrors?: Record<string, string[]>;
    };

export interface ScoreItem {
  id: string;
  code: string;
  title: string;
  weight: number;
  earned: number;
  expected: string;
  actual: string;
  citation: string;
  explanation: string;
}

export interface AttemptScore {
  /** 0..100 after hint deductions. */
  total: number;
  /** Sum of earned rubric weights before hint deductions. */
  rubricTotal: number;
  hintDeduction: number;
  finished: boolean;
  items: ScoreItem[];
}
