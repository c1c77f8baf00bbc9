import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { chinaDaySql, greatest, isPostgres, jsonArrayAgg, jsonTextElements, shiftDays } from '../../db/dialect';
import { MASTERY_DISTINCT_SEEDS, MASTERY_WINDOW_DAYS } from '../utils/readiness-rules';

/** The four rollup tables, in the order a rebuild fills them. */
export const ROLLUP_TABLES = ['officer_activity', 'skill_passes', 'mistake_counts', 'skill_mastery'] as const;
export type RollupTable = (typeof ROLLUP_TABLES)[number];

export interface RebuildProgress {
  /** 1-based index of the chunk just committed. */
  chunk: number;
  chunks: number;
  /** Officers (user ids) whose rollups are rebuilt so far, of `totalUsers`. */
  users: number;
  totalUsers: number;
  /** Rows written so far, per table. */
  rows: Record<RollupTable, number>;
  /** Milliseconds the chunk's transaction took (the longest a concurrent write waits for it). */
  ms: number;
}

export interface RebuildResult {
  rows: Record<RollupTable, number>;
  chunks: number;
  /** The longest chunk transaction, in milliseconds. */
  longestChunkMs: number;
  ms: number;
}

/** Users per chunk of a full rebuild: at national scale (20 attempts an officer) ≈0.2 s of writing each. */
export const REBUILD_CHUNK_USERS = 500;

/**
 * Recomputes every report rollup (officer_activity, skill_passes, mistake_counts, skill_mastery)
 * from the attempts table alone, in set-based SQL, a chunk of users at a time: each chunk is one short
 * write transaction that empties and refills those users' rows, so the server's steps wait at most one
 * chunk (docs/decisions/210-rollup-rebuild-online.md). The result is row for row what incremental
 * maintenance (`recordActivity` at start, `recordFinishedAttempt` at finish, in
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
 * A chunk is serialized with the drills of its users: on SQLite it holds the write lock from its first
 * statement (BEGIN IMMEDIATE), so a finish commits wholly before or wholly after it; on PostgreSQL it
 * first locks its users' active attempts, which a step locks before it writes anything. A failure
 * rolls back the failing chunk only (the chunks before it are committed, and correct).
 *
 * Use after a data repair, an import of attempts, or a change of the mastery rule; safe while the
 * server runs.
 */
export async function rebuildRollups(
  db: Kysely<Database>,
  options: {
    onProgress?: (progress: RebuildProgress) => void;
    chunkUsers?: number;
    /**
     * Milliseconds between chunks (0: none), and never less than the chunk before took: from another
     * process, the app's waiting writer needs a window — its SQLite busy handler retries only every
     * 100 ms once it has waited a while — and at least as much time with the lock as the rebuild, even
     * when a busy machine slows the chunks down (scripts/rebuild-rollups.ts).
     */
    pauseMs?: number;
  } = {},
): Promise<RebuildResult> {
  const started = performance.now();
  const size = options.chunkUsers ?? REBUILD_CHUNK_USERS;
  const ids = (await db.selectFrom('users').select('id').orderBy('id').execute()).map((u) => u.id);
  const chunks = Math.max(1, Math.ceil(ids.length / size));
  const rows = Object.fromEntries(ROLLUP_TABLES.map((t) => [t, 0])) as Record<RollupTable, number>;
  let longestChunkMs = 0;
  let lastChunkMs = 0;
  for (let chunk = 0; chunk < chunks; chunk++) {
    if (chunk > 0 && options.pauseMs) {
      const pause = Math.max(options.pauseMs, lastChunkMs);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    const slice = ids.slice(chunk * size, (chunk + 1) * size);
    // Rollup rows belong to users (foreign keys), and ids are never reused: the chunks' ranges of ids
    // cover every row; a user created meanwhile has only rows kept by incremental maintenance.
    const range = { from: slice[0] ?? 0, to: slice[slice.length - 1] ?? 0 };
    const t = performance.now();
    // On SQLite the transaction begins IMMEDIATE, as all of the app's do (db/sqlite-immediate.ts).
    const written = await db.transaction().execute(async (trx) => {
      if (isPostgres(trx)) {
        await trx
          .selectFrom('attempts')
          .select('id')
          .where('user_id', '>=', range.from)
          .where('user_id', '<=', range.to)
          .where('status', '=', 'active')
          .forUpdate()
          .execute();
      }
      return fillRollups(trx, range);
    });
    const ms = performance.now() - t;
    lastChunkMs = ms;
    longestChunkMs = Math.max(longestChunkMs, ms);
    for (const table of ROLLUP_TABLES) rows[table] += written[table];
    options.onProgress?.({
      chunk: chunk + 1,
      chunks,
      users: Math.min(ids.length, (chunk + 1) * size),
      totalUsers: ids.length,
      rows: { ...rows },
      ms,
    });
  }
  // Every row was rewritten: on PostgreSQL the planner's statistics of the rollups are refreshed now,
  // not when autovacuum gets to them. With the statistics of before (say, empty tables), it answered a
  // province's report by hashing every activity day of the period instead of probing per officer
  // (37 ms against 4 ms, quick national data; docs/benchmarks.md, issue 18).
  if (isPostgres(db)) await sql`analyze ${sql.join(ROLLUP_TABLES.map((t) => sql.table(t)))}`.execute(db);
  return { rows, chunks, longestChunkMs, ms: performance.now() - started };
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

/** Empties and refills the four rollups of these users (a list, or a range of ids). */
async function fillRollups(
  trx: Kysely<Database>,
  users: readonly number[] | { from: number; to: number },
): Promise<Record<RollupTable, number>> {
  // Every statement reads attempts (or skill_passes) through this filter on the officer.
  const only = (column: string) =>
    'from' in users
      ? sql<boolean>`${sql.ref(column)} between ${users.from} and ${users.to}`
      : sql<boolean>`${sql.ref(column)} in (${sql.join(users)})`;
  const rows = {} as Record<RollupTable, number>;
  const steps: Record<RollupTable, () => Promise<{ numAffectedRows?: bigint }>> = {
    // `on conflict`: on PostgreSQL a drill starting beside the chunk may insert the same day first.
    officer_activity: () =>
      sql`
          insert into officer_activity (user_id, day)
          select user_id, ${chinaDaySql(trx, sql`started_at`)} from attempts where ${only('user_id')}
          union
          select user_id, ${chinaDaySql(trx, sql`finished_at`)} from attempts
           where status = 'finished' and finished_at is not null and closed_reason is null and ${only('user_id')}
          on conflict do nothing`.execute(trx),
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
  for (const table of ROLLUP_TABLES) {
    const { numAffectedRows } = await steps[table]();
    rows[table] = Number(numAffectedRows ?? 0n);
  }
  return rows;
}
