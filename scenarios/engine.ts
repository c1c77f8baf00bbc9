/**
 * The scenario engine: start, apply, replay and score attempts. Pure: it uses XState's
 * `initialTransition` / `transition` functions on plain snapshots, never a running actor, and all
 * time comes from the events. The attempt's record is its event log plus the scenario version; the
 * machine snapshot kept in the state is a cache that `replayAttempt` can always rebuild.
 */
import {
  createActor,
  initialTransition,
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
} from 'xstate';
import { rehomeFixture } from './kit/home';
import { toFieldErrors } from './lib/form';
import { CACHE_SIZES, Lru } from './lib/lru';
import { getScenario } from './index';
import type {
  AnyScenario,
  ApplyResult,
  AttemptEvent,
  AttemptScore,
  AttemptState,
  FeedbackEntry,
  FinishReason,
  MaterialSection,
  Mode,
  PracticeHome,
  Step,
} from './types';
import { prerequisiteOf, workflowOf, type WorkflowEvent } from './workflows';
import { instantSchema } from './workflows/common';
import type { IssuedDocument } from './law/document-numbers';

/**
 * A scenario that is not in the registry (a trainer's draft, checked by authoring/gate.ts), in force
 * while `withScenario` runs. Its fixtures, forms and outline are memoised in caches of its own that
 * live only as long as that call: a draft may share its id (and version) with a registered scenario
 * while its data differ, and its functions cannot be fingerprinted, so keying the shared LRUs by id,
 * version or content could serve one's fixtures to the other. Bypassing them also keeps drafts from
 * evicting the entries live attempts use.
 */
interface DraftScope {
  scenario: AnyScenario;
  fixtures: Lru<string, unknown>;
  steps: Lru<string, Step[]>;
  outline: Lru<string, StepOutline[]>;
}
let draft: DraftScope | null = null;

/**
 * Runs `run` with `scenario` resolved by its id in place of the registered one (if any): start, apply,
 * hint, finish, replay and score then work on a scenario object that is not registered. Synchronous,
 * like the whole engine; states made inside must be used inside (outside, the id means the registry's).
 */
export function withScenario<T>(scenario: AnyScenario, run: () => T): T {
  const outer = draft;
  draft = {
    scenario,
    fixtures: new Lru(CACHE_SIZES.fixtures),
    steps: new Lru(CACHE_SIZES.attemptSteps),
    outline: new Lru(1),
  };
  try {
    return run();
  } finally {
    draft = outer;
  }
}

/**
 * The scenario an attempt runs on: the draft in force, else the registry's. A trainer's scenario
 * (scenarios/index.ts) is found only with its version, which every attempt state carries.
 */
function scenarioOrThrow(id: string, version?: number): AnyScenario {
  if (draft?.scenario.id === id) return draft.scenario;
  const scenario = getScenario(id, version);
  if (!scenario) throw new RangeError(`未知的练兵场景：${id}${version === undefined ? '' : `（第${version}版）`}`);
  return scenario;
}

/** The cache for a scenario id: the draft's own while one with that id is in force, else the shared one. */
function cacheOf<K extends 'fixtures' | 'steps' | 'outline'>(
  id: string,
  name: K,
  shared: DraftScope[K],
): DraftScope[K] {
  return draft?.scenario.id === id ? draft[name] : shared;
}

/**
 * What an attempt's fixture is a function of: the scenario and its version, the seed and the practice
 * home, if any. (A built-in has one version, the code's; a trainer's scenario keeps all of its own.)
 */
type FixtureKey = Pick<AttemptState, 'scenarioId' | 'seed' | 'home'> & { scenarioVersion?: number };
const cacheKey = (state: FixtureKey) =>
  `${state.scenarioId}@${state.scenarioVersion ?? ''}\u0000${state.seed}${state.home ? `\u0000${JSON.stringify(state.home)}` : ''}`;

const fixtureCache = new Lru<string, unknown>(CACHE_SIZES.fixtures);
/**
 * The simulated enterprise and site of an attempt (memoised; generation is deterministic), moved to
 * the officer's practice home when the attempt has one (kit/home.ts: the same draws for every home).
 */
export function attemptFixture(state: FixtureKey): unknown {
  return cacheOf(state.scenarioId, 'fixtures', fixtureCache).getOrSet(cacheKey(state), () => {
    const fixture = scenarioOrThrow(state.scenarioId, state.scenarioVersion).fixture(state.seed);
    return state.home ? rehomeFixture(fixture, state.home) : fixture;
  });
}

// Forms keep their descriptors only (schemas: see lazyField in lib/form.ts).
const stepsCache = new Lru<string, Step[]>(CACHE_SIZES.attemptSteps);
/** All step forms of the attempt's scenario, built for its fixture (memoised; pure functions of scenario and seed). */
export function attemptSteps(state: FixtureKey): Step[] {
  return cacheOf(state.scenarioId, 'steps', stepsCache).getOrSet(cacheKey(state), () =>
    scenarioOrThrow(state.scenarioId, state.scenarioVersion).steps(attemptFixture(state)),
  );
}

/** What the workflow needs to know of a step, whatever the seed: which event it makes and when it is offered. */
export type StepOutline = Pick<
  Step,
  'id' | 'module' | 'title' | 'eventType' | 'availableIn' | 'repeatable' | 'optional'
>;

const outlineCache = new Lru<string, StepOutline[]>(CACHE_SIZES.stepOutlines);
/**
 * The scenario's steps without their forms. The same for every seed (a test checks it), so starting
 * an attempt and working out the available steps never builds the forms' schemas.
 */
export function stepOutline(scenarioId: string, version?: number): StepOutline[] {
  return cacheOf(scenarioId, 'outline', outlineCache).getOrSet(`${scenarioId}@${version ?? ''}`, () => {
    const scenario = scenarioOrThrow(scenarioId, version);
    return scenario
      .steps(scenario.fixture('outline'))
      .map(({ id, module, title, eventType, availableIn, repeatable, optional }) => ({
        id,
        module,
        title,
        eventType,
        availableIn,
        repeatable,
        optional,
      }));
  });
}

/** The step forms the trainee can submit now. */
export function availableSteps(state: AttemptState): Step[] {
  const steps = attemptSteps(state);
  return state.current.availableStepIds.map((id) => steps.find((s) => s.id === id)!).filter(Boolean);
}

/** The task card and materials (enterprise, site) to show with the attempt. */
export function attemptMaterials(state: FixtureKey): MaterialSection[] {
  return scenarioOrThrow(state.scenarioId, state.scenarioVersion).materials(attemptFixture(state));
}

/** Documents issued so far, with their numbers. */
export function attemptDocuments(state: AttemptState): IssuedDocument[] {
  const context = state.snapshot.context as { documents?: IssuedDocument[] };
  return context.documents ?? [];
}

/** An instant as officers read it, in Beijing time to the minute (pure: shifts the ISO string, no clock). */
function beijingMinute(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function machineOf(scenario: AnyScenario): AnyStateMachine {
  return workflowOf(scenario.workflow).machine;
}

const inertScopes = new WeakMap<AnyStateMachine, AnyActorScope>();
/**
 * The machine's next snapshot for an event: XState's own pure `machine.transition`. XState's
 * `transition()` helper does the same but first builds a throwaway actor, initial snapshot
 * included, on every call (two thirds of a step's transition time). Our machines only `assign`
 * (no spawn, invoke, sendTo or custom actions), so one inert scope per machine serves every call.
 */
export function nextWorkflowSnapshot(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: WorkflowEvent,
): AnyMachineSnapshot {
  let scope = inertScopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    const ignore = () => {};
    scope = {
      self,
      id: '',
      sessionId: '',
      logger: ignore,
      defer: ignore,
      emit: ignore,
      system: self.system,
      stopChild: ignore,
      actionExecutor: ignore,
    };
    inertScopes.set(machine, scope);
  }
  return machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
}

function restore(machine: AnyStateMachine, snapshot: AttemptState['snapshot']): AnyMachineSnapshot {
  return machine.resolveState({ value: snapshot.value, context: snapshot.context }) as AnyMachineSnapshot;
}

function stateName(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function currentInfo(
  scenario: AnyScenario,
  snapshot: AnyMachineSnapshot,
  events: AttemptEvent[],
  finished: boolean,
): AttemptState['current'] {
  const machine = machineOf(scenario);
  const state = stateName(snapshot.value);
  const node = (machine.states as Record<string, { description?: string }>)[state];
  const doneTypes = new Set(events.flatMap((e) => (e.kind === 'workflow' ? [e.event.type] : [])));
  const steps = stepOutline(scenario.id, scenario.version);
  const completedStepIds = steps.filter((s) => doneTypes.has(s.eventType)).map((s) => s.id);
  const availableStepIds = finished
    ? []
    : steps
        .filter((s) => s.availableIn.includes(state) && (s.repeatable || !doneTypes.has(s.eventType)))
        .map((s) => s.id);
  return { state, stateLabel: node?.description ?? state, availableStepIds, completedStepIds };
}

function addMinutes(at: string, minutes: number): string {
  return new Date(Date.parse(at) + minutes * 60_000).toISOString();
}

export interface StartOptions {
  scenarioId: string;
  seed: string;
  mode: Mode;
  /** ISO 8601 instant the attempt starts. */
  at: string;
  /** The officer's practice home; absent → the scenario's own county (today's fixtures). */
  home?: PracticeHome | null;
  /** Which version of a trainer's scenario (required for those; a built-in has only the code's). */
  scenarioVersion?: number;
}

/** Starts an attempt: builds the fixture from the seed (and home) and the workflow's initial snapshot. */
export function startAttempt({ scenarioId, seed, mode, at, home, scenarioVersion }: StartOptions): AttemptState {
  const scenario = scenarioOrThrow(scenarioId, scenarioVersion);
  const time = instantSchema.safeParse(at);
  if (!time.success) throw new RangeError('开始时间须为带时区的ISO 8601时间');
  const machine = machineOf(scenario);
  const fixture = attemptFixture({ scenarioId, scenarioVersion: scenario.version, seed, ...(home ? { home } : {}) });
  const input = scenario.machineInput(fixture) as object;
  let [snapshot] = initialTransition(machine, home ? { ...input, home } : input);
  for (const event of scenario.presetEvents?.(fixture, at) ?? []) {
    const next = nextWorkflowSnapshot(machine, snapshot, event);
    const refusal = (next.context as { refusal: { reason: string } | null }).refusal;
    if (refusal || next === snapshot)
      throw new Error(`场景${scenarioId}的预置事件${event.type}被拒绝：${refusal?.reason ?? '状态不符'}`);
    snapshot = next;
  }
  return {
    scenarioId,
    scenarioVersion: scenario.version,
    workflow: scenario.workflow,
    seed,
    mode,
    ...(home ? { home } : {}),
    startedAt: at,
    deadline:
      mode === 'assessment' && scenario.assessmentTimeLimitMinutes
        ? addMinutes(at, scenario.assessmentTimeLimitMinutes)
        : null,
    events: [],
    hintsUsed: [],
    snapshot: { value: snapshot.value, context: snapshot.context },
    status: 'active',
    finishedAt: null,
    finishReason: null,
    current: currentInfo(scenario, snapshot, [], false),
  };
}

function lastTime(state: AttemptState): string {
  return state.events.length > 0 ? state.events[state.events.length - 1]!.at : state.startedAt;
}

/** Checks shared by every entry: the attempt is open and `at` is a valid, non-decreasing time. */
function timeProblem(state: AttemptState, at: unknown, allowAfterDeadline = false): ApplyResult | null {
  if (state.status === 'finished') return { ok: false, code: 'FINISHED', reason: '本次练兵已结束' };
  const parsed = instantSchema.safeParse(at);
  if (!parsed.success) return { ok: false, code: 'BAD_TIME', reason: '事件时间须为带时区的ISO 8601时间' };
  if (Date.parse(parsed.data) < Date.parse(lastTime(state)))
    return { ok: false, code: 'BAD_TIME', reason: '事件时间不能早于上一步' };
  if (!allowAfterDeadline && state.deadline && Date.parse(parsed.data) > Date.parse(state.deadline))
    return {
      ok: false,
      code: 'TIME_UP',
      reason: `考核时间已到（截止北京时间${beijingMinute(state.deadline)}），本次提交未被接受`,
    };
  return null;
}

function feedbackFor(scenario: AnyScenario, state: AttemptState, stepId: string | null): FeedbackEntry[] {
  if (state.mode === 'assessment') {
    if (state.status !== 'finished') return [];
    return scoreAttempt(state).items.map((item) => ({
      code: item.code,
      title: item.title,
      ok: item.earned === item.weight,
      message: item.explanation,
    }));
  }
  if (stepId === null) return [];
  return practiceFeedback(state, stepId);
}

/**
 * Practice feedback on a step: the rubric items that step settles, judged on what has been done so
 * far — an item whose deciding steps are still to come is left out rather than marked wrong.
 */
export function practiceFeedback(state: AttemptState, stepId: string): FeedbackEntry[] {
  const scenario = scenarioOrThrow(state.scenarioId, state.scenarioVersion);
  const fixture = attemptFixture(state);
  const input = { fixture, context: state.snapshot.context as never, state: state.current.state, finished: false };
  return scenario.rubric
    .filter((item) => item.feedbackAfter.includes(stepId))
    .map((item) => ({ item, verdict: item.evaluate(input) }))
    .filter(({ verdict }) => !verdict.pending)
    .map(({ item, verdict }) => ({
      code: item.code,
      title: item.title,
      ok: verdict.earned,
      message: verdict.explanation,
    }));
}

/** "当前处于…阶段，不能…", with the step the law requires first where the workflow names it. */
function notNowReason(state: AttemptState, what: string, eventType: string): string {
  const because = prerequisiteOf(state.workflow, eventType, state.current.state);
  return `当前处于"${state.current.stateLabel}"阶段，不能${what}${because ? `：${because}` : ''}`;
}

function applyWorkflow(state: AttemptState, rawEvent: unknown, stepId: string | null): ApplyResult {
  const early = timeProblem(state, (rawEvent as { at?: unknown } | null)?.at);
  if (early) return early;
  const scenario = scenarioOrThrow(state.scenarioId, state.scenarioVersion);
  const workflow = workflowOf(scenario.workflow);
  const parsed = workflow.eventSchema.safeParse(rawEvent);
  if (!parsed.success) {
    const type = (rawEvent as { type?: unknown } | null)?.type;
    const known = typeof type === 'string' && type in workflow.eventLabels;
    return {
      ok: false,
      code: 'MALFORMED_EVENT',
      reason: known ? `事件"${String(type)}"的内容不完整或格式不正确` : `未知的事件类型：${String(type)}`,
    };
  }
  const event: WorkflowEvent = parsed.data;
  const machine = machineOf(scenario);
  const snapshot = restore(machine, state.snapshot);
  // An event no transition takes leaves the snapshot as it was (the very object): XState's own
  // `can` would select the transitions — guards and all — a second time (issue 18's profile).
  const next = nextWorkflowSnapshot(machine, snapshot, event);
  if (next === snapshot) {
    return {
      ok: false,
      code: 'NOT_ALLOWED_NOW',
      reason: notNowReason(state, workflow.eventLabels[event.type] ?? event.type, event.type),
    };
  }
  const refusal = (next.context as { refusal: { reason: string } | null }).refusal;
  if (refusal) return { ok: false, code: 'REFUSED', reason: refusal.reason };
  const resolvedStepId =
    stepId ?? stepOutline(state.scenarioId, state.scenarioVersion).find((s) => s.eventType === event.type)?.id ?? null;
  const events: AttemptEvent[] = [
    ...state.events,
    { seq: state.events.length + 1, kind: 'workflow', at: event.at, stepId: resolvedStepId, event },
  ];
  const finished = next.status === 'done';
  const nextState: AttemptState = {
    ...state,
    events,
    snapshot: { value: next.value, context: next.context },
    status: finished ? 'finished' : 'active',
    finishedAt: finished ? event.at : null,
    finishReason: finished ? 'completed' : null,
    current: currentInfo(scenario, next, events, finished),
  };
  return { ok: true, state: nextState, feedback: feedbackFor(scenario, nextState, resolvedStepId) };
}

export interface StepSubmission {
  stepId: string;
  /** Raw form values (strings; string arrays for multi-selects). */
  values: Record<string, unknown>;
  /** ISO 8601 instant of the submission. */
  at: string;
}

/** Parses a form with its step's schema, turns it into an event and applies it. */
export function applyStep(state: AttemptState, { stepId, values, at }: StepSubmission): ApplyResult {
  const early = timeProblem(state, at);
  if (early) return early;
  const step = attemptSteps(state).find((s) => s.id === stepId);
  if (!step) return { ok: false, code: 'UNKNOWN_STEP', reason: `未知的操作：${stepId}` };
  if (!state.current.availableStepIds.includes(stepId))
    return {
      ok: false,
      code: 'STEP_NOT_AVAILABLE',
      reason: notNowReason(state, `办理"${step.title}"`, step.eventType),
    };
  const parsed = step.schema.safeParse(values ?? {});
  if (!parsed.success) {
    const fieldErrors = toFieldErrors(parsed.error);
    const first = Object.values(fieldErrors)[0]?.[0];
    return { ok: false, code: 'INVALID_VALUES', reason: first ? `表单有误：${first}` : '表单有误', fieldErrors };
  }
  return applyWorkflow(state, step.toEvent(parsed.data, at), stepId);
}

/** Applies a workflow event directly (validated against the workflow's event schema). */
export function applyEvent(state: AttemptState, event: unknown): ApplyResult {
  return applyWorkflow(state, event, null);
}

/** Uses a practice hint; its cost is taken from the total score. */
export function useHint(state: AttemptState, { hintId, at }: { hintId: string; at: string }): ApplyResult {
  const early = timeProblem(state, at);
  if (early) return early;
  if (state.mode === 'assessment') return { ok: false, code: 'HINT', reason: '考核模式不提供提示' };
  const scenario = scenarioOrThrow(state.scenarioId, state.scenarioVersion);
  const hint = scenario.hints.find((h) => h.id === hintId);
  if (!hint) return { ok: false, code: 'HINT', reason: `未知的提示：${hintId}` };
  if (state.hintsUsed.some((h) => h.hintId === hintId)) return { ok: false, code: 'HINT', reason: '该提示已经查看过' };
  const events: AttemptEvent[] = [...state.events, { seq: state.events.length + 1, kind: 'hint', at, hintId }];
  const nextState: AttemptState = {
    ...state,
    events,
    hintsUsed: [...state.hintsUsed, { hintId, at, cost: hint.cost }],
  };
  return {
    ok: true,
    state: nextState,
    feedback: [{ code: 'HINT', title: `提示（扣${hint.cost}分）`, ok: true, message: hint.text }],
  };
}

/** Ends an attempt early: the trainee hands in, or the assessment time is up. */
export function finishAttempt(
  state: AttemptState,
  { at, reason }: { at: string; reason: Exclude<FinishReason, 'completed'> },
): ApplyResult {
  const early = timeProblem(state, at, true);
  if (early) return early;
  if (reason === 'timeUp' && (!state.deadline || Date.parse(at) <= Date.parse(state.deadline)))
    return { ok: false, code: 'BAD_TIME', reason: '考核时间尚未结束' };
  const scenario = scenarioOrThrow(state.scenarioId, state.scenarioVersion);
  const events: AttemptEvent[] = [...state.events, { seq: state.events.length + 1, kind: 'finish', at, reason }];
  const nextState: AttemptState = {
    ...state,
    events,
    status: 'finished',
    finishedAt: at,
    finishReason: reason,
    current: { ...state.current, availableStepIds: [] },
  };
  return { ok: true, state: nextState, feedback: feedbackFor(scenario, nextState, null) };
}

/** True once the workflow reached a final state or the attempt was handed in / timed out. */
export function isFinished(state: AttemptState): boolean {
  return state.status === 'finished';
}

export interface ReplayOptions {
  scenarioId: string;
  seed: string;
  mode: Mode;
  startedAt: string;
  events: readonly AttemptEvent[];
  /** When given, replay refuses a log recorded against another version of the scenario. */
  scenarioVersion?: number;
  /** The practice home the attempt was started with (stored with it), if any. */
  home?: PracticeHome | null;
}

/** Rebuilds an attempt from its log; throws if the log does not replay (corrupt or another version). */
export function replayAttempt({
  scenarioId,
  seed,
  mode,
  startedAt,
  events,
  scenarioVersion,
  home,
}: ReplayOptions): AttemptState {
  const scenario = scenarioOrThrow(scenarioId, scenarioVersion);
  if (scenarioVersion !== undefined && scenarioVersion !== scenario.version)
    throw new Error(`场景${scenarioId}已从第${scenarioVersion}版更新到第${scenario.version}版，记录无法按原版本重放`);
  const start = startAttempt({ scenarioId, seed, mode, at: startedAt, home, scenarioVersion: scenario.version });
  return replayFrom(start, events);
}

/**
 * Carries a state rebuilt from the first entries of its log on through the entries that follow
 * (`events` must begin with entry number `state.events.length + 1`): the stored snapshot of an
 * attempt brought up to its latest step. Throws, like `replayAttempt`, when an entry does not apply.
 */
export function replayFrom(state: AttemptState, events: readonly AttemptEvent[]): AttemptState {
  let current = state;
  for (const entry of events) {
    if (entry.seq !== current.events.length + 1)
      throw new Error(`第${entry.seq}条记录不接续（应为第${current.events.length + 1}条）`);
    const result =
      entry.kind === 'workflow'
        ? applyWorkflow(current, entry.event, entry.stepId)
        : entry.kind === 'hint'
          ? useHint(current, { hintId: entry.hintId, at: entry.at })
          : finishAttempt(current, { at: entry.at, reason: entry.reason as Exclude<FinishReason, 'completed'> });
    if (!result.ok) throw new Error(`第${entry.seq}条记录无法重放：${result.reason}`);
    current = result.state;
  }
  return current;
}

/** Scores an attempt: every rubric item with what was expected and what was done; hints deducted. */
export function scoreAttempt(state: AttemptState): AttemptScore {
  const scenario = scenarioOrThrow(state.scenarioId, state.scenarioVersion);
  const fixture = attemptFixture(state);
  const input = {
    fixture,
    context: state.snapshot.context as never,
    state: state.current.state,
    finished: state.status === 'finished',
  };
  const items = scenario.rubric.map((item) => {
    const verdict = item.evaluate(input);
    return {
      id: item.id,
      code: item.code,
      title: item.title,
      weight: item.weight,
      earned: verdict.earned ? item.weight : 0,
      expected: verdict.expected,
      actual: verdict.actual,
      citation: item.citation,
      explanation: verdict.explanation,
    };
  });
  const rubricTotal = items.reduce((sum, i) => sum + i.earned, 0);
  const hintDeduction = state.hintsUsed.reduce((sum, h) => sum + h.cost, 0);
  return {
    total: Math.max(0, Math.min(100, rubricTotal - hintDeduction)),
    rubricTotal,
    hintDeduction,
    finished: state.status === 'finished',
    items,
  };
}
