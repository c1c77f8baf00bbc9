import { sql, type Kysely } from 'kysely';
import { autoIdColumn, nowIsoDefault } from '../dialect';

// Frozen in time: never edit after it has shipped; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // A trainer's assignment: one or more scenarios, one mode and pass mark, a window, attempts allowed.
  // Who it covers is resolved at read time from its targets (units by subtree, or chosen officers),
  // so an officer who joins a targeted unit later receives it too.
  await db.schema
    .createTable('assignments')
    .addColumn('id', 'integer', autoIdColumn(db))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // The creator's unit: who may follow the assignment up (that unit's subtree).
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('practice', 'assessment')`))
    .addColumn('pass_mark', 'integer', (c) => c.notNull().check(sql`pass_mark between 0 and 100`))
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('attempts_allowed', 'integer', (c) => c.notNull().check(sql`attempts_allowed >= 1`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_competition', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`is_competition in (0, 1)`),
    )
    // The one seed every competitor gets; never shown before `opens_at`.
    .addColumn('competition_seed', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIsoDefault(db)))
    .addCheckConstraint('assignments_window', sql`due_at > opens_at`)
    .addCheckConstraint(
      'assignments_competition',
      sql`is_competition = 0 or (mode = 'assessment' and competition_seed is not null)`,
    )
    .execute();
  await db.schema.createIndex('assignments_owner_due').on('assignments').columns(['owner_unit_id', 'due_at']).execute();

  await db.schema
    .createTable('assignment_scenarios')
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('scenario_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assignment_scenarios_pk', ['assignment_id', 'scenario_id'])
    .execute();

  // Exactly one of unit_id (the unit and its whole subtree) or user_id (one officer).
  await db.schema
    .createTable('assignment_targets')
    .addColumn('id', 'integer', autoIdColumn(db))
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addCheckConstraint('assignment_targets_one', sql`(unit_id is null) <> (user_id is null)`)
    .execute();
  await db.schema
    .createIndex('assignment_targets_assignment')
    .on('assignment_targets')
    .columns(['assignment_id', 'unit_id', 'user_id'])
    .unique()
    .execute();
  // An officer's assignments: targets on any unit of their path (ids in units.path) or on them.
  await db.schema
    .createIndex('assignment_targets_unit')
    .on('assignment_targets')
    .columns(['unit_id', 'assignment_id'])
    .execute();
  await db.schema
    .createIndex('assignment_targets_user')
    .on('assignment_targets')
    .columns(['user_id', 'assignment_id'])
    .execute();

  // A later due date for one unit (its subtree) or one officer; the whole assignment's is moved on
  // `assignments.due_at` itself. Reasons are also kept in audit_log.
  await db.schema
    .createTable('assignment_extensions')
    .addColumn('id', 'integer', autoIdColumn(db))
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIsoDefault(db)))
    .addCheckConstraint('assignment_extensions_one', sql`(unit_id is null) <> (user_id is null)`)
    .execute();
  await db.schema
    .createIndex('assignment_extensions_assignment')
    .on('assignment_extensions')
    .column('assignment_id')
    .execute();

  // In-app reminders, one row per recipient (officers see theirs on the home page).
  await db.schema
    .createTable('assignment_reminders')
    .addColumn('id', 'integer', autoIdColumn(db))
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assignment_reminders_user')
    .on('assignment_reminders')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('assignment_reminders_assignment')
    .on('assignment_reminders')
    .column('assignment_id')
    .execute();

  // An attempt started from an assignment counts against it. No foreign key: SQLite cannot drop a
  // column that one names (down), and assignments are closed, never deleted.
  await db.schema.alterTable('attempts').addColumn('assignment_id', 'integer').execute();
  await db.schema
    .createIndex('attempts_assignment')
    .on('attempts')
    .columns(['assignment_id', 'user_id', 'scenario_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('attempts_assignment').execute();
  await db.schema.alterTable('attempts').dropColumn('assignment_id').execute();
  await db.schema.dropTable('assignment_reminders').execute();
  await db.schema.dropTable('assignment_extensions').execute();
  await db.schema.dropTable('assignment_targets').execute();
  await db.schema.dropTable('assignment_scenarios').execute();
  await db.schema.dropTable('assignments').execute();
}
