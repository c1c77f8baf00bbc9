/**
 * Assignment commands: create an assignment (idempotent per form), and the follow-up actions on one
 * (extend the due date, close, remind those not done); every write is audited.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Assignment, Database, Unit } from '../../../db/schema';
import { usableScenario } from '../scenario-library.server';
import { beijingDate, beijingTime } from '../../utils/format';
import {
  DEFAULT_REMIND_DAYS_BEFORE,
  type AssignmentActionInput,
  type CreateAssignmentInput,
} from '../../validation/assignment';
import { findUnitByCode, isWithinSubtree } from '../unit.server';
import {
  effectiveDueAt,
  findAssignmentInScope,
  officerStatusCtes,
  scenarioIdsOf,
  totalsOf,
  type Db,
} from './standing.server';
import { isUniqueViolation } from '../../../db/dialect';

type Actor = { id: number; unit: Pick<Unit, 'id' | 'path'> };

/** A refusal beside a form field (or the whole form when `field` is absent); 409 when the page is stale or the work already done. */
export type AssignmentError = { ok: false; field?: string; message: string; status?: 409 };

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

/** Whether the actor already created an assignment with this form token (a reloaded form must then take a new one). */
export async function formTokenUsed(db: Kysely<Database>, actorId: number, formToken: string) {
  return (await findByFormToken(db, actorId, formToken)) !== undefined;
}

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

  // A trainer's scenario must be published, not retired and visible from the trainer's unit.
  const scenarios = await Promise.all(input.scenarioIds.map((id) => usableScenario(db, actor, id)));
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
        remind_days_before: input.remindDaysBefore ?? DEFAULT_REMIND_DAYS_BEFORE,
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
      remindDaysBefore: input.remindDaysBefore ?? DEFAULT_REMIND_DAYS_BEFORE,
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
          with ${officerStatusCtes(db, assignment.id, n, now)}
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
      with ${officerStatusCtes(db, assignment.id, n, now)} select count(*) as n from officer_state s join units un on un.id = s.unit_id
       where un.path >= ${unit.path} and un.path < ${`${unit.path}~`}`.execute(db);
    if (rows[0]!.n === 0) return { ok: false, field: 'unitCode', message: '该单位没有本任务的执法人员' };
    target = { kind: 'unit', unit };
  } else {
    if (!input.username) return { ok: false, field: 'username', message: '请填写要延期的执法人员用户名' };
    const n = (await scenarioIdsOf(db, [assignment.id])).length;
    const { rows } = await sql<{ user_id: number; display_name: string; path: string }>`
      with ${officerStatusCtes(db, assignment.id, n, now)} select s.user_id, u.display_name, un.path from officer_state s
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
