/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'onboard-dust-enterprise',
  version: 1,
  workflow: 'onboarding',
  skill: 'onboarding',
  title: '企业入库：粉尘涉爆家具企业',
  brief:
    '一家木质家具企业申请纳入执法系统。请对照营业执照和现场核实情况录入企业信息：核验统一社会信用代码（GB 32100-2015校验位），按工艺标注粉尘涉爆专项并分级，核查是否重复入库，完成入库。申请材料中有需要发现的问题。',
  estimatedMinutes: 15,
  assessmentTimeLimitMinutes: 25,
  taskLines: ['{机关}受理{企业}的入库申请。', '请核验材料并在系统中完成企业入库。'],
  enterprise: { namePattern: '秦皇岛{字号}家具有限公司', industryCode: 'C2110', sector: '轻工', employees: [30, 280] },
  flags: ['dust'],
  plants: [
    { kind: 'usccTypo' },
    { kind: 'flagsOmitted' },
    { kind: 'lookalike', id: 'ent-200', namePattern: '秦皇岛{字号}木业有限公司', division: 'other' },
  ],
  siteNotes: [
    '生产经营地址经现场核实为：{生产经营地址}。',
    '主要工艺：木材开料、砂光、喷漆；砂光工序产生木质粉尘，设有干式布袋除尘器。',
    '从业人员{从业人员}人（以社会保险缴纳名单核实）。',
    '法定代表人、主要负责人、安全管理负责人及电话与申请表一致。',
  ],
  expectedNotes: ['usccMismatch', 'flagMissing'],
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
    { item: 'uscc', weight: 20 },
    { item: 'notes', weight: 15 },
    { item: 'division', weight: 10 },
    { item: 'industry', weight: 10 },
    { item: 'flags', weight: 15 },
    { item: 'riskClass', weight: 10 },
    { item: 'contacts', weight: 5 },
    { item: 'duplicate', weight: 5 },
    { item: 'onboarded', weight: 10 },
  ],
} satisfies ScenarioSpecInput;
