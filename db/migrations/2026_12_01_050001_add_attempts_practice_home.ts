import type { Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped; add a new migration instead.

// The officer's practice home an attempt was started with (scenarios/types.ts PracticeHome as JSON):
// its documents carry the officer's own authority and replay rebuilds the same fixture. Null for
// attempts started before (and for those started without one): the scenario's own county.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attempts').addColumn('practice_home_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attempts').dropColumn('practice_home_json').execute();
}
