import type { Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // Why the system (not the officer) ended an attempt without a score, e.g. 'scenarioUpdated': an
  // unfinished attempt whose scenario changed version cannot go on under the new rules. Such an
  // attempt is status 'finished' with score null, and rollups and assignments leave it out.
  await db.schema.alterTable('attempts').addColumn('closed_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attempts').dropColumn('closed_reason').execute();
}
