import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { chinaDaySql, greatest, jsonArrayAgg, jsonTextElements, shiftDays } from '../../db/dialect';
import { MASTERY_DISTINCT_SEEDS, MASTERY_WINDOW_DAYS } from '../utils/readiness-rules';

/** The four rollup tables, in the order a rebuild fills them. */
export const ROLLUP_TABLES = ['officer_activity', 'skill_passes', 'mistake_counts', 'skill_mastery'] as const;
export type RollupTable = (typeof ROLLUP_TABLES)[number];

export interface RebuildProgress {
  /** 1-based index of the table just rebuilt. */
  step: number;
  total: number;
  table: RollupTable;
  /** Rows now in that table. */
  rows: number;
  /** Milliseconds the table took. */
  ms: number;
}

export interface RebuildResult {
  rows: Record<RollupTable, number>;
  ms: number;
}

/**
 * Recomputes every report rollup (officer_activity, skill_passes, mistake_counts, skill_mastery)
 * from the attempts table alone, in one transaction and in set-based SQL. The result is row for row
 * what incremental maintenance (`recordActivity` at start, `recordFinishedAttempt` at finish, in
 * app/models/mastery.server.ts) leaves behind when attempts finish in the order of their finished_at
 * — which is the order the server clock gives them:
 *
 * - officer_activity: the China-time day (UTC+8, as `chinaDay`) of every attempt's start, and of
 *   every finished attempt's finish.
 * - skill_passes: one row per finished assessment that passed.
 * - mistake_counts: per officer and rubric error code, how many times it was lost (each occurrence in
 *   an attempt's error_codes), and the latest finish at which it was.
 * - skill_mastery: per officer and skill, finished attempts, best score, last attempt and last
 *   assessment pass; passes_json = the assessment passes within 180 days of the last attempt of the
 *   skill (what the incremental fold keeps), in finish order; mastered_until = the
 *   second-most-recent distinct-seed pass of that list + 180 days (`masteredUntil`).
 *
 * Attempts the system closed without a score (closed_reason, see `closeOutdatedAttempts`) count as
 * started, never as finished: incremental maintenance records nothing when it closes them.
 *
 * Use after a data repair, an import of attempts, or a change of the mastery rule.
 */
export async function rebuildRollups(
  db: Kysely<Database>,
  options: { onProgress?: (progress: RebuildProgress) => void } = {},
): Promise<RebuildResult> {
  const started = performance.now();
  return db.transaction().execute(async (trx) => ({
    rows: await fillRollups(trx, null, options.onProgress),
    ms: performance.now() - started,
  }));
}

/**
 * Recomputes the rollups of these officers only, by the same rules as `rebuildRollups`, inside the
 * caller's transaction: for when their attempts' scores changed (a regrade, app/models/regrade.server.ts).
 */
export async function rebuildRollupsOf(trx: Transaction<Database>, userIds: readonly number[]): Promise<void> {
  const unique = [...new Set(userIds)];
  // Officers' rollups are independent: slices keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < unique.length; i += 5000) await fillRollups(trx, unique.slice(i, i + 5000));
}

/** Empties and refills the four rollups: every officer's (`userIds` null) or only these officers'. */
async function fillRollups(
  trx: Transaction<Database>,
  userIds: readonly number[] | null,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<Record<RollupTable, number>> {
  // Every statement reads attempts (or skill_passes) through this filter on the officer.
  const only = (column: string) =>
    userIds === null ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} in (${sql.join(userIds)})`;
  const rows = {} as Record<RollupTable, number>;
  const steps: Record<RollupTable, () => Promise<{ numAffectedRows?: bigint }>> = {
    officer_activity: () =>
      sql`
          insert into officer_activity (user_id, day)
          select user_id, ${chinaDaySql(trx, sql`started_at`)} from attempts where ${only('user_id')}
          union
          select user_id, ${chinaDaySql(trx, sql`finished_at`)} from attempts
           where status = 'finished' and finished_at is not null and closed_reason is null and ${only('user_id')}`.execute(
        trx,
      ),
    skill_passes: () =>
      sql`
          insert into skill_passes (user_id, skill, seed, passed_at, attempt_id)
          select user_id, skill, seed, finished_at, id from attempts
           where status = 'finished' and closed_reason is null and mode = 'assessment' and passed = 1
             and ${only('user_id')}
           order by finished_at, id`.execute(trx),
    mistake_counts: () =>
      sql`
          insert into mistake_counts (user_id, code, count, last_at)
          select a.user_id, e.value, count(*), max(a.finished_at)
            from attempts a, ${jsonTextElements(trx, sql`a.error_codes`)} e
           where a.status = 'finished' and a.closed_reason is null and ${only('a.user_id')}
           group by a.user_id, e.value`.execute(trx),
    // Reads skill_passes, rebuilt just before.
    skill_mastery: () =>
      sql`
          with finished as (
            select user_id, skill,
                   count(*) as attempts,
                   ${greatest(trx, sql`max(score)`, sql`0`)} as best_score,
                   max(finished_at) as last_attempt_at,
                   max(case when mode = 'assessment' and passed = 1 then finished_at end) as last_pass_at
              from attempts
             where status = 'finished' and closed_reason is null and ${only('user_id')}
             group by user_id, skill
          ),
          kept as (
            select p.user_id, p.skill, p.seed, p.passed_at, p.attempt_id
              from skill_passes p
              join finished f on f.user_id = p.user_id and f.skill = p.skill
             where p.passed_at > ${shiftDays(trx, sql`f.last_attempt_at`, -MASTERY_WINDOW_DAYS)}
          ),
          per_seed as (
            select user_id, skill, max(passed_at) as at from kept group by user_id, skill, seed
          ),
          ranked as (
            select user_id, skill, at, row_number() over (partition by user_id, skill order by at desc) as n
              from per_seed
          ),
          mastery as (
            select user_id, skill, ${shiftDays(trx, sql`at`, MASTERY_WINDOW_DAYS)} as mastered_until
              from ranked where n = ${MASTERY_DISTINCT_SEEDS}
          ),
          lists as (
            select user_id, skill,
                   ${jsonArrayAgg(
                     trx,
                     [
                       ['seed', sql`seed`],
                       ['at', sql`passed_at`],
                     ],
                     sql`passed_at, attempt_id`,
                   )} as passes_json
              from kept group by user_id, skill
          )
          insert into skill_mastery (user_id, skill, attempts, best_score, last_attempt_at, last_pass_at, passes_json, mastered_until)
          select f.user_id, f.skill, f.attempts, f.best_score, f.last_attempt_at, f.last_pass_at,
                 coalesce(l.passes_json, '[]'), m.mastered_until
            from finished f
            left join lists l on l.user_id = f.user_id and l.skill = f.skill
            left join mastery m on m.user_id = f.user_id and m.skill = f.skill`.execute(trx),
  };
  // Emptied first (skill_passes references attempts, never the other way round).
  for (const table of ROLLUP_TABLES) {
    await trx.deleteFrom(table).where(only('user_id')).execute();
  }
  for (const [index, table] of ROLLUP_TABLES.entries()) {
    const t = performance.now();
    const { numAffectedRows } = await steps[table]();
    rows[table] = Number(numAffectedRows ?? 0n);
    onProgress?.({
      step: index + 1,
      total: ROLLUP_TABLES.length,
      table,
      rows: rows[table],
      ms: performance.now() - t,
    });
  }
  return rows;
}
