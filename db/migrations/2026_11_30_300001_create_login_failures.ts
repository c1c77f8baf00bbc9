import type { Kysely } from 'kysely';
import { autoIdColumn } from '../dialect';

// Frozen in time: never edit after it has shipped; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // One row per failed login (app/models/login-throttle.server.ts): kept in the database so that a
  // restart does not lift a lock; rows older than the longest window are purged as new ones arrive.
  // `username` is the name as typed, known or not, so unknown names are throttled the same way.
  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'integer', autoIdColumn(db))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_failures_username')
    .on('login_failures')
    .columns(['username', 'created_at'])
    .execute();
  await db.schema
    .createIndex('login_failures_address')
    .on('login_failures')
    .columns(['address', 'created_at'])
    .execute();
  await db.schema.createIndex('login_failures_created_at').on('login_failures').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_failures').execute();
}
