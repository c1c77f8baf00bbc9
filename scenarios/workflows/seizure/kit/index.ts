/**
 * Building blocks for seizure scenarios: the fixture shape and its generation (fixture.ts), the step
 * forms of the 查封扣押 workflow (steps.ts), the model answer (answer.ts), the rubric items with their
 * stable error codes (rubric.ts) and the trainee's materials (materials.ts).
 */
export {
  HEAD_ID,
  HOLD_LABELS,
  itemName,
  seizableItems,
  seizureFixture,
  seizureMachineInput,
  validOfficers,
  type HoldMode,
  type ItemTemplate,
  type SeizureFixture,
  type SeizureFixtureSpec,
  type SeizureItem,
} from './fixture';
export { seizureSteps } from './steps';
export { periodEndOf, seizureAlternatives, seizureModelAnswer } from './answer';
export { seizureRubric } from './rubric';
export { seizureMaterials } from './materials';
