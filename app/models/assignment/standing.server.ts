/**
 * What the assignment commands, the follow-up read model and the officer's tasks all need: the
 * assignment in the viewer's scope, its scenarios and phase, the officers' due dates with extensions,
 * and how every covered officer stands on it (SQL common table expressions, totals, 比武 ranking).
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Assignment, Database, Unit } from '../../../db/schema';
import { isWithinSubtree } from '../unit.server';
import { elapsedWholeSeconds, greatest, least } from '../../../db/dialect';

export type Scope = Pick<Unit, 'path'>;
export type Db = Kysely<Database> | Transaction<Database>;

/** How one officer stands on one assignment (all its scenarios). */
export type OfficerAssignmentStatus = 'passed' | 'failed' | 'overdue' | 'inProgress' | 'notStarted';

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

export function scenarioIdsOf(db: Db, assignmentIds: number[]) {
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

/**
 * An assignment reaches the viewer's subtree (the "covered" reach, for managers): one of its unit
 * targets is a unit of the subtree or one of its ancestors (a target covers its whole subtree), or
 * one of its officer targets belongs to the subtree.
 */
export function reachesScope(db: Db, scope: Scope) {
  const ancestorIds = scope.path.split('/').filter(Boolean).map(Number);
  return db
    .selectFrom('assignment_targets as t')
    .leftJoin('units as tu', 'tu.id', 't.unit_id')
    .leftJoin('users as tuser', 'tuser.id', 't.user_id')
    .leftJoin('units as uu', 'uu.id', 'tuser.unit_id')
    .select('t.assignment_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('tu.path', '>=', scope.path), eb('tu.path', '<', `${scope.path}~`)]),
        eb('t.unit_id', 'in', ancestorIds),
        eb.and([eb('uu.path', '>=', scope.path), eb('uu.path', '<', `${scope.path}~`)]),
      ]),
    );
}

/**
 * The assignments reaching the subtree whose due date has passed, each with its scenario count (for
 * `officerStatusCtes`). Extensions may move an officer's due date past `now`: the officer's status
 * settles that.
 */
export async function pastDueAssignmentsReaching(db: Db, scope: Scope, now: Date) {
  const ids = await db
    .selectFrom('assignments as a')
    .select('a.id')
    .where('a.due_at', '<', now.toISOString())
    .where('a.id', 'in', reachesScope(db, scope))
    .execute();
  if (ids.length === 0) return [];
  const scenarios = await scenarioIdsOf(
    db,
    ids.map((a) => a.id),
  );
  return ids.map(({ id }) => ({ id, scenarioCount: scenarios.filter((s) => s.assignment_id === id).length }));
}

/** The assignment if it reaches any unit of the viewer's subtree (whoever set it). */
export async function findAssignmentReachingScope(db: Db, scope: Scope, assignmentId: number) {
  return db
    .selectFrom('assignments')
    .innerJoin('units', 'units.id', 'assignments.owner_unit_id')
    .selectAll('assignments')
    .select(['units.path as owner_path', 'units.name as owner_unit_name'])
    .where('assignments.id', '=', assignmentId)
    .where('assignments.id', 'in', reachesScope(db, scope))
    .executeTakeFirst();
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
 * An attempt's time runs from its start to its hand-in, and at most to its deadline (an assessment
 * that ran out of time is handed in by the server when next seen, later than the time was up).
 * `within`: only the officers of that subtree are covered (a manager's view of a wider assignment).
 */
export function officerStatusCtes(
  db: Db,
  assignmentId: number,
  scenarioCount: number,
  now: Date,
  within?: Scope,
): RawBuilder<unknown> {
  const nowIso = now.toISOString();
  // A manager following an assignment set above them sees only the officers of their own subtree.
  const withinFilter = within
    ? sql`join units wu on wu.id = u.unit_id and wu.path >= ${within.path} and wu.path < ${`${within.path}~`}`
    : sql``;
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
        ${withinFilter}
       where t.assignment_id = ${assignmentId}
      union all
      select u.id, u.unit_id
        from assignment_targets t
        join users u on u.id = t.user_id and u.role = 'officer' and u.disabled = 0
        join units uu on uu.id = u.unit_id
        ${withinFilter}
       where t.assignment_id = ${assignmentId}
         and not exists (
           select 1 from assignment_targets t2 join units tu2 on tu2.id = t2.unit_id
            where t2.assignment_id = ${assignmentId} and uu.path >= tu2.path and uu.path < tu2.path || '~'
         )
    ),
    per_scenario as (
      select user_id, scenario_id, count(*) as started,
             max(case when status = 'finished'
                      then score * ${span} + (${last} - ${least(db, last, elapsedWholeSeconds(db, sql`started_at`, least(db, sql`finished_at`, sql`coalesce(deadline, finished_at)`)))})
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
             ${greatest(db, sql`a.due_at`, sql`coalesce(unit_due.due_at, a.due_at)`, sql`coalesce(user_due.due_at, a.due_at)`)} as due_at
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

export type Totals = {
  covered: number;
  completed: number;
  passed: number;
  overdue: number;
  started: number;
  avgScore: number | null;
};

export async function totalsOf(
  db: Db,
  assignmentId: number,
  scenarioCount: number,
  now: Date,
  within?: Scope,
): Promise<Totals> {
  const { rows } = await sql<Totals>`
    with ${officerStatusCtes(db, assignmentId, scenarioCount, now, within)}
    select count(*) as covered,
           count(case when status in ('passed', 'failed') then 1 end) as completed,
           count(case when status = 'passed' then 1 end) as passed,
           count(case when status = 'overdue' then 1 end) as overdue,
           count(case when started > 0 then 1 end) as started,
           round(avg(case when status in ('passed', 'failed') then score end), 1) as "avgScore"
      from officer_state`.execute(db);
  return rows[0]!;
}

/**
 * 比武 ranking: officers by score (mean of their best per scenario) then time (shorter first) then
 * id; units by the mean score of all their competitors on record (those who did not take part count
 * 0, since every officer is meant to drill) then mean time of those who did.
 */
export async function competitionRanking(
  db: Db,
  assignmentId: number,
  scenarioCount: number,
  now = new Date(),
  within?: Scope,
) {
  const ctes = officerStatusCtes(db, assignmentId, scenarioCount, now, within);
  const [officers, units] = await Promise.all([
    sql<{ user_id: number; display_name: string; unit_name: string; score: number; seconds: number; done: number }>`
      with ${ctes}
      select s.user_id, u.display_name, un.name as unit_name, s.score, round(s.seconds) as seconds, s.done
        from officer_state s join users u on u.id = s.user_id join units un on un.id = s.unit_id
       where s.done > 0
       order by s.score desc nulls last, s.seconds asc nulls first, s.user_id
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
      select un.id as unit_id, un.name, count(*) as covered, count(case when s.done > 0 then 1 end) as participants,
             round(avg(coalesce(s.score, 0)), 1) as score, round(avg(s.seconds)) as seconds
        from officer_state s join units un on un.id = s.unit_id
       group by un.id
       order by score desc nulls last, seconds asc nulls last, un.id`.execute(db),
  ]);
  return {
    officers: officers.rows.map((r, i) => ({ rank: i + 1, ...r })),
    units: units.rows.map((r, i) => ({ rank: i + 1, ...r })),
  };
}

/** An officer's due date on one assignment: the latest of the assignment's and any extension for their unit(s) or them. */
export async function effectiveDueAt(
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
