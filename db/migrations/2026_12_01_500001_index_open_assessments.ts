import type { Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // Every practice page asks for the officer's open assessments of its scenario
  // (app/models/attempt.server.ts `openAssessmentsQuery`): active attempts of the user, by scenario,
  // with their mode, deadline, version and assignment. attempts_user_status found the user's active
  // attempts but read each row, snapshot and all, to test the rest: 0.11 ms a page for an officer with
  // ≈190 unfinished attempts (issue 18). This index answers the query without reading the rows.
  await db.schema
    .createIndex('attempts_open_by_user')
    .on('attempts')
    .columns(['user_id', 'status', 'scenario_id', 'mode', 'deadline', 'scenario_version', 'assignment_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('attempts_open_by_user').execute();
}
