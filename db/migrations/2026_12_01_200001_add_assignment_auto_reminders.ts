import type { Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // Days before an officer's (possibly extended) due date at which the app reminds them by itself;
  // 0 turns the automatic reminder off. Existing assignments take the default.
  await db.schema
    .alterTable('assignments')
    .addColumn('remind_days_before', 'integer', (c) => c.notNull().defaultTo(3))
    .execute();
  // Set on reminders the app sent by itself: the due date they announced (so each due date is
  // announced once, and again after an extension). Null on a trainer's manual reminder.
  await db.schema.alterTable('assignment_reminders').addColumn('automatic_for_due', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assignment_reminders').dropColumn('automatic_for_due').execute();
  await db.schema.alterTable('assignments').dropColumn('remind_days_before').execute();
}
