import type { Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped; add a new migration instead.

// When the session was last used, for the idle timeout. Null = not since it was created (rows from
// before this migration, and sessions minted by the benchmark), so created_at stands in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
}
