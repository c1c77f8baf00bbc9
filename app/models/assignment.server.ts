import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Assignment, AttemptMode, Database, Unit } from '../../db/schema';
import { getScenario } from '../../scenarios/index';
import { beijingDate, beijingTime, pct } from '../utils/format';
import type { AssignmentActionInput, CreateAssignmentInput } from '../validation/assignment';
import { closeOutdatedAttempts, startDrill, type DrillRefusal } from './attempt.server';
import { findUnitByCode, isWithinSubtree } from './unit.server';

type Scope = Pick<Unit, 'path'>;
type Actor = { id: number; unit: Pick<Unit, 'id' | 'path'> };
type Db = Kysely<Database> | Transaction<Database>;

/** A refusal beside a form field (or the whole form when `field` is absent); 409 when the page is stale or the work already done. */
export type AssignmentError = { ok: false; field?: string; message: string; status?: 409 };

/** How one officer stands on one assignment (all its scenarios). */
export type OfficerAssignmentStatus = 'passed' | 'failed' | 'overdue' | 'inProgress' | 'notStarted';

export const STATUS_LABELS: Record<OfficerAssignmentStatus, string> = {
  passed: '已完成·合格',
  failed: '已完成·未合格',
  overdue: '已逾期',
  inProgress: '进行中',
  notStarted: '未开始',
};

export const FOLLOW_UP_PAGE_SIZE = 50;
const OVERDUE_LIST_LIMIT = 200;

function audit(db: Db, actorId: number, action: string, assignmentId: number, detail: object) {
  return db
    .insertInto('audit_log')
    .values({
      actor_user_id: actorId,
      action,
      target_type: 'assignment',
      target_id: String(assignmentId),
      detail: JSON.stringify(detail),
    })
    .execute();
}

/** A fresh token for the "布置任务" form (128 random bits); stored only with the assignment it creates. */
export function newAssignmentFormToken(): string {
  return randomBytes(16).toString('base64url');
}

function findByFormToken(db: Db, actorId: number, formToken: string) {
  return db
    .selectFrom('assignments')
    .select('id')
    .where('created_by', '=', actorId)
    .where('form_token', '=', formToken)
    .executeTakeFirst();
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * Creates an assignment for units of the actor's subtree and/or chosen officers of it; nothing is
 * stored on a refusal. Idempotent per form: a form token already used by the actor returns the
 * assignment it created (`repeated`), so a double submit or a replayed POST creates one assignment.
 */
export async function createAssignment(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateAssignmentInput,
  now = new Date(),
): Promise<{ ok: true; id: number; repeated: boolean } | AssignmentError> {
  // Before any other check: the repeat of a form that succeeded must not fail on, say, a due date
  // that has since passed.
  const done = await findByFormToken(db, actor.id, input.formToken);
  if (done) return { ok: true, id: done.id, repeated: true };

  const scenarios = input.scenarioIds.map((id) => getScenario(id));
  const unknown = input.scenarioIds.filter((_, i) => !scenarios[i]);
  if (unknown.length > 0) return { ok: false, field: 'scenarioIds', message: `练兵场景不存在：${unknown.join('、')}` };

  const unitCodes = [...new Set(input.unitCodes)];
  const units = unitCodes.length
    ? await db.selectFrom('units').select(['id', 'code', 'name', 'path']).where('code', 'in', unitCodes).execute()
    : [];
  const badUnits = unitCodes.filter((code) => {
    const unit = units.find((u) => u.code === code);
    return !unit || !isWithinSubtree(actor.unit, unit);
  });
  if (badUnits.length > 0) {
    return { ok: false, field: 'unitCodes', message: `单位不存在或不在您的管辖范围内：${badUnits.join('、')}` };
  }

  const officers = input.officerUsernames.length
    ? await db
        .selectFrom('users')
        .innerJoin('units', 'units.id', 'users.unit_id')
        .select(['users.id', 'users.username', 'users.role', 'users.disabled', 'units.path'])
        .where('users.username', 'in', input.officerUsernames)
        .execute()
    : [];
  const badOfficers = input.officerUsernames.filter((name) => {
    const officer = officers.find((o) => o.username === name);
    return !officer || officer.role !== 'officer' || officer.disabled === 1 || !isWithinSubtree(actor.unit, officer);
  });
  if (badOfficers.length > 0) {
    return {
      ok: false,
      field: 'officerUsernames',
      message: `以下用户不是您管辖范围内的在岗执法人员：${badOfficers.join('、')}`,
    };
  }
  if (Date.parse(input.dueAt) <= now.getTime()) return { ok: false, field: 'dueAt', message: '截止时间须晚于当前时间' };

  // Keep only the topmost of nested units (a city and one of its counties: the city covers both),
  // so that the units' subtrees never overlap and nobody is counted twice.
  const topUnits = units.filter((u) => !units.some((other) => other.id !== u.id && u.path.startsWith(other.path)));
  const first = scenarios[0]!;
  const title = input.title || (scenarios.length > 1 ? `${first.title}等 ${scenarios.length} 个场景` : first.title);
  const created = db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('assignments')
      .values({
        form_token: input.formToken,
        title,
        created_by: actor.id,
        owner_unit_id: actor.unit.id,
        mode: input.mode,
        pass_mark: input.passMark,
        opens_at: input.opensAt,
        due_at: input.dueAt,
        attempts_allowed: input.attemptsAllowed,
        note: input.note,
        is_competition: input.competition ? 1 : 0,
        competition_seed: input.competition ? randomBytes(6).toString('hex') : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('assignment_scenarios')
      .values(scenarios.map((s, position) => ({ assignment_id: id, scenario_id: s!.id, position })))
      .execute();
    const targets = [
      ...topUnits.map((u) => ({ assignment_id: id, unit_id: u.id, user_id: null })),
      ...officers.map((o) => ({ assignment_id: id, unit_id: null, user_id: o.id })),
    ];
    await trx.insertInto('assignment_targets').values(targets).execute();
    await audit(trx, actor.id, 'assignment.create', id, {
      scenarios: input.scenarioIds,
      units: topUnits.map((u) => u.code),
      officers: officers.map((o) => o.username),
      mode: input.mode,
      passMark: input.passMark,
      opensAt: input.opensAt,
      dueAt: input.dueAt,
      attemptsAllowed: input.attemptsAllowed,
      competition: input.competition,
    });
    return { ok: true, id, repeated: false } as const;
  });
  try {
    return await created;
  } catch (error) {
    // The same form arrived twice at once (another process, or a write in between): the unique
    // index (created_by, form_token) let one through; this one answers with it.
    const other = isUniqueViolation(error) ? await findByFormToken(db, actor.id, input.formToken) : undefined;
    if (other) return { ok: true, id: other.id, repeated: true };
    throw error;
  }
}

/** The assignment if it was set within the viewer's subtree (its owner unit lies in it). */
export async function findAssignmentInScope(db: Db, scope: Scope, assignmentId: number) {
  const row = await db
    .selectFrom('assignments')
    .innerJoin('units', 'units.id', 'assignments.owner_unit_id')
    .selectAll('assignments')
    .select(['units.path as owner_path', 'units.name as owner_unit_name'])
    .where('assignments.id', '=', assignmentId)
    .executeTakeFirst();
  if (!row || !isWithinSubtree(scope, { path: row.owner_path })) return undefined;
  return row;
}

function scenarioIdsOf(db: Db, assignmentIds: number[]) {
  if (assignmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assignment_scenarios')
    .select(['assignment_id', 'scenario_id'])
    .where('assignment_id', 'in', assignmentIds)
    .orderBy('assignment_id')
    .orderBy('position')
    .execute();
}

/** Open (not closed, due not passed), upcoming, or closed. */
export function assignmentPhase(
  a: Pick<Assignment, 'opens_at' | 'due_at' | 'closed_at'>,
  now: Date,
): 'upcoming' | 'open' | 'closed' {
  if (a.closed_at || Date.parse(a.due_at) < now.getTime()) return 'closed';
  return Date.parse(a.opens_at) > now.getTime() ? 'upcoming' : 'open';
}

/** Best attempt key: score first, then the shorter time (seconds capped below TIME_SPAN). */
const TIME_SPAN = 10_000_000;

/**
 * The per-officer standing on one assignment, as SQL common table expressions: `covered` (officers
 * on record, not disabled, in a targeted unit's subtree or chosen by name — resolved now, so
 * officers who joined later are included; unit targets never overlap, see `createAssignment`, so a
 * UNION ALL without a sort to remove duplicates suffices), `best` (per officer: scenarios finished and passed, the
 * sum of their best scores and the time of those best attempts — the best attempt per scenario is
 * the highest score, then the shortest time, found with one `max()` over a combined key, no sort),
 * the due dates moved by extensions, and `officer_state` (one row per covered officer with attempts
 * started, scenarios done and passed, score, time, effective due date and status). Attempts the
 * system closed (closed_reason: the scenario was updated before they finished) count for nothing.
 */
function officerStatusCtes(assignmentId: number, scenarioCount: number, now: Date): RawBuilder<unknown> {
  const nowIso = now.toISOString();
  // Literals, not parameters: a bound JS number is a REAL, and the key's arithmetic must stay integer.
  const span = sql.lit(TIME_SPAN);
  const last = sql.lit(TIME_SPAN - 1);
  return sql`
    covered(user_id, unit_id) as (
      select u.id, u.unit_id
        from assignment_targets t
        join units tu on tu.id = t.unit_id
        join units un on un.path >= tu.path and un.path < tu.path || '~'
        join users u on u.unit_id = un.id and u.role = 'officer' and u.disabled = 0
       where t.assignment_id = ${assignmentId}
      union all
      select u.id, u.unit_id
        from assignment_targets t
        join users u on u.id = t.user_id and u.role = 'officer' and u.disabled = 0
        join units uu on uu.id = u.unit_id
       where t.assignment_id = ${assignmentId}
         and not exists (
           select 1 from assignment_targets t2 join units tu2 on tu2.id = t2.unit_id
            where t2.assignment_id = ${assignmentId} and uu.path >= tu2.path and uu.path < tu2.path || '~'
         )
    ),
    per_scenario as (
      select user_id, scenario_id, count(*) as started,
             max(case when status = 'finished'
                      then score * ${span} + (${last} - min(${last}, cast((julianday(finished_at) - julianday(started_at)) * 86400 as integer)))
                 end) as best_key,
             max(case when status = 'finished' then passed end) as passed
        from attempts
       where assignment_id = ${assignmentId} and closed_reason is null
       group by user_id, scenario_id
    ),
    best as (
      select user_id, sum(started) as started, count(best_key) as done, coalesce(sum(passed), 0) as passed_n,
             sum(best_key / ${span}) as score_sum,
             sum(${last} - best_key % ${span}) as seconds
        from per_scenario group by user_id
    ),
    unit_due(unit_id, due_at) as (
      select un.id, max(e.due_at)
        from assignment_extensions e
        join units eu on eu.id = e.unit_id
        join units un on un.path >= eu.path and un.path < eu.path || '~'
       where e.assignment_id = ${assignmentId}
       group by un.id
    ),
    user_due(user_id, due_at) as (
      select user_id, max(due_at) from assignment_extensions
       where assignment_id = ${assignmentId} and user_id is not null group by user_id
    ),
    officer_status as (
      select c.user_id, c.unit_id,
             coalesce(best.started, 0) as started,
             coalesce(best.done, 0) as done,
             coalesce(best.passed_n, 0) as passed_n,
             case when best.done > 0 then round(1.0 * best.score_sum / ${scenarioCount}, 1) end as score,
             case when best.done > 0 then best.seconds end as seconds,
             max(a.due_at, coalesce(unit_due.due_at, a.due_at), coalesce(user_due.due_at, a.due_at)) as due_at
        from covered c
        join assignments a on a.id = ${assignmentId}
        left join best on best.user_id = c.user_id
        left join unit_due on unit_due.unit_id = c.unit_id
        left join user_due on user_due.user_id = c.user_id
    ),
    officer_state as (
      select s.*,
             case
               when s.done = ${scenarioCount} and s.passed_n = ${scenarioCount} then 'passed'
               when s.done = ${scenarioCount} then 'failed'
               when s.due_at < ${nowIso} then 'overdue'
               when s.started > 0 then 'inProgress'
               else 'notStarted'
             end as status
        from officer_status s
    )`;
}

type Totals = {
  covered: number;
  completed: number;
  passed: number;
  overdue: number;
  started: number;
  avgScore: number | null;
};

async function totalsOf(db: Db, assignmentId: number, scenarioCount: number, now: Date): Promise<Totals> {
  const { rows } = await sql<Totals>`
    with ${officerStatusCtes(assignmentId, scenarioCount, now)}
    select count(*) as covered,
           coalesce(sum(status in ('passed', 'failed')), 0) as completed,
           coalesce(sum(status = 'passed'), 0) as passed,
           coalesce(sum(status = 'overdue'), 0) as overdue,
           coalesce(sum(started > 0), 0) as started,
           round(avg(case when status in ('passed', 'failed') then score end), 1) as avgScore
      from officer_state`.execute(db);
  return rows[0]!;
}

/** The assignments set within the viewer's subtree, newest first, each with its completion figures. */
export async function listAssignmentsInScope(db: Kysely<Database>, scope: Scope, now = new Date(), limit = 50) {
  const rows = await db
    .selectFrom('assignments')
    .innerJoin('units', 'units.id', 'assignments.owner_unit_id')
    .leftJoin('users', 'users.id', 'assignments.created_by')
    .selectAll('assignments')
    .select(['units.name as owner_unit_name', 'users.display_name as created_by_name'])
    .where('units.path', '>=', scope.path)
    .where('units.path', '<', `${scope.path}~`)
    .orderBy('assignments.id', 'desc')
    .limit(limit)
    .execute();
  const scenarioRows = await scenarioIdsOf(
    db,
    rows.map((r) => r.id),
  );
  return Promise.all(
    rows.map(async (a) => {
      const scenarioIds = scenarioRows.filter((s) => s.assignment_id === a.id).map((s) => s.scenario_id);
      const totals = await totalsOf(db, a.id, scenarioIds.length, now);
      return {
        id: a.id,
        title: a.title,
        mode: a.mode,
        isCompetition: a.is_competition === 1,
        opensAt: a.opens_at,
        dueAt: a.due_at,
        phase: assignmentPhase(a, now),
        ownerUnitName: a.owner_unit_name,
        createdByName: a.created_by_name,
        scenarios: scenarioIds.map((id) => ({ id, title: getScenario(id)?.title ?? id })),
        ...totals,
        completionRate: pct(totals.completed, totals.covered),
        passRate: pct(totals.passed, totals.covered),
      };
    }),
  );
}

/**
 * The follow-up page: the assignment, its targets and extensions, totals, completion and pass rate
 * per unit, a page of officers (filtered by unit and status), the overdue list, and — for a closed
 * competition — the rankings. Everything is aggregated in SQL.
 */
export async function getAssignmentFollowUp(
  db: Kysely<Database>,
  scope: Scope,
  assignmentId: number,
  query: { unit?: string; status: 'all' | 'notDone' | 'overdue' | 'passed'; page: number },
  now = new Date(),
) {
  const assignment = await findAssignmentInScope(db, scope, assignmentId);
  if (!assignment) return null;
  const scenarioIds = (await scenarioIdsOf(db, [assignment.id])).map((s) => s.scenario_id);
  const n = scenarioIds.length;
  const ctes = officerStatusCtes(assignment.id, n, now);

  const [targets, extensions, reminders] = await Promise.all([
    db
      .selectFrom('assignment_targets as t')
      .leftJoin('units', 'units.id', 't.unit_id')
      .leftJoin('users', 'users.id', 't.user_id')
      .leftJoin('units as uu', 'uu.id', 'users.unit_id')
      .select([
        't.id',
        'units.code as unit_code',
        'units.name as unit_name',
        'users.username',
        'users.display_name',
        'uu.name as user_unit_name',
      ])
      .where('t.assignment_id', '=', assignment.id)
      .orderBy('t.id')
      .execute(),
    db
      .selectFrom('assignment_extensions as e')
      .leftJoin('units', 'units.id', 'e.unit_id')
      .leftJoin('users', 'users.id', 'e.user_id')
      .leftJoin('users as by', 'by.id', 'e.created_by')
      .select([
        'e.id',
        'e.due_at',
        'e.reason',
        'e.created_at',
        'units.name as unit_name',
        'users.display_name as user_name',
        'by.display_name as by_name',
      ])
      .where('e.assignment_id', '=', assignment.id)
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('assignment_reminders')
      .select(['created_at', sql<number>`count(*)`.as('recipients')])
      .where('assignment_id', '=', assignment.id)
      .groupBy('created_at')
      .orderBy('created_at', 'desc')
      .execute(),
  ]);

  const units = (
    await sql<{
      unit_id: number;
      code: string;
      name: string;
      parent_name: string | null;
      covered: number;
      completed: number;
      passed: number;
      overdue: number;
      started: number;
      score_sum: number | null;
      avg_score: number | null;
    }>`
      with ${ctes}
      select un.id as unit_id, un.code, un.name, parent.name as parent_name,
             count(*) as covered,
             sum(s.status in ('passed', 'failed')) as completed,
             sum(s.status = 'passed') as passed,
             sum(s.status = 'overdue') as overdue,
             sum(s.started > 0) as started,
             sum(case when s.status in ('passed', 'failed') then s.score end) as score_sum,
             round(avg(case when s.status in ('passed', 'failed') then s.score end), 1) as avg_score
        from officer_state s
        join units un on un.id = s.unit_id
        left join units parent on parent.id = un.parent_id
       group by un.id
       order by parent.sort_order, parent.id, un.sort_order, un.id`.execute(db)
  ).rows.map((u) => ({ ...u, completionRate: pct(u.completed, u.covered), passRate: pct(u.passed, u.covered) }));

  const filterUnit = query.unit ? units.find((u) => u.code === query.unit) : undefined;
  const statusFilter = {
    all: sql`1`,
    notDone: sql`s.status not in ('passed', 'failed')`,
    overdue: sql`s.status = 'overdue'`,
    passed: sql`s.status = 'passed'`,
  }[query.status];
  const unitFilter = filterUnit ? sql`s.unit_id = ${filterUnit.unit_id}` : sql`1`;
  type OfficerRow = {
    user_id: number;
    username: string;
    display_name: string;
    unit_name: string;
    started: number;
    done: number;
    score: number | null;
    seconds: number | null;
    due_at: string;
    status: OfficerAssignmentStatus;
  };
  const officerSelect = sql`s.user_id, u.username, u.display_name, un.name as unit_name, s.started, s.done, s.score, s.seconds, s.due_at, s.status`;
  // Totals and the number of officers the filter selects come from the per-unit aggregates, so the
  // whole follow-up costs three passes at most (units, one page of officers, the overdue list).
  const sum = (pick: (u: (typeof units)[number]) => number) => units.reduce((total, u) => total + pick(u), 0);
  const totals = {
    covered: sum((u) => u.covered),
    completed: sum((u) => u.completed),
    passed: sum((u) => u.passed),
    overdue: sum((u) => u.overdue),
    started: sum((u) => u.started),
    avgScore: null as number | null,
  };
  if (totals.completed > 0) totals.avgScore = Math.round((sum((u) => u.score_sum ?? 0) / totals.completed) * 10) / 10;
  const selected = filterUnit ? [filterUnit] : units;
  const officerTotal = selected.reduce(
    (total, u) =>
      total + { all: u.covered, notDone: u.covered - u.completed, overdue: u.overdue, passed: u.passed }[query.status],
    0,
  );
  const officerPage = await sql<OfficerRow>`
      with ${ctes}
      select ${officerSelect}
        from officer_state s join users u on u.id = s.user_id join units un on un.id = s.unit_id
       where ${statusFilter} and ${unitFilter}
       order by un.path, u.id
       limit ${FOLLOW_UP_PAGE_SIZE} offset ${(query.page - 1) * FOLLOW_UP_PAGE_SIZE}`.execute(db);
  const overdue =
    totals.overdue === 0
      ? { rows: [] as OfficerRow[] }
      : await sql<OfficerRow>`
          with ${ctes}
          select ${officerSelect}
            from officer_state s join users u on u.id = s.user_id join units un on un.id = s.unit_id
           where s.status = 'overdue'
           order by un.path, u.id
           limit ${OVERDUE_LIST_LIMIT}`.execute(db);

  const phase = assignmentPhase(assignment, now);
  const competition = assignment.is_competition === 1;
  return {
    assignment: {
      id: assignment.id,
      title: assignment.title,
      mode: assignment.mode,
      passMark: assignment.pass_mark,
      opensAt: assignment.opens_at,
      dueAt: assignment.due_at,
      attemptsAllowed: assignment.attempts_allowed,
      note: assignment.note,
      isCompetition: competition,
      // Revealed only once the competition has opened (fairness: nobody can prepare the case).
      competitionSeed:
        competition && Date.parse(assignment.opens_at) <= now.getTime() ? assignment.competition_seed : null,
      closedAt: assignment.closed_at,
      ownerUnitName: assignment.owner_unit_name,
      phase,
      // The extension form carries it back (optimistic check, see `extend`).
      version: assignment.version,
    },
    scenarios: scenarioIds.map((id) => ({ id, title: getScenario(id)?.title ?? id })),
    targets: targets.map((t) =>
      t.unit_code
        ? { kind: 'unit' as const, code: t.unit_code, name: t.unit_name! }
        : { kind: 'officer' as const, username: t.username!, name: t.display_name!, unitName: t.user_unit_name! },
    ),
    extensions,
    reminders,
    totals: {
      ...totals,
      completionRate: pct(totals.completed, totals.covered),
      passRate: pct(totals.passed, totals.covered),
    },
    units,
    officers: {
      rows: officerPage.rows,
      total: officerTotal,
      page: query.page,
      pageSize: FOLLOW_UP_PAGE_SIZE,
      unit: filterUnit?.code ?? null,
      status: query.status,
    },
    overdue: { rows: overdue.rows, total: totals.overdue },
    ranking: competition && phase === 'closed' ? await competitionRanking(db, assignment.id, n, now) : null,
  };
}

/**
 * 比武 ranking: officers by score (mean of their best per scenario) then time (shorter first) then
 * id; units by the mean score of all their competitors on record (those who did not take part count
 * 0, since every officer is meant to drill) then mean time of those who did.
 */
export async function competitionRanking(db: Db, assignmentId: number, scenarioCount: number, now = new Date()) {
  const ctes = officerStatusCtes(assignmentId, scenarioCount, now);
  const [officers, units] = await Promise.all([
    sql<{ user_id: number; display_name: string; unit_name: string; score: number; seconds: number; done: number }>`
      with ${ctes}
      select s.user_id, u.display_name, un.name as unit_name, s.score, round(s.seconds) as seconds, s.done
        from officer_state s join users u on u.id = s.user_id join units un on un.id = s.unit_id
       where s.done > 0
       order by s.score desc, s.seconds asc, s.user_id
       limit 100`.execute(db),
    sql<{
      unit_id: number;
      name: string;
      covered: number;
      participants: number;
      score: number;
      seconds: number | null;
    }>`
      with ${ctes}
      select un.id as unit_id, un.name, count(*) as covered, sum(s.done > 0) as participants,
             round(avg(coalesce(s.score, 0)), 1) as score, round(avg(s.seconds)) as seconds
        from officer_state s join units un on un.id = s.unit_id
       group by un.id
       order by score desc, seconds is null, seconds asc, un.id`.execute(db),
  ]);
  return {
    officers: officers.rows.map((r, i) => ({ rank: i + 1, ...r })),
    units: units.rows.map((r, i) => ({ rank: i + 1, ...r })),
  };
}

/** Ids of the assignments that reach an officer: targets on any unit of their path, or on them. */
function assignmentIdsForOfficer(db: Db, user: { id: number; unit: { path: string } }) {
  const unitIds = user.unit.path.split('/').filter(Boolean).map(Number);
  return db
    .selectFrom('assignment_targets')
    .select('assignment_id')
    .where((eb) => eb.or([eb('unit_id', 'in', unitIds), eb('user_id', '=', user.id)]));
}

/** An officer's due date on one assignment: the latest of the assignment's and any extension for their unit(s) or them. */
async function effectiveDueAt(
  db: Db,
  assignment: Pick<Assignment, 'id' | 'due_at'>,
  user: { id: number | null; unit: { path: string } },
) {
  const unitIds = user.unit.path.split('/').filter(Boolean).map(Number);
  const row = await db
    .selectFrom('assignment_extensions')
    .select(sql<string | null>`max(due_at)`.as('due'))
    .where('assignment_id', '=', assignment.id)
    // No user: the due date of the unit itself (its own and its ancestors' extensions).
    .where((eb) => eb.or([eb('unit_id', 'in', unitIds), ...(user.id === null ? [] : [eb('user_id', '=', user.id)])]))
    .executeTakeFirst();
  return row?.due && row.due > assignment.due_at ? row.due : assignment.due_at;
}

/** Statuses an officer's assignment item can show on the home page. */
export type OfficerItemStatus = OfficerAssignmentStatus | 'upcoming' | 'closed' | 'exhausted';

/**
 * The officer's assignments (one item per assignment and scenario) from the last 60 days: mode,
 * window and their own due date, attempts used/allowed, best score, status, and whether (and why
 * not) they can start one now.
 */
export async function listOfficerAssignments(
  db: Kysely<Database>,
  user: { id: number; unit: { path: string } },
  now = new Date(),
) {
  const since = new Date(now.getTime() - 60 * 24 * 60 * 60 * 1000).toISOString();
  const assignments = await db
    .selectFrom('assignments')
    .selectAll()
    .where('id', 'in', assignmentIdsForOfficer(db, user))
    .where('due_at', '>', since)
    .orderBy('due_at')
    .execute();
  if (assignments.length === 0) return [];
  const ids = assignments.map((a) => a.id);
  const [scenarioRows, attempts, extensions] = await Promise.all([
    scenarioIdsOf(db, ids),
    db
      .selectFrom('attempts')
      .select(['id', 'assignment_id', 'scenario_id', 'status', 'score', 'passed'])
      .where('user_id', '=', user.id)
      .where('assignment_id', 'in', ids)
      // Closed by the system (scenario updated): not the officer's doing, so not one of their attempts.
      .where('closed_reason', 'is', null)
      .execute(),
    Promise.all(assignments.map((a) => effectiveDueAt(db, a, user))),
  ]);
  return assignments.flatMap((a, i) => {
    const dueAt = extensions[i]!;
    const phase = a.closed_at
      ? 'closed'
      : Date.parse(a.opens_at) > now.getTime()
        ? 'upcoming'
        : Date.parse(dueAt) < now.getTime()
          ? 'closed'
          : 'open';
    return scenarioRows
      .filter((s) => s.assignment_id === a.id)
      .map((s) => {
        const mine = attempts.filter((t) => t.assignment_id === a.id && t.scenario_id === s.scenario_id);
        const finished = mine.filter((t) => t.status === 'finished');
        const best = finished.length ? Math.max(...finished.map((t) => t.score ?? 0)) : null;
        const active = mine.find((t) => t.status === 'active');
        const passed = best !== null && best >= a.pass_mark;
        let status: OfficerItemStatus;
        if (passed) status = 'passed';
        else if (phase === 'upcoming') status = 'upcoming';
        else if (active && phase === 'open') status = 'inProgress';
        else if (phase === 'closed') status = finished.length ? 'failed' : a.closed_at ? 'closed' : 'overdue';
        else if (mine.length >= a.attempts_allowed) status = 'exhausted';
        else status = finished.length ? 'failed' : mine.length ? 'inProgress' : 'notStarted';
        return {
          assignmentId: a.id,
          title: a.title,
          scenarioId: s.scenario_id,
          scenarioTitle: getScenario(s.scenario_id)?.title ?? s.scenario_id,
          mode: a.mode,
          isCompetition: a.is_competition === 1,
          passMark: a.pass_mark,
          opensAt: a.opens_at,
          dueAt,
          note: a.note,
          attemptsUsed: mine.length,
          attemptsAllowed: a.attempts_allowed,
          bestScore: best,
          status,
          activeAttemptId: phase === 'open' ? (active?.id ?? null) : null,
          canStart: phase === 'open' && !active && mine.length < a.attempts_allowed && !passed,
          canRetry: phase === 'open' && !active && mine.length < a.attempts_allowed && passed,
          rankingVisible: a.is_competition === 1 && phase === 'closed',
        };
      });
  });
}

/** Reminders sent to the officer in the last 14 days about assignments still open, newest first. */
export function listOfficerReminders(db: Kysely<Database>, userId: number, now = new Date()) {
  const since = new Date(now.getTime() - 14 * 24 * 60 * 60 * 1000).toISOString();
  return db
    .selectFrom('assignment_reminders as r')
    .innerJoin('assignments as a', 'a.id', 'r.assignment_id')
    .leftJoin('users as by', 'by.id', 'r.sent_by')
    .select([
      'r.id',
      'r.message',
      'r.created_at',
      'a.id as assignment_id',
      'a.title',
      'by.display_name as sent_by_name',
    ])
    .where('r.user_id', '=', userId)
    .where('r.created_at', '>', since)
    .where('a.closed_at', 'is', null)
    .orderBy('r.created_at', 'desc')
    .limit(10)
    .execute();
}

export type StartAssignedResult = { ok: true; attemptId: number; resumed: boolean } | DrillRefusal;

/**
 * Starts (or resumes) the officer's attempt at one scenario of an assignment: it must reach them,
 * be open (window, not closed) and have attempts left; the attempt takes the assignment's mode,
 * pass mark and (competitions) seed, and counts against it. Checked and inserted in one transaction.
 */
export async function startAssignedDrill(
  db: Kysely<Database>,
  user: { id: number; role: string; unit: { path: string } },
  assignmentId: number,
  scenarioId: string,
  now = new Date(),
): Promise<StartAssignedResult> {
  if (user.role !== 'officer') return { ok: false, status: 409, reason: '练兵任务只能由执法人员本人完成。' };
  return db.transaction().execute(async (trx) => {
    const assignment = await trx
      .selectFrom('assignments')
      .selectAll()
      .where('id', '=', assignmentId)
      .where('id', 'in', assignmentIdsForOfficer(trx, user))
      .executeTakeFirst();
    if (!assignment) return { ok: false, status: 404, reason: '练兵任务不存在，或没有布置给您。' } as const;
    const item = await trx
      .selectFrom('assignment_scenarios')
      .select('scenario_id')
      .where('assignment_id', '=', assignment.id)
      .where('scenario_id', '=', scenarioId)
      .executeTakeFirst();
    if (!item) return { ok: false, status: 404, reason: '该练兵任务不包含这个场景。' } as const;
    if (assignment.closed_at) return { ok: false, status: 409, reason: '该练兵任务已关闭，不能再开始练兵。' } as const;
    if (Date.parse(assignment.opens_at) > now.getTime()) {
      return {
        ok: false,
        status: 409,
        reason: `该练兵任务尚未开放，开放时间：${beijingTime(assignment.opens_at)}。`,
      } as const;
    }
    const dueAt = await effectiveDueAt(trx, assignment, user);
    if (Date.parse(dueAt) < now.getTime()) {
      return { ok: false, status: 409, reason: `该练兵任务已于 ${beijingTime(dueAt)} 截止，不能再开始练兵。` } as const;
    }
    // An unfinished attempt of an older scenario version is not resumed: it is closed, and (like
    // every attempt the system closed) not counted against the attempts allowed.
    await closeOutdatedAttempts(trx, { now, userId: user.id });
    const mine = await trx
      .selectFrom('attempts')
      .select(['id', 'status'])
      .where('assignment_id', '=', assignment.id)
      .where('user_id', '=', user.id)
      .where('scenario_id', '=', scenarioId)
      .where('closed_reason', 'is', null)
      .execute();
    const active = mine.find((a) => a.status === 'active');
    if (active) return { ok: true, attemptId: active.id, resumed: true } as const;
    if (mine.length >= assignment.attempts_allowed) {
      return {
        ok: false,
        status: 409,
        reason: `您已用完本任务允许的 ${assignment.attempts_allowed} 次练兵机会。`,
      } as const;
    }
    const started = await startDrill(trx, user.id, {
      scenarioId,
      mode: assignment.mode as AttemptMode,
      passMark: assignment.pass_mark,
      now,
      assignmentId: assignment.id,
      ...(assignment.competition_seed ? { seed: assignment.competition_seed } : {}),
    });
    return started.ok ? ({ ok: true, attemptId: started.attemptId, resumed: false } as const) : started;
  });
}

/** Applies one follow-up action (extend the due date, close, remind those not done) to an assignment in scope. */
export async function changeAssignment(
  db: Kysely<Database>,
  actor: Actor,
  assignmentId: number,
  input: AssignmentActionInput,
  now = new Date(),
): Promise<{ ok: true; message: string } | AssignmentError> {
  const assignment = await findAssignmentInScope(db, actor.unit, assignmentId);
  if (!assignment) return { ok: false, message: '练兵任务不存在或不在您的管辖范围内' };
  if (assignment.closed_at) return { ok: false, message: '该练兵任务已关闭，不能再修改。' };
  switch (input.intent) {
    case 'close':
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('assignments')
          .set({ closed_at: now.toISOString() })
          .where('id', '=', assignment.id)
          .execute();
        await audit(trx, actor.id, 'assignment.close', assignment.id, {});
      });
      return { ok: true, message: '练兵任务已关闭' };
    case 'remind': {
      const n = (await scenarioIdsOf(db, [assignment.id])).length;
      const message = input.message || `请在 ${beijingTime(assignment.due_at)} 前完成练兵任务「${assignment.title}」。`;
      // One reminder per recipient per assignment per Beijing day: the unique index
      // assignment_reminders_daily skips those already reminded today.
      const count = await db.transaction().execute(async (trx) => {
        const result = await sql`
          with ${officerStatusCtes(assignment.id, n, now)}
          insert into assignment_reminders (assignment_id, user_id, message, sent_by, created_at)
          select ${assignment.id}, user_id, ${message}, ${actor.id}, ${now.toISOString()}
            from officer_state where status not in ('passed', 'failed')
          on conflict do nothing`.execute(trx);
        const sent = Number(result.numAffectedRows ?? 0n);
        if (sent > 0) await audit(trx, actor.id, 'assignment.remind', assignment.id, { recipients: sent, message });
        return sent;
      });
      if (count > 0) return { ok: true, message: `已向 ${count} 名尚未完成的执法人员发送提醒` };
      const { covered, completed } = await totalsOf(db, assignment.id, n, now);
      if (covered === completed) return { ok: true, message: '所有执法人员都已完成，无需提醒' };
      return {
        ok: false,
        status: 409,
        message: `今天（北京时间 ${beijingDate(now)}）已经提醒过全部 ${covered - completed} 名尚未完成的执法人员，每人每天只提醒一次，请明天再发送。`,
      };
    }
    case 'extend':
      return extend(db, actor, assignment, input, now);
  }
}

/** A refusal found inside a transaction: thrown to roll it back, then returned. */
class Refused extends Error {
  constructor(readonly error: AssignmentError) {
    super(error.message);
  }
}

/**
 * Extends the whole assignment, one unit (its subtree) or one officer. Version-checked: the form
 * carries the assignment's version it was built on, and the transaction first moves the version on
 * (`UPDATE … WHERE version = n`), so of two extensions built on the same page one applies and the
 * other gets 409; the due date replaced (the audit log's `from`) is then read under that write.
 */
async function extend(
  db: Kysely<Database>,
  actor: Actor,
  assignment: Assignment & { owner_path: string },
  input: Extract<AssignmentActionInput, { intent: 'extend' }>,
  now: Date,
): Promise<{ ok: true; message: string } | AssignmentError> {
  if (Date.parse(input.dueAt) <= now.getTime())
    return { ok: false, field: 'dueAt', message: '新的截止时间须晚于当前时间' };
  if (input.scope !== 'all' && assignment.is_competition === 1) {
    return { ok: false, field: 'scope', message: '比武须对所有选手同时延期，不能只为某个单位或个人延期' };
  }
  let target:
    | { kind: 'all' }
    | { kind: 'unit'; unit: Pick<Unit, 'id' | 'code' | 'name' | 'path'> }
    | { kind: 'officer'; userId: number; displayName: string; unitPath: string };
  if (input.scope === 'all') target = { kind: 'all' };
  else if (input.scope === 'unit') {
    if (!input.unitCode) return { ok: false, field: 'unitCode', message: '请选择要延期的单位' };
    const unit = await findUnitByCode(db, input.unitCode);
    if (!unit || !isWithinSubtree(actor.unit, unit))
      return { ok: false, field: 'unitCode', message: '单位不存在或不在您的管辖范围内' };
    const n = (await scenarioIdsOf(db, [assignment.id])).length;
    const { rows } = await sql<{ n: number }>`
      with ${officerStatusCtes(assignment.id, n, now)} select count(*) as n from officer_state s join units un on un.id = s.unit_id
       where un.path >= ${unit.path} and un.path < ${`${unit.path}~`}`.execute(db);
    if (rows[0]!.n === 0) return { ok: false, field: 'unitCode', message: '该单位没有本任务的执法人员' };
    target = { kind: 'unit', unit };
  } else {
    if (!input.username) return { ok: false, field: 'username', message: '请填写要延期的执法人员用户名' };
    const n = (await scenarioIdsOf(db, [assignment.id])).length;
    const { rows } = await sql<{ user_id: number; display_name: string; path: string }>`
      with ${officerStatusCtes(assignment.id, n, now)} select s.user_id, u.display_name, un.path from officer_state s
        join users u on u.id = s.user_id join units un on un.id = s.unit_id
       where u.username = ${input.username}`.execute(db);
    const officer = rows[0];
    if (!officer) return { ok: false, field: 'username', message: '本任务没有这名执法人员' };
    target = { kind: 'officer', userId: officer.user_id, displayName: officer.display_name, unitPath: officer.path };
  }

  try {
    return await db.transaction().execute(async (trx) => {
      const moved = await trx
        .updateTable('assignments')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', assignment.id)
        .where('version', '=', input.version)
        .where('closed_at', 'is', null)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) {
        const current = await trx
          .selectFrom('assignments')
          .select(['due_at', 'closed_at'])
          .where('id', '=', assignment.id)
          .executeTakeFirstOrThrow();
        throw new Refused({
          ok: false,
          status: 409,
          message: current.closed_at
            ? '该练兵任务已关闭，不能再修改。'
            : `本页面打开后，该任务的截止时间已被修改（整个任务现为 ${beijingTime(current.due_at)}），延期未保存。请刷新页面，核对后重新提交。`,
        });
      }
      const { due_at: wholeDue } = await trx
        .selectFrom('assignments')
        .select('due_at')
        .where('id', '=', assignment.id)
        .executeTakeFirstOrThrow();
      // The due date this extension replaces: the whole assignment's, or the target's own (the latest
      // of the whole assignment's and the extensions already covering that unit or officer).
      const from =
        target.kind === 'all'
          ? wholeDue
          : await effectiveDueAt(
              trx,
              { id: assignment.id, due_at: wholeDue },
              target.kind === 'unit'
                ? { id: null, unit: target.unit }
                : { id: target.userId, unit: { path: target.unitPath } },
            );
      if (input.dueAt <= from) {
        const whose =
          target.kind === 'all'
            ? '原截止时间'
            : target.kind === 'unit'
              ? `${target.unit.name}现在的截止时间`
              : `${target.displayName}现在的截止时间`;
        throw new Refused({ ok: false, field: 'dueAt', message: `新的截止时间须晚于${whose}（${beijingTime(from)}）` });
      }
      const detail = { from, to: input.dueAt, reason: input.reason };
      if (target.kind === 'all') {
        await trx.updateTable('assignments').set({ due_at: input.dueAt }).where('id', '=', assignment.id).execute();
        await audit(trx, actor.id, 'assignment.extend', assignment.id, { scope: 'all', ...detail });
        return { ok: true, message: `截止时间已延至 ${beijingTime(input.dueAt)}` } as const;
      }
      if (target.kind === 'unit') {
        await trx
          .insertInto('assignment_extensions')
          .values({
            assignment_id: assignment.id,
            unit_id: target.unit.id,
            user_id: null,
            due_at: input.dueAt,
            reason: input.reason,
            created_by: actor.id,
          })
          .execute();
        await audit(trx, actor.id, 'assignment.extend', assignment.id, {
          scope: 'unit',
          unit: target.unit.code,
          ...detail,
        });
        return { ok: true, message: `${target.unit.name}的截止时间已延至 ${beijingTime(input.dueAt)}` } as const;
      }
      await trx
        .insertInto('assignment_extensions')
        .values({
          assignment_id: assignment.id,
          unit_id: null,
          user_id: target.userId,
          due_at: input.dueAt,
          reason: input.reason,
          created_by: actor.id,
        })
        .execute();
      await audit(trx, actor.id, 'assignment.extend', assignment.id, {
        scope: 'officer',
        username: input.username,
        ...detail,
      });
      return { ok: true, message: `${target.displayName}的截止时间已延至 ${beijingTime(input.dueAt)}` } as const;
    });
  } catch (error) {
    if (error instanceof Refused) return error.error;
    throw error;
  }
}

/** The assignment's history from the audit log (create, extensions with reasons, reminders, close). */
export function listAssignmentAudit(db: Kysely<Database>, assignmentId: number) {
  return db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select([
      'audit_log.id',
      'audit_log.action',
      'audit_log.detail',
      'audit_log.created_at',
      'users.display_name as actor_name',
    ])
    .where('audit_log.target_type', '=', 'assignment')
    .where('audit_log.target_id', '=', String(assignmentId))
    .orderBy('audit_log.id')
    .execute();
}

/** The competition ranking for an officer who competed (or was covered), once it has closed. */
export async function getRankingForOfficer(
  db: Kysely<Database>,
  user: { id: number; unit: { path: string } },
  assignmentId: number,
  now = new Date(),
) {
  const assignment = await db
    .selectFrom('assignments')
    .selectAll()
    .where('id', '=', assignmentId)
    .where('id', 'in', assignmentIdsForOfficer(db, user))
    .executeTakeFirst();
  if (!assignment || assignment.is_competition !== 1) return null;
  const n = (await scenarioIdsOf(db, [assignment.id])).length;
  const closed = assignmentPhase(assignment, now) === 'closed';
  return {
    assignment: {
      id: assignment.id,
      title: assignment.title,
      dueAt: assignment.due_at,
      closedAt: assignment.closed_at,
    },
    ranking: closed ? await competitionRanking(db, assignment.id, n, now) : null,
  };
}

/**
 * Overdue assignment work per unit of a subtree (for readiness reports): for every assignment that
 * reaches the subtree and whose due date has passed for someone, the officers of each unit who have
 * not completed it in time. One row per unit with overdue officers.
 */
export async function listOverdueByUnit(db: Kysely<Database>, scope: Scope, now = new Date()) {
  const ancestorIds = scope.path.split('/').filter(Boolean).map(Number);
  const candidates = await db
    .selectFrom('assignments as a')
    .innerJoin('assignment_targets as t', 't.assignment_id', 'a.id')
    .leftJoin('units as tu', 'tu.id', 't.unit_id')
    .leftJoin('users as tuser', 'tuser.id', 't.user_id')
    .leftJoin('units as uu', 'uu.id', 'tuser.unit_id')
    .select('a.id')
    .distinct()
    .where('a.due_at', '<', now.toISOString())
    .where((eb) =>
      eb.or([
        eb.and([eb('tu.path', '>=', scope.path), eb('tu.path', '<', `${scope.path}~`)]),
        eb('t.unit_id', 'in', ancestorIds),
        eb.and([eb('uu.path', '>=', scope.path), eb('uu.path', '<', `${scope.path}~`)]),
      ]),
    )
    // Extensions may move an officer's due date past `now`; the status check below settles it.
    .execute();
  const byUnit = new Map<
    number,
    { unit_id: number; code: string; name: string; overdueOfficers: number; assignments: number }
  >();
  for (const { id } of candidates) {
    const n = (await scenarioIdsOf(db, [id])).length;
    const { rows } = await sql<{ unit_id: number; code: string; name: string; overdue: number }>`
      with ${officerStatusCtes(id, n, now)}
      select un.id as unit_id, un.code, un.name, count(*) as overdue
        from officer_state s join units un on un.id = s.unit_id
       where s.status = 'overdue' and un.path >= ${scope.path} and un.path < ${`${scope.path}~`}
       group by un.id`.execute(db);
    for (const row of rows) {
      const entry = byUnit.get(row.unit_id) ?? {
        unit_id: row.unit_id,
        code: row.code,
        name: row.name,
        overdueOfficers: 0,
        assignments: 0,
      };
      entry.overdueOfficers += row.overdue;
      entry.assignments += 1;
      byUnit.set(row.unit_id, entry);
    }
  }
  return [...byUnit.values()].sort((x, y) => y.overdueOfficers - x.overdueOfficers || x.unit_id - y.unit_id);
}
