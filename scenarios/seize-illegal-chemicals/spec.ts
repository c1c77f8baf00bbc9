/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

const KEPT = '本机关委托的危险化学品专用仓库（第三人保管，费用由本机关承担）';

export const spec = {
  id: 'seize-illegal-chemicals',
  version: 1,
  workflow: 'seizure',
  skill: 'case',
  title: '案件办理：扣押无证经营的危险化学品',
  brief:
    '一家五金建材公司未取得危险化学品经营许可证，在仓库储存并销售稀释剂、丙酮。请依法扣押：报负责人批准，实施并制作现场笔录，当场交付扣押决定书和清单；事实在30日内查不清的，须在期限届满前经负责人批准延长（不超过30日）并书面告知当事人，最后在期限内作出没收的处理决定。',
  estimatedMinutes: 25,
  assessmentTimeLimitMinutes: 35,
  taskLines: [
    '你是{机关}的执法人员，检查{企业}时发现其无证储存、经营危险化学品。',
    '请依照《安全生产法》第六十五条第一款第（四）项、《行政强制法》和《危险化学品安全管理条例》办理扣押和处理。',
  ],
  enterprise: {
    namePattern: '秦皇岛{字号}五金建材有限公司',
    industryCode: 'F5211',
    sector: '商贸',
    summary: '经营五金、建材和装饰材料的商贸企业，营业执照经营范围不含危险化学品，未取得危险化学品经营许可证。',
    divisionCodes: ['130302', '130303', '130304', '130321'],
    employees: [6, 25],
  },
  seizable: [
    {
      id: 'thinner',
      area: '后院仓库',
      name: '油漆稀释剂（天那水）',
      spec: '16升铁桶装，标签标明易燃液体',
      quantity: [20, 40],
      unit: '桶',
      observation: '仓库内码放待售的油漆稀释剂，包装标签标明"易燃液体"，企业不能出示危险化学品经营许可证',
      category: 'illegalGoods',
      basis:
        '未取得危险化学品经营许可证经营、储存危险化学品，违反《危险化学品安全管理条例》第三十三条第一款"未经许可，任何单位和个人不得经营危险化学品"的规定',
      mode: 'detain',
      keptAt: KEPT,
    },
    {
      id: 'acetone',
      area: '后院仓库',
      name: '丙酮',
      spec: '25升塑料桶装',
      quantity: [8, 16],
      unit: '桶',
      observation: '仓库角落存放待售的丙酮，有近期的销售单据，企业不能出示危险化学品经营许可证',
      category: 'illegalGoods',
      basis:
        '未取得危险化学品经营许可证经营、储存危险化学品，违反《危险化学品安全管理条例》第三十三条第一款"未经许可，任何单位和个人不得经营危险化学品"的规定',
      mode: 'detain',
      keptAt: KEPT,
    },
  ],
  others: [
    {
      id: 'latex-paint',
      area: '店面',
      name: '水性乳胶漆',
      spec: '18升塑料桶装',
      quantity: [20, 50],
      unit: '桶',
      observation: '店面货架上的水性乳胶漆，化学品安全技术说明书显示不属于危险化学品',
      category: 'ok',
      basis: '不属于危险化学品',
      mode: 'detain',
      keptAt: '原处',
    },
    {
      id: 'exit-boxes',
      area: '店面',
      name: '瓷砖包装箱',
      spec: '800×800毫米瓷砖',
      quantity: [10, 30],
      unit: '箱',
      observation: '店面后门（安全出口）被瓷砖包装箱堵塞',
      category: 'hazard',
      basis: '违反《安全生产法》第四十二条第二款（禁止占用、封堵出口、疏散通道），应责令立即清理',
      mode: 'detain',
      keptAt: '原处',
    },
    {
      id: 'power-strips',
      area: '后院仓库',
      name: '临时电源线和拖线板',
      spec: '民用拖线板',
      quantity: [1, 3],
      unit: '套',
      observation: '仓库内私拉临时电源线，拖线板放在地面上',
      category: 'hazard',
      basis: '临时用电不规范，属一般事故隐患，应责令立即拆除',
      mode: 'detain',
      keptAt: '原处',
    },
  ],
  statements: [
    '稀释剂和丙酮是帮装修队代购的，量不大，不知道需要许可证。',
    '这些货是别人寄存的，不是我们卖的。',
    '我们正在办理经营许可证，请求先不要扣押。',
  ],
  reportReason:
    '执法人员检查发现该单位未取得危险化学品经营许可证，在后院仓库储存并销售油漆稀释剂、丙酮等危险化学品，属于违法储存、经营的危险物品。',
  signatureRefusalRate: 0.4,
  course: {
    kind: 'confiscate',
    days: [35, 48],
    extensionReason:
      '扣押的危险化学品来源和销售去向涉及多家供货单位和购买单位，需逐一调取进货单据、核对销售记录，原期限内无法查清违法事实',
    facts:
      '经调取进货单据、销售记录并询问有关人员，查明该公司未取得危险化学品经营许可证，持续经营油漆稀释剂、丙酮等危险化学品，违法事实清楚，证据确凿。',
    reason:
      '你单位未取得危险化学品经营许可证，擅自储存、经营油漆稀释剂、丙酮等危险化学品，有进货单据、销售记录和询问笔录等证据证实，扣押的危险化学品属于违法经营的危险化学品',
    basis: '《危险化学品安全管理条例》第七十七条第三款',
  },
  hints: [
    {
      id: 'scope',
      stepId: 'record',
      text: '可以扣押的是违法储存、经营的危险物品；不属于危险化学品的货物和堵塞出口等一般隐患不能扣押。',
      cost: 5,
    },
    {
      id: 'extend',
      stepId: 'extend',
      text: '情况复杂的，在期限届满前经负责人批准可延长一次，不超过30日，并书面告知当事人、说明理由（《行政强制法》第二十五条）。',
      cost: 5,
    },
    {
      id: 'confiscate',
      stepId: 'outcome',
      text: '未取得经营许可证经营危险化学品的，没收违法经营的危险化学品（《危险化学品安全管理条例》第七十七条第三款）；处理决定须在期限内作出。',
      cost: 5,
    },
  ],
  rubric: [
    { item: 'validTeam', weight: 10 },
    { item: 'approvedBefore', weight: 10 },
    { item: 'seizableOnly', weight: 15 },
    { item: 'listComplete', weight: 10 },
    { item: 'period', weight: 10 },
    { item: 'extension', weight: 15 },
    { item: 'outcomeInTime', weight: 15 },
    { item: 'rightOutcome', weight: 15 },
  ],
  alternatives: true,
} satisfies ScenarioSpecInput;
