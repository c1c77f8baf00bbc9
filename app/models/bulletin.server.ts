/**
 * The weekly 通报 (docs/decisions/180-weekly-bulletin.md): built from the readiness report of a
 * finished week (Monday–Sunday, China time) and the week before, numbered per issuing unit and year,
 * stored with its content frozen as JSON, and reopened only from that content.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, Unit } from '../../db/schema';
import { SKILL_LABELS, type Skill } from '../../scenarios/types';
import { pct } from '../utils/format';
import {
  COVERAGE_MIN_INSPECTIONS,
  MASTERY_DISTINCT_SEEDS,
  MASTERY_WINDOW_DAYS,
  READINESS_THRESHOLDS,
} from '../utils/readiness-rules';
import { invariantResponse } from '../utils/http.server';
import {
  bulletinContentSchema,
  type BulletinContent,
  type BulletinIssueInput,
  type BulletinRow,
} from '../validation/bulletin';
import { chinaDay } from './mastery.server';
import { getReadinessReport, SKILLS, type Period, type ReadinessRow } from './readiness.server';
import { isWithinSubtree } from './unit.server';
import { isUniqueViolation, lockedForUpdate } from '../../db/dialect';

const DAY_MS = 24 * 60 * 60 * 1000;
const WINDOW_MS = MASTERY_WINDOW_DAYS * DAY_MS;

/** The scheduled issue runs on Mondays from this hour, China time. */
export const SCHEDULE_HOUR = 8;

type ScopeUnit = Pick<Unit, 'id' | 'code' | 'name' | 'level' | 'path'>;

/** The week (Monday to Sunday) that starts on `monday`. */
export function weekOf(monday: string): Period {
  const to = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10);
  return { from: monday, to };
}

/** The Monday (YYYY-MM-DD, China time) of the week holding `now`. */
function mondayOf(now: Date): string {
  const today = new Date(`${chinaDay(now.toISOString())}T00:00:00Z`);
  today.setUTCDate(today.getUTCDate() - ((today.getUTCDay() + 6) % 7));
  return today.toISOString().slice(0, 10);
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The end of a week's Sunday (the next Monday 00:00 China time), as an instant. */
export function weekEnd(period: Period): string {
  return new Date(Date.parse(`${period.to}T00:00:00+08:00`) + DAY_MS).toISOString();
}

/** Last week's Monday: the default of the form and the week the schedule issues. */
export function lastWeekMonday(now: Date): string {
  return addDays(mondayOf(now), -7);
}

/** The finished weeks the form offers, the latest first (a `<select>`: it works without JavaScript). */
export function weekOptions(now: Date, count = 26): { value: string; label: string }[] {
  const last = lastWeekMonday(now);
  return Array.from({ length: count }, (_, i) => {
    const week = weekOf(addDays(last, -7 * i));
    return { value: week.from, label: `${week.from} 至 ${week.to}${i === 0 ? '（上周）' : ''}` };
  });
}

/** The skills each officer had mastered at an instant, from the pass history (skill_passes). */
async function masteredSkillsAt(db: Kysely<Database>, scope: Pick<Unit, 'path'>, at: string) {
  const since = new Date(Date.parse(at) - WINDOW_MS).toISOString();
  const rows = await db
    .selectFrom('skill_passes as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .innerJoin('units as un', 'un.id', 'u.unit_id')
    .where('un.path', '>=', scope.path)
    .where('un.path', '<', `${scope.path}~`)
    .where('u.role', '=', 'officer')
    .where('u.disabled', '=', 0)
    .where('p.passed_at', '<=', at)
    .where('p.passed_at', '>', since)
    .groupBy(['p.user_id', 'p.skill'])
    .having(sql<number>`count(distinct p.seed)`, '>=', MASTERY_DISTINCT_SEEDS)
    .select(['p.user_id', 'p.skill'])
    .execute();
  const mastered = new Map<number, Set<string>>();
  for (const row of rows) {
    if (!mastered.has(row.user_id)) mastered.set(row.user_id, new Set());
    mastered.get(row.user_id)!.add(row.skill);
  }
  return mastered;
}

/** Officers on record in the subtree, in unit order then id. */
function officersOf(db: Kysely<Database>, scope: Pick<Unit, 'path'>) {
  return db
    .selectFrom('users as u')
    .innerJoin('units as un', 'un.id', 'u.unit_id')
    .where('un.path', '>=', scope.path)
    .where('un.path', '<', `${scope.path}~`)
    .where('u.role', '=', 'officer')
    .where('u.disabled', '=', 0)
    .select(['u.id', 'u.unit_id', 'u.display_name', 'u.username'])
    .orderBy('u.id')
    .execute();
}

/**
 * The readiness report of a finished week, judged at the week's end (overdue work at that instant,
 * proficiency from the pass history then, so a pass made after the week — before the 通报 is issued —
 * counts for the next week, not this one), and who had mastered what then (for the annex).
 */
async function weekReport(db: Kysely<Database>, scope: ScopeUnit, period: Period) {
  const asOf = weekEnd(period);
  const [report, mastered, officers] = await Promise.all([
    getReadinessReport(db, scope, { period, now: new Date(asOf), masteryFromHistory: true }),
    masteredSkillsAt(db, scope, asOf),
    officersOf(db, scope),
  ]);
  return { asOf, year: report.year, rows: report.rows, mastered, officers };
}

type WeekReport = Awaited<ReturnType<typeof weekReport>>;

/** Best first: proficiency, then participation; equal figures share a rank (1, 2, 2, 4). */
function rankRows(rows: readonly ReadinessRow[]) {
  const order = rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        b.row.proficientPct - a.row.proficientPct ||
        b.row.participationPct - a.row.participationPct ||
        a.index - b.index,
    );
  const ranks = new Map<number, number>();
  order.forEach((o, i) => {
    const prev = order[i - 1];
    const tied =
      prev && prev.row.proficientPct === o.row.proficientPct && prev.row.participationPct === o.row.participationPct;
    ranks.set(o.row.unitId, tied ? ranks.get(prev.row.unitId)! : i + 1);
  });
  return { ordered: order.map((o) => o.row), ranks };
}

function totalsOf(rows: readonly ReadinessRow[]) {
  const officers = rows.reduce((s, r) => s + r.officers, 0);
  const drilled = rows.reduce((s, r) => s + r.drilled, 0);
  const proficient = rows.reduce((s, r) => s + r.proficient, 0);
  return {
    units: rows.length,
    officers,
    drilled,
    participationPct: pct(drilled, officers),
    proficient,
    proficientPct: pct(proficient, officers),
    green: rows.filter((r) => r.level === 'green').length,
    amber: rows.filter((r) => r.level === 'amber').length,
    red: rows.filter((r) => r.level === 'red').length,
    withRealFigures: rows.filter((r) => r.real).length,
    coverageInsufficient: rows.filter((r) => r.real?.coverageInsufficient).length,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const fmt = (n: number) => n.toFixed(1);
/** A change in percentage points as the text reads it: 上升 2.5 个百分点 / 下降 … / 持平. */
const pointsChange = (d: number) => (d > 0 ? `上升 ${fmt(d)} 个百分点` : d < 0 ? `下降 ${fmt(-d)} 个百分点` : '持平');

/** How many ranks from the bottom are named for criticism: three, or one in a subtree of fewer than six units. */
export function bottomPlaces(units: number): number {
  return units >= 6 ? 3 : Math.min(1, units);
}

/** Praise: every unit at the green line. The reason quotes the rule. */
function praiseOf(rows: readonly ReadinessRow[]) {
  return rows
    .filter((r) => r.level === 'green')
    .map((r) => ({
      unitId: r.unitId,
      name: r.name,
      reason: `熟练掌握率 ${fmt(r.proficientPct)}%，达到“熟练掌握率不低于 ${READINESS_THRESHOLDS.greenProficientPct}%”的达标线（参训率 ${fmt(r.participationPct)}%）`,
    }));
}

/**
 * Criticism: the units in the last `bottomPlaces` ranks (ties included, so equal figures are named
 * alike) that are not at the green line; the reason quotes the rank rule, the level line and, when
 * imported, the real system's coverage rule.
 */
function criticismOf(ordered: readonly ReadinessRow[], ranks: Map<number, number>) {
  const places = bottomPlaces(ordered.length);
  if (places === 0) return [];
  const cutRank = ranks.get(ordered[ordered.length - places]!.unitId)!;
  return [...ordered]
    .reverse()
    .filter((r) => ranks.get(r.unitId)! >= cutRank && r.level !== 'green')
    .map((r) => {
      const line =
        r.level === 'red'
          ? `低于“熟练掌握率不足 ${READINESS_THRESHOLDS.redProficientPct}% 且参训率不足 ${READINESS_THRESHOLDS.redParticipationPct}% 为未达标”的标准`
          : `未达到“熟练掌握率不低于 ${READINESS_THRESHOLDS.greenProficientPct}%”的达标线`;
      const coverage = r.real?.coverageInsufficient
        ? `；互联网+执法系统全年检查 ${r.real.inspections} 次，不足 ${COVERAGE_MIN_INSPECTIONS} 次（覆盖不足）`
        : '';
      return {
        unitId: r.unitId,
        name: r.name,
        reason: `排名第 ${ranks.get(r.unitId)} 位，位列后 ${places} 名（含并列）；熟练掌握率 ${fmt(r.proficientPct)}%、参训率 ${fmt(r.participationPct)}%，${line}${coverage}`,
      };
    });
}

/** The officers not proficient at the week's end, per unit (in report order), with the skills they lack. */
function annexOf(rows: readonly ReadinessRow[], week: WeekReport) {
  return rows.map((row) => ({
    unitId: row.unitId,
    name: row.name,
    officers: week.officers
      .filter((o) => o.unit_id === row.unitId)
      .map((o) => ({
        name: o.display_name,
        username: o.username,
        missing: SKILLS.filter((s) => !week.mastered.get(o.id)?.has(s)).map((s) => SKILL_LABELS[s as Skill]),
      }))
      .filter((o) => o.missing.length > 0),
  }));
}

function issuerOf(unit: ScopeUnit & { is_division?: 0 | 1 }) {
  if (unit.is_division === 0) return unit.name;
  return `${unit.name}应急管理${unit.level === 'province' ? '厅' : '局'}`;
}

/** The 通报 number as printed: 练兵通报〔2026〕第3期. */
export function bulletinNumber(year: number, seq: number): string {
  return `练兵通报〔${year}〕第${seq}期`;
}

/** Builds the content of a week's 通报 for a unit's subtree (nothing is stored). */
export async function buildBulletinContent(
  db: Kysely<Database>,
  scope: ScopeUnit & { is_division?: 0 | 1 },
  period: Period,
  issue: { number: string; issuedAt: string; scheduled: boolean },
): Promise<BulletinContent> {
  const previousPeriod = weekOf(addDays(period.from, -7));
  const [week, previous] = await Promise.all([weekReport(db, scope, period), weekReport(db, scope, previousPeriod)]);
  // Province-wide, unit names repeat across cities (经济技术开发区): name each with its city.
  if (scope.level === 'province')
    for (const row of [...week.rows, ...previous.rows])
      if (row.city && !row.name.startsWith(row.city.name)) row.name = `${row.city.name}${row.name}`;
  const { ordered, ranks } = rankRows(week.rows);
  const { ranks: previousRanks } = rankRows(previous.rows);
  const previousById = new Map(previous.rows.map((r) => [r.unitId, r]));
  const rows: BulletinRow[] = ordered.map((r) => {
    const before = previousById.get(r.unitId);
    return {
      rank: ranks.get(r.unitId)!,
      unitId: r.unitId,
      code: r.code,
      name: r.name,
      cityName: r.city?.name ?? null,
      officers: r.officers,
      drilled: r.drilled,
      participationPct: r.participationPct,
      proficient: r.proficient,
      proficientPct: r.proficientPct,
      avgBestScore: r.avgBestScore,
      overdue: r.overdue,
      level: r.level,
      bottomRanked: r.bottomRanked,
      real: r.real
        ? {
            enterprisesOnboarded: r.real.enterprisesOnboarded,
            inspections: r.real.inspections,
            coverageInsufficient: r.real.coverageInsufficient,
            realParticipationPct: r.real.realParticipationPct,
          }
        : null,
      change: before
        ? {
            // Positive: moved up the ranking.
            rank: previousRanks.get(r.unitId)! - ranks.get(r.unitId)!,
            drilled: r.drilled - before.drilled,
            participationPct: round1(r.participationPct - before.participationPct),
            proficient: r.proficient - before.proficient,
            proficientPct: round1(r.proficientPct - before.proficientPct),
          }
        : null,
    };
  });
  const totals = totalsOf(week.rows);
  const previousTotals = totalsOf(previous.rows);
  const realRows = week.rows.filter((r) => r.real);
  const paragraphs = [
    `根据执法练兵平台数据，现将${period.from}至${period.to}${scope.name}各执法单位执法练兵工作落实情况通报如下。`,
    `本周${scope.name}共 ${totals.units} 个执法单位，在册执法人员 ${totals.officers} 人，参训 ${totals.drilled} 人，参训率 ${fmt(totals.participationPct)}%；熟练掌握 ${totals.proficient} 人，熟练掌握率 ${fmt(totals.proficientPct)}%。达标单位 ${totals.green} 个，基本达标 ${totals.amber} 个，未达标 ${totals.red} 个。`,
    `与上周（${previousPeriod.from}至${previousPeriod.to}）相比，参训人数${totals.drilled - previousTotals.drilled >= 0 ? '增加' : '减少'} ${Math.abs(totals.drilled - previousTotals.drilled)} 人，参训率${pointsChange(round1(totals.participationPct - previousTotals.participationPct))}；熟练掌握人数${totals.proficient - previousTotals.proficient >= 0 ? '增加' : '减少'} ${Math.abs(totals.proficient - previousTotals.proficient)} 人，熟练掌握率${pointsChange(round1(totals.proficientPct - previousTotals.proficientPct))}。`,
    week.year === null
      ? '互联网+执法系统统计数据尚未导入，本期不作系统使用情况比对。'
      : `据互联网+执法系统 ${week.year} 年统计，${realRows.length} 个单位入库企业 ${realRows.reduce((s, r) => s + r.real!.enterprisesOnboarded, 0)} 家，在线检查 ${realRows.reduce((s, r) => s + r.real!.inspections, 0)} 次；全年检查不足 ${COVERAGE_MIN_INSPECTIONS} 次（覆盖不足）的单位 ${totals.coverageInsufficient} 个。`,
    `请各单位对照附件名单，组织未熟练掌握的执法人员在下周内完成相应科目的练兵考核；排名靠后的单位要查找原因、限期整改。练兵情况纳入年度执法考核。`,
  ];
  return {
    version: 1,
    title: `关于${scope.name}执法练兵工作落实情况的通报`,
    number: issue.number,
    issuer: issuerOf(scope),
    scope: { unitId: scope.id, code: scope.code, name: scope.name, level: scope.level },
    period,
    previousPeriod,
    asOf: week.asOf,
    issuedAt: issue.issuedAt,
    scheduled: issue.scheduled,
    realYear: week.year,
    thresholds: {
      greenProficientPct: READINESS_THRESHOLDS.greenProficientPct,
      redProficientPct: READINESS_THRESHOLDS.redProficientPct,
      redParticipationPct: READINESS_THRESHOLDS.redParticipationPct,
      coverageMinInspections: COVERAGE_MIN_INSPECTIONS,
    },
    totals,
    previousTotals,
    paragraphs,
    rows,
    praised: praiseOf(ordered),
    criticised: criticismOf(ordered, ranks),
    annex: annexOf(week.rows, week),
  };
}

export type BulletinRefusal = { ok: false; field: 'week'; message: string };

function findIssued(db: Kysely<Database>, scopeUnitId: number, from: string) {
  return db
    .selectFrom('bulletins')
    .select(['id', 'number'])
    .where('scope_unit_id', '=', scopeUnitId)
    .where('period_from', '=', from)
    .executeTakeFirst();
}

/**
 * Issues the 通报 of a finished week for a unit's subtree: the next number of the unit's year, the
 * content frozen, an audit_log row, in one transaction. One per unit and week: a second is refused
 * (naming the one issued). `actorId` null = the weekly schedule.
 */
export async function issueBulletin(
  db: Kysely<Database>,
  actor: { id: number | null; unit: ScopeUnit },
  input: BulletinIssueInput,
  now = new Date(),
): Promise<{ ok: true; id: number; number: string } | BulletinRefusal> {
  const period = weekOf(input.week);
  if (weekEnd(period) > now.toISOString())
    return { ok: false, field: 'week', message: `通报周次须为已结束的一周：${period.from} 至 ${period.to} 尚未结束` };
  const scope = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'level', 'path', 'is_division'])
    .where('id', '=', actor.unit.id)
    .executeTakeFirstOrThrow();
  const taken = await findIssued(db, scope.id, period.from);
  if (taken)
    return {
      ok: false,
      field: 'week',
      message: `${period.from} 至 ${period.to} 的通报已印发（${taken.number}），请在列表中查看`,
    };
  const issuedAt = now.toISOString();
  const year = Number(chinaDay(issuedAt).slice(0, 4));
  // Built before the write transaction (reads only), so the database is locked for the insert alone.
  const built = await buildBulletinContent(db, scope, period, { number: '', issuedAt, scheduled: actor.id === null });
  try {
    return await db.transaction().execute(async (trx) => {
      // Numbers are per unit and year: two 通报 of one unit issued at once (the schedule and a
      // manager, two app processes) take turns for the next number.
      await lockedForUpdate(trx, trx.selectFrom('units').select('id').where('id', '=', scope.id)).execute();
      const last = await trx
        .selectFrom('bulletins')
        .select(sql<number | null>`max(seq)`.as('seq'))
        .where('scope_unit_id', '=', scope.id)
        .where('year', '=', year)
        .executeTakeFirstOrThrow();
      const seq = (last.seq ?? 0) + 1;
      const number = bulletinNumber(year, seq);
      const content: BulletinContent = { ...built, number };
      const { id } = await trx
        .insertInto('bulletins')
        .values({
          scope_unit_id: scope.id,
          year,
          seq,
          number,
          period_from: period.from,
          period_to: period.to,
          issued_at: issuedAt,
          issued_by: actor.id,
          content_json: JSON.stringify(content),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('audit_log')
        .values({
          actor_user_id: actor.id,
          action: 'bulletin.issue',
          target_type: 'bulletin',
          target_id: String(id),
          detail: JSON.stringify({ number, scopeUnitId: scope.id, period, scheduled: actor.id === null }),
          created_at: issuedAt,
        })
        .execute();
      return { ok: true as const, id, number };
    });
  } catch (error) {
    // Issued meanwhile by another request (or the schedule): the week's unique index refused this one.
    if (!isUniqueViolation(error)) throw error;
    const issued = await findIssued(db, scope.id, period.from);
    return {
      ok: false,
      field: 'week',
      message: `${period.from} 至 ${period.to} 的通报已印发${issued ? `（${issued.number}）` : ''}，请在列表中查看`,
    };
  }
}

/** The 通报 issued for the subtree (its own and its units'), newest first. */
export function listBulletins(db: Kysely<Database>, scope: Pick<Unit, 'path'>) {
  return db
    .selectFrom('bulletins as b')
    .innerJoin('units as un', 'un.id', 'b.scope_unit_id')
    .leftJoin('users as u', 'u.id', 'b.issued_by')
    .where('un.path', '>=', scope.path)
    .where('un.path', '<', `${scope.path}~`)
    .select([
      'b.id',
      'b.number',
      'b.period_from',
      'b.period_to',
      'b.issued_at',
      'un.name as unit_name',
      'u.display_name as issued_by_name',
    ])
    .orderBy('b.issued_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(200)
    .execute();
}

/**
 * An issued 通报 exactly as issued (its stored content, never recomputed): 404 for an unknown id,
 * 403 when its unit lies outside the viewer's subtree.
 */
export async function requireBulletinInScope(db: Kysely<Database>, viewer: Pick<Unit, 'path'>, id: number) {
  const row = await db
    .selectFrom('bulletins as b')
    .innerJoin('units as un', 'un.id', 'b.scope_unit_id')
    .where('b.id', '=', id)
    .select(['b.id', 'b.content_json', 'un.path'])
    .executeTakeFirst();
  invariantResponse(row, '通报不存在', { status: 404 });
  invariantResponse(isWithinSubtree(viewer, row), '无权查看该通报：它不在您的管辖范围内', { status: 403 });
  return { id: row.id, content: bulletinContentSchema.parse(JSON.parse(row.content_json)) };
}

/**
 * The weekly schedule (wired to the app's scheduler by the caller; idempotent, so it may run at
 * any interval): from Monday 08:00 China time, issues last week's 通报 for every province- and
 * city-level unit that has an active manager and none for that week yet, issued_by null.
 * Before Monday 08:00 it (re)checks the week before last.
 */
export async function issueScheduledBulletins(db: Kysely<Database>, now = new Date()) {
  const monday = mondayOf(now);
  const due = Date.parse(`${monday}T${String(SCHEDULE_HOUR).padStart(2, '0')}:00:00+08:00`) <= now.getTime();
  const week = weekOf(addDays(monday, due ? -7 : -14));
  const units = await db
    .selectFrom('units as un')
    .where('un.level', 'in', ['province', 'city'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('users as m')
          .select('m.id')
          .whereRef('m.unit_id', '=', 'un.id')
          .where('m.role', '=', 'manager')
          .where('m.disabled', '=', 0),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('bulletins as b')
            .select('b.id')
            .whereRef('b.scope_unit_id', '=', 'un.id')
            .where('b.period_from', '=', week.from),
        ),
      ),
    )
    .select(['un.id', 'un.code', 'un.name', 'un.level', 'un.path'])
    .orderBy('un.path')
    .execute();
  const issued: { unitId: number; id: number; number: string }[] = [];
  for (const unit of units) {
    const result = await issueBulletin(db, { id: null, unit }, { week: week.from }, now);
    if (result.ok) issued.push({ unitId: unit.id, id: result.id, number: result.number });
  }
  return { week, issued };
}
