/** 复查转立案：两项一般事故隐患复查时一项已整改、一项逾期未消除，单位未拒不执行（《安全生产法》第一百零二条第一档）. */
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

/** Ordinary hazards of a furniture workshop (一般事故隐患). */
const FURNITURE_HAZARDS: Template[] = [
  {
    id: 'saw-guard',
    area: '木工车间',
    checklist: '木工圆锯机是否装设防护罩和分料刀',
    bad: '2号木工圆锯机防护罩缺失，未装分料刀',
    ok: '圆锯机防护罩、分料刀齐全有效',
    fixed: '已加装防护罩和分料刀',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第三十六条第一款',
    nature: 'hazard',
  },
  {
    id: 'forklift',
    area: '原料堆场',
    checklist: '叉车等场内机动车辆是否定期检验',
    bad: '一台内燃叉车定期检验已过期4个月，仍在使用',
    ok: '场内叉车均在检验有效期内',
    fixed: '叉车已经特种设备检验机构检验合格',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第三十六条第二款',
    nature: 'hazard',
  },
  {
    id: 'wiring',
    area: '油漆车间',
    checklist: '电气线路是否符合防爆要求',
    bad: '油漆车间内敷设普通照明灯具和明线，插座无防爆措施',
    ok: '油漆车间采用防爆灯具和防爆接线盒',
    fixed: '已更换为防爆灯具并穿管敷设线路',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第三十六条第一款',
    nature: 'hazard',
  },
  {
    id: 'fire-lane',
    area: '成品仓库',
    checklist: '消防车通道、疏散通道是否畅通',
    bad: '仓库北侧疏散通道堆放包装材料，通道被占用',
    ok: '疏散通道畅通，未堆放物品',
    fixed: '通道内包装材料已清走',
    badVerdict: 'general',
    clause: null,
    measures: [],
    basis: '《安全生产法》第四十二条第二款',
    nature: 'hazard',
  },
];

function fixture(seed: string): RecheckCaseFixture {
  return recheckCaseFixture(seed, {
    scenarioId: 'chain-rectified-partly',
    divisionCodes: ['130302', '130303', '130322', '130324'],
    nameSuffix: '家具有限公司',
    industryCode: 'C2110',
    enterpriseSummary: '木质家具制造企业（工贸行业），设木工、油漆车间和原料堆场、成品仓库。',
    templates: FURNITURE_HAZARDS,
    rectifiedCount: 1,
    refused: false,
    recheckNote:
      '复查时，该单位已对部分隐患进行整改，对未整改的一项称配件尚未到货，提交了书面说明，并在整改复查意见书上签收；未发现拒绝整改的情形。',
    amounts: [30_000, 35_000, 40_000, 45_000],
    statements: [
      {
        text: '未整改的隐患所需配件尚未到货，已在整改中，请求从轻处罚。',
        review: 'partlyAdopted',
        reviewReason:
          '当事人已对部分隐患整改，拟处罚款已考虑该情节；配件未到货不是逾期未消除隐患的正当理由，维持拟处罚意见。',
      },
    ],
    hearingArguments: '公司已整改大部分隐患，请求减轻处罚。',
  });
}

export const chainRectifiedPartly: ScenarioDefinition<RecheckCaseFixture, 'recheckCase'> = {
  id: 'chain-rectified-partly',
  version: 1,
  title: '复查转立案：部分隐患逾期未消除',
  brief:
    '一家家具企业被责令限期消除两处一般事故隐患。整改期满后请按时复查，对每一项如实记录整改情况；仍有隐患未消除的，依照《安全生产法》第一百零二条立案查处，判断单位是否属于拒不执行、适用哪一档处罚，依法告知、听取陈述申辩；属于较大数额罚款的，经法制审核和负责人集体讨论后作出并送达行政处罚决定书。',
  skill: 'case',
  workflow: 'recheckCase',
  estimatedMinutes: 30,
  assessmentTimeLimitMinutes: 45,
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
      id: 'per-item',
      stepId: 'recheck',
      text: '整改复查意见书逐项记录：已整改完毕的写明已整改，未整改的写明未整改，不能笼统结论。',
      cost: 3,
    },
    {
      id: 'refusal',
      stepId: 'notice',
      text: '逾期未消除不等于拒不执行：只有生产经营单位拒不执行责令消除的，才责令停产停业整顿并处罚责任人员（《安全生产法》第一百零二条）。',
      cost: 5,
    },
  ],
  rubric: [
    r.hearingRight(10),
    r.legalReview(10),
    r.collectiveDiscussion(5),
    r.recheckInTime(10),
    r.recheckResult(15),
    r.article(10),
    r.tier(15),
    r.unitFine(10),
    r.decisionKind(5),
    r.statementHeard(10),
  ],
  modelAnswer: (f) => recheckCaseAnswer(f),
  alternativeAnswers: recheckCaseAlternatives,
};
