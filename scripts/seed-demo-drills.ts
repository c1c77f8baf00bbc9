// Demo drill history for 秦皇岛市, played through the real drill service (so the attempts, their
// event logs and every rollup are exactly what officers would have produced): some officers have
// mastered every skill, many have started, most of the city has not — close to where the 2023
// notice found Hebei. Deterministic for a given `now`; the demo accounts are left untouched.
import type { Kysely } from 'kysely';
import { startDrill, submitDrillStep } from '../app/models/attempt.server';
import type { Database } from '../db/schema';
import { listScenarios } from '../scenarios/index';
import { createPrng } from '../scenarios/prng';
import type { AnswerStep, Skill } from '../scenarios/types';

/** Share of each unit's officers who have drilled (the units that used the real system drill more). */
const DRILL_SHARE: Record<string, number> = {
  秦皇岛市本级: 0.15,
  海港区: 0.1,
  山海关区: 0.1,
  北戴河区: 0.25,
  抚宁区: 0.05,
  青龙满族自治县: 0.3,
  昌黎县: 0.5,
  卢龙县: 0.55,
  经济技术开发区: 0.1,
};

const SKILLS: Skill[] = ['onboarding', 'inspection', 'documents', 'case'];
const DAY = 24 * 60 * 60 * 1000;

interface Plan {
  userId: number;
  at: number;
  scenarioId: string;
  mode: 'practice' | 'assessment';
  seed: string;
  mistake: boolean;
}

/** Plays the demo drill history; returns how many attempts were recorded. */
export async function seedDemoDrills(
  db: Kysely<Database>,
  options: { now?: Date; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  const now = (options.now ?? new Date()).getTime();
  const prng = createPrng('qinhuangdao-demo-drills');
  const officers = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .innerJoin('units as city', 'city.id', 'units.parent_id')
    .where('city.code', '=', '130300')
    .where('users.role', '=', 'officer')
    .where('users.password_hash', 'is', null) // not the demo accounts
    .select(['users.id', 'units.name as unit'])
    .orderBy('users.id')
    .execute();

  const plans: Plan[] = [];
  for (const officer of officers) {
    if (prng.next() >= (DRILL_SHARE[officer.unit] ?? 0)) continue;
    // Spread over the last twelve weeks, in working hours.
    let t = now - prng.int(14, 84) * DAY;
    const latest = now - 3 * 60 * 60 * 1000; // every demo attempt is over before now
    const next = () => {
      t = Math.min(latest, t + prng.int(1, 9) * DAY);
      const day = new Date(t);
      day.setUTCHours(prng.int(0, 8), prng.int(0, 59), 0, 0); // 08:00–16:59 China time
      return Math.min(day.getTime(), latest);
    };
    const profile = prng.next();
    const skills = profile < 0.25 ? SKILLS : prng.shuffle(SKILLS).slice(0, profile < 0.6 ? 2 : 1);
    for (const skill of skills) {
      const scenarios = listScenarios({ skill });
      plans.push({
        userId: officer.id,
        at: next(),
        scenarioId: prng.pick(scenarios).id,
        mode: 'practice',
        seed: `demo-${officer.id}-${skill}-p`,
        mistake: prng.next() < 0.5,
      });
      if (profile < 0.6) {
        // Assessments on two different seeds: both pass for the most advanced (mastery), else one may fail.
        for (const n of [1, 2]) {
          const mistake = profile < 0.25 ? prng.next() < 0.1 : prng.next() < 0.5;
          plans.push({
            userId: officer.id,
            at: next(),
            scenarioId: prng.pick(scenarios).id,
            mode: 'assessment',
            seed: `demo-${officer.id}-${skill}-a${n}`,
            mistake,
          });
        }
      }
    }
  }
  // Rollups fold attempts in the order they finish, as they would have happened.
  plans.sort((a, b) => a.at - b.at || a.userId - b.userId);

  let done = 0;
  for (const plan of plans) {
    const scenario = listScenarios().find((s) => s.id === plan.scenarioId)!;
    const fixture = scenario.fixture(plan.seed);
    let answer: AnswerStep[] = scenario.modelAnswer(fixture);
    if (plan.mistake) answer = prng.pick(scenario.rubric).mistake.apply(answer, fixture);
    const started = await startDrill(db, plan.userId, {
      scenarioId: scenario.id,
      mode: plan.mode,
      seed: plan.seed,
      now: new Date(plan.at),
    });
    if (!started.ok) throw new Error(`演示练兵无法开始：${started.reason}`);
    for (const [version, step] of answer.entries()) {
      const result = await submitDrillStep(db, plan.userId, started.attemptId, {
        stepId: step.stepId,
        values: step.values,
        version,
        now: new Date(plan.at + (version + 1) * 2 * 60 * 1000),
      });
      if (!result.ok) throw new Error(`演示练兵第 ${version + 1} 步未被接受（${scenario.id}）：${result.reason}`);
    }
    done += 1;
    options.onProgress?.(done, plans.length);
  }
  return done;
}
