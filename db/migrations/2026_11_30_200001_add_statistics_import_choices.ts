import type { Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // The review of a pending import is paged, so the manager's choices for unmatched rows (row-{index}
  // → a unit code or 'skip') are kept with the import between pages: a JSON object.
  await db.schema
    .alterTable('statistics_imports')
    .addColumn('choices_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('statistics_imports').dropColumn('choices_json').execute();
}
