import { sql, type Kysely } from 'kysely';
import { autoIdColumn, nowIsoDefault, floatType } from '../dialect';

// Frozen in time: never edit after it has shipped; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // Rollup: the days on which an officer drilled (an attempt started or finished). Participation in
  // any period counts distinct officers here, never rescanning attempts.
  await db.schema
    .createTable('officer_activity')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('officer_activity_pk', ['user_id', 'day'])
    .execute();
  await db.schema.createIndex('officer_activity_day').on('officer_activity').columns(['day', 'user_id']).execute();

  // Rollup: every assessment pass (mastery history, for weekly proficiency trends).
  await db.schema
    .createTable('skill_passes')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('passed_at', 'text', (c) => c.notNull())
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('skill_passes_user')
    .on('skill_passes')
    .columns(['user_id', 'skill', 'passed_at'])
    .execute();

  // Rollup: rubric mistakes per officer and error code (counted per unit in reports).
  await db.schema
    .createTable('mistake_counts')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mistake_counts_pk', ['user_id', 'code'])
    .execute();

  // Imports of the real 互联网+执法 system's per-unit statistics. A pending import holds the parsed
  // rows until every row is matched to a unit; only a committed import is reported.
  await db.schema
    .createTable('statistics_imports')
    .addColumn('id', 'integer', autoIdColumn(db))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('scope_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('period_year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'committed', 'discarded')`),
    )
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIsoDefault(db)))
    .addColumn('committed_at', 'text')
    .execute();

  await db.schema
    .createTable('real_statistics')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('statistics_imports.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('period_year', 'integer', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('officers_on_record', 'integer', (c) => c.notNull())
    .addColumn('enterprises_onboarded', 'integer', (c) => c.notNull())
    .addColumn('inspections', 'integer', (c) => c.notNull())
    .addColumn('hazards', 'integer', (c) => c.notNull())
    .addColumn('major_hazards', 'integer', (c) => c.notNull())
    .addColumn('cases', 'integer', (c) => c.notNull())
    .addColumn('penalties_wan', floatType(db), (c) => c.notNull())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .addColumn('participating_officers', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('real_statistics_pk', ['import_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('real_statistics_unit_year')
    .on('real_statistics')
    .columns(['unit_id', 'period_year'])
    .execute();

  // A manager's mapping of a name in an export to a unit, remembered for the next import.
  await db.schema
    .createTable('unit_aliases')
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('unit_aliases_pk', ['alias', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'unit_aliases',
    'real_statistics',
    'statistics_imports',
    'mistake_counts',
    'skill_passes',
    'officer_activity',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
