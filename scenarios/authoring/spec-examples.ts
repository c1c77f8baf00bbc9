/**
 * Built-in scenarios as data (issue 16): every built-in is defined by its spec (scenarios/<id>/spec.ts, built
 * by `builtInFromSpec`), checked against the catalogues like a trainer's. They are the starting points
 * 复制为新场景 offers.
 */
import type { ScenarioSpecInput } from './spec';
import { spec as caseAlarmDisabledSpec } from '../case-alarm-disabled/spec';
import { spec as caseUncertifiedWeldersSpec } from '../case-uncertified-welders/spec';
import { spec as docsPenaltyNoticeDecisionSpec } from '../docs-penalty-notice-decision/spec';
import { spec as inspectConfinedSpaceSpec } from '../inspect-confined-space/spec';
import { spec as docsAmmoniaOrdersSpec } from '../docs-ammonia-orders/spec';
import { spec as inspectDustExplosionSpec } from '../inspect-dust-explosion/spec';
import { spec as inspectHazardousChemicalsSpec } from '../inspect-hazardous-chemicals/spec';
import { spec as inspectMetallurgySpec } from '../inspect-metallurgy/spec';
import { spec as summaryUnitOnSpotSpec } from '../summary-unit-on-spot/spec';
import { spec as onboardDustEnterpriseSpec } from '../onboard-dust-enterprise/spec';
import { spec as onboardColdStorageRenamedSpec } from '../onboard-cold-storage-renamed/spec';
import { spec as onboardChemicalEnterpriseSpec } from '../onboard-chemical-enterprise/spec';
import { spec as onboardDuplicateUsccSpec } from '../onboard-duplicate-uscc/spec';
import { spec as caseFirstMinorNoPenaltySpec } from '../case-first-minor-no-penalty/spec';
import { spec as caseTransferCrimeSpec } from '../case-transfer-crime/spec';
import { spec as caseHeavyDualPenaltySpec } from '../case-heavy-dual-penalty/spec';
import { spec as summaryPersonWarningOrFineSpec } from '../summary-person-warning-or-fine/spec';
import { spec as summaryDisputedFactsSpec } from '../summary-disputed-facts/spec';
import { spec as enforceInstallmentsSpec } from '../enforce-installments/spec';
import { spec as enforceCourtApplicationSpec } from '../enforce-court-application/spec';
import { spec as seizeIllegalChemicalsSpec } from '../seize-illegal-chemicals/spec';
import { spec as seizeSubstandardEquipmentSpec } from '../seize-substandard-equipment/spec';
import { spec as chainHazardNotEliminatedSpec } from '../chain-hazard-not-eliminated/spec';
import { spec as chainRectifiedPartlySpec } from '../chain-rectified-partly/spec';

/** The built-ins written as specs, by id. */
export const BUILT_IN_SPECS: readonly ScenarioSpecInput[] = [
  caseAlarmDisabledSpec,
  caseUncertifiedWeldersSpec,
  docsPenaltyNoticeDecisionSpec,
  inspectConfinedSpaceSpec,
  docsAmmoniaOrdersSpec,
  inspectDustExplosionSpec,
  inspectHazardousChemicalsSpec,
  inspectMetallurgySpec,
  summaryUnitOnSpotSpec,
  onboardDustEnterpriseSpec,
  onboardColdStorageRenamedSpec,
  onboardChemicalEnterpriseSpec,
  onboardDuplicateUsccSpec,
  caseFirstMinorNoPenaltySpec,
  caseTransferCrimeSpec,
  caseHeavyDualPenaltySpec,
  summaryPersonWarningOrFineSpec,
  summaryDisputedFactsSpec,
  enforceInstallmentsSpec,
  enforceCourtApplicationSpec,
  seizeIllegalChemicalsSpec,
  seizeSubstandardEquipmentSpec,
  chainHazardNotEliminatedSpec,
  chainRectifiedPartlySpec,
];
