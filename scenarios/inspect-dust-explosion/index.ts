/** 粉尘涉爆企业执法检查: find the dust-explosion major hazard, act on it, order rectification, re-inspect. */
import type { ScenarioDefinition } from '../types';
import { inspectionFixture, type Template } from '../kit/inspection-fixture';
import {
  inspectionAlternatives,
  inspectionMaterials,
  inspectionModelAnswer,
  inspectionRubric as r,
  inspectionSteps,
  type InspectionFixture,
} from '../kit/inspection-kit';
import type { InspectionInput } from '../workflow/inspection-machine';

const MAJORS: Template[] = [
  {
    id: 'collector-venting',
    area: '布袋除尘器',
    checklist: '干式除尘系统是否采取泄爆、惰化、抑爆措施',
    bad: '抛光工序的干式布袋除尘器箱体完全封闭，未设泄爆口，也未见惰化、抑爆装置',
    ok: '布袋除尘器箱体设有泄爆片，泄爆口朝向室外安全区域',
    fixed: '已加装泄爆片并引至室外',
    badVerdict: 'major',
    clause: 'D3',
    measures: ['stopEquipment', 'suspendProduction'],
    basis: '《安全生产法》第三十六条',
  },
  {
    id: 'restroom',
    area: '抛光车间',
    checklist: '粉尘爆炸危险场所内是否设有休息室等人员聚集场所',
    bad: '抛光车间东侧用彩钢板隔出一间休息室，当班有4名工人在内休息',
    ok: '抛光车间为单层钢结构厂房，车间内未设休息室、办公室',
    fixed: '休息室已拆除，迁至车间外',
    badVerdict: 'major',
    clause: 'D1',
    measures: ['withdrawWorkers'],
    basis: '《安全生产法》第四十二条',
  },
  {
    id: 'positive-pressure',
    area: '除尘管道',
    checklist: '铝粉尘除尘系统是否采用正压除尘',
    bad: '铝粉尘除尘系统风机设在除尘器前端，以正压方式吹送粉尘',
    ok: '除尘系统风机设在除尘器后端，负压运行',
    fixed: '已改为负压除尘',
    badVerdict: 'major',
    clause: 'D4',
    measures: ['stopEquipment'],
    basis: '《安全生产法》第三十六条',
  },
  {
    id: 'dust-cleaning',
    area: '抛光作业现场',
    checklist: '是否落实粉尘清理制度',
    bad: '抛光机周围地面和设备顶部积尘厚约5毫米，粉尘清理记录停在两个月前',
    ok: '作业台面和地面无明显积尘，粉尘清理记录每班填写',
    fixed: '已清理积尘，恢复每班清扫记录',
    badVerdict: 'major',
    clause: 'D10',
    measures: ['suspendProduction'],
    basis: '《安全生产法》第四十一条',
  },
];

const GENERALS: Template[] = [
  {
    id: 'warning-signs',
    area: '除尘器区域',
    checklist: '是否设置明显的安全警示标志',
    bad: '除尘器及收尘区域未设置"禁止烟火""当心爆炸"等安全警示标志',
    ok: '除尘器区域设有"禁止烟火""当心爆炸"警示标志',
    fixed: '已设置警示标志',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第三十五条',
  },
  {
    id: 'ppe',
    area: '抛光岗位',
    checklist: '是否提供符合标准的劳动防护用品',
    bad: '抛光岗位工人未配发防尘口罩和防静电工作服',
    ok: '抛光岗位工人佩戴防尘口罩、穿防静电工作服',
    fixed: '已配发防尘口罩和防静电工作服',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第四十五条',
  },
  {
    id: 'training',
    area: '安全培训档案',
    checklist: '是否如实记录安全生产教育和培训情况',
    bad: '2名新入职抛光工无安全生产教育和培训记录',
    ok: '员工三级安全教育记录齐全',
    fixed: '已补训并建立培训档案',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第二十八条',
  },
  {
    id: 'maintenance',
    area: '除尘系统维护',
    checklist: '是否对安全设备进行经常性维护、保养和定期检测',
    bad: '除尘系统无维护保养记录，压差计损坏未修复',
    ok: '除尘系统维护保养记录完整，压差计读数正常',
    fixed: '压差计已更换，建立维护保养记录',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第三十六条',
  },
];

/** Builds the site: one major hazard, two ordinary ones, the rest compliant, in a seeded order. */
function fixture(seed: string): InspectionFixture {
  return inspectionFixture(seed, {
    scenarioId: 'inspect-dust-explosion',
    divisionCodes: ['130302', '130306', '130322', '130324'],
    maxPlanDelayDays: 3,
    majors: MAJORS,
    generals: GENERALS,
    nameSuffix: '铝业有限公司',
    employees: [40, 260],
    industryCode: 'C3252',
    enterpriseSummary: '主要从事铝型材挤压和表面抛光，抛光工序产生铝粉尘，设有干式除尘系统（粉尘涉爆企业）。',
    clauseGroups: ['管理类', '粉尘防爆'],
    mayHaveExpiredOfficer: true,
    signatureRefusalRate: 0.3,
    rectifyDays: [10, 30],
  });
}

export const inspectDustExplosion: ScenarioDefinition<InspectionFixture, 'inspection'> = {
  id: 'inspect-dust-explosion',
  version: 1,
  title: '粉尘涉爆企业执法检查',
  brief:
    '按计划对一家铝加工企业开展粉尘防爆专项执法检查：组成合格的检查组，逐项检查并认定隐患（对照2023年《工贸企业重大事故隐患判定标准》），依法制作现场检查记录、现场处理措施决定书和责令限期整改指令书，整改期满后复查。',
  skill: 'inspection',
  workflow: 'inspection',
  estimatedMinutes: 25,
  assessmentTimeLimitMinutes: 40,
  fixture,
  materials: (f) =>
    inspectionMaterials(f, [
      `${f.authority.name}年度执法计划安排对${f.enterprise.name}开展粉尘防爆专项检查。`,
      '请在系统中完成检查计划、现场检查、隐患认定和文书制作，并在整改期满后复查。',
    ]),
  machineInput: (f): InspectionInput => ({ authority: f.authority.abbreviation, counters: f.counters, siteItemIds: f.items.map((i) => i.id) }),
  steps: inspectionSteps,
  hints: [
    { id: 'team', stepId: 'start', text: '核对每名执法人员的执法证件有效期；证件过期的人员不能参加检查。', cost: 5 },
    { id: 'major', stepId: 'findings', text: '铝粉尘属于可燃性金属粉尘，对照判定标准中"存在粉尘爆炸危险的工贸企业"各项逐一判断。', cost: 5 },
    { id: 'measures', stepId: 'measures', text: '重大事故隐患排除前无法保证安全的，先开具现场处理措施决定书，再开具责令限期整改指令书。', cost: 5 },
    { id: 'recheck', stepId: 'recheck', text: '复查应在整改期满后7日内进行，如实记录每项隐患的整改情况。', cost: 3 },
  ],
  rubric: [
    r.validTeam(10),
    r.majorRecognised(20),
    r.majorClause(10),
    r.generalFound(10),
    r.noFalseFinding(5),
    r.onSiteMeasures(15),
    r.orderComplete(5),
    r.deadline(10),
    r.signature(5),
    r.recheckInTime(5),
    r.recheckResult(5),
  ],
  modelAnswer: (f) => inspectionModelAnswer(f),
  alternativeAnswers: (f) => inspectionAlternatives(f, inspectionModelAnswer(f)),
};
