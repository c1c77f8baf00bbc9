/** 企业入库：更名的涉氨冷库企业，已在名录中（重复入库核查），行政区划填错. */
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
import { mobile } from '../kit/people';
import type { ScenarioDefinition } from '../types';
import type { OnboardingInput } from '../workflows/onboarding/machine';
import type { SpecialFlag } from '../lib/industries';

function fixture(seed: string): OnboardingFixture {
  const prng = createPrng(`onboard-cold-storage-renamed:${seed}`);
  const flags: SpecialFlag[] = prng.next() < 0.5 ? ['ammonia', 'confinedSpace'] : ['ammonia'];
  const { record: truth, trade } = trueRecord(prng, {
    name: (t) => `秦皇岛${t}水产食品有限公司`,
    industryCode: 'C1361',
    flags,
    employees: [15, 350],
  });
  const wrongDivision = prng.pick(DIVISIONS.filter((d) => d.code !== truth.divisionCode)).code;
  const staleDivision = prng.pick(DIVISIONS).code;
  const application = { ...truth, divisionCode: wrongDivision, principalPhone: mobile(prng) };
  const former = { id: 'ent-300', name: `秦皇岛${trade}水产冷冻厂`, uscc: truth.uscc, divisionCode: staleDivision };
  const lookalikeDivision = prng.pick(DIVISIONS).code;
  const lookalike = {
    id: 'ent-301',
    name: `秦皇岛${trade}冷链物流有限公司`,
    uscc: generateUscc(prng, lookalikeDivision),
    divisionCode: lookalikeDivision,
  };
  return baseFixture(prng, truth, application, {
    siteNotes: [
      `企业于去年由"${former.name}"更名为"${truth.name}"，统一社会信用代码不变。`,
      `生产经营地址经现场核实为：${truth.operatingAddress}。`,
      `冷库和速冻间采用液氨制冷${flags.includes('confinedSpace') ? '；厂区有污水处理池，需进入清淤（有限空间作业）' : ''}。`,
      `从业人员${truth.employees}人。主要负责人${truth.principal}的电话经核实为${truth.principalPhone}（申请表所填号码已停用）。`,
    ],
    expectedNotes: ['nameChanged', 'divisionMismatch', 'phoneInvalid'],
    registry: registryWith(prng, [former, lookalike]),
    duplicateOf: former.id,
    lookalikeId: lookalike.id,
  });
}

export const onboardColdStorageRenamed: ScenarioDefinition<OnboardingFixture, 'onboarding'> = {
  id: 'onboard-cold-storage-renamed',
  version: 1,
  title: '企业入库：更名的涉氨冷库企业',
  brief:
    '一家水产冷冻企业以新名称申请入库。请核验材料、按生产经营地确定行政区划、标注涉氨制冷等专项并分级，通过统一社会信用代码核查发现它已以原名称入库，更新原记录而不是重复入库。',
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
    { id: 'division', stepId: 'basic', text: '行政区划按生产经营地址所在区县填写。', cost: 5 },
    {
      id: 'registry',
      stepId: 'registry',
      text: '在已入库企业名录中按统一社会信用代码查找，名称可能已经变更。',
      cost: 5,
    },
  ],
  rubric: [
    r.duplicate(20),
    r.division(15),
    r.notes(15),
    r.industry(10),
    r.flags(10),
    r.riskClass(10),
    r.contacts(10),
    r.onboarded(10),
  ],
  modelAnswer: onboardingModelAnswer,
};
