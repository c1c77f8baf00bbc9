/** 有限空间作业执法检查: a brewery's wastewater pool and fermentation tanks. */
import { createPrng } from '../prng';
import { generateUscc } from '../lib/uscc';
import type { ScenarioDefinition } from '../types';
import { inspectionAlternatives, inspectionMaterials, inspectionModelAnswer, inspectionRubric as r, inspectionSteps, type InspectionFixture } from '../kit/inspection-kit';
import { address, authorityOf, mobile, officerTeam, onWorkingDay, personNames, startDate, startingCounters, tradeName } from '../kit/people';
import { addDays } from '../workflow/working-days';
import type { InspectionInput } from '../workflow/inspection-machine';
import { buildRecheck, buildSite, type Template } from '../inspect-dust-explosion';

const MAJORS: Template[] = [
  {
    id: 'entry-procedure',
    area: '污水处理池',
    checklist: '有限空间作业是否审批，是否"先通风、再检测、后作业"，是否设监护人',
    bad: '2名工人正在污水处理池内清淤，未办理作业审批，未进行气体检测，池口无监护人员',
    ok: '清淤作业已办理审批，作业前通风并检测硫化氢浓度合格，池口有专人监护',
    fixed: '已建立作业审批制度，配备气体检测仪并指定监护人',
    badVerdict: 'major',
    clause: 'C2',
    measures: ['withdrawWorkers'],
    basis: '《安全生产法》第四十三条',
  },
  {
    id: 'space-ledger',
    area: '有限空间管理',
    checklist: '是否辨识有限空间、建立台账并设置警示标志',
    bad: '企业未辨识发酵罐、污水池等有限空间，无管理台账，现场未设警示标志',
    ok: '已建立有限空间台账，发酵罐、污水池入口设有"有限空间 未经许可严禁入内"警示标志',
    fixed: '已完成辨识、建立台账并设置警示标志',
    badVerdict: 'major',
    clause: 'C1',
    measures: ['suspendProduction'],
    basis: '《安全生产法》第四十一条',
  },
  {
    id: 'contractor',
    area: '外包清淤作业',
    checklist: '是否对承包单位统一协调管理并定期安全检查',
    bad: '污水池清淤外包给一家劳务公司，未签订安全管理协议，未对其作业进行协调管理和安全检查',
    ok: '与承包单位签订了安全管理协议，指定专人协调并检查外包作业',
    fixed: '已签订安全管理协议并指定专人管理',
    badVerdict: 'major',
    clause: 'G1',
    measures: ['withdrawWorkers', 'suspendProduction'],
    basis: '《安全生产法》第四十九条',
  },
];

const GENERALS: Template[] = [
  {
    id: 'gas-detector',
    area: '检测与防护设备',
    checklist: '是否配备符合标准的气体检测报警仪和呼吸防护用品',
    bad: '仅有的一台便携式气体检测仪已超过检定有效期，无正压式空气呼吸器',
    ok: '配备在检定有效期内的四合一气体检测仪和正压式空气呼吸器',
    fixed: '检测仪已送检，购置了空气呼吸器',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第三十六条、第四十五条',
  },
  {
    id: 'drill',
    area: '应急管理',
    checklist: '是否制定有限空间作业应急预案并定期演练',
    bad: '有有限空间作业应急预案，但近两年无演练记录',
    ok: '有限空间应急预案每半年演练一次，记录齐全',
    fixed: '已组织演练并留存记录',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第八十一条',
  },
  {
    id: 'training',
    area: '安全培训档案',
    checklist: '是否对有限空间作业人员进行专项安全培训并如实记录',
    bad: '清淤作业人员无有限空间专项安全培训记录',
    ok: '作业人员、监护人员均有专项培训记录',
    fixed: '已完成专项培训并建档',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第二十八条',
  },
  {
    id: 'warning-signs',
    area: '酒糟库',
    checklist: '是否在危险场所设置明显的安全警示标志',
    bad: '酒糟发酵区域入口未设置"当心中毒""当心缺氧"警示标志',
    ok: '酒糟发酵区域入口设有"当心中毒""当心缺氧"警示标志',
    fixed: '已设置警示标志',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第三十五条',
  },
];

function fixture(seed: string): InspectionFixture {
  const prng = createPrng(`inspect-confined-space:${seed}`);
  const divisionCode = prng.pick(['130303', '130304', '130321', '130322']);
  const [legal, principal, safety] = personNames(prng, 3) as [string, string, string];
  const plannedOn = startDate(prng);
  const inspectionOn = onWorkingDay(addDays(plannedOn, prng.int(0, 3)));
  const { items, fixedText } = buildSite(prng, MAJORS, GENERALS, 2);
  const enterprise = {
    name: `秦皇岛${tradeName(prng)}酒业有限公司`,
    uscc: generateUscc(prng, divisionCode),
    divisionCode,
    registeredAddress: address(prng, divisionCode),
    operatingAddress: address(prng, divisionCode),
    legalRepresentative: legal,
    principal,
    principalPhone: mobile(prng),
    safetyManager: safety,
    safetyManagerPhone: mobile(prng),
    employees: prng.int(50, 300),
    industryCode: 'C1512',
  };
  return {
    enterprise,
    enterpriseSummary: '白酒生产企业，有发酵罐、酒糟库和污水处理池，涉及有限空间作业（硫化氢、一氧化碳中毒和缺氧风险）。',
    authority: authorityOf(enterprise),
    officers: officerTeam(prng, 3, inspectionOn, prng.int(0, 2)),
    plannedOn,
    inspectionOn,
    items,
    clauseGroups: ['管理类', '有限空间'],
    signature: prng.next() < 0.4 ? 'refused' : 'signed',
    rectifyDays: prng.int(7, 30),
    recheck: buildRecheck(prng, items, fixedText),
    counters: startingCounters(prng, Number(inspectionOn.slice(0, 4))),
  };
}

export const inspectConfinedSpace: ScenarioDefinition<InspectionFixture, 'inspection'> = {
  id: 'inspect-confined-space',
  version: 1,
  title: '有限空间作业执法检查',
  brief:
    '对一家白酒企业开展有限空间作业专项检查。检查中可能正好遇到有人在池内作业：依法判定重大事故隐患（2023年判定标准有限空间专项、管理类），立即采取现场处理措施，制作检查记录和整改指令书，并按时复查。',
  skill: 'inspection',
  workflow: 'inspection',
  estimatedMinutes: 25,
  assessmentTimeLimitMinutes: 40,
  fixture,
  materials: (f) => inspectionMaterials(f, [`${f.authority.name}安排对${f.enterprise.name}开展有限空间作业专项检查。`, '请完成检查计划、现场检查、隐患认定、文书制作和复查。']),
  machineInput: (f): InspectionInput => ({ authority: f.authority.abbreviation, counters: f.counters, siteItemIds: f.items.map((i) => i.id) }),
  steps: inspectionSteps,
  hints: [
    { id: 'major', stepId: 'findings', text: '有限空间的两项重大事故隐患：未辨识、无台账且无警示标志；作业未审批、未"先通风再检测后作业"或无监护人。外包作业未统一协调管理属于管理类重大隐患。', cost: 5 },
    { id: 'measures', stepId: 'measures', text: '有人正在有限空间内作业且无法保证安全的，应立即撤出作业人员。', cost: 5 },
    { id: 'signature', stepId: 'record', text: '被检查单位负责人拒绝签字的，检查人员将情况记录在案并向本部门报告。', cost: 3 },
  ],
  rubric: [
    r.validTeam(10),
    r.majorRecognised(15),
    r.majorClause(10),
    r.generalFound(10),
    r.noFalseFinding(5),
    r.onSiteMeasures(15),
    r.measureFits(5),
    r.orderComplete(5),
    r.deadline(10),
    r.signature(5),
    r.recheckInTime(5),
    r.recheckResult(5),
  ],
  modelAnswer: (f) => inspectionModelAnswer(f),
  alternativeAnswers: (f) => inspectionAlternatives(f, inspectionModelAnswer(f)),
};
