import type { Kysely } from 'kysely';
import { autoIdColumn } from '../dialect';

// Frozen in time: never edit after it has shipped; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // The weekly 通报 as issued (app/models/bulletin.server.ts, docs/decisions/180-weekly-bulletin.md):
  // the content is frozen as JSON at issue time and every view renders only from it.
  await db.schema
    .createTable('bulletins')
    .addColumn('id', 'integer', autoIdColumn(db))
    .addColumn('scope_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    // Null when the app's weekly schedule issued it.
    .addColumn('issued_by', 'integer', (c) => c.references('users.id'))
    .addColumn('content_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bulletins_number')
    .on('bulletins')
    .columns(['scope_unit_id', 'year', 'seq'])
    .unique()
    .execute();
  // One 通报 per unit and week: a second issue (a double submit, the schedule after a manual issue) is refused.
  await db.schema
    .createIndex('bulletins_week')
    .on('bulletins')
    .columns(['scope_unit_id', 'period_from'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bulletins').execute();
}
