import { sql, type Kysely } from 'kysely';
import { autoIdColumn, nowIsoDefault } from '../dialect';

// Frozen in time: never edit after it has shipped; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // One drill attempt. The record is the event log plus scenario id/version and seed; `state_json`
  // is only a cache of the engine's state after `event_count` events.
  await db.schema
    .createTable('attempts')
    .addColumn('id', 'integer', autoIdColumn(db))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('scenario_id', 'text', (c) => c.notNull())
    .addColumn('scenario_version', 'integer', (c) => c.notNull())
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('practice', 'assessment')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'finished')`),
    )
    .addColumn('pass_mark', 'integer', (c) => c.notNull().defaultTo(80))
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state_json', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('score', 'integer')
    .addColumn('passed', 'integer', (c) => c.check(sql`passed in (0, 1)`))
    .addColumn('hints_used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIsoDefault(db)))
    .execute();
  await db.schema
    .createIndex('attempts_user_status')
    .on('attempts')
    .columns(['user_id', 'status', 'started_at'])
    .execute();

  await db.schema
    .createTable('attempt_events')
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('event_json', 'text', (c) => c.notNull())
    // The form as the officer filled it (shown beside the model answer); not needed for replay.
    .addColumn('form_values_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIsoDefault(db)))
    .addPrimaryKeyConstraint('attempt_events_pk', ['attempt_id', 'seq'])
    .execute();

  // Rollup per officer and skill, maintained when an attempt finishes (reports never rescan attempts).
  await db.schema
    .createTable('skill_mastery')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('best_score', 'integer')
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_pass_at', 'text')
    .addColumn('passes_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('mastered_until', 'text')
    .addPrimaryKeyConstraint('skill_mastery_pk', ['user_id', 'skill'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('skill_mastery').execute();
  await db.schema.dropTable('attempt_events').execute();
  await db.schema.dropTable('attempts').execute();
}
