/** Test helpers: drive an attempt through answers with deterministic event times. */
import { submitAnswer } from '../../scenarios/authoring/explore';
import type { AnswerStep, AttemptState, Mode } from '../../scenarios/types';

export {
  candidateEvents,
  explorationAnswers,
  lostCodes,
  minutesAfter,
  T0,
  type GraphEvent,
} from '../../scenarios/authoring/explore';

/** Submits each answer step in order; throws with the reason when one is rejected. */
export function runAnswer(
  scenarioId: string,
  seed: string,
  answer: AnswerStep[],
  mode: Mode = 'practice',
): AttemptState {
  const run = submitAnswer(scenarioId, seed, answer, mode);
  if (!run.ok)
    throw new Error(
      `${scenarioId}/${seed}: step ${run.stepId} rejected: ${run.reason} ${JSON.stringify(run.fieldErrors ?? {})}`,
    );
  return run.state;
}
