import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * Writes assessment passes straight into the pass history (skill_passes), as the rollups would have
 * kept them: each pass needs an attempt to point at, so one placeholder attempt of the first officer
 * carries them all. For tests of mastery at an instant, which reads only skill_passes.
 */
export async function insertPasses(
  db: Kysely<Database>,
  passes: { userId: number; skill: string; seed: string; at: string }[],
) {
  const attempt = await db
    .insertInto('attempts')
    .values({
      user_id: passes[0]!.userId,
      scenario_id: 'x',
      scenario_version: 1,
      skill: 'case',
      seed: 's',
      mode: 'assessment',
      state_json: '{}',
      started_at: '2025-01-01T00:00:00.000Z',
      deadline: null,
      finished_at: null,
      score: null,
      passed: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('skill_passes')
    .values(
      passes.map((p) => ({ user_id: p.userId, skill: p.skill, seed: p.seed, passed_at: p.at, attempt_id: attempt.id })),
    )
    .execute();
}
