/**
 * Building blocks for onboarding scenarios: the application as the enterprise filled it in (with
 * planted errors), the documents it must be checked against and their generation (fixture.ts), the step
 * forms of 企业入库 (steps.ts), the answer builder (answer.ts), rubric items (rubric.ts) and materials (materials.ts).
 */
export {
  NOTE_OPTIONS,
  baseFixture,
  registryWith,
  trueRecord,
  type EnterpriseRecord,
  type NoteCode,
  type OnboardingFixture,
} from './fixture';
export { onboardingSteps } from './steps';
export { onboardingModelAnswer } from './answer';
export { onboardingRubric } from './rubric';
export { onboardingMaterials } from './materials';
export { valuesOf } from '../../../kit/answers';
