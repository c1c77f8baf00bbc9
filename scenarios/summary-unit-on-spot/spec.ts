/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'summary-unit-on-spot',
  version: 1,
  workflow: 'summary',
  skill: 'documents',
  title: '文书制作：单位违法当场处罚',
  brief:
    '在一家小型机械加工企业现场发现配电室、空压机房未设置安全警示标志，违法事实确凿，当事人无异议。请按简易程序办理：出示执法证件并制作现场笔录，告知拟作出的处罚及事实、理由、依据和陈述申辩权利，听取并记录陈述申辩，当场制作并交付行政（当场）处罚决定书（罚款数额、缴纳方式、复议和诉讼期限），最后报所属行政机关备案。',
  estimatedMinutes: 15,
  assessmentTimeLimitMinutes: 25,
  taskLines: [
    '你是{机关}的执法人员，与同事一起到{企业}检查。',
    '违法事实确凿、当事人无异议的，按简易程序当场处罚，文书当场交付。',
  ],
  partyType: 'unit',
  enterprise: {
    namePattern: '秦皇岛{字号}机械加工有限公司',
    industryCode: 'C3311',
    sector: '机械',
    summary: '小型金属结构件加工企业，车间内有配电室和空气压缩机房。',
  },
  violationId: 'warningSignsMissing',
  facts:
    '该公司车间配电室门口和空气压缩机房入口未设置"当心触电""禁止入内"等安全警示标志，现场负责人当场承认未设置，执法人员对现场拍照取证。',
  amounts: [1000, 2000, 3000],
  guideline: '首次被发现、当场承认并表示立即改正的，对生产经营单位处{罚款金额}元罚款',
  statements: [
    { text: '警示标志装修时拆下后忘了装回，承认违法事实，马上补设，请求从轻处理。', disputesFacts: false },
    { text: '对检查发现的问题没有异议，今天下班前补设警示标志。', disputesFacts: false },
  ],
  referralReason: null,
  hints: [
    {
      id: 'limit',
      stepId: 'decision',
      text: '《行政处罚法》第五十一条：对法人或者其他组织当场处以罚款，不超过3,000元；罚款还须在《安全生产法》第九十九条"五万元以下"的幅度内。',
      cost: 5,
    },
    {
      id: 'payment',
      stepId: 'decision',
      text: '罚缴分离：当场收缴只限第六十八条（100元以下，或者事后难以执行）和第六十九条（边远、水上、交通不便地区）的情形；其余到指定银行或者电子支付缴纳，期限15日。',
      cost: 5,
    },
    {
      id: 'filing',
      stepId: 'file',
      text: '当场作出的处罚决定报所属行政机关备案（第五十二条第三款），本系统按5个工作日计算备案期限。',
      cost: 3,
    },
  ],
  rubric: [
    { item: 'credentials', weight: 10 },
    { item: 'rightsStated', weight: 15 },
    { item: 'statementHeard', weight: 15 },
    { item: 'amount', weight: 15 },
    { item: 'collection', weight: 15 },
    { item: 'decisionFields', weight: 15 },
    { item: 'filed', weight: 15 },
  ],

  alternatives: ['general'],
} satisfies ScenarioSpecInput;
