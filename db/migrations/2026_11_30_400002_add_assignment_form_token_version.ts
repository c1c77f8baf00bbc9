import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // The token of the "布置任务" form that created the assignment: a second POST of the same form
  // finds it and is sent to the assignment already created instead of creating another.
  await db.schema.alterTable('assignments').addColumn('form_token', 'text').execute();
  await db.schema
    .createIndex('assignments_form_token')
    .on('assignments')
    .columns(['created_by', 'form_token'])
    .unique()
    .where(sql.ref('form_token'), 'is not', null)
    .execute();
  // Moves on with every extension: a form built on an older version is refused (409), so two
  // concurrent extensions cannot both apply and the audit log's "from" is the value replaced.
  await db.schema
    .alterTable('assignments')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assignments_form_token').execute();
  await db.schema.alterTable('assignments').dropColumn('form_token').execute();
  await db.schema.alterTable('assignments').dropColumn('version').execute();
}
