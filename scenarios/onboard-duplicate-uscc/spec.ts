/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'onboard-duplicate-uscc',
  version: 1,
  workflow: 'onboarding',
  skill: 'onboarding',
  title: '企业入库：申请表代码有误的已入库企业',
  brief:
    '一家水泥企业以"首次申请"提交入库申请，申请表上的企业名称和统一社会信用代码都与营业执照不一致。请以营业执照为准核验材料，按统一社会信用代码核查名录：它已经入库的，更新原记录，不要重复入库，也不要与名称相近的另一家企业混为一谈。',
  estimatedMinutes: 15,
  assessmentTimeLimitMinutes: 25,
  taskLines: ['{机关}受理{企业}的入库申请。', '请核验材料并在系统中完成企业入库（一企一档）。'],
  enterprise: { namePattern: '秦皇岛{字号}建材有限公司', industryCode: 'C3011', sector: '建材', employees: [40, 600] },
  flags: ['confinedSpace'],
  plants: [
    { kind: 'misnamed', namePattern: '秦皇岛{字号}水泥有限公司' },
    { kind: 'usccTypo' },
    { kind: 'registered', id: 'ent-500' },
    { kind: 'lookalike', id: 'ent-501', namePattern: '秦皇岛{字号}水泥制品有限公司', division: 'any' },
  ],
  siteNotes: [
    '经办人称企业此前没有办理过入库，本次为首次申请。',
    '生产经营地址经现场核实为：{生产经营地址}。',
    '主要产品：通用硅酸盐水泥；有熟料库、水泥筒型储库，清库时需进入库内作业（有限空间）。',
    '从业人员{从业人员}人。法定代表人、主要负责人、安全管理负责人及电话与申请表一致。',
  ],
  expectedNotes: ['usccMismatch', 'nameMismatch'],
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
    { item: 'duplicate', weight: 25 },
    { item: 'uscc', weight: 20 },
    { item: 'notes', weight: 15 },
    { item: 'industry', weight: 10 },
    { item: 'flags', weight: 5 },
    { item: 'riskClass', weight: 5 },
    { item: 'division', weight: 5 },
    { item: 'contacts', weight: 5 },
    { item: 'onboarded', weight: 10 },
  ],
} satisfies ScenarioSpecInput;
