// `npx tsx scripts/bench/engine.ts [seeds]`: the engine's hot path in-process — every scenario's model
// answer on fresh seeds (cold: fixture, forms and field schemas built) and again on the same seeds
// (warm: served by the engine's caches). CPU time per applied step; best of three rounds.
import { listScenarios } from '../../scenarios/index';
import { applyStep, startAttempt } from '../../scenarios/engine';

const seeds = Number(process.argv[2] ?? 200);
const T0 = Date.parse('2025-01-06T01:00:00.000Z');

function run(prefix: string): { steps: number; ms: number } {
  let steps = 0;
  const begin = process.cpuUsage();
  for (const scenario of listScenarios()) {
    for (let i = 0; i < seeds; i++) {
      const seed = `${prefix}-${i}`;
      let state = startAttempt({ scenarioId: scenario.id, seed, mode: 'practice', at: new Date(T0).toISOString() });
      scenario.modelAnswer(scenario.fixture(seed)).forEach((step, n) => {
        const result = applyStep(state, {
          stepId: step.stepId,
          values: step.values,
          at: new Date(T0 + (n + 1) * 60_000).toISOString(),
        });
        if (!result.ok) throw new Error(`${scenario.id}/${seed}: ${step.stepId} rejected: ${result.reason}`);
        state = result.state;
        steps++;
      });
    }
  }
  const used = process.cpuUsage(begin);
  return { steps, ms: (used.user + used.system) / 1000 };
}

const best = { cold: Infinity, warm: Infinity };
let steps = 0;
for (let round = 0; round < 3; round++) {
  const cold = run(`r${round}`);
  const warm = run(`r${round}`);
  steps = cold.steps;
  best.cold = Math.min(best.cold, cold.ms / cold.steps);
  best.warm = Math.min(best.warm, warm.ms / warm.steps);
}
console.log(`${steps} model-answer steps per pass (${seeds} seeds × ${listScenarios().length} scenarios)`);
console.log(
  `cold (new seeds): ${best.cold.toFixed(3)} ms CPU/step; warm (same seeds): ${best.warm.toFixed(3)} ms CPU/step`,
);
