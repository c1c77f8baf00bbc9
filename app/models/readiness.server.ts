import { sql, type Kysely } from 'kysely';
import type { Database, Unit } from '../../db/schema';
import { errorCodeNames } from '../../scenarios/error-codes';
import { scenarioTitles } from './scenario-library.server';
import { SKILL_LABELS, type Skill } from '../../scenarios/types';
import { reportQuerySchema, type ReadinessSortKey, type ReportQuery } from '../validation/reports';
import { pct } from '../utils/format';
import {
  COVERAGE_MIN_INSPECTIONS,
  DRILLED_PARTICIPATION_PCT,
  MASTERY_DISTINCT_SEEDS,
  MASTERY_WINDOW_DAYS,
  READINESS_THRESHOLDS,
} from '../utils/readiness-rules';
import { listOverdueByUnit } from './assignment/follow-up.server';
import { chinaDay, masteredAtSql } from './mastery.server';
import { asFlag } from '../../db/dialect';

const MASTERY_WINDOW_MS = MASTERY_WINDOW_DAYS * 24 * 60 * 60 * 1000;

export const SKILLS = Object.keys(SKILL_LABELS) as Skill[];

export type ReadinessLevel = 'green' | 'amber' | 'red';
export type UsageGroup = 'drilledAndUsing' | 'drilledButIdle' | 'usingNotDrilled' | 'neither';

export interface Period {
  /** First day, YYYY-MM-DD (China time), inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** The instant at which mastery is judged for a period: the end of its last day, or now if that is earlier. */
export function masteryInstant(period: Period, now: Date): string {
  const endOfLastDay = Date.parse(`${period.to}T00:00:00+08:00`) + 24 * 60 * 60 * 1000;
  return new Date(Math.min(endOfLastDay, now.getTime())).toISOString();
}

/** The named periods of the report, ending today (China time). */
export function namedPeriod(name: 'week' | 'month' | 'year', now: Date): Period {
  const today = chinaDay(now.toISOString());
  const date = new Date(`${today}T00:00:00Z`);
  if (name === 'week') {
    const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
    date.setUTCDate(date.getUTCDate() - weekday);
  } else if (name === 'month') date.setUTCDate(1);
  else date.setUTCMonth(0, 1);
  return { from: date.toISOString().slice(0, 10), to: today };
}

export function readinessLevel(proficientPct: number, participationPct: number): ReadinessLevel {
  if (proficientPct >= READINESS_THRESHOLDS.greenProficientPct) return 'green';
  if (
    proficientPct < READINESS_THRESHOLDS.redProficientPct &&
    participationPct < READINESS_THRESHOLDS.redParticipationPct
  )
    return 'red';
  return 'amber';
}

export function usageGroup(participationPct: number, coverageInsufficient: boolean | null): UsageGroup | null {
  if (coverageInsufficient === null) return null;
  const drilled = participationPct >= DRILLED_PARTICIPATION_PCT;
  const using = !coverageInsufficient;
  return drilled && using ? 'drilledAndUsing' : drilled ? 'drilledButIdle' : using ? 'usingNotDrilled' : 'neither';
}

interface DrillRow {
  unit_id: number;
  officers: number;
  drilled: number;
  proficient: number;
  avg_best: number | null;
  m_onboarding: number;
  m_inspection: number;
  m_documents: number;
  m_case: number;
}

/**
 * Drill figures per county-level unit of a subtree for a period, from the rollups only
 * (officer_activity, skill_mastery) — never from the attempts themselves.
 */
async function drillFigures(
  db: Kysely<Database>,
  scope: Pick<Unit, 'path'>,
  period: Period,
  at: string,
  fromHistory: boolean,
) {
  const masteredAt = (skill: Skill) => masteredAtSql('u.id', skill, at, fromHistory);
  // One row per officer, then per unit. "Drilled" is an existence probe on officer_activity's
  // primary key (user_id, day) per officer — not a scan of every activity day of the period, which
  // at national scale (≈1.9 million days a year) dominated the report (docs/benchmarks.md).
  const { rows } = await sql<DrillRow>`
    with per_officer as (
      select u.unit_id,
             ${asFlag(sql`exists (
               select 1 from officer_activity oa
                where oa.user_id = u.id and oa.day >= ${period.from} and oa.day <= ${period.to}
             )`)} as drilled,
             ${masteredAt('onboarding')} as m_onboarding,
             ${masteredAt('inspection')} as m_inspection,
             ${masteredAt('documents')} as m_documents,
             ${masteredAt('case')} as m_case,
             max(sm.best_score) as best
        from units un
        join users u on u.unit_id = un.id and u.role = 'officer' and u.disabled = 0
        left join skill_mastery sm on sm.user_id = u.id
       where un.path >= ${scope.path} and un.path < ${`${scope.path}~`}
       group by u.id
    )
    select unit_id,
           count(*) as officers,
           sum(drilled) as drilled,
           count(case when m_onboarding > 0 and m_inspection > 0 and m_documents > 0 and m_case > 0 then 1 end) as proficient,
           avg(best) as avg_best,
           coalesce(sum(m_onboarding), 0) as m_onboarding,
           coalesce(sum(m_inspection), 0) as m_inspection,
           coalesce(sum(m_documents), 0) as m_documents,
           coalesce(sum(m_case), 0) as m_case
      from per_officer
     group by unit_id`.execute(db);
  return new Map(rows.map((r) => [r.unit_id, r]));
}

/** Real-system statistics rows of committed imports for the units of the subtree. */
function committedStatistics(db: Kysely<Database>, scope: Pick<Unit, 'path'>) {
  return db
    .selectFrom('real_statistics as rs')
    .innerJoin('units as un', 'un.id', 'rs.unit_id')
    .innerJoin('statistics_imports as si', 'si.id', 'rs.import_id')
    .where('un.path', '>=', scope.path)
    .where('un.path', '<', `${scope.path}~`)
    .where('si.status', '=', 'committed');
}

/** The latest committed real-system figures per unit of the subtree for a year. */
export async function realFigures(db: Kysely<Database>, scope: Pick<Unit, 'path'>, year: number) {
  const rows = await committedStatistics(db, scope)
    .where('rs.period_year', '=', year)
    .selectAll('rs')
    .orderBy('rs.import_id', 'desc')
    .execute();
  const latest = new Map<number, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.unit_id)) latest.set(row.unit_id, row);
  return latest;
}

/** The years for which real-system statistics were imported within the subtree, newest first. */
export async function importedYears(db: Kysely<Database>, scope: Pick<Unit, 'path'>): Promise<number[]> {
  const rows = await committedStatistics(db, scope)
    .select('rs.period_year')
    .distinct()
    .orderBy('rs.period_year', 'desc')
    .execute();
  return rows.map((r) => r.period_year);
}

export interface ReadinessRow {
  unitId: number;
  code: string;
  name: string;
  city: { code: string; name: string } | null;
  officers: number;
  drilled: number;
  participationPct: number;
  proficient: number;
  proficientPct: number;
  masteryPct: Record<Skill, number>;
  avgBestScore: number | null;
  /** Officer-assignments past their (extended) due date and not completed. */
  overdue: number;
  level: ReadinessLevel;
  bottomRanked: boolean;
  real: {
    sourceName: string;
    officersOnRecord: number;
    inspections: number;
    enterprisesOnboarded: number;
    participatingOfficers: number;
    coverageInsufficient: boolean;
    realParticipationPct: number;
  } | null;
  group: UsageGroup | null;
}

/**
 * The readiness report of a subtree: one row per county-level unit (in tree order, each with its
 * city), every figure as defined in docs/readiness.md.
 */
export async function getReadinessReport(
  db: Kysely<Database>,
  scope: Pick<Unit, 'path'>,
  options: {
    period: Period;
    year?: number | null;
    now?: Date;
    /** Judge mastery from the pass history even at `now` (a 通报 judged at its week's end). */
    masteryFromHistory?: boolean;
  },
) {
  const now = options.now ?? new Date();
  const at = masteryInstant(options.period, now);
  // A period that has ended is judged at its end from the pass history (later passes do not count).
  const fromHistory = options.masteryFromHistory ?? Date.parse(at) < now.getTime();
  const years = await importedYears(db, scope);
  const year = options.year ?? years[0] ?? null;
  const units = await db
    .selectFrom('units as un')
    .leftJoin('units as city', (join) => join.onRef('city.id', '=', 'un.parent_id').on('city.level', '=', 'city'))
    .where('un.path', '>=', scope.path)
    .where('un.path', '<', `${scope.path}~`)
    .where('un.level', '=', 'county')
    .select([
      'un.id',
      'un.code',
      'un.name',
      'city.code as city_code',
      'city.name as city_name',
      'city.sort_order as city_order',
      'un.sort_order',
    ])
    .execute();
  units.sort((a, b) => (a.city_order ?? 0) - (b.city_order ?? 0) || a.sort_order - b.sort_order);
  const [drill, real, overdue] = await Promise.all([
    drillFigures(db, scope, options.period, at, fromHistory),
    year === null ? Promise.resolve(new Map()) : realFigures(db, scope, year),
    listOverdueByUnit(db, scope, now),
  ]);
  const overdueByUnit = new Map(overdue.map((o) => [o.unit_id, o.overdueOfficers]));

  const rows: ReadinessRow[] = units.map((unit) => {
    const d = drill.get(unit.id);
    const officers = d?.officers ?? 0;
    const participationPct = pct(d?.drilled ?? 0, officers);
    const proficientPct = pct(d?.proficient ?? 0, officers);
    const r = real.get(unit.id);
    const coverageInsufficient = r ? r.inspections < COVERAGE_MIN_INSPECTIONS : null;
    return {
      unitId: unit.id,
      code: unit.code,
      name: unit.name,
      city: unit.city_code ? { code: unit.city_code, name: unit.city_name! } : null,
      officers,
      drilled: d?.drilled ?? 0,
      participationPct,
      proficient: d?.proficient ?? 0,
      proficientPct,
      masteryPct: {
        onboarding: pct(d?.m_onboarding ?? 0, officers),
        inspection: pct(d?.m_inspection ?? 0, officers),
        documents: pct(d?.m_documents ?? 0, officers),
        case: pct(d?.m_case ?? 0, officers),
      },
      avgBestScore: d?.avg_best === null || d?.avg_best === undefined ? null : Math.round(d.avg_best * 10) / 10,
      overdue: overdueByUnit.get(unit.id) ?? 0,
      level: readinessLevel(proficientPct, participationPct),
      bottomRanked: false,
      real: r
        ? {
            sourceName: r.source_name,
            officersOnRecord: r.officers_on_record,
            inspections: r.inspections,
            enterprisesOnboarded: r.enterprises_onboarded,
            participatingOfficers: r.participating_officers,
            coverageInsufficient: coverageInsufficient!,
            realParticipationPct: pct(r.participating_officers, r.officers_on_record),
          }
        : null,
      group: usageGroup(participationPct, coverageInsufficient),
    };
  });

  // The bottom of the ranking (as the province's weekly ranking would put them): lowest proficiency,
  // then lowest participation — the last three units, or the last one in a small subtree.
  const ranked = [...rows].sort((a, b) => a.proficientPct - b.proficientPct || a.participationPct - b.participationPct);
  for (const row of ranked.slice(0, rows.length >= 6 ? 3 : Math.min(1, rows.length))) row.bottomRanked = true;

  // Training priority: insufficient real coverage first, then the least proficient, then the least drilled.
  const priority = rows
    .filter((row) => row.real?.coverageInsufficient || row.proficientPct < READINESS_THRESHOLDS.greenProficientPct)
    .sort(
      (a, b) =>
        Number(b.real?.coverageInsufficient ?? false) - Number(a.real?.coverageInsufficient ?? false) ||
        a.proficientPct - b.proficientPct ||
        a.participationPct - b.participationPct,
    );

  const totalOfficers = rows.reduce((s, r) => s + r.officers, 0);
  return {
    period: options.period,
    masteryAt: at,
    year,
    years,
    rows,
    priority,
    totals: {
      units: rows.length,
      officers: totalOfficers,
      drilled: rows.reduce((s, r) => s + r.drilled, 0),
      proficient: rows.reduce((s, r) => s + r.proficient, 0),
      coverageInsufficient: rows.filter((r) => r.real?.coverageInsufficient).length,
      withRealFigures: rows.filter((r) => r.real).length,
    },
  };
}

const SORT_VALUE: Record<ReadinessSortKey, (row: ReadinessRow) => number | string> = {
  unit: () => 0,
  officers: (r) => r.officers,
  participation: (r) => r.participationPct,
  proficient: (r) => r.proficientPct,
  onboarding: (r) => r.masteryPct.onboarding,
  inspection: (r) => r.masteryPct.inspection,
  documents: (r) => r.masteryPct.documents,
  case: (r) => r.masteryPct.case,
  avgBest: (r) => r.avgBestScore ?? -1,
  inspections: (r) => r.real?.inspections ?? -1,
  realParticipation: (r) => r.real?.realParticipationPct ?? -1,
};

/** The rows ordered by a column (tree order for `unit`; ties keep tree order). */
export function sortReadinessRows(
  rows: readonly ReadinessRow[],
  sort: ReadinessSortKey,
  dir: 'asc' | 'desc',
): ReadinessRow[] {
  const order = rows.map((row, index) => ({ row, index }));
  const value = SORT_VALUE[sort];
  const sign = dir === 'asc' ? 1 : -1;
  order.sort((a, b) => {
    const va = value(a.row);
    const vb = value(b.row);
    return (va < vb ? -1 : va > vb ? 1 : 0) * sign || a.index - b.index;
  });
  return order.map((o) => o.row);
}

/** Resolves the report query to a period (a custom one must be valid: from ≤ to, at most 3 years). */
export function resolvePeriod(query: ReportQuery, now: Date): { period: Period; error: string | null } {
  if (query.period !== 'custom') return { period: namedPeriod(query.period, now), error: null };
  if (!query.from || !query.to)
    return { period: namedPeriod('month', now), error: '请填写有效的开始日期和结束日期（年-月-日）' };
  if (query.from > query.to) return { period: namedPeriod('month', now), error: '开始日期不能晚于结束日期' };
  if (Date.parse(query.to) - Date.parse(query.from) > 3 * 366 * 24 * 60 * 60 * 1000) {
    return { period: namedPeriod('month', now), error: '统计周期不能超过 3 年' };
  }
  return { period: { from: query.from, to: query.to }, error: null };
}

/**
 * The report as a page's query string asks for it (period, real-statistics year, sort): the one
 * entry point of the report page, its exports and its print view.
 */
export async function getReadinessReportForQuery(
  db: Kysely<Database>,
  scope: Pick<Unit, 'path'>,
  searchParams: URLSearchParams,
  now = new Date(),
) {
  const query = reportQuerySchema.parse(Object.fromEntries(searchParams));
  const { period, error } = resolvePeriod(query, now);
  const report = await getReadinessReport(db, scope, { period, year: query.year ?? null, now });
  return {
    query,
    periodError: error,
    report: { ...report, rows: sortReadinessRows(report.rows, query.sort, query.dir) },
  };
}

/** A rubric error code's title (the same code means the same mistake in every scenario). */

/** Skills under this mastery share in a unit get mentors suggested. */
export const WEAK_SKILL_PCT = READINESS_THRESHOLDS.greenProficientPct;

/**
 * A unit's officers for the drill-down (skills mastered, last activity, attempts, best score), its
 * most frequent mistakes by error code, and for each weak skill the officers of the same unit who have
 * mastered it — mentors for 传帮带.
 */
export async function getUnitReadinessDetail(db: Kysely<Database>, unit: Pick<Unit, 'id'>, now = new Date()) {
  const at = now.toISOString();
  const officers = await db
    .selectFrom('users')
    .where('users.unit_id', '=', unit.id)
    .where('users.role', '=', 'officer')
    .where('users.disabled', '=', 0)
    .select(['users.id', 'users.display_name', 'users.username'])
    .select((eb) => [
      eb
        .selectFrom('officer_activity')
        .whereRef('officer_activity.user_id', '=', 'users.id')
        .select(sql<string>`max(day)`.as('d'))
        .as('lastActivity'),
      eb
        .selectFrom('skill_mastery')
        .whereRef('skill_mastery.user_id', '=', 'users.id')
        .select(sql<number>`sum(attempts)`.as('n'))
        .as('attempts'),
      eb
        .selectFrom('skill_mastery')
        .whereRef('skill_mastery.user_id', '=', 'users.id')
        .select(sql<number>`max(best_score)`.as('b'))
        .as('bestScore'),
    ])
    .orderBy('users.id')
    .execute();
  const mastery = await db
    .selectFrom('skill_mastery')
    .innerJoin('users', 'users.id', 'skill_mastery.user_id')
    .where('users.unit_id', '=', unit.id)
    .where('skill_mastery.mastered_until', '>', at)
    .select(['skill_mastery.user_id', 'skill_mastery.skill', 'skill_mastery.best_score'])
    .execute();
  const mastered = new Map<number, Set<string>>();
  for (const m of mastery) {
    if (!mastered.has(m.user_id)) mastered.set(m.user_id, new Set());
    mastered.get(m.user_id)!.add(m.skill);
  }
  const mistakes = await db
    .selectFrom('mistake_counts')
    .innerJoin('users', 'users.id', 'mistake_counts.user_id')
    .where('users.unit_id', '=', unit.id)
    .groupBy('mistake_counts.code')
    .select([
      'mistake_counts.code',
      sql<number>`sum(mistake_counts.count)`.as('count'),
      sql<number>`count(*)`.as('officers'),
    ])
    .orderBy('count', 'desc')
    .orderBy('mistake_counts.code')
    .limit(10)
    .execute();
  const titles = errorCodeNames();
  const rows = officers.map((o) => ({
    id: o.id,
    name: o.display_name,
    username: o.username,
    skills: Object.fromEntries(SKILLS.map((s) => [s, mastered.get(o.id)?.has(s) ?? false])) as Record<Skill, boolean>,
    lastActivity: o.lastActivity ?? null,
    attempts: o.attempts ?? 0,
    bestScore: o.bestScore ?? null,
  }));
  const skills = SKILLS.map((skill) => {
    const masters = mastery.filter((m) => m.skill === skill).sort((a, b) => (b.best_score ?? 0) - (a.best_score ?? 0));
    const share = pct(masters.length, rows.length);
    return {
      skill,
      label: SKILL_LABELS[skill],
      masteredPct: share,
      weak: share < WEAK_SKILL_PCT,
      mentors: masters
        .slice(0, 3)
        .map((m) => ({ id: m.user_id, name: rows.find((r) => r.id === m.user_id)?.name ?? '' })),
    };
  });
  return {
    officers: rows,
    mistakes: mistakes.map((m) => ({
      code: m.code,
      title: titles.get(m.code) ?? m.code,
      count: m.count,
      officers: m.officers,
    })),
    skills,
  };
}

/** One officer of the viewer's subtree: mastery per skill and every attempt, newest first. */
export async function getOfficerReadiness(
  db: Kysely<Database>,
  scope: Pick<Unit, 'path'>,
  userId: number,
  now = new Date(),
) {
  const officer = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .where('users.id', '=', userId)
    .where('units.path', '>=', scope.path)
    .where('units.path', '<', `${scope.path}~`)
    .select([
      'users.id',
      'users.display_name',
      'users.username',
      'users.role',
      'units.code as unit_code',
      'units.name as unit_name',
    ])
    .executeTakeFirst();
  if (!officer) return null;
  const [mastery, attempts] = await Promise.all([
    db.selectFrom('skill_mastery').selectAll().where('user_id', '=', userId).execute(),
    db
      .selectFrom('attempts')
      .select(['id', 'scenario_id', 'mode', 'status', 'started_at', 'finished_at', 'score', 'passed', 'closed_reason'])
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(200)
      .execute(),
  ]);
  const titles = await scenarioTitles(
    db,
    attempts.map((a) => a.scenario_id),
  );
  return {
    officer,
    skills: SKILLS.map((skill) => {
      const row = mastery.find((m) => m.skill === skill);
      return {
        skill,
        label: SKILL_LABELS[skill],
        mastered: row ? row.mastered_until !== null && row.mastered_until > now.toISOString() : false,
        masteredUntil: row?.mastered_until ?? null,
        attempts: row?.attempts ?? 0,
        bestScore: row?.best_score ?? null,
      };
    }),
    attempts: attempts.map((a) => ({ ...a, title: titles.get(a.scenario_id) ?? a.scenario_id })),
  };
}

/** The week-end instants (Monday 00:00 China time, the last one now) of the last `weeks` weeks. */
export function weekEnds(now: Date, weeks: number): { label: string; at: string }[] {
  const { from: monday } = namedPeriod('week', now);
  const ends: { label: string; at: string }[] = [{ label: `${monday} 起（本周）`, at: now.toISOString() }];
  for (let i = 1; i < weeks; i++) {
    const end = new Date(Date.parse(`${monday}T00:00:00+08:00`) - (i - 1) * 7 * 24 * 60 * 60 * 1000);
    const start = chinaDay(new Date(end.getTime() - 7 * 24 * 60 * 60 * 1000).toISOString());
    ends.unshift({ label: `${start} 起`, at: end.toISOString() });
  }
  return ends;
}

/**
 * Proficiency % over the last weeks per unit (or per city for a province-wide scope), from the
 * assessment-pass history (skill_passes): at each week's end an officer is proficient when every
 * skill has passes on two different seeds within the 180 days before. Denominator: officers on
 * record now.
 */
export async function getProficiencyTrend(
  db: Kysely<Database>,
  scope: Pick<Unit, 'path' | 'level'>,
  options: { weeks?: number; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  const ends = weekEnds(now, options.weeks ?? 12);
  const byCity = scope.level === 'province';
  const groups = await db
    .selectFrom('units as un')
    .where('un.path', '>=', scope.path)
    .where('un.path', '<', `${scope.path}~`)
    .where('un.level', '=', byCity ? 'city' : 'county')
    .select(['un.id', 'un.name', 'un.path'])
    .orderBy('un.sort_order')
    .orderBy('un.id')
    .execute();
  const officers = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .where('units.path', '>=', scope.path)
    .where('units.path', '<', `${scope.path}~`)
    .where('users.role', '=', 'officer')
    .where('users.disabled', '=', 0)
    .select(['users.id', 'units.path'])
    .execute();
  const weeksSql = sql.join(
    ends.map(
      (e, i) =>
        sql`select cast(${i} as integer) as w, ${e.at} as at, ${new Date(Date.parse(e.at) - MASTERY_WINDOW_MS).toISOString()} as since`,
    ),
    sql` union all `,
  );
  const { rows } = await sql<{ w: number; user_id: number }>`
    with weeks as (${weeksSql}),
    scoped as (
      select p.user_id, p.skill, p.seed, p.passed_at
        from skill_passes p
        join users u on u.id = p.user_id and u.role = 'officer' and u.disabled = 0
        join units un on un.id = u.unit_id
       where un.path >= ${scope.path} and un.path < ${`${scope.path}~`}
    ),
    skill_ok as (
      select weeks.w, s.user_id, s.skill
        from weeks join scoped s on s.passed_at <= weeks.at and s.passed_at > weeks.since
       group by weeks.w, s.user_id, s.skill
      having count(distinct s.seed) >= ${MASTERY_DISTINCT_SEEDS}
    )
    select w, user_id from skill_ok group by w, user_id having count(*) = ${SKILLS.length}`.execute(db);
  const groupOf = (path: string) => groups.find((g) => path.startsWith(g.path));
  const pathOfUser = new Map(officers.map((o) => [o.id, o.path]));
  const series = groups.map((g) => ({
    name: g.name,
    officers: officers.filter((o) => o.path.startsWith(g.path)).length,
    proficient: ends.map(() => 0),
  }));
  for (const row of rows) {
    const group = groupOf(pathOfUser.get(row.user_id) ?? '');
    const s = group ? series.find((x) => x.name === group.name) : undefined;
    if (s) s.proficient[row.w]! += 1;
  }
  return {
    weeks: ends.map((e) => e.label),
    series: series.map((s) => ({
      name: s.name,
      officers: s.officers,
      pct: s.proficient.map((n) => pct(n, s.officers)),
    })),
  };
}

/**
 * The readiness summary a manager's home shows: this month's report (by default) reduced to the
 * totals, the units per readiness level and the units needing attention first (the training
 * priority order: insufficient real coverage, then the least proficient), at most `attention`.
 */
export async function getReadinessSummary(
  db: Kysely<Database>,
  scope: Pick<Unit, 'path'>,
  options: { period?: Period; now?: Date; attention?: number } = {},
) {
  const now = options.now ?? new Date();
  const period = options.period ?? namedPeriod('month', now);
  const report = await getReadinessReport(db, scope, { period, now });
  const { totals } = report;
  const levels: Record<ReadinessLevel, number> = { green: 0, amber: 0, red: 0 };
  for (const row of report.rows) levels[row.level] += 1;
  return {
    period,
    masteryAt: report.masteryAt,
    totals: {
      ...totals,
      participationPct: pct(totals.drilled, totals.officers),
      proficientPct: pct(totals.proficient, totals.officers),
      overdue: report.rows.reduce((s, r) => s + r.overdue, 0),
    },
    levels,
    attention: report.priority.slice(0, options.attention ?? 5).map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      proficientPct: r.proficientPct,
      participationPct: r.participationPct,
      coverageInsufficient: r.real?.coverageInsufficient ?? false,
      overdue: r.overdue,
    })),
    attentionTotal: report.priority.length,
  };
}
