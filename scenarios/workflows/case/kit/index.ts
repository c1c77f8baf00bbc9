/**
 * Building blocks for case and penalty-document scenarios: fixture, the step forms of the 案件
 * workflow, an answer builder (the model answer and each mistake are variations of it) and rubric
 * items with their stable error codes.
 */
export {
  buildCaseFixture,
  caseInput,
  drawCaseStaff,
  drawCircumstances,
  drawPersonFineShare,
  validTeam,
  type CaseFixture,
  type CaseStaff,
  type PartyStatement,
} from './fixture';
export { caseSteps } from './steps';
export {
  amountInTier,
  caseAnswer,
  caseTimeline,
  confusableArticle,
  expectedOutcome,
  lighterAmount,
  modelPersonFines,
  otherOutcomeTimeline,
  presetThroughInvestigation,
  type CaseOutcome,
  type CaseAnswerOptions,
  type CaseTimeline,
} from './answer';
export { caseRubric } from './rubric';
export { caseMaterials } from './materials';
