/**
 * The follow-up read model for trainers and managers: the assignments set within their subtree with
 * completion figures, one assignment's progress per unit and per officer, its history from the audit
 * log, and the overdue work per unit for the readiness report.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { scenarioTitles } from '../scenario-library.server';
import { pct } from '../../utils/format';
import {
  assignmentPhase,
  competitionRanking,
  findAssignmentInScope,
  findAssignmentReachingScope,
  officerStatusCtes,
  pastDueAssignmentsReaching,
  reachesScope,
  scenarioIdsOf,
  totalsOf,
  type OfficerAssignmentStatus,
  type Scope,
} from './standing.server';
import { asFlag } from '../../../db/dialect';

export const FOLLOW_UP_PAGE_SIZE = 50;
const OVERDUE_LIST_LIMIT = 200;

/**
 * Which assignments a viewer follows: `owned` (trainers, admins) — those set within their subtree,
 * with every officer they cover, and the trainer's actions on them; `covered` (managers, read-only)
 * — every assignment that reaches a unit or officer of their subtree, whoever set it, with the
 * figures, lists and history limited to their subtree.
 */
export type Reach = 'owned' | 'covered';

/** The reach of a role's follow-up: managers follow what reaches their units, read-only. */
export function reachOf(role: string): Reach {
  return role === 'manager' ? 'covered' : 'owned';
}

/** The assignments the viewer follows (see `Reach`), newest first, each with its completion figures. */
export async function listAssignmentsInScope(
  db: Kysely<Database>,
  scope: Scope,
  now = new Date(),
  limit = 50,
  reach: Reach = 'owned',
) {
  const within = reach === 'covered' ? scope : undefined;
  let query = db
    .selectFrom('assignments')
    .innerJoin('units', 'units.id', 'assignments.owner_unit_id')
    .leftJoin('users', 'users.id', 'assignments.created_by')
    .selectAll('assignments')
    .select(['units.name as owner_unit_name', 'users.display_name as created_by_name']);
  query =
    reach === 'covered'
      ? query.where('assignments.id', 'in', reachesScope(db, scope))
      : query.where('units.path', '>=', scope.path).where('units.path', '<', `${scope.path}~`);
  const rows = await query.orderBy('assignments.id', 'desc').limit(limit).execute();
  const scenarioRows = await scenarioIdsOf(
    db,
    rows.map((r) => r.id),
  );
  const titles = await scenarioTitles(
    db,
    scenarioRows.map((s) => s.scenario_id),
  );
  return Promise.all(
    rows.map(async (a) => {
      const scenarioIds = scenarioRows.filter((s) => s.assignment_id === a.id).map((s) => s.scenario_id);
      const totals = await totalsOf(db, a.id, scenarioIds.length, now, within);
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
        scenarios: scenarioIds.map((id) => ({ id, title: titles.get(id) ?? id })),
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
  reach: Reach = 'owned',
) {
  const assignment =
    reach === 'covered'
      ? await findAssignmentReachingScope(db, scope, assignmentId)
      : await findAssignmentInScope(db, scope, assignmentId);
  if (!assignment) return null;
  const within = reach === 'covered' ? scope : undefined;
  const scenarioIds = (await scenarioIdsOf(db, [assignment.id])).map((s) => s.scenario_id);
  const titles = await scenarioTitles(db, scenarioIds);
  const n = scenarioIds.length;
  const ctes = officerStatusCtes(db, assignment.id, n, now, within);
  // Targets, extensions and reminders outside a covered viewer's subtree are not theirs to see;
  // a unit above them (the province, their city) is shown: it is why the assignment reaches them.
  const ancestorIds = scope.path.split('/').filter(Boolean).map(Number);
  const inView = (unitPath: string | null, unitId: number | null) =>
    !within ||
    (unitPath !== null && unitPath.startsWith(scope.path)) ||
    (unitId !== null && ancestorIds.includes(unitId));

  const [targets, extensions, reminders] = await Promise.all([
    db
      .selectFrom('assignment_targets as t')
      .leftJoin('units', 'units.id', 't.unit_id')
      .leftJoin('users', 'users.id', 't.user_id')
      .leftJoin('units as uu', 'uu.id', 'users.unit_id')
      .select([
        't.id',
        't.unit_id',
        'units.path as unit_path',
        'uu.path as user_unit_path',
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
      .leftJoin('units as eu', 'eu.id', 'users.unit_id')
      .select([
        'e.id',
        'e.unit_id',
        'units.path as unit_path',
        'eu.path as user_unit_path',
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
      .selectFrom('assignment_reminders as r')
      .innerJoin('users as ru', 'ru.id', 'r.user_id')
      .innerJoin('units as run', 'run.id', 'ru.unit_id')
      .select([
        'r.created_at',
        sql<number>`count(*)`.as('recipients'),
        sql<0 | 1>`max(${asFlag(sql`r.automatic_for_due is not null`)})`.as('automatic'),
      ])
      .where('r.assignment_id', '=', assignment.id)
      .$if(!!within, (q) => q.where('run.path', '>=', scope.path).where('run.path', '<', `${scope.path}~`))
      .groupBy('r.created_at')
      .orderBy('r.created_at', 'desc')
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
             count(case when s.status in ('passed', 'failed') then 1 end) as completed,
             count(case when s.status = 'passed' then 1 end) as passed,
             count(case when s.status = 'overdue' then 1 end) as overdue,
             count(case when s.started > 0 then 1 end) as started,
             sum(case when s.status in ('passed', 'failed') then s.score end) as score_sum,
             round(avg(case when s.status in ('passed', 'failed') then s.score end), 1) as avg_score
        from officer_state s
        join units un on un.id = s.unit_id
        left join units parent on parent.id = un.parent_id
       group by un.id, parent.id
       order by parent.sort_order nulls first, parent.id nulls first, un.sort_order, un.id`.execute(db)
  ).rows.map((u) => ({ ...u, completionRate: pct(u.completed, u.covered), passRate: pct(u.passed, u.covered) }));

  const filterUnit = query.unit ? units.find((u) => u.code === query.unit) : undefined;
  const statusFilter = {
    all: sql`true`,
    notDone: sql`s.status not in ('passed', 'failed')`,
    overdue: sql`s.status = 'overdue'`,
    passed: sql`s.status = 'passed'`,
  }[query.status];
  const unitFilter = filterUnit ? sql`s.unit_id = ${filterUnit.unit_id}` : sql`true`;
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
      remindDaysBefore: assignment.remind_days_before,
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
    scenarios: scenarioIds.map((id) => ({ id, title: titles.get(id) ?? id })),
    targets: targets
      .filter((t) => (t.unit_code ? inView(t.unit_path, t.unit_id) : inView(t.user_unit_path, null)))
      .map((t) =>
        t.unit_code
          ? { kind: 'unit' as const, code: t.unit_code, name: t.unit_name! }
          : { kind: 'officer' as const, username: t.username!, name: t.display_name!, unitName: t.user_unit_name! },
      ),
    extensions: extensions
      .filter((e) => (e.unit_id !== null ? inView(e.unit_path, e.unit_id) : inView(e.user_unit_path, null)))
      .map(({ id, due_at, reason, created_at, unit_name, user_name, by_name }) => ({
        id,
        due_at,
        reason,
        created_at,
        unit_name,
        user_name,
        by_name,
      })),
    reminders,
    readOnly: reach === 'covered',
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
    ranking: competition && phase === 'closed' ? await competitionRanking(db, assignment.id, n, now, within) : null,
  };
}

/**
 * The assignment's history from the audit log (create, extensions with reasons, reminders, close).
 * For a viewer `within` a subtree (a manager following a wider assignment): extensions of units or
 * officers outside it are left out, and what names or counts people outside it (the units and
 * officers targeted, the number reminded) is removed from the details.
 */
export async function listAssignmentAudit(db: Kysely<Database>, assignmentId: number, within?: Scope) {
  const rows = await auditRows(db, assignmentId);
  if (!within) return rows;
  const ancestorIds = within.path.split('/').filter(Boolean).map(Number);
  const details = rows.map((r) => JSON.parse(r.detail) as Record<string, unknown>);
  const codes = details.filter((d) => d.scope === 'unit').map((d) => String(d.unit));
  const usernames = details.filter((d) => d.scope === 'officer').map((d) => String(d.username));
  const [units, officers] = await Promise.all([
    codes.length
      ? db.selectFrom('units').select(['id', 'code', 'path']).where('code', 'in', codes).execute()
      : Promise.resolve([]),
    usernames.length
      ? db
          .selectFrom('users')
          .innerJoin('units', 'units.id', 'users.unit_id')
          .select(['users.username', 'units.path'])
          .where('users.username', 'in', usernames)
          .execute()
      : Promise.resolve([]),
  ]);
  const inView = (d: Record<string, unknown>) => {
    if (d.scope === 'unit') {
      const unit = units.find((u) => u.code === d.unit);
      return !!unit && (unit.path.startsWith(within.path) || ancestorIds.includes(unit.id));
    }
    if (d.scope === 'officer') return !!officers.find((o) => o.username === d.username)?.path.startsWith(within.path);
    return true;
  };
  return rows.flatMap((r, i) => {
    const d = details[i]!;
    if (r.action === 'assignment.extend') return inView(d) ? [r] : [];
    if (r.action === 'assignment.remind' || r.action === 'assignment.autoRemind')
      return [{ ...r, detail: JSON.stringify({ message: d.message }) }];
    return [{ ...r, detail: '{}' }];
  });
}

function auditRows(db: Kysely<Database>, assignmentId: number) {
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

/**
 * Overdue assignment work per unit of a subtree (for readiness reports): for every assignment that
 * reaches the subtree and whose due date has passed for someone, the officers of each unit who have
 * not completed it in time. One row per unit with overdue officers.
 */
export async function listOverdueByUnit(db: Kysely<Database>, scope: Scope, now = new Date()) {
  const byUnit = new Map<
    number,
    { unit_id: number; code: string; name: string; overdueOfficers: number; assignments: number }
  >();
  for (const { id, scenarioCount } of await pastDueAssignmentsReaching(db, scope, now)) {
    const { rows } = await sql<{ unit_id: number; code: string; name: string; overdue: number }>`
      with ${officerStatusCtes(db, id, scenarioCount, now)}
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

/** One officer's row in the follow-up's export and print: standing, best score, attempts, last attempt. */
export interface FollowUpOfficerRow {
  user_id: number;
  username: string;
  display_name: string;
  unit_name: string;
  status: OfficerAssignmentStatus;
  score: number | null;
  seconds: number | null;
  started: number;
  last_attempt_at: string | null;
  due_at: string;
}

/**
 * The whole follow-up for export and print: the page's figures (as `getAssignmentFollowUp`) and
 * every officer the viewer may see, by unit, with their attempts and the start of their latest one.
 */
export async function getFollowUpForExport(
  db: Kysely<Database>,
  scope: Scope,
  assignmentId: number,
  now = new Date(),
  reach: Reach = 'owned',
) {
  const followUp = await getAssignmentFollowUp(db, scope, assignmentId, { status: 'all', page: 1 }, now, reach);
  if (!followUp) return null;
  const within = reach === 'covered' ? scope : undefined;
  const { rows } = await sql<FollowUpOfficerRow>`
    with ${officerStatusCtes(db, assignmentId, followUp.scenarios.length, now, within)}
    select s.user_id, u.username, u.display_name, un.name as unit_name, s.status, s.score, s.seconds, s.started,
           (select max(x.started_at) from attempts x
             where x.assignment_id = ${assignmentId} and x.user_id = s.user_id and x.closed_reason is null) as last_attempt_at,
           s.due_at
      from officer_state s join users u on u.id = s.user_id join units un on un.id = s.unit_id
     order by un.path, u.id`.execute(db);
  return { ...followUp, allOfficers: rows };
}
