/**
 * The practice home of a user (issue 15, point 9: practice in one's own name): the authority of their
 * unit, derived from the unit, its city and the province by the pure `practiceHomeOf`.
 */
import type { Kysely } from 'kysely';
import type { Database, Unit } from '../../db/schema';
import { practiceHomeOf } from '../../scenarios/lib/divisions';
import type { PracticeHome } from '../../scenarios/types';
import { listAncestors } from './unit.server';

/** The home of an officer of `unit`; null when the unit has no province above it (not a Hebei tree). */
export async function practiceHomeOfUnit(
  db: Kysely<Database>,
  unit: Pick<Unit, 'id' | 'code' | 'name' | 'level' | 'path'>,
): Promise<PracticeHome | null> {
  const chain = [...(await listAncestors(db, unit)), unit];
  const province = chain.find((u) => u.level === 'province');
  const city = chain.find((u) => u.level === 'city') ?? null;
  if (!province) return null;
  return practiceHomeOf(unit, city, province);
}

/** A user's unit (what scoping and the practice home need), or undefined for an unknown user. */
export function unitOfUser(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['units.id', 'units.code', 'units.name', 'units.level', 'units.path'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

/** The home of a user by id (their unit's); null for an unknown user. */
export async function practiceHomeOfUser(db: Kysely<Database>, userId: number): Promise<PracticeHome | null> {
  const unit = await unitOfUser(db, userId);
  return unit ? practiceHomeOfUnit(db, unit) : null;
}

/** The home stored with an attempt (`attempts.practice_home_json`), or undefined for none. */
export function storedPracticeHome(json: string | null): PracticeHome | undefined {
  return json ? (JSON.parse(json) as PracticeHome) : undefined;
}
