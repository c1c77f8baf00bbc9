/** The scenario registry: id → definition (with its version). */
import { caseAlarmDisabled } from './case-alarm-disabled';
import { caseFirstMinorNoPenalty } from './case-first-minor-no-penalty';
import { caseHeavyDualPenalty } from './case-heavy-dual-penalty';
import { caseTransferCrime } from './case-transfer-crime';
import { caseUncertifiedWelders } from './case-uncertified-welders';
import { docsAmmoniaOrders } from './docs-ammonia-orders';
import { docsPenaltyNoticeDecision } from './docs-penalty-notice-decision';
import { inspectConfinedSpace } from './inspect-confined-space';
import { inspectDustExplosion } from './inspect-dust-explosion';
import { onboardColdStorageRenamed } from './onboard-cold-storage-renamed';
import { onboardDustEnterprise } from './onboard-dust-enterprise';
import type { AnyScenario, Skill } from './types';

const SCENARIOS: readonly AnyScenario[] = [
  onboardDustEnterprise,
  onboardColdStorageRenamed,
  inspectDustExplosion,
  inspectConfinedSpace,
  docsAmmoniaOrders,
  docsPenaltyNoticeDecision,
  caseAlarmDisabled,
  caseUncertifiedWelders,
  caseFirstMinorNoPenalty,
  caseHeavyDualPenalty,
  caseTransferCrime,
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
