/**
 * The officer's side of assignments: their own tasks (one item per assignment and scenario) and the
 * reminders sent to them, starting an assigned drill, and a closed competition's ranking.
 */
import { sql, type Kysely } from 'kysely';
import type { AttemptMode, Database } from '../../../db/schema';
import { scenarioTitles } from '../scenario-library.server';
import { beijingTime } from '../../utils/format';
import { closeOutdatedAttempts, startDrill, type DrillRefusal } from '../attempt.server';
import {
  assignmentPhase,
  competitionRanking,
  effectiveDueAt,
  scenarioIdsOf,
  type Db,
  type OfficerAssignmentStatus,
} from './standing.server';
import { asFlag, lockedForUpdate } from '../../../db/dialect';

/** Ids of the assignments that reach an officer: targets on any unit of their path, or on them. */
function assignmentIdsForOfficer(db: Db, user: { id: number; unit: { path: string } }) {
  const unitIds = user.unit.path.split('/').filter(Boolean).map(Number);
  return db
    .selectFrom('assignment_targets')
    .select('assignment_id')
    .where((eb) => eb.or([eb('unit_id', 'in', unitIds), eb('user_id', '=', user.id)]));
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
  const titles = await scenarioTitles(
    db,
    scenarioRows.map((s) => s.scenario_id),
  );
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
          scenarioTitle: titles.get(s.scenario_id) ?? s.scenario_id,
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
      asFlag(sql`r.automatic_for_due is not null`).as('automatic'),
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
    // One officer's starts take turns (a double click on 开始, two app processes): the count of
    // attempts used below then includes the other start's attempt.
    await lockedForUpdate(trx, trx.selectFrom('users').select('id').where('id', '=', user.id)).execute();
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
      ownName: true,
      ...(assignment.competition_seed ? { seed: assignment.competition_seed } : {}),
    });
    return started.ok ? ({ ok: true, attemptId: started.attemptId, resumed: false } as const) : started;
  });
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
