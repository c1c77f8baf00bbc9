/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'onboard-cold-storage-renamed',
  version: 1,
  workflow: 'onboarding',
  skill: 'onboarding',
  title: '企业入库：更名的涉氨冷库企业',
  brief:
    '一家水产冷冻企业以新名称申请入库。请核验材料、按生产经营地确定行政区划、标注涉氨制冷等专项并分级，通过统一社会信用代码核查发现它已以原名称入库，更新原记录而不是重复入库。',
  estimatedMinutes: 15,
  assessmentTimeLimitMinutes: 25,
  taskLines: ['{机关}受理{企业}的入库申请。', '请核验材料并在系统中完成企业入库（一企一档）。'],
  enterprise: {
    namePattern: '秦皇岛{字号}水产食品有限公司',
    industryCode: 'C1361',
    sector: '轻工',
    employees: [15, 350],
  },
  flags: ['ammonia'],
  optionalFlag: { flag: 'confinedSpace', probability: 0.5, text: '；厂区有污水处理池，需进入清淤（有限空间作业）' },
  plants: [
    { kind: 'wrongDivision' },
    { kind: 'formerRecord', id: 'ent-300', namePattern: '秦皇岛{字号}水产冷冻厂' },
    { kind: 'stalePhone' },
    { kind: 'lookalike', id: 'ent-301', namePattern: '秦皇岛{字号}冷链物流有限公司', division: 'any' },
  ],
  siteNotes: [
    '企业于去年由"{原名称}"更名为"{企业}"，统一社会信用代码不变。',
    '生产经营地址经现场核实为：{生产经营地址}。',
    '冷库和速冻间采用液氨制冷{专项补充}。',
    '从业人员{从业人员}人。主要负责人{主要负责人}的电话经核实为{主要负责人电话}（申请表所填号码已停用）。',
  ],
  expectedNotes: ['nameChanged', 'divisionMismatch', 'phoneInvalid'],
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
    { item: 'duplicate', weight: 20 },
    { item: 'division', weight: 15 },
    { item: 'notes', weight: 15 },
    { item: 'industry', weight: 10 },
    { item: 'flags', weight: 10 },
    { item: 'riskClass', weight: 10 },
    { item: 'contacts', weight: 10 },
    { item: 'onboarded', weight: 10 },
  ],
} satisfies ScenarioSpecInput;
