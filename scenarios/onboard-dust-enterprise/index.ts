/** 企业入库：木质家具企业（粉尘涉爆），申请表统一社会信用代码有笔误、漏报专项. */
import { createPrng } from '../prng';
import { generateUscc, corruptUscc } from '../lib/uscc';
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

function fixture(seed: string): OnboardingFixture {
  const prng = createPrng(`onboard-dust-enterprise:${seed}`);
  const { record: truth, trade } = trueRecord(prng, {
    name: (t) => `秦皇岛${t}家具有限公司`,
    industryCode: 'C2110',
    flags: ['dust'],
    employees: [30, 280],
  });
  const application = { ...truth, uscc: corruptUscc(prng, truth.uscc), flags: [] };
  const lookalikeDivision = prng.pick(DIVISIONS.filter((d) => d.code !== truth.divisionCode)).code;
  const lookalike = {
    id: 'ent-200',
    name: `秦皇岛${trade}木业有限公司`,
    uscc: generateUscc(prng, lookalikeDivision),
    divisionCode: lookalikeDivision,
  };
  return baseFixture(prng, truth, application, {
    siteNotes: [
      `生产经营地址经现场核实为：${truth.operatingAddress}。`,
      '主要工艺：木材开料、砂光、喷漆；砂光工序产生木质粉尘，设有干式布袋除尘器。',
      `从业人员${truth.employees}人（以社会保险缴纳名单核实）。`,
      `法定代表人、主要负责人、安全管理负责人及电话与申请表一致。`,
    ],
    expectedNotes: ['usccMismatch', 'flagMissing'],
    registry: registryWith(prng, [lookalike]),
    duplicateOf: null,
    lookalikeId: lookalike.id,
  });
}

export const onboardDustEnterprise: ScenarioDefinition<OnboardingFixture, 'onboarding'> = {
  id: 'onboard-dust-enterprise',
  version: 1,
  title: '企业入库：粉尘涉爆家具企业',
  brief:
    '一家木质家具企业申请纳入执法系统。请对照营业执照和现场核实情况录入企业信息：核验统一社会信用代码（GB 32100-2015校验位），按工艺标注粉尘涉爆专项并分级，核查是否重复入库，完成入库。申请材料中有需要发现的问题。',
  skill: 'onboarding',
  workflow: 'onboarding',
  estimatedMinutes: 15,
  assessmentTimeLimitMinutes: 25,
  fixture,
  materials: (f) =>
    onboardingMaterials(f, [
      `${f.authority.name}受理${f.application.name}的入库申请。`,
      '请核验材料并在系统中完成企业入库。',
    ]),
  machineInput: (f): OnboardingInput => ({ registry: f.registry }),
  steps: onboardingSteps,
  hints: [
    {
      id: 'uscc',
      stepId: 'basic',
      text: '申请表上的代码校验不通过时，以营业执照上的代码为准，不要自己改校验位。',
      cost: 5,
    },
    { id: 'flags', stepId: 'classify', text: '砂光工序产生木质粉尘并设干式除尘器，属于粉尘涉爆企业。', cost: 5 },
    { id: 'registry', stepId: 'registry', text: '判断是否同一企业看统一社会信用代码，不看名称是否相近。', cost: 3 },
  ],
  rubric: [
    r.uscc(20),
    r.notes(15),
    r.division(10),
    r.industry(10),
    r.flags(15),
    r.riskClass(10),
    r.contacts(5),
    r.duplicate(5),
    r.onboarded(10),
  ],
  modelAnswer: onboardingModelAnswer,
};
