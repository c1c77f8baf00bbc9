import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { findOwnAttempt, startDrill, submitDrillStep } from '../../app/models/attempt.server';
import { rebuildRollups, type RebuildProgress } from '../../app/models/rollups.server';
import { listScenarios } from '../../scenarios/index';
import { onPostgres, useTestDatabase } from '../support/db';
import { allRollupRows } from '../support/rollups';

type Db = ReturnType<typeof useTestDatabase>['db'];
const MINUTE = 60 * 1000;

/** A drill of the scenario played through the real service up to (not including) its last step. */
async function almostFinished(db: Db, userId: number, scenarioIndex: number, seed: string, start: Date) {
  const scenarios = listScenarios();
  const scenario = scenarios[scenarioIndex % scenarios.length]!;
  const started = await startDrill(db, userId, { scenarioId: scenario.id, mode: 'assessment', seed, now: start });
  if (!started.ok) throw new Error(started.reason);
  const steps = scenario.modelAnswer(scenario.fixture(seed));
  let t = start.getTime();
  for (const step of steps.slice(0, -1)) {
    t += MINUTE;
    const version = (await findOwnAttempt(db, userId, started.attemptId))!.event_count;
    const r = await submitDrillStep(db, userId, started.attemptId, { ...step, version, now: new Date(t) });
    if (!r.ok || r.finished) throw new Error(`${scenario.id} ${step.stepId}: not an open step`);
  }
  return { userId, attemptId: started.attemptId, last: steps.at(-1)!, finishAt: new Date(t + MINUTE) };
}

describe('rebuildRollups while officers drill', () => {
  it(
    'finishes submitted during a chunked rebuild all count: the rollups equal a fresh rebuild',
    { timeout: 120_000 },
    async () => {
      const { db } = useTestDatabase();
      // Officers spread over the whole range of user ids, so that their finishes fall into chunks
      // already rebuilt, being rebuilt, and not yet reached.
      const officers = await db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'officer')
        .where('disabled', '=', 0)
        .orderBy('id')
        .execute();
      const picked = Array.from({ length: 12 }, (_, i) => officers[Math.floor((i * (officers.length - 1)) / 11)]!.id);
      const base = Date.parse('2026-03-02T01:00:00.000Z');
      const open = [];
      for (const [i, userId] of picked.entries()) {
        // Two attempts per officer on different seeds: two passes make the skill mastered.
        open.push(await almostFinished(db, userId, i, `a${i}`, new Date(base + i * 6 * 60 * MINUTE)));
        open.push(await almostFinished(db, userId, i, `b${i}`, new Date(base + (i * 6 + 3) * 60 * MINUTE)));
      }

      // Rollups gone wrong, for the rebuild to repair.
      await db.deleteFrom('officer_activity').execute();
      await db.updateTable('skill_mastery').set({ attempts: 999 }).execute();

      // The rebuild runs in chunks of 300 users; the finishes go in while it runs, one after another (in
      // the order of their finish times, as the server clock gives them; each within its assessment's
      // time limit), starting once its first chunk has committed.
      let committed = 0;
      let firstChunk!: () => void;
      const started = new Promise<void>((resolve) => (firstChunk = resolve));
      const rebuild = rebuildRollups(db, {
        chunkUsers: 300,
        onProgress: (p: RebuildProgress) => {
          committed = p.chunk;
          if (p.chunk === 1) firstChunk();
        },
      });
      const finishedDuring: number[] = [];
      const finishes = (async () => {
        await started;
        for (const attempt of open) {
          const version = (await findOwnAttempt(db, attempt.userId, attempt.attemptId))!.event_count;
          const r = await submitDrillStep(db, attempt.userId, attempt.attemptId, {
            ...attempt.last,
            version,
            now: attempt.finishAt,
          });
          if (!r.ok || !r.finished) throw new Error(`the last step did not finish the drill: ${JSON.stringify(r)}`);
          finishedDuring.push(committed);
        }
      })();
      const [result] = await Promise.all([rebuild, finishes]);

      // The finishes really interleaved with the rebuild: some went in between its chunks.
      expect(result.chunks).toBeGreaterThan(3);
      expect(finishedDuring.some((chunk) => chunk > 0 && chunk < result.chunks)).toBe(true);
      const after = await allRollupRows(db);
      expect(after.skill_passes).toHaveLength(open.length);
      expect(new Set(after.officer_activity.map((r) => r.user_id))).toEqual(new Set(picked));
      expect(after.skill_mastery.map((r) => r.attempts)).toEqual(after.skill_mastery.map(() => 2));
      expect(after.skill_mastery.filter((r) => r.mastered_until !== null)).toHaveLength(picked.length);

      // Nothing was lost or counted twice: a fresh rebuild from the attempts changes nothing.
      await rebuildRollups(db);
      expect(await allRollupRows(db)).toEqual(after);
    },
  );

  it.skipIf(!onPostgres)(
    'a drill started beside a chunk (its activity day not yet committed) does not break the rebuild',
    { timeout: 60_000 },
    async () => {
      const { db } = useTestDatabase();
      const officer = await db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'officer')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const scenario = listScenarios()[0]!;
      const start = new Date('2026-03-02T01:00:00.000Z');
      const started = await startDrill(db, officer.id, {
        scenarioId: scenario.id,
        mode: 'practice',
        seed: 's',
        now: start,
      });
      if (!started.ok) throw new Error(started.reason);
      const before = await allRollupRows(db);
      await db.deleteFrom('officer_activity').execute();

      // What startDrill writes first, in a transaction left open: the chunk's insert of the same
      // (officer, day) waits for it, and finds it there once it commits.
      const rebuilt = db.connection().execute(async (start) => {
        await sql`begin`.execute(start);
        await start.insertInto('officer_activity').values({ user_id: officer.id, day: '2026-03-02' }).execute();
        const rebuild = rebuildRollups(db);
        await vi.waitFor(
          async () => {
            const { rows } = await sql<{ n: number }>`
              select count(*) as n from pg_stat_activity
               where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
            expect(rows[0]!.n).toBeGreaterThan(0);
          },
          { timeout: 30_000, interval: 20 },
        );
        await sql`commit`.execute(start);
        return rebuild;
      });
      await expect(rebuilt).resolves.toMatchObject({ rows: { officer_activity: 0 } });
      expect(await allRollupRows(db)).toEqual(before);
    },
  );
});
