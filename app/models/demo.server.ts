import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { applyStep, attemptFixture, attemptMaterials, attemptSteps, startAttempt } from '../../scenarios/engine';
import type { AnyScenario, PracticeHome } from '../../scenarios/types';
import { usableScenario } from './scenario-library.server';
import { openAssessmentOf, type DrillRefusal } from './attempt.server';

const DEMO_SEED = 'demo';
const DEMO_START = '2026-01-05T01:00:00.000Z';

/**
 * Demo mode: the scenario's model answer (generated from the scenario, not recorded) played up to
 * step `index`: the form of that step filled in, the stage before and after, and the feedback it
 * earns. Nothing is stored. In the viewer's own name when `home` is given (their unit's authority).
 * For a registered scenario, or a trainer's draft when run inside `withScenario` (the editor's preview).
 */
export function demoViewOf(scenario: AnyScenario, index: number, home?: PracticeHome | null) {
  const scenarioId = scenario.id;
  const scenarioVersion = scenario.version;
  const fixture = attemptFixture({ scenarioId, scenarioVersion, seed: DEMO_SEED, ...(home ? { home } : {}) });
  const answer = scenario.modelAnswer(fixture);
  const current = Math.min(Math.max(0, index), answer.length - 1);
  let state = startAttempt({ scenarioId, scenarioVersion, seed: DEMO_SEED, mode: 'practice', at: DEMO_START, home });
  const steps = attemptSteps(state);
  let stageBefore = state.current.stateLabel;
  let feedback: { code: string; title: string; ok: boolean; message: string }[] = [];
  for (let i = 0; i <= current; i++) {
    stageBefore = state.current.stateLabel;
    const result = applyStep(state, {
      stepId: answer[i]!.stepId,
      values: answer[i]!.values,
      at: new Date(Date.parse(DEMO_START) + (i + 1) * 60_000).toISOString(),
    });
    if (!result.ok) throw new Error(`场景${scenarioId}的参考答案第${i + 1}步未被接受：${result.reason}`);
    state = result.state;
    feedback = result.feedback;
  }
  const step = steps.find((s) => s.id === answer[current]!.stepId)!;
  return {
    scenario: { id: scenario.id, title: scenario.title, brief: scenario.brief },
    materials: attemptMaterials(state),
    index: current,
    total: answer.length,
    outline: answer.map((a) => steps.find((s) => s.id === a.stepId)?.title ?? a.stepId),
    step: { id: step.id, title: step.title, module: step.module, intro: step.intro, fields: step.fields },
    values: answer[current]!.values,
    stageBefore,
    stageAfter: state.current.stateLabel,
    feedback,
    finished: state.status === 'finished',
  };
}

/**
 * The demo as a user may see it: null for an unknown scenario, a 403 refusal while the user has an
 * open assessment or 比武 attempt of it (the model answer would be an open book), else the view.
 */
export async function getDemoFor(
  db: Kysely<Database>,
  user: { id: number; unit: { id: number; path: string } },
  scenarioId: string,
  index: number,
  home: PracticeHome | null,
  now = new Date(),
): Promise<DrillRefusal | ({ ok: true } & ReturnType<typeof demoViewOf>) | null> {
  const scenario = await usableScenario(db, user, scenarioId);
  if (!scenario) return null;
  const closed = await openAssessmentOf(db, user.id, scenarioId, now, '查看演示');
  if (closed) return closed;
  return { ok: true, ...demoViewOf(scenario, index, home) };
}
