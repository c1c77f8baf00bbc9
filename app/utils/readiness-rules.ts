/**
 * The readiness definitions that pages print and the report service applies (docs/readiness.md).
 * Client-safe: the report page shows them under the table.
 */

/**
 * The real system's definition (the 2023 notice): a unit's online-enforcement coverage is
 * insufficient when it has fewer than 11 online inspections in the year ("不足一月一次").
 */
export const COVERAGE_MIN_INSPECTIONS = 11;

/** Mastery needs passes on this many different seeds (variety: a memorised answer does not count). */
export const MASTERY_DISTINCT_SEEDS = 2;
/** …within this window, and lapses when the window no longer holds them. */
export const MASTERY_WINDOW_DAYS = 180;

/**
 * Readiness levels: green when at least 60% of the unit's officers are proficient; red when under
 * 20% are proficient and under half drilled in the period; amber between.
 */
export const READINESS_THRESHOLDS = { greenProficientPct: 60, redProficientPct: 20, redParticipationPct: 50 } as const;

/** A unit counts as "drilled" for the four groups when at least half its officers drilled in the period. */
export const DRILLED_PARTICIPATION_PCT = 50;
