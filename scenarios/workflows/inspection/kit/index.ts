/**
 * Building blocks for inspection and inspection-document scenarios: the fixture shape and its generation
 * (fixture.ts), the step forms of the 执法检查 workflow (steps.ts), the model answer (answer.ts), the rubric
 * items with their stable error codes (rubric.ts) and the trainee's materials (materials.ts).
 */
export {
  NATURE_TEXT,
  VERDICT_TEXT,
  buildRecheck,
  buildSite,
  generalItems,
  hazardItems,
  inspectionFixture,
  inspectionMachineInput,
  majorItems,
  validOfficers,
  type InspectionFixture,
  type InspectionFixtureSpec,
  type Nature,
  type SiteItem,
  type Template,
} from './fixture';
export { inspectionSteps } from './steps';
export {
  inspectionAlternatives,
  inspectionModelAnswer,
  orderDeadline,
  presetThroughFindings,
  recheckDate,
} from './answer';
export { fullInspectionRubric, inspectionRubric } from './rubric';
export { inspectionMaterials } from './materials';
