/**
 * 企业入库：已入库企业再次申请，申请表名称写错、统一社会信用代码校验位不通过；按营业执照上的代码
 * 找到已入库记录并更新，而不是按名称找到相似的另一家企业或新建一条.
 */
import { createPrng } from '../prng';
import { corruptUscc, generateUscc } from '../lib/uscc';
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
  const prng = createPrng(`onboard-duplicate-uscc:${seed}`);
  const { record: truth, trade } = trueRecord(prng, {
    name: (t) => `秦皇岛${t}建材有限公司`,
    industryCode: 'C3011',
    flags: ['confinedSpace'],
    employees: [40, 600],
  });
  // The application names the enterprise by its product, as the lookalike is named, and mistypes the code.
  const application = { ...truth, name: `秦皇岛${trade}水泥有限公司`, uscc: corruptUscc(prng, truth.uscc) };
  const registered = {
    id: 'ent-500',
    name: truth.name,
    uscc: truth.uscc,
    divisionCode: truth.divisionCode,
  };
  const lookalikeDivision = prng.pick(DIVISIONS).code;
  const lookalike = {
    id: 'ent-501',
    name: `秦皇岛${trade}水泥制品有限公司`,
    uscc: generateUscc(prng, lookalikeDivision),
    divisionCode: lookalikeDivision,
  };
  return baseFixture(prng, truth, application, {
    siteNotes: [
      '经办人称企业此前没有办理过入库，本次为首次申请。',
      `生产经营地址经现场核实为：${truth.operatingAddress}。`,
      '主要产品：通用硅酸盐水泥；有熟料库、水泥筒型储库，清库时需进入库内作业（有限空间）。',
      `从业人员${truth.employees}人。法定代表人、主要负责人、安全管理负责人及电话与申请表一致。`,
    ],
    expectedNotes: ['usccMismatch', 'nameMismatch'],
    registry: registryWith(prng, [registered, lookalike]),
    duplicateOf: registered.id,
    lookalikeId: lookalike.id,
  });
}

export const onboardDuplicateUscc: ScenarioDefinition<OnboardingFixture, 'onboarding'> = {
  id: 'onboard-duplicate-uscc',
  version: 1,
  title: '企业入库：申请表代码有误的已入库企业',
  brief:
    '一家水泥企业以"首次申请"提交入库申请，申请表上的企业名称和统一社会信用代码都与营业执照不一致。请以营业执照为准核验材料，按统一社会信用代码核查名录：它已经入库的，更新原记录，不要重复入库，也不要与名称相近的另一家企业混为一谈。',
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
      id: 'uscc',
      stepId: 'basic',
      text: '申请表上的代码校验不通过、名称与执照不同时，名称和代码都以营业执照为准，不要自己改校验位。',
      cost: 5,
    },
    {
      id: 'registry',
      stepId: 'registry',
      text: '用营业执照上的统一社会信用代码在名录中查找；名称相近不等于同一企业，经办人说"首次申请"也要核查。',
      cost: 5,
    },
  ],
  rubric: [
    r.duplicate(25),
    r.uscc(20),
    r.notes(15),
    r.industry(10),
    r.flags(5),
    r.riskClass(5),
    r.division(5),
    r.contacts(5),
    r.onboarded(10),
  ],
  modelAnswer: onboardingModelAnswer,
};
