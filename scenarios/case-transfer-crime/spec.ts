/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'case-transfer-crime',
  version: 1,
  workflow: 'case',
  skill: 'case',
  title: '全流程案件：关闭报警装置涉嫌危险作业罪（移送）',
  brief:
    '一家焦化企业关闭了煤气区域的一氧化碳报警装置，现场浓度超标且有人作业。请立案、调查取证，依据查明的事实判断案件应当如何处理，并依法办理。',
  estimatedMinutes: 25,
  assessmentTimeLimitMinutes: 35,
  taskLines: ['你是{机关}的执法人员，承办{企业}关闭报警装置一案。', '调查中请判断违法行为是否涉嫌犯罪，依法作出处理。'],
  draws: [
    { kind: 'pick', name: 'ppm', values: [86, 120, 160] },
    { kind: 'int', name: 'workers', min: 3, max: 6 },
  ],
  enterprise: {
    namePattern: '秦皇岛{字号}焦化有限公司',
    industryCode: 'C2521',
    sector: '危险化学品',
    summary: '焦化企业，煤气净化区域设有固定式一氧化碳检测报警装置，报警信号接入中控室。',
  },
  violation: { id: 'safetyDeviceDisabled', tier: 'first' },
  facts:
    '执法人员检查时发现，该公司煤气净化区域的固定式一氧化碳检测报警装置被中控室值班人员按车间要求关闭（报警声光信号已断开）；现场便携式检测仪测得该区域一氧化碳浓度为{ppm}ppm，超过报警设定值，区域内有{workers}名作业人员正在检修作业。',
  amounts: [30_000, 40_000, 50_000],
  statements: null,
  hearingRequested: false,
  crime: 'dangerousOperation',
  crimeAssessment:
    '经核查：报警装置关闭期间，该区域一氧化碳浓度持续超过报警设定值，作业人员在不知情的情况下在场作业，具有发生重大伤亡事故的现实危险；未发生事故。',
  preset: 'none',
  hints: [
    {
      id: 'crime',
      stepId: 'transfer',
      text: '《刑法》第一百三十四条之一：关闭、破坏直接关系生产安全的监控、报警、防护、救生设备、设施，具有发生重大伤亡事故或者其他严重后果的现实危险的，构成危险作业罪。',
      cost: 10,
    },
    {
      id: 'deadline',
      stepId: 'transfer',
      text: '负责人自接到移送报告之日起3日内作出批准决定，批准后24小时内移送公安机关（《行政执法机关移送涉嫌犯罪案件的规定》第五条）。',
      cost: 5,
    },
  ],
  rubric: [
    { item: 'transfer', weight: 55 },
    { item: 'crimeCharge', weight: 25 },
    { item: 'transferMaterials', weight: 20 },
  ],
  alternatives: [{ outcome: 'penalty', hearing: true }],
} satisfies ScenarioSpecInput;
