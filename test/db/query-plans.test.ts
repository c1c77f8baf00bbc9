// Queries every page runs must not read a row per attempt the officer ever left unfinished: an
// attempt row carries its snapshot (state_json). Each is checked on SQLite's plan for the SQL the
// model actually sends (captured at executeQuery).
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openAssessments } from '../../app/models/attempt.server';
import type { Database } from '../../db/schema';
import { onPostgres, useSqliteTestDatabase } from '../support/db';

/** The database, with every compiled query's SQL and parameters recorded as it is sent. */
function recording(db: Kysely<Database>) {
  const sent: { sql: string; parameters: readonly unknown[] }[] = [];
  const spy = new Proxy(db, {
    get(target, key) {
      if (key === 'executeQuery')
        return (query: { sql: string; parameters: readonly unknown[] }) => {
          sent.push(query);
          return target.executeQuery(query as never);
        };
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { spy, sent };
}

describe.skipIf(onPostgres)('query plans of the hot queries (SQLite)', () => {
  it('finds an officer’s open assessments from an index alone, with or without a scenario', async () => {
    // Found by the bench (issue 18): after officers had left many practices unfinished, this query
    // read each of their active attempts' rows and cost the drill page 0.11 ms.
    const { db, sqlite } = useSqliteTestDatabase('migrated');
    const { spy, sent } = recording(db);
    const now = new Date('2026-03-02T01:00:00.000Z');
    await openAssessments(spy, 1, now, 'case-alarm-disabled');
    await openAssessments(spy, 1, now);
    expect(sent).toHaveLength(2);
    for (const query of sent) {
      const plan = sqlite
        .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
        .all(...(query.parameters as unknown[]))
        .map((row) => (row as { detail: string }).detail);
      expect(plan.find((step) => step.includes('attempts'))).toMatch(/^SEARCH attempts USING COVERING INDEX /);
    }
  });
});
