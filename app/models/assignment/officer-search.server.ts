/**
 * The 布置任务 form's officer picker: officers of the trainer's subtree found by name, username or
 * unit name, and the officers already ticked (to show them again after a search or a refusal).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../db/schema';
import { OFFICER_SEARCH_LIMIT } from '../../validation/assignment';
import type { Db, Scope } from './standing.server';

export interface OfficerChoice {
  username: string;
  displayName: string;
  unitName: string;
}

function officersInScope(db: Db, scope: Scope) {
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.username', 'users.display_name as displayName', 'units.name as unitName'])
    .where('users.role', '=', 'officer')
    .where('users.disabled', '=', 0)
    .where('units.path', '>=', scope.path)
    .where('units.path', '<', `${scope.path}~`);
}

// The words' own % and _ are plain characters.
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const contains = (column: RawBuilder<unknown>, pattern: string) => sql<boolean>`${column} like ${pattern} escape '\\'`;

/**
 * Officers (on record, not disabled) of the subtree whose name, username or unit name contains
 * every word of `query` (words split on spaces), by unit then id, at most `limit`; `more` says
 * whether others match too. The units whose name matches are listed beside them (at most 20).
 */
export async function searchOfficers(db: Kysely<Database>, scope: Scope, query: string, limit = OFFICER_SEARCH_LIMIT) {
  const words = query.split(/\s+/).filter(Boolean).slice(0, 5);
  if (words.length === 0) return { officers: [] as OfficerChoice[], more: false, units: [] };
  let officers = officersInScope(db, scope);
  for (const word of words) {
    const pattern = likePattern(word);
    officers = officers.where((eb) =>
      eb.or([
        contains(sql.ref('users.display_name'), pattern),
        contains(sql.ref('users.username'), pattern),
        contains(sql.ref('units.name'), pattern),
      ]),
    );
  }
  let units = db
    .selectFrom('units')
    .select(['code', 'name'])
    .where('path', '>=', scope.path)
    .where('path', '<', `${scope.path}~`);
  for (const word of words) {
    units = units.where(contains(sql.ref('name'), likePattern(word)));
  }
  const [rows, unitRows] = await Promise.all([
    officers
      .orderBy('units.path')
      .orderBy('users.id')
      .limit(limit + 1)
      .execute(),
    units.orderBy('path').limit(20).execute(),
  ]);
  return { officers: rows.slice(0, limit), more: rows.length > limit, units: unitRows };
}

/** The officers of the subtree among `usernames` (those ticked), in the order given; others are dropped. */
export async function findOfficerChoices(db: Kysely<Database>, scope: Scope, usernames: readonly string[]) {
  const unique = [...new Set(usernames)].slice(0, 500);
  if (unique.length === 0) return [];
  const rows = await officersInScope(db, scope).where('users.username', 'in', unique).execute();
  return unique.flatMap((name) => rows.filter((r) => r.username === name));
}
