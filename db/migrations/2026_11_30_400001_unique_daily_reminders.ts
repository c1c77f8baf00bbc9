import { sql, type Kysely } from 'kysely';
import { chinaDaySql, CREATE_CHINA_DAY_FUNCTION, isPostgres } from '../dialect';

// Frozen in time: never edit after it has shipped; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // The Beijing calendar day of a stored UTC instant. Deterministic (no 'now'), so it may be indexed.
  if (isPostgres(db)) await CREATE_CHINA_DAY_FUNCTION.execute(db);
  const beijingDay = chinaDaySql(db, sql`created_at`);
  // Repeated clicks on 提醒 wrote one row per officer each time (a province-wide task: thousands per
  // click). Keep the earliest reminder per recipient, assignment and Beijing day; drop the rest.
  await sql`
    delete from assignment_reminders where id in (
      select id from (
        select id, row_number() over (partition by assignment_id, user_id, ${beijingDay} order by created_at, id) as n
          from assignment_reminders
      ) as ranked where n > 1
    )`.execute(db);
  // At most one reminder per recipient per assignment per day, whatever the code does.
  await sql`create unique index assignment_reminders_daily on assignment_reminders (assignment_id, user_id, ${beijingDay})`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assignment_reminders_daily').execute();
  if (isPostgres(db)) await sql`drop function china_day(text)`.execute(db);
}
