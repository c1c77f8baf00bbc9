/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'enforce-installments',
  version: 2,
  workflow: 'enforcement',
  skill: 'documents',
  title: '文书制作：延期（分期）缴纳罚款审批表与批准书',
  brief:
    '行政处罚决定书送达后，当事人以确有经济困难为由申请分期缴纳罚款。请审查申请，报负责人审批，制作延期（分期）缴纳罚款审批表和批准书（各期期限和数额、加处罚款标准），并登记当事人按期缴纳的各期罚款；按批准的计划缴纳期间不得催告，也不得加处罚款。',
  estimatedMinutes: 15,
  assessmentTimeLimitMinutes: 25,
  taskLines: ['{企业}在缴款期限内申请分期缴纳罚款，并提交了证明材料。', '请审查并制作审批表和批准书，登记各期缴款。'],
  course: 'installments',
  enterprise: {
    namePattern: '秦皇岛{字号}建材有限公司',
    industryCode: 'C3021',
    sector: '建材',
    summary: '水泥制品生产企业，设有煤磨和粉磨车间。',
  },
  violationId: 'hazardNotEliminated',
  facts:
    '执法人员复查时发现，该公司煤磨袋式收尘器未设置温度和一氧化碳监测装置的事故隐患，经责令限期整改后逾期仍未消除。',
  // 第一百零二条 fines the unit 五万元以下 in both tiers; version 1 drew 6万–12万元, outside the article.
  amounts: [20_000, 30_000, 40_000, 50_000],
  statements: [],
  hardship: [
    {
      reason: '受主要客户停产影响，连续两个季度亏损，账户资金不足以一次缴清罚款',
      evidence: '近两个季度财务报表、银行账户余额证明',
    },
    {
      reason: '厂区因汛期受灾停产一个月，流动资金紧张',
      evidence: '受灾情况说明、乡镇政府证明、银行账户余额证明',
    },
  ],
  hints: [
    {
      id: 'hardship',
      stepId: 'installment',
      text: '当事人确有经济困难的，经申请和行政机关负责人批准，可以暂缓或者分期缴纳；分期不减免罚款，各期之和等于罚款数额。',
      cost: 5,
    },
    {
      id: 'last',
      stepId: 'installment',
      text: '最后一期不要晚于申请人民法院强制执行的期限（复议、诉讼期限届满之日起3个月）。',
      cost: 5,
    },
    { id: 'surcharge', stepId: 'payment', text: '按批准的期限缴纳的分期款，不加处罚款。', cost: 5 },
  ],
  rubric: [
    { item: 'installment', weight: 40 },
    { item: 'surcharge', weight: 30 },
    { item: 'documentFields', weight: 30 },
  ],
  alternatives: true,
} satisfies ScenarioSpecInput;
