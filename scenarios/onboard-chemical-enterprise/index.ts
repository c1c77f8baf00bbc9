/** 企业入库：危险化学品生产企业（重大危险源），申请表漏报重大危险源、行政区划填错. */
import { createPrng } from '../prng';
import { generateUscc } from '../lib/uscc';
import { DIVISIONS } from '../lib/divisions';
import {
  baseFixture,
  onboardingMaterials,
  onboardingModelAnswer,
  onboardingRubric as r,
  onboardingSteps,
  registryWith,
  trueRecord,
  type OnboardingFixture,
} from '../workflows/onboarding/kit';
import type { ScenarioDefinition } from '../types';
import type { OnboardingInput } from '../workflows/onboarding/machine';
import type { SpecialFlag } from '../lib/industries';

function fixture(seed: string): OnboardingFixture {
  const prng = createPrng(`onboard-chemical-enterprise:${seed}`);
  const confined = prng.next() < 0.5;
  const flags: SpecialFlag[] = confined ? ['majorHazardSource', 'confinedSpace'] : ['majorHazardSource'];
  const { record: truth, trade } = trueRecord(prng, {
    name: (t) => `秦皇岛${t}化工有限公司`,
    industryCode: 'C2614',
    flags,
    employees: [80, 450],
  });
  const wrongDivision = prng.pick(DIVISIONS.filter((d) => d.code !== truth.divisionCode)).code;
  const application = { ...truth, divisionCode: wrongDivision, flags: [] };
  const lookalikeDivision = prng.pick(DIVISIONS).code;
  const lookalike = {
    id: 'ent-400',
    name: `秦皇岛${trade}化工贸易有限公司`,
    uscc: generateUscc(prng, lookalikeDivision),
    divisionCode: lookalikeDivision,
  };
  return baseFixture(prng, truth, application, {
    siteNotes: [
      `生产经营地址经现场核实为：${truth.operatingAddress}。`,
      '主要产品：甲醇下游有机化学原料；持有危险化学品安全生产许可证，属于危险化学品生产企业。',
      `甲醇储罐区经辨识构成二级重大危险源，已向应急管理部门备案${confined ? '；反应釜、储罐检修时需进入罐内作业（有限空间）' : ''}。`,
      `从业人员${truth.employees}人。法定代表人、主要负责人、安全管理负责人及电话与申请表一致。`,
    ],
    expectedNotes: ['divisionMismatch', 'flagMissing'],
    registry: registryWith(prng, [lookalike]),
    duplicateOf: null,
    lookalikeId: lookalike.id,
  });
}

export const onboardChemicalEnterprise: ScenarioDefinition<OnboardingFixture, 'onboarding'> = {
  id: 'onboard-chemical-enterprise',
  version: 1,
  title: '企业入库：危险化学品生产企业',
  brief:
    '一家有机化学原料生产企业申请入库。请核验材料：按生产经营地确定行政区划，确定国民经济行业和监管行业（危险化学品，不属于工贸行业），标注重大危险源等专项并按分级规则分级，核查是否重复入库，完成入库。',
  skill: 'onboarding',
  workflow: 'onboarding',
  estimatedMinutes: 15,
  assessmentTimeLimitMinutes: 25,
  fixture,
  materials: (f) =>
    onboardingMaterials(f, [
      `${f.authority.name}受理${f.application.name}的入库申请。`,
      '请核验材料并在系统中完成企业入库（一企一档）。',
    ]),
  machineInput: (f): OnboardingInput => ({ registry: f.registry }),
  steps: onboardingSteps,
  hints: [
    {
      id: 'sector',
      stepId: 'classify',
      text: '持危险化学品安全生产许可证的生产企业，监管行业为危险化学品；构成重大危险源的，按分级规则为A级。',
      cost: 5,
    },
    { id: 'division', stepId: 'basic', text: '行政区划按生产经营地址所在区县填写。', cost: 5 },
    { id: 'registry', stepId: 'registry', text: '判断是否同一企业看统一社会信用代码，不看名称是否相近。', cost: 3 },
  ],
  rubric: [
    r.industry(15),
    r.flags(15),
    r.riskClass(15),
    r.division(10),
    r.notes(15),
    r.contacts(5),
    r.duplicate(10),
    r.onboarded(15),
  ],
  modelAnswer: onboardingModelAnswer,
};
