import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** Every row of the four report rollups, in a fixed order: for comparing incremental rows with a rebuild. */
export async function allRollupRows(db: Kysely<Database>) {
  return {
    officer_activity: await db.selectFrom('officer_activity').selectAll().orderBy('user_id').orderBy('day').execute(),
    skill_passes: await db.selectFrom('skill_passes').selectAll().orderBy('attempt_id').execute(),
    mistake_counts: await db.selectFrom('mistake_counts').selectAll().orderBy('user_id').orderBy('code').execute(),
    skill_mastery: await db.selectFrom('skill_mastery').selectAll().orderBy('user_id').orderBy('skill').execute(),
  };
}
