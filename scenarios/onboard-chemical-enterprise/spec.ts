/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'onboard-chemical-enterprise',
  version: 1,
  workflow: 'onboarding',
  skill: 'onboarding',
  title: '企业入库：危险化学品生产企业',
  brief:
    '一家有机化学原料生产企业申请入库。请核验材料：按生产经营地确定行政区划，确定国民经济行业和监管行业（危险化学品，不属于工贸行业），标注重大危险源等专项并按分级规则分级，核查是否重复入库，完成入库。',
  estimatedMinutes: 15,
  assessmentTimeLimitMinutes: 25,
  taskLines: ['{机关}受理{企业}的入库申请。', '请核验材料并在系统中完成企业入库（一企一档）。'],
  enterprise: {
    namePattern: '秦皇岛{字号}化工有限公司',
    industryCode: 'C2614',
    sector: '危险化学品',
    employees: [80, 450],
  },
  flags: ['majorHazardSource'],
  optionalFlag: { flag: 'confinedSpace', probability: 0.5, text: '；反应釜、储罐检修时需进入罐内作业（有限空间）' },
  plants: [
    { kind: 'wrongDivision' },
    { kind: 'flagsOmitted' },
    { kind: 'lookalike', id: 'ent-400', namePattern: '秦皇岛{字号}化工贸易有限公司', division: 'any' },
  ],
  siteNotes: [
    '生产经营地址经现场核实为：{生产经营地址}。',
    '主要产品：甲醇下游有机化学原料；持有危险化学品安全生产许可证，属于危险化学品生产企业。',
    '甲醇储罐区经辨识构成二级重大危险源，已向应急管理部门备案{专项补充}。',
    '从业人员{从业人员}人。法定代表人、主要负责人、安全管理负责人及电话与申请表一致。',
  ],
  expectedNotes: ['divisionMismatch', 'flagMissing'],
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
    { item: 'industry', weight: 15 },
    { item: 'flags', weight: 15 },
    { item: 'riskClass', weight: 15 },
    { item: 'division', weight: 10 },
    { item: 'notes', weight: 15 },
    { item: 'contacts', weight: 5 },
    { item: 'duplicate', weight: 10 },
    { item: 'onboarded', weight: 15 },
  ],
} satisfies ScenarioSpecInput;
