/**
 * Building blocks for enforcement scenarios: fixture, the step forms, an answer builder (the model answer
 * and each mistake are variations of it) and rubric items with their stable error codes.
 */
export {
  basicCourt,
  buildEnforcementFixture,
  INTERMEDIATE_COURT,
  type EnforcementFixture,
  type EnforcementSpec,
} from './fixture';
export { enforcementSteps, PLAN_ROWS } from './steps';
export {
  answerPlan,
  courtTimeline,
  enforcementAnswer,
  enforcementPreset,
  surchargeWithoutPlan,
  type EnforcementAnswerOptions,
} from './answer';
export { enforcementRubric } from './rubric';
export { enforcementMaterials } from './materials';
