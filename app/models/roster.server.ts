/**
 * The per-officer roster of a subtree for the readiness export: every officer on record (with or
 * without a login, drilled or not), each skill's mastery at the report's instant, the last day
 * drilled and the number of assignments on which they are overdue now.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, Unit } from '../../db/schema';
import type { Skill } from '../../scenarios/types';
import { officerStatusCtes, pastDueAssignmentsReaching } from './assignment/standing.server';
import { masteredAtSql } from './mastery.server';
import { masteryInstant, SKILLS, type Period } from './readiness.server';
import { asFlag } from '../../db/dialect';

export interface RosterRow {
  userId: number;
  unitCode: string;
  unitName: string;
  name: string;
  username: string;
  canLogIn: boolean;
  mastered: Record<Skill, boolean>;
  /** Every skill mastered (熟练掌握). */
  proficient: boolean;
  /** The last day (China time, YYYY-MM-DD) drilled up to the period's end, or null. */
  lastDrill: string | null;
  /** Assignments past this officer's (extended) due date and not completed. */
  overdue: number;
}

type Scope = Pick<Unit, 'path'>;

/**
 * Overdue assignments per officer of the subtree, now: the assignments past their due date that
 * cover anyone in the subtree (a few), then one set-based query per assignment over the same
 * per-officer standing the follow-up uses (`officerStatusCtes`) — never a query per officer.
 */
export async function overdueByOfficer(db: Kysely<Database>, scope: Scope, now = new Date()) {
  const overdue = new Map<number, number>();
  for (const { id, scenarioCount } of await pastDueAssignmentsReaching(db, scope, now)) {
    const { rows } = await sql<{ user_id: number }>`
      with ${officerStatusCtes(db, id, scenarioCount, now)}
      select s.user_id from officer_state s join units un on un.id = s.unit_id
       where s.status = 'overdue' and un.path >= ${scope.path} and un.path < ${`${scope.path}~`}`.execute(db);
    for (const { user_id } of rows) overdue.set(user_id, (overdue.get(user_id) ?? 0) + 1);
  }
  return overdue;
}

const collator = new Intl.Collator('zh-CN');

/**
 * Every officer on record (not disabled) in the subtree, ordered by unit (tree order, as the
 * readiness table) then name: one query for the units, one for the officers with their mastery and
 * last drill (grouped in SQL), and the overdue counts.
 */
export async function getRoster(
  db: Kysely<Database>,
  scope: Scope,
  options: { period: Period; now?: Date },
): Promise<RosterRow[]> {
  const now = options.now ?? new Date();
  const at = masteryInstant(options.period, now);
  const masteredAt = (skill: Skill) => masteredAtSql('u.id', skill, at, Date.parse(at) < now.getTime());
  const [units, officers, overdue] = await Promise.all([
    db
      .selectFrom('units')
      .where('path', '>=', scope.path)
      .where('path', '<', `${scope.path}~`)
      .select(['id', 'parent_id', 'sort_order'])
      .execute(),
    db
      .selectFrom('users as u')
      .innerJoin('units as un', 'un.id', 'u.unit_id')
      .leftJoin('skill_mastery as sm', 'sm.user_id', 'u.id')
      .where('un.path', '>=', scope.path)
      .where('un.path', '<', `${scope.path}~`)
      .where('u.role', '=', 'officer')
      .where('u.disabled', '=', 0)
      .groupBy(['u.id', 'un.id'])
      .select([
        'u.id',
        'u.display_name',
        'u.username',
        'un.id as unit_id',
        'un.code as unit_code',
        'un.name as unit_name',
        asFlag(sql`u.password_hash is not null`).as('can_log_in'),
        masteredAt('onboarding').as('m_onboarding'),
        masteredAt('inspection').as('m_inspection'),
        masteredAt('documents').as('m_documents'),
        masteredAt('case').as('m_case'),
        (eb) =>
          eb
            .selectFrom('officer_activity as oa')
            .whereRef('oa.user_id', '=', 'u.id')
            .where('oa.day', '<=', options.period.to)
            .select(sql<string>`max(oa.day)`.as('d'))
            .as('last_drill'),
      ])
      .execute(),
    overdueByOfficer(db, scope, now),
  ]);

  // Tree order: a unit's key is the sort orders along its path from the scope's root.
  const byId = new Map(units.map((u) => [u.id, u]));
  const keyCache = new Map<number, number[]>();
  const treeKey = (id: number): number[] => {
    const cached = keyCache.get(id);
    if (cached) return cached;
    const unit = byId.get(id)!;
    const parent = unit.parent_id !== null && byId.has(unit.parent_id) ? treeKey(unit.parent_id) : [];
    const key = [...parent, unit.sort_order, unit.id];
    keyCache.set(id, key);
    return key;
  };
  const compareKeys = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };

  return officers
    .sort(
      (a, b) =>
        compareKeys(treeKey(a.unit_id), treeKey(b.unit_id)) ||
        collator.compare(a.display_name, b.display_name) ||
        a.id - b.id,
    )
    .map((o) => {
      const mastered = {
        onboarding: o.m_onboarding === 1,
        inspection: o.m_inspection === 1,
        documents: o.m_documents === 1,
        case: o.m_case === 1,
      } satisfies Record<Skill, boolean>;
      return {
        userId: o.id,
        unitCode: o.unit_code,
        unitName: o.unit_name,
        name: o.display_name,
        username: o.username,
        canLogIn: o.can_log_in === 1,
        mastered,
        proficient: SKILLS.every((s) => mastered[s]),
        lastDrill: o.last_drill ?? null,
        overdue: overdue.get(o.id) ?? 0,
      };
    });
}
