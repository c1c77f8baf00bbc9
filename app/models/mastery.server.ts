import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import { MASTERY_DISTINCT_SEEDS, MASTERY_WINDOW_DAYS } from '../utils/readiness-rules';
import { asFlag, lockedForUpdate } from '../../db/dialect';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Pass {
  seed: string;
  at: string;
}

/**
 * Until when the passes make the officer master of the skill, or null. An officer has mastered a
 * skill at time t when assessment passes on at least two different seeds fall within the 180 days
 * before t; so mastery lasts until the second-most-recent distinct-seed pass is 180 days old.
 */
export function masteredUntil(passes: readonly Pass[]): string | null {
  const latestPerSeed = new Map<string, number>();
  for (const pass of passes) {
    const at = Date.parse(pass.at);
    latestPerSeed.set(pass.seed, Math.max(at, latestPerSeed.get(pass.seed) ?? -Infinity));
  }
  const latest = [...latestPerSeed.values()].sort((a, b) => b - a);
  const limiting = latest[MASTERY_DISTINCT_SEEDS - 1];
  return limiting === undefined ? null : new Date(limiting + MASTERY_WINDOW_DAYS * DAY_MS).toISOString();
}

/**
 * SQL, per officer (grouped by officer, with `sm` = skill_mastery left-joined on `userIdColumn`): 1
 * when the officer had mastered `skill` at the instant `at`, else 0. The rollup's `mastered_until`
 * says it for the present; for an instant in the past it would also count passes made after `at`, so
 * `fromHistory` reads the pass history (skill_passes keeps every pass): passes on two different
 * seeds within (at − 180 days, at].
 */
export function masteredAtSql(
  userIdColumn: string,
  skill: string,
  at: string,
  fromHistory: boolean,
): RawBuilder<number> {
  if (!fromHistory) {
    return sql<number>`max(case when sm.skill = ${skill} and sm.mastered_until > ${at} then 1 else 0 end)`;
  }
  const since = new Date(Date.parse(at) - MASTERY_WINDOW_DAYS * DAY_MS).toISOString();
  return asFlag(sql`(select count(distinct p.seed) from skill_passes p
     where p.user_id = ${sql.ref(userIdColumn)} and p.skill = ${skill}
       and p.passed_at <= ${at} and p.passed_at > ${since}) >= ${MASTERY_DISTINCT_SEEDS}`);
}

/** Whether a mastery row counts as mastered at `now`. */
export function isMastered(row: { mastered_until: string | null }, now: Date): boolean {
  return row.mastered_until !== null && Date.parse(row.mastered_until) > now.getTime();
}

/**
 * Folds one finished attempt into the officer's rollup for its skill (stored, so reports never
 * rescan attempts). Only assessment passes count towards mastery; every attempt counts as activity.
 */
export async function recordFinishedAttempt(
  db: Kysely<Database>,
  attempt: {
    attemptId: number;
    userId: number;
    skill: string;
    mode: 'practice' | 'assessment';
    seed: string;
    finishedAt: string;
    score: number;
    passed: boolean;
    /** Stable codes of the rubric items lost. */
    errorCodes: readonly string[];
  },
): Promise<void> {
  await recordActivity(db, attempt.userId, attempt.finishedAt);
  for (const code of attempt.errorCodes) {
    await db
      .insertInto('mistake_counts')
      .values({ user_id: attempt.userId, code, count: 1, last_at: attempt.finishedAt })
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'code'])
          .doUpdateSet((eb) => ({ count: eb('mistake_counts.count', '+', 1), last_at: attempt.finishedAt })),
      )
      .execute();
  }
  // The officer's row for the skill is read, folded and written back: created if missing, then held
  // until commit, so that two attempts finishing at once (two tabs, two app processes) both count.
  await db
    .insertInto('skill_mastery')
    .values({ user_id: attempt.userId, skill: attempt.skill })
    .onConflict((oc) => oc.columns(['user_id', 'skill']).doNothing())
    .execute();
  const row = await lockedForUpdate(
    db,
    db.selectFrom('skill_mastery').selectAll().where('user_id', '=', attempt.userId).where('skill', '=', attempt.skill),
  ).executeTakeFirstOrThrow();
  const windowStart = Date.parse(attempt.finishedAt) - MASTERY_WINDOW_DAYS * DAY_MS;
  const previous = JSON.parse(row.passes_json) as Pass[];
  const countsForMastery = attempt.mode === 'assessment' && attempt.passed;
  if (countsForMastery) {
    await db
      .insertInto('skill_passes')
      .values({
        user_id: attempt.userId,
        skill: attempt.skill,
        seed: attempt.seed,
        passed_at: attempt.finishedAt,
        attempt_id: attempt.attemptId,
      })
      .execute();
  }
  // Passes older than the window can never count again: keep the stored list short.
  const passes = [...previous, ...(countsForMastery ? [{ seed: attempt.seed, at: attempt.finishedAt }] : [])].filter(
    (p) => Date.parse(p.at) > windowStart,
  );
  const values = {
    attempts: row.attempts + 1,
    best_score: Math.max(row.best_score ?? 0, attempt.score),
    last_attempt_at: attempt.finishedAt,
    last_pass_at: countsForMastery ? attempt.finishedAt : row.last_pass_at,
    passes_json: JSON.stringify(passes),
    mastered_until: masteredUntil(passes),
  };
  await db
    .updateTable('skill_mastery')
    .set(values)
    .where('user_id', '=', attempt.userId)
    .where('skill', '=', attempt.skill)
    .execute();
}

/** The calendar day (China time, UTC+8) of an instant: reports count days as officers live them. */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** Marks the day as one on which the officer drilled (participation rollup). */
export async function recordActivity(db: Kysely<Database>, userId: number, at: string): Promise<void> {
  await db
    .insertInto('officer_activity')
    .values({ user_id: userId, day: chinaDay(at) })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The officer's rollup per skill. */
export function listMastery(db: Kysely<Database>, userId: number) {
  return db.selectFrom('skill_mastery').selectAll().where('user_id', '=', userId).execute();
}
