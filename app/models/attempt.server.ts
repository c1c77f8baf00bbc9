import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Attempt, AttemptMode, Database } from '../../db/schema';
import { getScenario, listScenarios } from '../../scenarios/index';
import { scenarioOf, scenarioTitles, usableScenario, usableScenarios } from './scenario-library.server';
import {
  applyStep,
  attemptDocuments,
  attemptFixture,
  attemptMaterials,
  attemptSteps,
  finishAttempt,
  practiceFeedback,
  replayAttempt,
  replayFrom,
  scoreAttempt,
  startAttempt,
  stepOutline,
  useHint,
} from '../../scenarios/engine';
import { renderDocuments } from '../../scenarios/documents';
import type { FieldDescriptor } from '../../scenarios/lib/form';
import type { AnyScenario, ApplyResult, AttemptEvent, AttemptState, FinishReason } from '../../scenarios/types';
import { CACHE_SIZES, Lru } from '../../scenarios/lib/lru';
import { beijingTime } from '../utils/format';
import { recordActivity, recordFinishedAttempt } from './mastery.server';
import { practiceHomeOfUnit, storedPracticeHome, unitOfUser } from './practice-home.server';
import { regradeOf } from './regrade.server';
import { lockedForUpdate } from '../../db/dialect';
import { arg, precompiled } from '../../db/precompiled';

export const DEFAULT_PASS_MARK = 80;

/** A refusal the page shows; `status` is the HTTP status the action answers with. */
export type DrillRefusal = {
  ok: false;
  status: 400 | 403 | 404 | 409;
  reason: string;
  fieldErrors?: Record<string, string[]>;
};
export type DrillResult =
  { ok: true; feedback: Extract<ApplyResult, { ok: true }>['feedback']; finished: boolean } | DrillRefusal;

const STALE: DrillRefusal = {
  ok: false,
  status: 409,
  reason: '该步骤已经提交过，或页面已过期（可能在其他窗口中继续了练兵）。已为您显示最新进度，请核对后继续。',
};

/** The scenario version an attempt was recorded under and the one in the code, when they differ. */
export type VersionChange = { recorded: number; current: number };

/**
 * Whether the attempt belongs to an older (or otherwise different) version of its scenario. Its
 * event log then no longer replays and its rubric and forms are not the code's: it is shown from
 * what was stored, never re-evaluated.
 */
export function versionChangeOf(
  attempt: Pick<Attempt, 'scenario_id' | 'scenario_version'>,
  scenario: Pick<AnyScenario, 'version'> | undefined = getScenario(attempt.scenario_id),
): VersionChange | null {
  if (!scenario || scenario.version === attempt.scenario_version) return null;
  return { recorded: attempt.scenario_version, current: scenario.version };
}

const changedTo = ({ recorded, current }: VersionChange) =>
  `场景已从第${recorded}版${current > recorded ? '更新到' : '变更为'}第${current}版`;

/** The refusal of a step, hint or hand-in on an attempt whose scenario changed version: nothing is written. */
function outdatedRefusal(change: VersionChange): DrillRefusal {
  return {
    ok: false,
    status: 409,
    reason: `本次练兵按场景第${change.recorded}版开始，${changedTo(change)}（评分规则和表单有变化），不能按新规则继续，提交未被接受。请重新开始练兵。`,
  };
}

/**
 * Closes unfinished attempts recorded under another version of their scenario (all of them, or
 * one officer's, or one attempt): status 'finished' without a score and closed_reason
 * 'scenarioUpdated', so assignments and reports do not wait on them. The event log and the cached
 * state stay as recorded. Rollups are untouched: nothing was finished or scored (rollups.server.ts
 * leaves closed attempts out in the same way). Returns how many were closed.
 */
export async function closeOutdatedAttempts(
  db: Kysely<Database>,
  options: { now?: Date; userId?: number; attemptId?: number } = {},
): Promise<number> {
  const scenarios = listScenarios();
  let query = db
    .updateTable('attempts')
    .set({
      status: 'finished',
      finished_at: (options.now ?? new Date()).toISOString(),
      closed_reason: 'scenarioUpdated',
    })
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or(scenarios.map((s) => eb.and([eb('scenario_id', '=', s.id), eb('scenario_version', '!=', s.version)]))),
    );
  if (options.userId !== undefined) query = query.where('user_id', '=', options.userId);
  if (options.attemptId !== undefined) query = query.where('id', '=', options.attemptId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const openAssessmentsQuery = (db: Kysely<Database>) =>
  db
    .selectFrom('attempts')
    .leftJoin('assignments', 'assignments.id', 'attempts.assignment_id')
    .select(['attempts.id', 'attempts.scenario_id', 'attempts.scenario_version', 'attempts.deadline'])
    .select('assignments.is_competition')
    .where('attempts.user_id', '=', arg<number>(0))
    .where('attempts.status', '=', 'active')
    .where((eb) => eb.or([eb('attempts.mode', '=', 'assessment'), eb('assignments.is_competition', '=', 1)]))
    .where((eb) => eb.or([eb('attempts.deadline', 'is', null), eb('attempts.deadline', '>', arg<string>(1))]));
const selectOpenAssessments = precompiled<[userId: number, nowIso: string]>()((db: Kysely<Database>) =>
  openAssessmentsQuery(db).orderBy('attempts.id', 'desc'),
);
// Asked on every practice page (are its hints closed?): compiled once.
const selectOpenAssessmentsOf = precompiled<[userId: number, nowIso: string, scenarioId: string]>()(
  (db: Kysely<Database>) =>
    openAssessmentsQuery(db).where('attempts.scenario_id', '=', arg<string>(2)).orderBy('attempts.id', 'desc'),
);

/**
 * The officer's open assessments: attempts in assessment mode or of a 比武 assignment that are still
 * active, of the scenario version in the code (an outdated one is closed when opened) and not past
 * their server-side deadline. Newest first; only those of `scenarioId` when given.
 */
export async function openAssessments(db: Kysely<Database>, userId: number, now: Date, scenarioId?: string) {
  const { rows } =
    scenarioId === undefined
      ? await selectOpenAssessments(db, userId, now.toISOString())
      : await selectOpenAssessmentsOf(db, userId, now.toISOString(), scenarioId);
  return rows
    .filter((r) => !versionChangeOf(r))
    .map((r) => ({
      attemptId: r.id,
      scenarioId: r.scenario_id,
      deadline: r.deadline,
      competition: r.is_competition === 1,
    }));
}

/**
 * Assessment integrity: while the officer has an open assessment or 比武 attempt of the scenario, its
 * demo, practice and hints are closed to them (a second tab must not be an open book). The refusal
 * to show, or null when nothing is open. `what` names what is refused ("查看演示").
 */
export async function openAssessmentOf(
  db: Kysely<Database>,
  userId: number,
  scenarioId: string,
  now: Date,
  what = '练习、查看演示或提示',
  except?: number,
): Promise<DrillRefusal | null> {
  const open = (await openAssessments(db, userId, now, scenarioId)).find((a) => a.attemptId !== except);
  return open ? { ok: false, status: 403, reason: assessmentOpenReason(open, what) } : null;
}

function assessmentOpenReason(open: { competition: boolean; deadline: string | null }, what: string) {
  const kind = open.competition ? '比武' : '考核';
  const until = open.deadline ? `（截止时间：${beijingTime(open.deadline)}）` : '';
  return `您正在进行本场景的${kind}${until}，${kind}结束前不能${what}。请先完成并交卷，再${what}。`;
}

/** Starts an attempt for an officer; the seed is random unless given (competitions share one). */
export async function startDrill(
  db: Kysely<Database>,
  userId: number,
  input: {
    scenarioId: string;
    mode: AttemptMode;
    now?: Date;
    seed?: string;
    passMark?: number;
    assignmentId?: number;
    /**
     * In the officer's own name (issue 15, point 9): their unit's authority issues the drill's documents
     * (stored as the attempt's practice home). Without it, the scenario's own county (scripts, tests).
     */
    ownName?: boolean;
  },
): Promise<{ ok: true; attemptId: number } | DrillRefusal> {
  const unit = await unitOfUser(db, userId);
  // A trainer's scenario only while published, not retired and visible from the officer's unit.
  const scenario = unit ? await usableScenario(db, { unit }, input.scenarioId) : undefined;
  if (!scenario) return { ok: false, status: 404, reason: '练兵场景不存在或已停用' };
  if (input.mode === 'practice') {
    const closed = await openAssessmentOf(db, userId, scenario.id, input.now ?? new Date(), '开始练习');
    if (closed) return closed;
  }
  const at = (input.now ?? new Date()).toISOString();
  const seed = input.seed ?? randomBytes(6).toString('hex');
  const practiceHome = input.ownName && unit ? await practiceHomeOfUnit(db, unit) : null;
  const state = startAttempt({
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    seed,
    mode: input.mode,
    at,
    home: practiceHome,
  });
  // No transaction of its own: callers (assignments) may already run inside one.
  await recordActivity(db, userId, at);
  const { id } = await db
    .insertInto('attempts')
    .values({
      user_id: userId,
      scenario_id: scenario.id,
      scenario_version: scenario.version,
      skill: scenario.skill,
      seed,
      mode: input.mode,
      pass_mark: input.passMark ?? DEFAULT_PASS_MARK,
      state_json: JSON.stringify(state),
      started_at: at,
      deadline: state.deadline,
      assignment_id: input.assignmentId ?? null,
      practice_home_json: practiceHome ? JSON.stringify(practiceHome) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ok: true, attemptId: id };
}

/**
 * How often the stored snapshot (attempts.state_json) is rewritten: after this many events since
 * the one stored, and always when the attempt finishes. The event log, written with every step in
 * the same transaction, is the record; the snapshot only saves a reader most of the replay.
 */
export const SNAPSHOT_EVERY_EVENTS = 8;

/** An attempt's state after its latest event, and how many events its stored snapshot holds. */
interface HotAttempt {
  state: AttemptState;
  /** Events in attempts.state_json; -1 when that snapshot must be rewritten at the next commit. */
  snapshotEvents: number;
}

// Hot attempts (officers drilling now): the state after their latest event, per database, checked
// against the row's version (event_count) and identity before use, so that a step or a page view
// neither parses the stored snapshot nor replays. Filled from what was read or committed, never from
// a transaction that may still roll back; another process's commit changes the version: a miss.
const hotAttemptsByDb = new WeakMap<object, Lru<number, HotAttempt>>();
function hotAttemptsOf(db: Kysely<Database>): Lru<number, HotAttempt> {
  let cache = hotAttemptsByDb.get(db);
  if (!cache) hotAttemptsByDb.set(db, (cache = new Lru(CACHE_SIZES.hotAttempts)));
  return cache;
}

/** Whether a state is this row's, at its version: same attempt start, seed, scenario version and event count. */
const isStateOf = (state: AttemptState, attempt: Attempt) =>
  state.events.length === attempt.event_count &&
  state.startedAt === attempt.started_at &&
  state.seed === attempt.seed &&
  state.scenarioId === attempt.scenario_id &&
  state.scenarioVersion === attempt.scenario_version;

/**
 * The attempt's state: from the hot attempts when its version is there; otherwise the stored snapshot
 * brought up to date with the events after it, when it belongs to the scenario version in the code;
 * otherwise rebuilt from all stored events (the record) — which throws if the scenario changed.
 * `db` may be a transaction of `cacheOwner` (the app's database, whose hot attempts are used).
 */
async function loadHotAttempt(db: Kysely<Database>, attempt: Attempt, cacheOwner: Kysely<Database>) {
  // Also registers a trainer's scenario version with the engine before anything runs on it.
  const scenario = await scenarioOf(db, attempt.scenario_id, attempt.scenario_version);
  const current = scenario?.version === attempt.scenario_version;
  const hot = hotAttemptsOf(cacheOwner);
  const known = hot.get(attempt.id);
  if (current && known && isStateOf(known.state, attempt)) return known;
  let found: HotAttempt | undefined;
  const stored = current ? (JSON.parse(attempt.state_json) as AttemptState) : undefined;
  if (stored && isStateOf(stored, attempt)) found = { state: stored, snapshotEvents: stored.events.length };
  if (!found) {
    const rows = await db
      .selectFrom('attempt_events')
      .select('event_json')
      .where('attempt_id', '=', attempt.id)
      // A concurrent step may have committed more since the row was read: only up to its version.
      .where('seq', '<=', attempt.event_count)
      .orderBy('seq')
      .execute();
    // The snapshot goes on from where it is only if its events are the log's first ones.
    const continues =
      stored !== undefined &&
      stored.events.length > 0 &&
      stored.events.length < rows.length &&
      stored.scenarioVersion === attempt.scenario_version &&
      stored.events.every((e, i) => JSON.stringify(e) === rows[i]!.event_json);
    const log = rows.map((r) => JSON.parse(r.event_json) as AttemptEvent);
    if (continues) {
      try {
        found = { state: replayFrom(stored, log.slice(stored.events.length)), snapshotEvents: stored.events.length };
      } catch {
        // It does not carry on into the log: the log alone decides (below).
      }
    }
    found ??= {
      state: replayAttempt({
        scenarioId: attempt.scenario_id,
        seed: attempt.seed,
        mode: attempt.mode,
        startedAt: attempt.started_at,
        scenarioVersion: attempt.scenario_version,
        events: log,
        home: storedPracticeHome(attempt.practice_home_json),
      }),
      snapshotEvents: -1,
    };
  }
  if (current && isStateOf(found.state, attempt)) hot.set(attempt.id, found);
  return found;
}

/** The attempt's state at its stored version (see `loadHotAttempt`). */
export async function loadAttemptState(db: Kysely<Database>, attempt: Attempt): Promise<AttemptState> {
  return (await loadHotAttempt(db, attempt, db)).state;
}

/**
 * An officer's own attempt, or undefined (another officer's attempt is as good as missing).
 * `forChange`: held until the transaction ends, so that concurrent submits on one attempt take turns.
 */
export async function findOwnAttempt(
  db: Kysely<Database>,
  userId: number,
  attemptId: number,
  options: { forChange?: boolean } = {},
): Promise<Attempt | undefined> {
  const { rows } = await (options.forChange ? selectOwnAttemptForChange : selectOwnAttempt)(db, attemptId, userId);
  return rows[0];
}

// The step's statements, compiled once (db/precompiled.ts): every step and drill page runs them.
const ownAttempt = (db: Kysely<Database>) =>
  db.selectFrom('attempts').selectAll().where('id', '=', arg<number>(0)).where('user_id', '=', arg<number>(1));
const selectOwnAttempt = precompiled<[attemptId: number, userId: number]>()(ownAttempt);
const selectOwnAttemptForChange = precompiled<[attemptId: number, userId: number]>()((db: Kysely<Database>) =>
  lockedForUpdate(db, ownAttempt(db)),
);
/** A step's write of the attempt row, the snapshot left as stored (it is due every SNAPSHOT_EVERY_EVENTS). */
const updateAttemptProgress = precompiled<
  [eventCount: number, status: Attempt['status'], hintsUsed: number, id: number, version: number]
>()((db: Kysely<Database>) =>
  db
    .updateTable('attempts')
    .set({ event_count: arg<number>(0), status: arg<Attempt['status']>(1), hints_used: arg<number>(2) })
    .where('id', '=', arg<number>(3))
    .where('event_count', '=', arg<number>(4)),
);
const insertAttemptEvent = precompiled<
  [attemptId: number, seq: number, at: string, eventJson: string, formValuesJson: string | null]
>()((db: Kysely<Database>) =>
  db.insertInto('attempt_events').values({
    attempt_id: arg<number>(0),
    seq: arg<number>(1),
    at: arg<string>(2),
    event_json: arg<string>(3),
    form_values_json: arg<string | null>(4),
  }),
);

/**
 * Stores what an engine call added — new events, the snapshot when it is due (`SNAPSHOT_EVERY_EVENTS`)
 * — and, when finished, the score. Returns the attempt as now stored, to be remembered once the
 * transaction has committed.
 */
async function commit(
  trx: Transaction<Database>,
  attempt: Attempt,
  from: HotAttempt,
  next: AttemptState,
  formValues?: Record<string, unknown>,
): Promise<HotAttempt> {
  const finished = next.status === 'finished';
  const score = finished ? scoreAttempt(next) : null;
  const writeSnapshot =
    finished || from.snapshotEvents < 0 || next.events.length - from.snapshotEvents >= SNAPSHOT_EVERY_EVENTS;
  // The version check (event_count = the version the page was built on) makes a double click, a stale
  // tab or a replayed POST apply at most once.
  let updated: bigint | undefined;
  if (!writeSnapshot && !score) {
    // Most steps: only the progress (precompiled).
    const { numAffectedRows } = await updateAttemptProgress(
      trx,
      next.events.length,
      next.status,
      next.hintsUsed.length,
      attempt.id,
      attempt.event_count,
    );
    updated = numAffectedRows;
  } else {
    const result = await trx
      .updateTable('attempts')
      .set({
        event_count: next.events.length,
        ...(writeSnapshot ? { state_json: JSON.stringify(next) } : {}),
        status: next.status,
        hints_used: next.hintsUsed.length,
        ...(score
          ? {
              finished_at: next.finishedAt,
              score: score.total,
              passed: score.total >= attempt.pass_mark ? 1 : 0,
              error_codes: JSON.stringify(score.items.filter((i) => i.earned < i.weight).map((i) => i.code)),
            }
          : {}),
      })
      .where('id', '=', attempt.id)
      .where('event_count', '=', attempt.event_count)
      .executeTakeFirst();
    updated = result.numUpdatedRows;
  }
  // Checked before the events go in: a concurrent writer of the same version (another process) has
  // either committed — the row no longer matches — or holds the row until it does.
  if (updated !== 1n) throw new StaleAttemptError();
  const added = next.events.slice(attempt.event_count);
  const valuesJson = (e: AttemptEvent) => (formValues && e.kind === 'workflow' ? JSON.stringify(formValues) : null);
  if (added.length === 1) {
    const [e] = added as [AttemptEvent];
    await insertAttemptEvent(trx, attempt.id, e.seq, e.at, JSON.stringify(e), valuesJson(e));
  } else if (added.length > 1) {
    await trx
      .insertInto('attempt_events')
      .values(
        added.map((e) => ({
          attempt_id: attempt.id,
          seq: e.seq,
          at: e.at,
          event_json: JSON.stringify(e),
          form_values_json: valuesJson(e),
        })),
      )
      .execute();
  }
  if (score) {
    await recordFinishedAttempt(trx, {
      attemptId: attempt.id,
      userId: attempt.user_id,
      skill: attempt.skill,
      mode: attempt.mode,
      seed: attempt.seed,
      finishedAt: next.finishedAt!,
      score: score.total,
      passed: score.total >= attempt.pass_mark,
      errorCodes: score.items.filter((i) => i.earned < i.weight).map((i) => i.code),
    });
  }
  return { state: next, snapshotEvents: writeSnapshot ? next.events.length : from.snapshotEvents };
}

class StaleAttemptError extends Error {}

/**
 * Runs one engine call on the officer's attempt inside a transaction: checks ownership and the
 * version the page was built on, applies, stores. An assessment whose time ran out is finished
 * (timeUp) instead, and the submission refused.
 */
async function change(
  db: Kysely<Database>,
  userId: number,
  attemptId: number,
  version: number,
  now: Date,
  apply: (state: AttemptState, at: string) => ApplyResult,
  formValues?: Record<string, unknown>,
): Promise<DrillResult> {
  let committed: HotAttempt | undefined;
  try {
    const outcome = await db.transaction().execute(async (trx): Promise<DrillResult> => {
      const attempt = await findOwnAttempt(trx, userId, attemptId, { forChange: true });
      if (!attempt) return { ok: false, status: 404, reason: '练兵记录不存在' } as const;
      const outdated = versionChangeOf(attempt);
      if (outdated) return outdatedRefusal(outdated);
      if (attempt.status === 'finished')
        return { ok: false, status: 409, reason: '本次练兵已经结束，不能再提交。' } as const;
      if (attempt.event_count !== version) return STALE;
      const loaded = await loadHotAttempt(trx, attempt, db);
      const timedOut = await handInIfTimeUp(trx, attempt, loaded, now);
      if (timedOut) {
        committed = timedOut;
        return { ok: false, status: 409, reason: '考核时间已到，本次提交未被接受，练兵已自动交卷。' } as const;
      }
      const result = apply(loaded.state, now.toISOString());
      if (!result.ok) {
        return {
          ok: false,
          status: 400,
          reason: result.reason,
          ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
        } as const;
      }
      committed = await commit(trx, attempt, loaded, result.state, formValues);
      return { ok: true, feedback: result.feedback, finished: result.state.status === 'finished' } as const;
    });
    // Only now is it stored: the next step on this attempt starts from here.
    if (committed) hotAttemptsOf(db).set(attemptId, committed);
    return outcome;
  } catch (error) {
    if (error instanceof StaleAttemptError) return STALE;
    throw error;
  }
}

/** Submits one sandbox form of the attempt (values as posted). */
export function submitDrillStep(
  db: Kysely<Database>,
  userId: number,
  attemptId: number,
  input: { stepId: string; values: Record<string, unknown>; version: number; now?: Date },
): Promise<DrillResult> {
  return change(
    db,
    userId,
    attemptId,
    input.version,
    input.now ?? new Date(),
    (state, at) => applyStep(state, { stepId: input.stepId, values: input.values, at }),
    input.values,
  );
}

/** Shows a practice hint (its cost comes off the score); refused while the scenario's assessment is open. */
export async function takeHint(
  db: Kysely<Database>,
  userId: number,
  attemptId: number,
  input: { hintId: string; version: number; now?: Date },
): Promise<DrillResult> {
  const now = input.now ?? new Date();
  const attempt = await findOwnAttempt(db, userId, attemptId);
  const closed = attempt && (await openAssessmentOf(db, userId, attempt.scenario_id, now, '查看提示', attempt.id));
  if (closed) return closed;
  return change(db, userId, attemptId, input.version, now, (state, at) => useHint(state, { hintId: input.hintId, at }));
}

/** Hands the attempt in before the workflow is complete (scored as it stands). */
export function handIn(
  db: Kysely<Database>,
  userId: number,
  attemptId: number,
  input: { version: number; now?: Date },
): Promise<DrillResult> {
  return change(db, userId, attemptId, input.version, input.now ?? new Date(), (state, at) =>
    finishAttempt(state, { at, reason: 'abandoned' }),
  );
}

/** Finishes an assessment whose time ran out while nobody was submitting (on the next page view). */
export async function expireIfTimeUp(db: Kysely<Database>, attempt: Attempt, now = new Date()): Promise<boolean> {
  if (attempt.status !== 'active' || !attempt.deadline || now.getTime() <= Date.parse(attempt.deadline)) return false;
  // Not scored under rules it was not played by: such an attempt is closed instead (getDrillView).
  if (versionChangeOf(attempt)) return false;
  try {
    const timedOut = await db.transaction().execute(async (trx) => {
      const fresh = await findOwnAttempt(trx, attempt.user_id, attempt.id, { forChange: true });
      if (!fresh || fresh.status !== 'active') return undefined;
      return handInIfTimeUp(trx, fresh, await loadHotAttempt(trx, fresh, db), now);
    });
    if (timedOut) hotAttemptsOf(db).set(attempt.id, timedOut);
    return timedOut !== undefined;
  } catch (error) {
    // Someone else's submission finished it first: nothing left to expire.
    if (error instanceof StaleAttemptError) return false;
    throw error;
  }
}

/** Hands in an assessment whose server-side deadline has passed (scored as it stands); what it stored if it did. */
async function handInIfTimeUp(
  trx: Transaction<Database>,
  attempt: Attempt,
  loaded: HotAttempt,
  now: Date,
): Promise<HotAttempt | undefined> {
  const { state } = loaded;
  if (!state.deadline || now.getTime() <= Date.parse(state.deadline)) return undefined;
  const timedOut = finishAttempt(state, { at: now.toISOString(), reason: 'timeUp' });
  if (!timedOut.ok) return undefined;
  return commit(trx, attempt, loaded, timedOut.state);
}

const MODULE_ORDER = ['企业管理', '执法检查', '隐患', '文书', '案件'] as const;

/** Practice feedback on the latest workflow step: the rubric items that step settles, as far as they are decided. */
function latestStepFeedback(state: AttemptState, steps: ReturnType<typeof attemptSteps>) {
  const last = [...state.events].reverse().find((e) => e.kind === 'workflow');
  if (!last || last.kind !== 'workflow' || !last.stepId) return null;
  const stepTitle = steps.find((s) => s.id === last.stepId)?.title ?? last.stepId;
  return { stepTitle, items: practiceFeedback(state, last.stepId) };
}

/**
 * The drill page of an attempt whose scenario changed version: what happened and how to start
 * again (through its assignment, if it came from one, so it keeps the assignment's mode, pass mark
 * and seed and is counted there).
 */
function outdatedDrill(attempt: Attempt, scenario: AnyScenario, change: VersionChange) {
  const closedAt = attempt.closed_reason && attempt.finished_at ? `，已于${beijingTime(attempt.finished_at)}关闭` : '';
  return {
    attempt: {
      id: attempt.id,
      mode: attempt.mode,
      status: attempt.status,
      closed: attempt.closed_reason !== null,
      startedAt: attempt.started_at,
    },
    scenario: { id: scenario.id, title: scenario.title },
    change,
    notice:
      `本次练兵按场景第${change.recorded}版开始，尚未完成时${changedTo(change)}：评分规则和表单有变化，` +
      `已办理的步骤无法按新规则继续${closedAt}，不计成绩` +
      (attempt.assignment_id ? '，也不占用练兵任务的练兵次数' : '') +
      '。请按新版本重新开始练兵。',
    restart: attempt.assignment_id
      ? { action: `/assignments/${attempt.assignment_id}/start`, scenarioId: scenario.id, mode: null }
      : { action: '/drills/start', scenarioId: scenario.id, mode: attempt.mode },
  };
}

/**
 * Everything the sandbox page shows for one of the officer's attempts: the task card, the modules
 * of the real system with their forms and whether each can be done now, the chosen form, practice
 * feedback and hints. Finishes an assessment whose time ran out first. An attempt of another
 * scenario version gets `kind: 'outdated'` instead (closed if still active): it cannot continue.
 */
export async function getDrillView(
  db: Kysely<Database>,
  userId: number,
  attemptId: number,
  chosenStepId: string | null,
) {
  let attempt = await findOwnAttempt(db, userId, attemptId);
  if (!attempt) return null;
  const scenario = await scenarioOf(db, attempt.scenario_id, attempt.scenario_version);
  if (!scenario) return null;
  const outdated = versionChangeOf(attempt, scenario);
  if (outdated) {
    // It cannot go on under the new rules: close it now (if the start-up pass has not), so the
    // officer's assignments and the reports stop counting it as in progress.
    if (attempt.status === 'active' && (await closeOutdatedAttempts(db, { attemptId: attempt.id })) > 0) {
      attempt = (await findOwnAttempt(db, userId, attemptId))!;
    }
    return { kind: 'outdated' as const, ...outdatedDrill(attempt, scenario, outdated) };
  }
  if (await expireIfTimeUp(db, attempt)) attempt = (await findOwnAttempt(db, userId, attemptId))!;
  const state = await loadAttemptState(db, attempt);
  const steps = attemptSteps(state);
  const available = new Set(state.current.availableStepIds);
  const completed = new Set(state.current.completedStepIds);
  const modules = MODULE_ORDER.map((name) => ({
    name,
    steps: steps
      .filter((s) => s.module === name)
      .map((s) => ({
        id: s.id,
        title: s.title,
        available: available.has(s.id),
        completed: completed.has(s.id),
        optional: Boolean(s.optional),
      })),
  })).filter((m) => m.steps.length > 0);
  const chosen = chosenStepId ? steps.find((s) => s.id === chosenStepId && available.has(s.id)) : undefined;
  const practice = attempt.mode === 'practice';
  const usedHints = new Map(state.hintsUsed.map((h) => [h.hintId, h]));
  // While an assessment of this scenario is open, the practice attempt's hints are closed.
  const hintsClosed = practice
    ? await openAssessmentOf(db, userId, scenario.id, new Date(), '查看提示', attempt.id)
    : null;
  return {
    kind: 'drill' as const,
    attempt: {
      id: attempt.id,
      mode: attempt.mode,
      status: attempt.status,
      version: attempt.event_count,
      seed: attempt.seed,
      // The practice home as JSON (the page's data-home, read by the e2e drill helper), or null.
      home: state.home ? JSON.stringify(state.home) : null,
      startedAt: attempt.started_at,
      deadline: attempt.deadline,
      // The server's clock as of this page: the countdown counts against it, not the browser's.
      serverNow: new Date().toISOString(),
    },
    scenario: { id: scenario.id, title: scenario.title, brief: scenario.brief, skill: scenario.skill },
    materials: attemptMaterials(state),
    stage: state.current.stateLabel,
    modules,
    chosenStep: chosen
      ? { id: chosen.id, title: chosen.title, module: chosen.module, intro: chosen.intro, fields: chosen.fields }
      : null,
    // The steps built above, not built again: building a scenario's forms dominates the page's CPU.
    feedback: practice ? latestStepFeedback(state, steps) : null,
    hints: practice
      ? scenario.hints
          .filter((h) => h.stepId === null || h.stepId === chosen?.id)
          .map((h) => ({ id: h.id, cost: h.cost, text: usedHints.has(h.id) ? h.text : null }))
      : [],
    hintsClosed: hintsClosed?.reason ?? null,
    hintDeduction: state.hintsUsed.reduce((sum, h) => sum + h.cost, 0),
    documents: attemptDocuments(state).map((d) => ({ number: d.number, type: d.type, date: d.date })),
  };
}

type DisplayField = { label: string; value: string };

/** A step's values as the form showed them: each field's label and the chosen option's label. */
function displayValues(
  step: { fields: FieldDescriptor[] } | undefined,
  values: Record<string, unknown>,
): DisplayField[] {
  if (!step) return [];
  return step.fields.map((field) => {
    const raw = values[field.name];
    const list = (raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw])
      .map(String)
      .filter((v) => v !== '');
    const shown = list.map(
      (v) => field.options?.find((o) => o.value === v)?.label ?? (field.kind === 'checkbox' ? '是' : v),
    );
    return { label: field.label, value: shown.length > 0 ? shown.join('、') : '（未填写）' };
  });
}

/**
 * The result page of a finished attempt: score against the pass mark, every rubric item with what
 * was expected, what the officer did and the rule, the officer's forms and the documents issued;
 * in practice mode also the model answer (`kind: 'scored'`). An attempt of another scenario version
 * gets only what was stored then (`kind: 'recorded'`).
 */
export async function getAttemptResult(db: Kysely<Database>, userId: number, attemptId: number) {
  const attempt = await findOwnAttempt(db, userId, attemptId);
  return attempt ? buildAttemptResult(db, attempt) : null;
}

/** What the result page shows of the attempt itself, scored now or as recorded. */
function attemptHeader(attempt: Attempt, finishReason: AttemptState['finishReason']) {
  return {
    id: attempt.id,
    mode: attempt.mode,
    status: attempt.status,
    passMark: attempt.pass_mark,
    startedAt: attempt.started_at,
    finishedAt: attempt.finished_at,
    finishReason,
  };
}

/** A finished or active attempt of an officer within the viewer's subtree (managers' drill-down). */
export async function getAttemptResultInScope(db: Kysely<Database>, scope: { path: string }, attemptId: number) {
  const attempt = await db
    .selectFrom('attempts')
    .innerJoin('users', 'users.id', 'attempts.user_id')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .where('attempts.id', '=', attemptId)
    .where('units.path', '>=', scope.path)
    .where('units.path', '<', `${scope.path}~`)
    .selectAll('attempts')
    .select(['users.display_name as officer_name', 'users.id as officer_id'])
    .executeTakeFirst();
  if (!attempt) return null;
  const result = await buildAttemptResult(db, attempt);
  return result ? { ...result, officer: { id: attempt.officer_id, name: attempt.officer_name } } : null;
}

async function buildAttemptResult(db: Kysely<Database>, attempt: Attempt) {
  const scenario = await scenarioOf(db, attempt.scenario_id, attempt.scenario_version);
  if (!scenario) return null;
  const change = versionChangeOf(attempt, scenario);
  return change ? recordedResult(db, attempt, scenario, change) : scoredResult(db, attempt, scenario);
}

async function scoredResult(db: Kysely<Database>, attempt: Attempt, scenario: AnyScenario) {
  const state = await loadAttemptState(db, attempt);
  const score = scoreAttempt(state);
  const steps = attemptSteps(state);
  const rows = await db
    .selectFrom('attempt_events')
    .select(['seq', 'at', 'event_json', 'form_values_json'])
    .where('attempt_id', '=', attempt.id)
    .orderBy('seq')
    .execute();
  const submitted = rows.flatMap((row) => {
    const event = JSON.parse(row.event_json) as AttemptState['events'][number];
    if (event.kind !== 'workflow' || !row.form_values_json) return [];
    const step = steps.find((s) => s.id === event.stepId);
    return [
      {
        seq: row.seq,
        at: row.at,
        title: step?.title ?? event.event.type,
        fields: displayValues(step, JSON.parse(row.form_values_json)),
      },
    ];
  });
  const modelAnswer =
    attempt.mode === 'practice'
      ? scenario.modelAnswer(attemptFixture(state)).map((answer) => {
          const step = steps.find((s) => s.id === answer.stepId);
          return {
            stepId: answer.stepId,
            title: step?.title ?? answer.stepId,
            fields: displayValues(step, answer.values),
          };
        })
      : null;
  return {
    kind: 'scored' as const,
    attempt: attemptHeader(attempt, state.finishReason),
    scenario: { id: scenario.id, title: scenario.title, skill: scenario.skill },
    score,
    passed: attempt.status === 'finished' && score.total >= attempt.pass_mark,
    submitted,
    modelAnswer,
    documents: renderDocuments(state),
    materials: attemptMaterials(state),
    // A trainer's scenario regraded to a newer version: 第n版（由第m版重新评分）.
    regraded: await regradeOf(db, attempt),
  };
}

const FINISH_REASONS: readonly FinishReason[] = ['completed', 'abandoned', 'timeUp'];

/** `read()`, or `fallback` if it throws: details read from an old version's record must never fail the page. */
function orElse<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/**
 * The result of an attempt recorded under another version of its scenario, from what was stored
 * then: the score, verdict, error codes and finish time on the attempt row, the finish reason from
 * the cached snapshot and the steps done from the event log. Nothing is re-scored or re-rendered
 * with the current code (its rubric, forms and documents may differ); each detail read from the
 * old record degrades to nothing rather than fail.
 */
async function recordedResult(db: Kysely<Database>, attempt: Attempt, scenario: AnyScenario, change: VersionChange) {
  // Finished without a score can only mean closed by the system.
  const closed = attempt.closed_reason !== null || (attempt.status === 'finished' && attempt.score === null);
  const scored = attempt.status === 'finished' && !closed;
  const rows = await db
    .selectFrom('attempt_events')
    .select(['seq', 'at', 'event_json'])
    .where('attempt_id', '=', attempt.id)
    .orderBy('seq')
    .execute();
  // Current titles only where the step id still exists; otherwise the recorded id is shown as is.
  const titles = new Map(orElse(() => stepOutline(scenario.id).map((s) => [s.id, s.title] as const), []));
  const steps = rows.flatMap((row) =>
    orElse(() => {
      const event = JSON.parse(row.event_json) as { kind?: unknown; stepId?: unknown };
      if (event.kind !== 'workflow' || typeof event.stepId !== 'string') return [];
      return [{ seq: row.seq, at: row.at, title: titles.get(event.stepId) ?? event.stepId }];
    }, []),
  );
  const errorCodes = orElse(() => {
    const codes: unknown = JSON.parse(attempt.error_codes);
    return Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [];
  }, []);
  const finishReason = orElse(() => {
    const reason = (JSON.parse(attempt.state_json) as { finishReason?: unknown }).finishReason;
    return FINISH_REASONS.find((r) => r === reason) ?? null;
  }, null);
  const finished = attempt.finished_at ? beijingTime(attempt.finished_at) : null;
  const note = closed
    ? `本次练兵按场景第${change.recorded}版开始，尚未完成时${changedTo(change)}，无法按新规则继续${finished ? `，已于${finished}关闭` : ''}，不计成绩。下方按当时的记录列出已办理的步骤。`
    : scored
      ? `本次练兵按场景第${change.recorded}版评定；${changedTo(change)}。得分、是否合格和失分项按当时的记录显示；评分明细、文书和参考答案按新版本无法重现，不再提供。`
      : `本次练兵按场景第${change.recorded}版开始，${changedTo(change)}，无法按新规则继续，不计成绩（执法人员下次打开时关闭）。下方按当时的记录列出已办理的步骤。`;
  return {
    kind: 'recorded' as const,
    attempt: { ...attemptHeader(attempt, scored ? finishReason : null), closed },
    scenario: { id: scenario.id, title: scenario.title, skill: scenario.skill },
    change,
    note,
    total: scored ? attempt.score! : null,
    passed: scored && attempt.passed === 1,
    hintsUsed: attempt.hints_used,
    // The codes are stable across versions; the title is today's name of the item, if it still exists.
    errors: scored
      ? errorCodes.map((code) => ({ code, title: scenario.rubric.find((item) => item.code === code)?.title ?? null }))
      : [],
    steps,
  };
}

/**
 * The documents an officer's own attempt produced, as printable pages; null when not theirs. For an
 * attempt of another scenario version, none (they would be rendered by today's code) and a note.
 */
export async function getAttemptDocuments(db: Kysely<Database>, userId: number, attemptId: number) {
  const attempt = await findOwnAttempt(db, userId, attemptId);
  if (!attempt) return null;
  const scenario = await scenarioOf(db, attempt.scenario_id, attempt.scenario_version);
  if (!scenario) return null;
  const change = versionChangeOf(attempt, scenario);
  const base = {
    attempt: { id: attempt.id, status: attempt.status },
    scenario: { id: scenario.id, title: scenario.title },
  };
  if (change) {
    return {
      ...base,
      documents: [],
      note: `本次练兵按场景第${change.recorded}版办理；${changedTo(change)}，文书按新版本无法如实重现，不再提供打印。`,
    };
  }
  return { ...base, documents: renderDocuments(await loadAttemptState(db, attempt)), note: null };
}

/** The officer's latest attempts, newest first, for the home page history. */
export async function listOwnAttempts(db: Kysely<Database>, userId: number, limit = 20) {
  const rows = await db
    .selectFrom('attempts')
    .select([
      'id',
      'scenario_id',
      'mode',
      'status',
      'started_at',
      'finished_at',
      'score',
      'passed',
      'pass_mark',
      'closed_reason',
    ])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const titles = await scenarioTitles(
    db,
    rows.map((r) => r.scenario_id),
  );
  return rows.map((r) => ({ ...r, title: titles.get(r.scenario_id) ?? r.scenario_id }));
}

/**
 * The scenario catalogue as officers and trainers see it (no fixtures, no answers): the built-ins and
 * the trainers' scenarios usable from the viewer's unit.
 */
export async function scenarioCatalogue(db: Kysely<Database>, viewer: { unit: { id: number; path: string } }) {
  return (await usableScenarios(db, viewer)).map((s) => ({
    id: s.id,
    title: s.title,
    brief: s.brief,
    skill: s.skill,
    estimatedMinutes: s.estimatedMinutes,
    assessmentTimeLimitMinutes: s.assessmentTimeLimitMinutes ?? null,
  }));
}
