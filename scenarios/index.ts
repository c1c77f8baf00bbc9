/** The scenario registry: id → definition (with its version), in catalogue order (by skill). */
import { caseAlarmDisabled } from './case-alarm-disabled';
import { caseFirstMinorNoPenalty } from './case-first-minor-no-penalty';
import { caseHeavyDualPenalty } from './case-heavy-dual-penalty';
import { caseTransferCrime } from './case-transfer-crime';
import { caseUncertifiedWelders } from './case-uncertified-welders';
import { chainHazardNotEliminated } from './chain-hazard-not-eliminated';
import { chainRectifiedPartly } from './chain-rectified-partly';
import { docsAmmoniaOrders } from './docs-ammonia-orders';
import { docsPenaltyNoticeDecision } from './docs-penalty-notice-decision';
import { enforceCourtApplication } from './enforce-court-application';
import { enforceInstallments } from './enforce-installments';
import { inspectConfinedSpace } from './inspect-confined-space';
import { inspectDustExplosion } from './inspect-dust-explosion';
import { inspectHazardousChemicals } from './inspect-hazardous-chemicals';
import { inspectMetallurgy } from './inspect-metallurgy';
import { onboardChemicalEnterprise } from './onboard-chemical-enterprise';
import { onboardColdStorageRenamed } from './onboard-cold-storage-renamed';
import { onboardDustEnterprise } from './onboard-dust-enterprise';
import { summaryDisputedFacts } from './summary-disputed-facts';
import { summaryPersonWarningOrFine } from './summary-person-warning-or-fine';
import { summaryUnitOnSpot } from './summary-unit-on-spot';
import { onboardDuplicateUscc } from './onboard-duplicate-uscc';
import { seizeIllegalChemicals } from './seize-illegal-chemicals';
import { seizeSubstandardEquipment } from './seize-substandard-equipment';
import type { AnyScenario, Skill } from './types';

const SCENARIOS: readonly AnyScenario[] = [
  // 企业入库
  onboardDustEnterprise,
  onboardColdStorageRenamed,
  onboardChemicalEnterprise,
  onboardDuplicateUscc,
  // 执法检查
  inspectDustExplosion,
  inspectConfinedSpace,
  inspectHazardousChemicals,
  inspectMetallurgy,
  // 执法文书
  docsAmmoniaOrders,
  docsPenaltyNoticeDecision,
  summaryUnitOnSpot,
  summaryPersonWarningOrFine,
  enforceInstallments,
  seizeSubstandardEquipment,
  // 案件办理
  caseAlarmDisabled,
  caseUncertifiedWelders,
  caseFirstMinorNoPenalty,
  caseHeavyDualPenalty,
  caseTransferCrime,
  chainHazardNotEliminated,
  chainRectifiedPartly,
  summaryDisputedFacts,
  enforceCourtApplication,
  seizeIllegalChemicals,
];

const BY_ID = new Map(SCENARIOS.map((s) => [s.id, s]));

/** Every scenario, in catalogue order. */
export function listScenarios(filter: { skill?: Skill } = {}): AnyScenario[] {
  return SCENARIOS.filter((s) => !filter.skill || s.skill === filter.skill);
}

/** One scenario by id, or undefined. */
export function getScenario(id: string): AnyScenario | undefined {
  return BY_ID.get(id);
}

export type {
  AnyScenario,
  AttemptState,
  AttemptScore,
  ApplyResult,
  AnswerStep,
  Step,
  Skill,
  Mode,
  ScenarioDefinition,
} from './types';
