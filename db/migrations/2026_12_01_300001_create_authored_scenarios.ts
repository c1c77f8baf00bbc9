import type { Kysely } from 'kysely';
import { autoIdColumn } from '../dialect';

// Frozen in time: never edit after it has shipped; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // Trainers' own scenarios (issue 16, app/models/scenario-library.server.ts). The row is the scenario
  // as its owners manage it: the working draft (a definition as data, scenarios/authoring/spec.ts) and
  // the publish gate's last verdict on it; published versions are kept apart and never change.
  await db.schema
    .createTable('authored_scenarios')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The author's unit: the scenario is visible in its subtree and managed by its trainers.
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('workflow', 'text', (c) => c.notNull())
    .addColumn('skill', 'text', (c) => c.notNull())
    // The draft's title while unpublished, the latest version's once published (lists, reports).
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('published_version', 'integer')
    .addColumn('draft_json', 'text')
    .addColumn('draft_check_json', 'text')
    // Where it started: a built-in or another scenario (id@version), or an imported file's name.
    .addColumn('based_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema.createIndex('authored_scenarios_unit').on('authored_scenarios').column('unit_id').execute();

  await db.schema
    .createTable('scenario_versions')
    .addColumn('scenario_id', 'text', (c) => c.notNull().references('authored_scenarios.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('spec_json', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('scenario_versions_pk', ['scenario_id', 'version'])
    .execute();

  // An applied regrade: the attempts of a period and subtree re-scored under a newer version.
  await db.schema
    .createTable('scenario_regrades')
    .addColumn('id', 'integer', autoIdColumn(db))
    .addColumn('scenario_id', 'text', (c) => c.notNull().references('authored_scenarios.id'))
    .addColumn('to_version', 'integer', (c) => c.notNull())
    .addColumn('scope_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('applied_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('summary_json', 'text', (c) => c.notNull())
    .execute();
  // Each attempt a regrade moved: what it was before (the event log itself never changes).
  await db.schema
    .createTable('scenario_regrade_attempts')
    .addColumn('regrade_id', 'integer', (c) => c.notNull().references('scenario_regrades.id'))
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('attempts.id'))
    .addColumn('from_version', 'integer', (c) => c.notNull())
    .addColumn('from_score', 'integer')
    .addColumn('from_passed', 'integer')
    .addColumn('to_score', 'integer')
    .addColumn('to_passed', 'integer')
    .addPrimaryKeyConstraint('scenario_regrade_attempts_pk', ['regrade_id', 'attempt_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scenario_regrade_attempts').execute();
  await db.schema.dropTable('scenario_regrades').execute();
  await db.schema.dropTable('scenario_versions').execute();
  await db.schema.dropTable('authored_scenarios').execute();
}
