/**
 * Building blocks for 当场处罚 scenarios: the fixture (fixture.ts), the step forms (steps.ts), the answer
 * builder (answer.ts), rubric items with stable error codes (rubric.ts) and the task card (materials.ts).
 */
export {
  buildSummaryFixture,
  summaryMachineInput,
  summaryTeam,
  type SummaryFixture,
  type SummaryFixtureSpec,
} from './fixture';
export { summarySteps } from './steps';
export { lawfulProcedure, otherAmount, summaryAnswer, type SummaryAnswerOptions } from './answer';
export { summaryRubric } from './rubric';
export { summaryMaterials } from './materials';
