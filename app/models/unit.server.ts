import { sql, type Kysely } from 'kysely';
import type { Database, Unit } from '../../db/schema';
import { invariantResponse } from '../utils/http.server';
import { asFlag } from '../../db/dialect';

/** The part of a unit that scoping needs. */
export type UnitRef = Pick<Unit, 'id' | 'code' | 'name' | 'level' | 'path'>;

/** True when `unit` is `root` or lies below it in the jurisdiction tree. */
export function isWithinSubtree(root: Pick<Unit, 'path'>, unit: Pick<Unit, 'path'>): boolean {
  return unit.path.startsWith(root.path);
}

/** Finds a unit by its code (GB/T 2260 or the unit's own code). */
export function findUnitByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

/**
 * The unit with this code, if `viewer` may see it: 404 when there is no such unit, 403 when it lies
 * outside the viewer's subtree.
 */
export async function requireUnitInScope(db: Kysely<Database>, viewerUnit: Pick<Unit, 'path'>, code: string) {
  const unit = await findUnitByCode(db, code);
  invariantResponse(unit, '单位不存在', { status: 404 });
  invariantResponse(isWithinSubtree(viewerUnit, unit), '无权查看该单位：它不在您的管辖范围内', { status: 403 });
  return unit;
}

/** The unit's ancestors from the root down (for breadcrumbs), excluding the unit itself. */
export async function listAncestors(db: Kysely<Database>, unit: Pick<Unit, 'path' | 'id'>) {
  const ids = unit.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== unit.id);
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('units').select(['id', 'code', 'name', 'level']).where('id', 'in', ids).execute();
  return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
}

/** Direct children of a unit with the number of officers on record in each child's subtree. */
export function listChildrenWithOfficerCounts(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom('units as child')
    .where('child.parent_id', '=', unitId)
    .select(['child.id', 'child.code', 'child.name', 'child.level', 'child.is_division'])
    .select((eb) => {
      const officers = eb
        .selectFrom('users')
        .innerJoin('units as u', 'u.id', 'users.unit_id')
        .whereRef('u.path', '>=', 'child.path')
        .where('u.path', '<', sql<string>`child.path || '~'`)
        .where('users.role', '=', 'officer')
        .select(sql<number>`count(*)`.as('n'));
      // count(*) always yields a row, so the scalar subquery is never null.
      return sql<number>`(${officers})`.as('officerCount');
    })
    .orderBy('child.sort_order')
    .orderBy('child.id')
    .execute();
}

/** Number of officers on record in the unit's subtree. */
export async function countOfficersInSubtree(db: Kysely<Database>, unit: Pick<Unit, 'path'>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .where('units.path', '>=', unit.path)
    .where('units.path', '<', `${unit.path}~`)
    .where('users.role', '=', 'officer')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Every unit in a subtree, in tree order (each parent before its children, siblings by sort order). */
export async function listUnitsInSubtree(db: Kysely<Database>, root: Pick<Unit, 'path'>) {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'level', 'path', 'parent_id', 'sort_order'])
    .where('path', '>=', root.path)
    .where('path', '<', `${root.path}~`)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const children = new Map<number | null, typeof rows>();
  for (const row of rows) {
    const siblings = children.get(row.parent_id) ?? [];
    siblings.push(row);
    children.set(row.parent_id, siblings);
  }
  const ordered: (typeof rows)[number][] = [];
  const visit = (row: (typeof rows)[number]) => {
    ordered.push(row);
    for (const child of children.get(row.id) ?? []) visit(child);
  };
  const top = rows.find((r) => r.path === root.path);
  if (top) visit(top);
  return ordered;
}

/** Officers on record in one unit (not its subtree), for the unit page. */
export function listOfficersOfUnit(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom('users')
    .where('unit_id', '=', unitId)
    .where('role', '=', 'officer')
    .select(['id', 'username', 'display_name', 'disabled', asFlag(sql`password_hash is not null`).as('can_log_in')])
    .orderBy('id')
    .execute();
}

/** Everything the unit page shows: the unit, its breadcrumb, its children with officer counts. */
export async function getUnitOverview(db: Kysely<Database>, unit: Unit) {
  const [ancestors, children, officerCount, officers] = await Promise.all([
    listAncestors(db, unit),
    listChildrenWithOfficerCounts(db, unit.id),
    countOfficersInSubtree(db, unit),
    unit.level === 'county' ? listOfficersOfUnit(db, unit.id) : Promise.resolve([]),
  ]);
  return { unit, ancestors, children, officerCount, officers };
}

/** The overview of the signed-in user's own unit (their home page as trainer or manager). */
export async function getOwnUnitOverview(db: Kysely<Database>, user: { unit: { id: number } }) {
  const unit = await db.selectFrom('units').selectAll().where('id', '=', user.unit.id).executeTakeFirstOrThrow();
  return getUnitOverview(db, unit);
}
