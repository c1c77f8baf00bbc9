/** 文书制作：涉氨制冷企业的现场检查记录、现场处理措施决定书、整改指令书和复查意见书. */
import type { ScenarioDefinition } from '../types';
import {
  inspectionAlternatives,
  inspectionMachineInput,
  inspectionMaterials,
  inspectionModelAnswer,
  inspectionRubric as r,
  inspectionSteps,
  presetThroughFindings,
  type InspectionFixture,
} from '../workflows/inspection/kit';
import { inspectionFixture, type Template } from '../workflows/inspection/fixture';

const MAJORS: Template[] = [
  {
    id: 'packing-ac',
    area: '分割包装车间',
    checklist: '包装、分割场所空调是否采用氨直接蒸发制冷',
    bad: '分割包装车间的空调系统采用氨直接蒸发制冷，冷风机设在车间顶部，当班有20余名工人',
    ok: '分割包装车间空调采用乙二醇载冷间接制冷',
    fixed: '已改为载冷剂间接制冷',
    badVerdict: 'major',
    clause: 'A1',
    measures: ['stopEquipment', 'withdrawWorkers'],
    basis: '《安全生产法》第四十一条第二款',
    nature: 'hazard',
  },
  {
    id: 'freezer-room',
    area: '速冻间',
    checklist: '快速冻结装置是否设在单独作业间，作业人员是否超过9人',
    bad: '螺旋速冻机与摆盘区同处一间，作业间内有14名工人',
    ok: '速冻装置设在单独作业间，当班作业人员6人',
    fixed: '速冻间已隔断，作业人员控制在9人以内',
    badVerdict: 'major',
    clause: 'A2',
    measures: ['withdrawWorkers'],
    basis: '《安全生产法》第四十一条第二款',
    nature: 'hazard',
  },
];

const GENERALS: Template[] = [
  {
    id: 'leak-alarm',
    area: '机房',
    checklist: '氨泄漏报警装置是否正常并定期检测',
    bad: '氨制冷机房的氨气浓度报警仪显示故障，无检测记录',
    ok: '氨气浓度报警仪工作正常，检测记录在有效期内',
    fixed: '报警仪已修复并送检',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第三十六条第二款',
    nature: 'hazard',
  },
  {
    id: 'respirator',
    area: '应急器材柜',
    checklist: '是否配备防毒面具、正压式空气呼吸器等防护用品',
    bad: '机房应急器材柜内的防毒面具滤毒罐已过期，无正压式空气呼吸器',
    ok: '配有在有效期内的防毒面具和正压式空气呼吸器',
    fixed: '已更换滤毒罐并配备空气呼吸器',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第四十五条',
    nature: 'hazard',
  },
  {
    id: 'ammonia-drill',
    area: '应急管理',
    checklist: '是否制定液氨泄漏专项应急预案并演练',
    bad: '未制定液氨泄漏专项应急预案',
    ok: '液氨泄漏专项预案每年演练，记录齐全',
    fixed: '已制定专项预案并组织演练',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第八十一条',
    nature: 'violation',
  },
  {
    id: 'warning-signs',
    area: '储氨器区域',
    checklist: '是否设置明显的安全警示标志',
    bad: '储氨器区域未设置"当心中毒""禁止烟火"警示标志',
    ok: '储氨器区域警示标志齐全',
    fixed: '已设置警示标志',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第三十五条',
    nature: 'hazard',
  },
];

function fixture(seed: string): InspectionFixture {
  return inspectionFixture(seed, {
    scenarioId: 'docs-ammonia-orders',
    divisionCodes: ['130302', '130303', '130322', '130324'],
    maxPlanDelayDays: 2,
    majors: MAJORS,
    generals: GENERALS,
    nameSuffix: '海产品有限公司',
    employees: [80, 400],
    industryCode: 'C1361',
    enterpriseSummary: '水产品冷冻加工企业，冷库、速冻和车间空调使用液氨制冷。',
    clauseGroups: ['管理类', '液氨制冷'],
    mayHaveExpiredOfficer: false,
    signatureRefusalRate: 0.4,
    rectifyDays: [10, 30],
  });
}

export const docsAmmoniaOrders: ScenarioDefinition<InspectionFixture, 'inspection'> = {
  id: 'docs-ammonia-orders',
  version: 2,
  title: '文书制作：涉氨企业检查文书',
  brief:
    '现场检查已完成，检查结论（含液氨制冷重大事故隐患）已录入系统。请依次制作现场检查记录（如实记录签字情况）、现场处理措施决定书（措施与隐患相适应）、责令限期整改指令书（列明全部隐患、期限合理），并在整改期满后复查、制作整改复查意见书。',
  skill: 'documents',
  workflow: 'inspection',
  estimatedMinutes: 20,
  assessmentTimeLimitMinutes: 30,
  fixture,
  materials: (f) =>
    inspectionMaterials(f, [
      `${f.authority.name}已对${f.enterprise.name}完成现场检查，检查结论如下（已录入系统）。`,
      '请制作检查文书并完成复查。',
    ]),
  machineInput: inspectionMachineInput,
  presetEvents: presetThroughFindings,
  steps: inspectionSteps,
  hints: [
    {
      id: 'order',
      stepId: 'measures',
      text: '现场处理措施决定书须在责令限期整改指令书之前作出，否则系统不再允许开具。',
      cost: 5,
    },
    {
      id: 'fit',
      stepId: 'measures',
      text: '人员聚集、超员的撤出作业人员；设备设施本身不安全的停止使用相关设施设备。',
      cost: 5,
    },
    { id: 'deadline', stepId: 'order', text: '整改期限一般不超过30日；复查在整改期满后7日内进行。', cost: 3 },
  ],
  rubric: [
    r.onSiteMeasures(20),
    r.measureFits(15),
    r.orderComplete(15),
    r.deadline(15),
    r.signature(10),
    r.recheckInTime(10),
    r.recheckResult(15),
  ],
  unreachableStates: [
    { state: 'planning', reason: '检查计划、现场检查和检查结论已预置' },
    { state: 'closedNoHazards', reason: '预置的检查结论中已有事故隐患，不能以"未发现隐患"结束' },
  ],
  modelAnswer: (f) => inspectionModelAnswer(f, 'record'),
  alternativeAnswers: (f) => inspectionAlternatives(f, inspectionModelAnswer(f, 'record')),
};
