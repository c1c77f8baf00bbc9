/**
 * Automatic reminders: N days before an officer's (possibly extended) due date on an open
 * assignment, the app reminds every covered officer who has not passed and can still do something
 * about it, in the same in-app reminders a trainer sends (docs/decisions/050-assignments.md).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { beijingTime } from '../../utils/format';
import { officerStatusCtes, scenarioIdsOf } from './standing.server';

const DAY_MS = 24 * 60 * 60 * 1000;
const INSERT_CHUNK = 500;

/** The text of an automatic reminder about one due date. */
export function automaticReminderMessage(title: string, dueAt: string) {
  return `练兵任务「${title}」将于 ${beijingTime(dueAt)} 截止，请尽快完成。（系统自动提醒）`;
}

/**
 * Sends the automatic reminders due at `now`: for every assignment not closed, open, with
 * `remind_days_before` > 0, each covered officer whose own due date lies within that many days
 * ahead, who has not passed, and who still has a scenario not passed with an attempt left (or under
 * way) gets one reminder naming that due date — once per due date (an extension announces the new
 * one), and at most one reminder of any kind per Beijing day (the unique daily index; a day already
 * used by a trainer's reminder is skipped, the next run catches up). Each assignment's reminders and
 * their audit row are written in one transaction. Idempotent: a rerun sends nothing new.
 */
export async function sendDueReminders(db: Kysely<Database>, now = new Date()) {
  const nowIso = now.toISOString();
  const assignments = await db
    .selectFrom('assignments as a')
    .select(['a.id', 'a.title', 'a.due_at', 'a.attempts_allowed', 'a.remind_days_before'])
    .where('a.closed_at', 'is', null)
    .where('a.opens_at', '<=', nowIso)
    .where('a.remind_days_before', '>', 0)
    .where((eb) =>
      eb.or([
        eb('a.due_at', '>', nowIso),
        eb.exists(
          eb
            .selectFrom('assignment_extensions as e')
            .select('e.id')
            .whereRef('e.assignment_id', '=', 'a.id')
            .where('e.due_at', '>', nowIso),
        ),
      ]),
    )
    .orderBy('a.id')
    .execute();
  let recipients = 0;
  let reached = 0;
  for (const a of assignments) {
    const n = (await scenarioIdsOf(db, [a.id])).length;
    if (n === 0) continue;
    const horizon = new Date(now.getTime() + a.remind_days_before * DAY_MS).toISOString();
    const { rows } = await sql<{ user_id: number; due_at: string }>`
      with ${officerStatusCtes(db, a.id, n, now)}
      select s.user_id, s.due_at from officer_state s
       where s.due_at > ${nowIso} and s.due_at <= ${horizon} and s.status <> 'passed'
         and exists (
           select 1 from assignment_scenarios sc
             left join per_scenario p on p.user_id = s.user_id and p.scenario_id = sc.scenario_id
            where sc.assignment_id = ${a.id} and coalesce(p.passed, 0) = 0
              and (coalesce(p.started, 0) < ${a.attempts_allowed}
                   or exists (select 1 from attempts x
                               where x.assignment_id = ${a.id} and x.user_id = s.user_id
                                 and x.scenario_id = sc.scenario_id and x.status = 'active'
                                 and x.closed_reason is null)))
         and not exists (
           select 1 from assignment_reminders r
            where r.assignment_id = ${a.id} and r.user_id = s.user_id and r.automatic_for_due = s.due_at)
       order by s.user_id`.execute(db);
    if (rows.length === 0) continue;
    const sent = await db.transaction().execute(async (trx) => {
      let count = 0;
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const result = await trx
          .insertInto('assignment_reminders')
          .values(
            rows.slice(i, i + INSERT_CHUNK).map((r) => ({
              assignment_id: a.id,
              user_id: r.user_id,
              message: automaticReminderMessage(a.title, r.due_at),
              sent_by: null,
              created_at: nowIso,
              automatic_for_due: r.due_at,
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        count += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
      if (count > 0) {
        await trx
          .insertInto('audit_log')
          .values({
            actor_user_id: null,
            action: 'assignment.autoRemind',
            target_type: 'assignment',
            target_id: String(a.id),
            detail: JSON.stringify({
              recipients: count,
              daysBefore: a.remind_days_before,
              message: automaticReminderMessage(a.title, a.due_at),
            }),
          })
          .execute();
      }
      return count;
    });
    recipients += sent;
    if (sent > 0) reached += 1;
  }
  return { assignments: reached, recipients };
}
