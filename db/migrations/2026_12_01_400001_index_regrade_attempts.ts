import type { Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // An attempt's result page asks whether (and from which version) it was regraded
  // (app/models/regrade.server.ts `regradeOf`); the primary key starts with the regrade.
  await db.schema
    .createIndex('scenario_regrade_attempts_attempt')
    .on('scenario_regrade_attempts')
    .columns(['attempt_id', 'regrade_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('scenario_regrade_attempts_attempt').execute();
}
