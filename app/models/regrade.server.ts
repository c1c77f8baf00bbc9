/**
 * 重新评分 (issue 16, point 4): the finished attempts of a trainer's scenario taken under an older
 * version, replayed under a newer one. A preview shows per unit how scores and pass/fail would
 * change; applying it is an explicit action that moves the attempts to the new version (their
 * event log never changes), keeps what they were before, writes the audit log and recomputes the
 * report rollups of the officers concerned. Built-in scenarios are regraded by code releases.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Attempt, Database } from '../../db/schema';
import { replayAttempt, scoreAttempt } from '../../scenarios/engine';
import { isBuiltInScenario } from '../../scenarios/index';
import type { AttemptState } from '../../scenarios/types';
import { storedPracticeHome } from './practice-home.server';
import { chinaDay } from './mastery.server';
import { rebuildRollupsOf } from './rollups.server';
import { auditScenario, canManage, scenarioOf, type LibraryActor } from './scenario-library.server';
import { isWithinSubtree, listUnitsInSubtree } from './unit.server';

type Db = Kysely<Database>;

/** What a preview is asked for: the version to regrade to, a unit (its subtree) and a period of China-time days. */
export interface RegradeParams {
  toVersion: number;
  unitCode: string;
  /** First and last day (YYYY-MM-DD, China time), both included: attempts started within them. */
  from: string;
  to: string;
}

export type RegradeRefusal = {
  ok: false;
  status: 400 | 403 | 404 | 409;
  message: string;
  /** The form field the refusal is about, if one. */
  field?: 'toVersion' | 'unit' | 'fingerprint';
};

const refuse = (
  status: RegradeRefusal['status'],
  message: string,
  field?: RegradeRefusal['field'],
): RegradeRefusal => ({
  ok: false,
  status,
  message,
  ...(field ? { field } : {}),
});

export const BUILT_IN_REGRADE_MESSAGE =
  '内置场景的评分规则随平台版本发布更新，由开发人员在发布时统一处理，不能在此重新评分；只有培训员自编的场景可以重新评分。';

/** An officer named in the preview, with the attempt and its score before and after. */
export interface RegradedPerson {
  attemptId: number;
  userId: number;
  name: string;
  fromVersion: number;
  fromScore: number;
  toScore: number;
}

/** An attempt whose record the new version does not accept, with the reason. */
export interface UnregradablePerson {
  attemptId: number;
  userId: number;
  name: string;
  fromVersion: number;
  reason: string;
}

export interface RegradeUnitRow {
  code: string;
  name: string;
  /** Attempts considered (考生人次). */
  considered: number;
  regradable: number;
  /** Regradable attempts whose score changes. */
  changed: number;
  newlyPassed: RegradedPerson[];
  newlyFailed: RegradedPerson[];
  cannotRegrade: UnregradablePerson[];
}

export interface RegradeTotals {
  considered: number;
  regradable: number;
  changed: number;
  newlyPassed: number;
  newlyFailed: number;
  cannotRegrade: number;
}

export interface RegradePreview {
  ok: true;
  scenario: { id: string; title: string };
  toVersion: number;
  unit: { code: string; name: string };
  period: { from: string; to: string };
  units: RegradeUnitRow[];
  totals: RegradeTotals;
  /** Of the attempts considered as they are now: applying refuses when it no longer matches. */
  fingerprint: string;
}

type Considered = Pick<
  Attempt,
  | 'id'
  | 'user_id'
  | 'scenario_version'
  | 'seed'
  | 'mode'
  | 'started_at'
  | 'pass_mark'
  | 'score'
  | 'passed'
  | 'event_count'
  | 'practice_home_json'
> & { name: string; unit_code: string; unit_name: string };

/** One attempt replayed under the new version: its new result, or why it cannot be regraded. */
type Outcome = { attempt: Considered } & (
  | { ok: true; state: AttemptState; score: number; passed: boolean; errorCodes: string[] }
  | { ok: false; reason: string }
);

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instants of a period of China-time days: [00:00 of `from`, 00:00 of the day after `to`). */
function periodInstants(period: { from: string; to: string }) {
  const start = Date.parse(`${period.from}T00:00:00+08:00`);
  const end = Date.parse(`${period.to}T00:00:00+08:00`) + DAY_MS;
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

/** Replays one attempt's stored events under `toVersion` (registered with the engine beforehand). */
function replayUnder(
  scenarioId: string,
  toVersion: number,
  attempt: Considered,
  events: AttemptState['events'],
): Outcome {
  try {
    const state = replayAttempt({
      scenarioId,
      seed: attempt.seed,
      mode: attempt.mode,
      startedAt: attempt.started_at,
      scenarioVersion: toVersion,
      events,
      home: storedPracticeHome(attempt.practice_home_json),
    });
    if (state.status !== 'finished')
      return { attempt, ok: false, reason: '按新版本重放后练兵未能结束（新版本要求的步骤更多或不同）' };
    const score = scoreAttempt(state);
    return {
      attempt,
      ok: true,
      state,
      score: score.total,
      passed: score.total >= attempt.pass_mark,
      errorCodes: score.items.filter((i) => i.earned < i.weight).map((i) => i.code),
    };
  } catch (error) {
    // The record holds what the old version accepted: the new one may refuse it (a changed choice, a removed hint).
    const message = error instanceof Error ? error.message : String(error);
    return {
      attempt,
      ok: false,
      reason: /^第\d+条记录无法重放/.test(message) ? message : `记录按新版本无法重放：${message}`,
    };
  }
}

/** The trainer's scenario if the actor manages it; otherwise the refusal (built-in, unknown, not theirs). */
async function managedScenario(db: Db, actor: LibraryActor, scenarioId: string) {
  if (isBuiltInScenario(scenarioId)) return refuse(409, BUILT_IN_REGRADE_MESSAGE);
  const row = await db
    .selectFrom('authored_scenarios')
    .innerJoin('units', 'units.id', 'authored_scenarios.unit_id')
    .select(['authored_scenarios.id', 'authored_scenarios.title', 'units.path as unitPath'])
    .where('authored_scenarios.id', '=', scenarioId)
    .executeTakeFirst();
  if (!row) return refuse(404, '练兵场景不存在');
  if (!canManage(actor, { path: row.unitPath }))
    return refuse(403, '无权重新评分：只有场景所属单位及上级单位的培训员可以重新评分');
  return { ok: true as const, id: row.id, title: row.title };
}

/**
 * Everything a preview and its application share: the checks (scenario, manager, version, unit in
 * scope), the attempts considered and each one's outcome under the new version. Pure function of the data.
 */
async function computeRegrade(
  db: Db,
  actor: LibraryActor,
  scenarioId: string,
  params: RegradeParams,
): Promise<
  | RegradeRefusal
  | {
      ok: true;
      scenario: { id: string; title: string; skill: string };
      unit: { id: number; code: string; name: string; path: string };
      outcomes: Outcome[];
      /** The subtree's units in tree order (siblings by sort order), by code: the order of the preview's rows. */
      unitOrder: Map<string, number>;
      fingerprint: string;
    }
> {
  const row = await managedScenario(db, actor, scenarioId);
  if (!row.ok) return row;
  const version = await db
    .selectFrom('scenario_versions')
    .select('version')
    .where('scenario_id', '=', scenarioId)
    .where('version', '=', params.toVersion)
    .executeTakeFirst();
  if (!version) return refuse(400, `该场景没有已发布的第${params.toVersion}版，请从列表中选择版本`, 'toVersion');
  const unit = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'path'])
    .where('code', '=', params.unitCode)
    .executeTakeFirst();
  if (!unit) return refuse(404, '单位不存在', 'unit');
  if (!isWithinSubtree(actor.unit, unit)) return refuse(403, '无权查看该单位：它不在您的管辖范围内', 'unit');
  const target = await scenarioOf(db, scenarioId, params.toVersion);
  if (!target) return refuse(404, `该场景没有已发布的第${params.toVersion}版`, 'toVersion');

  const period = periodInstants(params);
  const attempts: Considered[] = await db
    .selectFrom('attempts')
    .innerJoin('users', 'users.id', 'attempts.user_id')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select([
      'attempts.id',
      'attempts.user_id',
      'attempts.scenario_version',
      'attempts.seed',
      'attempts.mode',
      'attempts.started_at',
      'attempts.pass_mark',
      'attempts.score',
      'attempts.passed',
      'attempts.event_count',
      'attempts.practice_home_json',
      'users.display_name as name',
      'units.code as unit_code',
      'units.name as unit_name',
    ])
    .where('attempts.scenario_id', '=', scenarioId)
    .where('attempts.scenario_version', '<', params.toVersion)
    .where('attempts.status', '=', 'finished')
    .where('attempts.closed_reason', 'is', null)
    .where('attempts.score', 'is not', null)
    .where('attempts.started_at', '>=', period.from)
    .where('attempts.started_at', '<', period.to)
    .where('units.path', '>=', unit.path)
    .where('units.path', '<', `${unit.path}~`)
    .orderBy('attempts.started_at')
    .orderBy('attempts.id')
    .execute();

  const events = new Map<number, AttemptState['events']>();
  // Read in slices: SQLite limits the number of bound parameters in one statement.
  for (let i = 0; i < attempts.length; i += 500) {
    const rows = await db
      .selectFrom('attempt_events')
      .select(['attempt_id', 'event_json'])
      .where(
        'attempt_id',
        'in',
        attempts.slice(i, i + 500).map((a) => a.id),
      )
      .orderBy('attempt_id')
      .orderBy('seq')
      .execute();
    for (const r of rows) {
      const list = events.get(r.attempt_id) ?? [];
      list.push(JSON.parse(r.event_json));
      events.set(r.attempt_id, list);
    }
  }
  const outcomes = attempts.map((a) => replayUnder(scenarioId, params.toVersion, a, events.get(a.id) ?? []));
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([
        scenarioId,
        params.toVersion,
        unit.code,
        params.from,
        params.to,
        attempts.map((a) => [a.id, a.scenario_version, a.event_count, a.score, a.passed]),
      ]),
    )
    .digest('hex');
  const unitOrder = new Map(
    attempts.length === 0 ? [] : (await listUnitsInSubtree(db, unit)).map((u, index) => [u.code, index] as const),
  );
  return {
    ok: true,
    scenario: { id: row.id, title: row.title, skill: target.skill },
    unit,
    outcomes,
    unitOrder,
    fingerprint,
  };
}

/** The preview's figures per unit of the officers (in tree order) and in total. */
function summarise(
  outcomes: readonly Outcome[],
  unitOrder: ReadonlyMap<string, number>,
): { units: RegradeUnitRow[]; totals: RegradeTotals } {
  const byUnit = new Map<string, RegradeUnitRow>();
  for (const outcome of outcomes) {
    const a = outcome.attempt;
    let row = byUnit.get(a.unit_code);
    if (!row) {
      row = {
        code: a.unit_code,
        name: a.unit_name,
        considered: 0,
        regradable: 0,
        changed: 0,
        newlyPassed: [],
        newlyFailed: [],
        cannotRegrade: [],
      };
      byUnit.set(a.unit_code, row);
    }
    row.considered += 1;
    const person = { attemptId: a.id, userId: a.user_id, name: a.name, fromVersion: a.scenario_version };
    if (!outcome.ok) {
      row.cannotRegrade.push({ ...person, reason: outcome.reason });
      continue;
    }
    row.regradable += 1;
    if (outcome.score !== a.score) row.changed += 1;
    const moved = { ...person, fromScore: a.score!, toScore: outcome.score };
    if (outcome.passed && a.passed !== 1) row.newlyPassed.push(moved);
    if (!outcome.passed && a.passed === 1) row.newlyFailed.push(moved);
  }
  const units = [...byUnit.values()].sort((x, y) => (unitOrder.get(x.code) ?? 0) - (unitOrder.get(y.code) ?? 0));
  const sum = (pick: (row: RegradeUnitRow) => number) => units.reduce((s, row) => s + pick(row), 0);
  return {
    units,
    totals: {
      considered: sum((r) => r.considered),
      regradable: sum((r) => r.regradable),
      changed: sum((r) => r.changed),
      newlyPassed: sum((r) => r.newlyPassed.length),
      newlyFailed: sum((r) => r.newlyFailed.length),
      cannotRegrade: sum((r) => r.cannotRegrade.length),
    },
  };
}

/**
 * 重新评分预览: for the finished, scored attempts of the scenario taken under a version older than
 * `toVersion`, started within the period by officers of the unit's subtree, how scores and pass/fail
 * would change under `toVersion` — per unit and in total, with the names of those who would newly
 * pass or fail and of the attempts that cannot be regraded. Writes nothing.
 */
export async function previewRegrade(
  db: Db,
  actor: LibraryActor,
  scenarioId: string,
  params: RegradeParams,
): Promise<RegradePreview | RegradeRefusal> {
  const computed = await computeRegrade(db, actor, scenarioId, params);
  if (!computed.ok) return computed;
  return {
    ok: true,
    scenario: { id: computed.scenario.id, title: computed.scenario.title },
    toVersion: params.toVersion,
    unit: { code: computed.unit.code, name: computed.unit.name },
    period: { from: params.from, to: params.to },
    ...summarise(computed.outcomes, computed.unitOrder),
    fingerprint: computed.fingerprint,
  };
}

export interface RegradeApplied {
  ok: true;
  /** The scenario_regrades row, or null when there was nothing left to regrade (applied before). */
  regradeId: number | null;
  moved: number;
  totals: RegradeTotals;
}

/**
 * 应用重新评分: in one transaction, checks that the attempts are still as previewed (else 409),
 * moves each regradable attempt to `toVersion` with its new score, verdict, error codes and state
 * (the event log stays as recorded), keeps the history (scenario_regrades, scenario_regrade_attempts),
 * writes the audit log and recomputes the report rollups of the officers concerned. Nothing left
 * to regrade (applied already): nothing is written.
 */
export async function applyRegrade(
  db: Db,
  actor: LibraryActor,
  scenarioId: string,
  params: RegradeParams & { fingerprint: string },
  now = new Date(),
): Promise<RegradeApplied | RegradeRefusal> {
  return db.transaction().execute(async (trx) => {
    const computed = await computeRegrade(trx, actor, scenarioId, params);
    if (!computed.ok) return computed;
    const { totals, units } = summarise(computed.outcomes, computed.unitOrder);
    const regradable = computed.outcomes.filter((o): o is Extract<Outcome, { ok: true }> => o.ok);
    if (regradable.length === 0) return { ok: true, regradeId: null, moved: 0, totals };
    if (computed.fingerprint !== params.fingerprint)
      return refuse(409, '预览之后练兵记录有变化（有新的成绩或已被重新评分），请重新预览后再应用', 'fingerprint');
    return moveAttempts(trx, actor, computed, params, regradable, { totals, units }, now);
  });
}

async function moveAttempts(
  trx: Transaction<Database>,
  actor: LibraryActor,
  computed: { scenario: { id: string; skill: string }; unit: { id: number; code: string } },
  params: RegradeParams,
  regradable: Extract<Outcome, { ok: true }>[],
  summary: { totals: RegradeTotals; units: RegradeUnitRow[] },
  now: Date,
): Promise<RegradeApplied> {
  const at = now.toISOString();
  for (const o of regradable) {
    await trx
      .updateTable('attempts')
      .set({
        scenario_version: params.toVersion,
        // Denormalised for the rollups: a version may have moved the scenario to another skill.
        skill: computed.scenario.skill,
        score: o.score,
        passed: o.passed ? 1 : 0,
        error_codes: JSON.stringify(o.errorCodes),
        state_json: JSON.stringify(o.state),
      })
      .where('id', '=', o.attempt.id)
      .execute();
  }
  const { id: regradeId } = await trx
    .insertInto('scenario_regrades')
    .values({
      scenario_id: computed.scenario.id,
      to_version: params.toVersion,
      scope_unit_id: computed.unit.id,
      period_from: params.from,
      period_to: params.to,
      applied_by: actor.id,
      applied_at: at,
      summary_json: JSON.stringify({
        totals: summary.totals,
        units: summary.units.map((u) => ({
          code: u.code,
          name: u.name,
          considered: u.considered,
          changed: u.changed,
          newlyPassed: u.newlyPassed.length,
          newlyFailed: u.newlyFailed.length,
          cannotRegrade: u.cannotRegrade.length,
        })),
      }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < regradable.length; i += 100) {
    await trx
      .insertInto('scenario_regrade_attempts')
      .values(
        regradable.slice(i, i + 100).map((o) => ({
          regrade_id: regradeId,
          attempt_id: o.attempt.id,
          from_version: o.attempt.scenario_version,
          from_score: o.attempt.score,
          from_passed: o.attempt.passed,
          to_score: o.score,
          to_passed: o.passed ? 1 : 0,
        })),
      )
      .execute();
  }
  await auditScenario(trx, actor.id, 'scenario.regrade', computed.scenario.id, {
    regradeId,
    toVersion: params.toVersion,
    unit: computed.unit.code,
    from: params.from,
    to: params.to,
    moved: regradable.length,
    ...summary.totals,
  });
  await rebuildRollupsOf(
    trx,
    regradable.map((o) => o.attempt.user_id),
  );
  return { ok: true, regradeId, moved: regradable.length, totals: summary.totals };
}

/**
 * What the regrade form offers: the scenario, its published versions (newest first) and the units
 * of the trainer's subtree; or the refusal (built-in, unknown, not managed by the trainer).
 */
export async function regradeChoices(db: Db, actor: LibraryActor, scenarioId: string) {
  const row = await managedScenario(db, actor, scenarioId);
  if (!row.ok) return row;
  const [versions, units, history] = await Promise.all([
    db
      .selectFrom('scenario_versions')
      .select(['version', 'published_at'])
      .where('scenario_id', '=', scenarioId)
      .orderBy('version', 'desc')
      .execute(),
    listUnitsInSubtree(db, actor.unit),
    // Applied regrades of units within the trainer's subtree (a province's may reach beyond a city's trainer).
    db
      .selectFrom('scenario_regrades')
      .innerJoin('units', 'units.id', 'scenario_regrades.scope_unit_id')
      .innerJoin('users', 'users.id', 'scenario_regrades.applied_by')
      .select([
        'scenario_regrades.id',
        'scenario_regrades.to_version',
        'scenario_regrades.period_from',
        'scenario_regrades.period_to',
        'scenario_regrades.applied_at',
        'scenario_regrades.summary_json',
        'units.name as unit_name',
        'users.display_name as applied_by',
      ])
      .where('scenario_regrades.scenario_id', '=', scenarioId)
      .where('units.path', '>=', actor.unit.path)
      .where('units.path', '<', `${actor.unit.path}~`)
      .orderBy('scenario_regrades.id', 'desc')
      .execute(),
  ]);
  return {
    ok: true as const,
    scenario: { id: row.id, title: row.title },
    versions,
    units: units.map((u) => ({ code: u.code, name: u.name, level: u.level })),
    history: history.map(({ summary_json, ...r }) => ({
      ...r,
      totals: (JSON.parse(summary_json) as { totals: RegradeTotals }).totals,
    })),
  };
}

/**
 * For the result page: the version a regraded attempt is scored under now, the one it was taken
 * under and its score then; null for an attempt never regraded (and for built-ins, never regraded here).
 */
export async function regradeOf(
  db: Db,
  attempt: Pick<Attempt, 'id' | 'scenario_id' | 'scenario_version'>,
): Promise<{ version: number; fromVersion: number; fromScore: number | null } | null> {
  if (isBuiltInScenario(attempt.scenario_id)) return null;
  // The first regrade of the attempt knows what it was taken under.
  const first = await db
    .selectFrom('scenario_regrade_attempts')
    .select(['from_version', 'from_score'])
    .where('attempt_id', '=', attempt.id)
    .orderBy('regrade_id')
    .limit(1)
    .executeTakeFirst();
  return first
    ? { version: attempt.scenario_version, fromVersion: first.from_version, fromScore: first.from_score }
    : null;
}

/** The form's default period: the last 30 days (China time), today included. */
export function defaultRegradePeriod(now: Date): { from: string; to: string } {
  return { from: chinaDay(new Date(now.getTime() - 29 * DAY_MS).toISOString()), to: chinaDay(now.toISOString()) };
}
