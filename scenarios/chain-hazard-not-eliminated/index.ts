/** 复查转立案：工贸企业的一般事故隐患逾期未消除，单位拒不执行（《安全生产法》第一百零二条，双罚）. */
import type { ScenarioDefinition } from '../types';
import type { Template } from '../workflows/inspection/kit';
import {
  recheckCaseAlternatives,
  recheckCaseAnswer,
  recheckCaseFixture,
  recheckCaseInput,
  recheckCaseMaterials,
  recheckCasePreset,
  recheckCaseRubric as r,
  recheckCaseSteps,
  type RecheckCaseFixture,
} from '../workflows/recheckCase/kit';

/** Ordinary hazards of a machinery workshop (一般事故隐患: unsafe states of the site). */
const WORKSHOP_HAZARDS: Template[] = [
  {
    id: 'guard-missing',
    area: '机加工车间',
    checklist: '机床传动部位防护罩是否完好',
    bad: '3号车床皮带传动部位防护罩被拆除，传动皮带外露',
    ok: '车床传动部位防护罩齐全、固定可靠',
    fixed: '防护罩已恢复安装并固定',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第三十六条第一款',
    nature: 'hazard',
  },
  {
    id: 'exit-blocked',
    area: '成品库房',
    checklist: '安全出口、疏散通道是否畅通',
    bad: '库房东侧安全出口被成品货架堵塞，疏散通道宽度不足0.5米',
    ok: '安全出口和疏散通道畅通，标志清晰',
    fixed: '货架已移除，疏散通道已清理畅通',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第四十二条第二款',
    nature: 'hazard',
  },
  {
    id: 'crane-limit',
    area: '装配车间',
    checklist: '桥式起重机限位器是否有效',
    bad: '5吨桥式起重机上升限位器失效，吊钩可冲顶',
    ok: '起重机各限位器动作灵敏有效',
    fixed: '上升限位器已更换并经试验有效',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第三十六条第二款',
    nature: 'hazard',
  },
  {
    id: 'cable-damaged',
    area: '焊接工位',
    checklist: '临时用电线路是否规范',
    bad: '焊机电源线绝缘层破损，裸露导线直接拖地',
    ok: '焊机电源线完好，架空敷设',
    fixed: '已更换电源线并架空敷设',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第三十六条第二款',
    nature: 'hazard',
  },
];

function fixture(seed: string): RecheckCaseFixture {
  return recheckCaseFixture(seed, {
    scenarioId: 'chain-hazard-not-eliminated',
    divisionCodes: ['130302', '130303', '130304', '130306', '130321'],
    nameSuffix: '机械制造有限公司',
    industryCode: 'C3411',
    enterpriseSummary: '机械加工企业（工贸行业），设机加工、装配车间和成品库房。',
    templates: WORKSHOP_HAZARDS,
    rectifiedCount: 0,
    refused: true,
    recheckNote:
      '复查时，该单位主要负责人称"整改影响生产，不准备整改"，拒绝在整改复查意见书上签收；经查，该单位在整改期限内未采取任何整改措施，拒不执行责令限期整改指令。',
    // 拒不执行: the case review proposes the highest fine the article allows on the unit.
    amounts: [50_000],
    statements: [
      {
        text: '整改需要停机改造，公司订单紧张，请求延期整改、从轻处罚。',
        review: 'rejected',
        reviewReason: '整改期限内未采取任何措施，复查时明确表示不整改，属于拒不执行，不予采纳。',
      },
      {
        text: '防护设施系员工私自拆除，公司不知情。',
        review: 'rejected',
        reviewReason: '生产经营单位对本单位事故隐患负有排查治理责任，且指令书送达后仍未整改，不予采纳。',
      },
    ],
    hearingArguments: '公司已开始整改，请求不予停产停业整顿。',
  });
}

export const chainHazardNotEliminated: ScenarioDefinition<RecheckCaseFixture, 'recheckCase'> = {
  id: 'chain-hazard-not-eliminated',
  version: 1,
  title: '复查转立案：事故隐患逾期未消除且拒不执行',
  brief:
    '你们在检查一家机械制造企业时发现两处一般事故隐患，已开具责令限期整改指令书。整改期满后请按时复查，如实开具整改复查意见书；隐患仍未消除的，依照《安全生产法》第一百零二条立案查处：调查取证、告知（注意停产停业整顿和听证权利）、听取陈述申辩，经法制审核和负责人集体讨论后作出并送达行政处罚决定书。注意单位拒不执行时对直接责任人员的罚款（双罚）。',
  skill: 'case',
  workflow: 'recheckCase',
  estimatedMinutes: 35,
  assessmentTimeLimitMinutes: 50,
  fixture,
  materials: (f) =>
    recheckCaseMaterials(f, [
      `你是${f.inspection.authority.name}的执法人员，负责对${f.inspection.enterprise.name}的整改情况复查，并办理由此立案的案件。`,
      '按《行政处罚法》普通程序办理，文书期限按法律规定计算。',
    ]),
  machineInput: recheckCaseInput,
  presetEvents: recheckCasePreset,
  steps: recheckCaseSteps,
  hints: [
    {
      id: 'article102',
      stepId: 'notice',
      text: '第一百零二条：未采取措施消除事故隐患的，责令立即消除或者限期消除，处五万元以下的罚款；拒不执行的，责令停产停业整顿，对直接负责的主管人员和其他直接责任人员处五万元以上十万元以下的罚款。',
      cost: 5,
    },
    {
      id: 'hearing',
      stepId: 'notice',
      text: '拟责令停产停业整顿的，无论罚款多少，都须告知听证权利（《行政处罚法》第六十三条）。',
      cost: 5,
    },
    {
      id: 'recheck',
      stepId: 'recheck',
      text: '复查在整改期限届满后进行：期满当日及以前不能复查，期满后7日内完成。',
      cost: 3,
    },
  ],
  rubric: [
    r.hearingRight(10),
    r.legalReview(10),
    r.collectiveDiscussion(5),
    r.recheckInTime(10),
    r.recheckResult(10),
    r.article(10),
    r.tier(15),
    r.unitFine(5),
    r.personFines(15),
    r.decisionKind(5),
    r.statementHeard(5),
  ],
  modelAnswer: (f) => recheckCaseAnswer(f),
  alternativeAnswers: recheckCaseAlternatives,
};
