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

/**
 * Trainers' scenarios (issue 16), by `id@version`: registered by the services layer from the
 * published versions it stores (app/models/scenario-library.server.ts). A published version never
 * changes, so an entry is a pure function of its key and any process may hold it; drafts are never
 * registered (they run inside `withScenario`).
 */
const AUTHORED = new Map<string, AnyScenario>();
const versionKey = (id: string, version: number) => `${id}@${version}`;

/** Makes a published version of a trainer's scenario known to the engine. Its id must not be a built-in's. */
export function registerAuthoredVersion(scenario: AnyScenario): void {
  if (BY_ID.has(scenario.id)) throw new RangeError(`场景编号${scenario.id}已被内置场景使用`);
  AUTHORED.set(versionKey(scenario.id, scenario.version), scenario);
}

/** Whether that version of a trainer's scenario is registered. */
export function isAuthoredVersionRegistered(id: string, version: number): boolean {
  return AUTHORED.has(versionKey(id, version));
}

/**
 * One scenario by id, or undefined: a built-in (whatever `version` says: the code has only its own),
 * or, given its version, a registered version of a trainer's scenario.
 */
export function getScenario(id: string, version?: number): AnyScenario | undefined {
  const builtIn = BY_ID.get(id);
  if (builtIn || version === undefined) return builtIn;
  return AUTHORED.get(versionKey(id, version));
}

/** Whether the id is a built-in scenario's (trainers' scenarios are never). */
export function isBuiltInScenario(id: string): boolean {
  return BY_ID.has(id);
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
