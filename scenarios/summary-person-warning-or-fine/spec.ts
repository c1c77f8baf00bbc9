/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'summary-person-warning-or-fine',
  version: 1,
  workflow: 'summary',
  skill: 'documents',
  title: '文书制作：个体经营者当场处罚',
  brief:
    '一家个体小吃店使用瓶装液化石油气却未安装可燃气体报警装置，经营者当场承认。请按简易程序办理，依法选择处罚种类（警告还是罚款，以《安全生产法》第九十九条为准）和数额（个体工商户按公民适用200元的当场处罚限额），当场制作并交付行政（当场）处罚决定书，确定合法的缴纳方式，并报所属行政机关备案。',
  estimatedMinutes: 15,
  assessmentTimeLimitMinutes: 25,
  taskLines: [
    '你是{机关}的执法人员，与同事一起对{企业}开展餐饮场所燃气安全检查。',
    '个体工商户是从事工商业经营的自然人（《民法典》第五十四条），当场处罚按公民的限额执行。',
  ],
  partyType: 'person',
  enterprise: {
    namePattern: '{字号}小吃店',
    industryCode: 'H6291',
    sector: '商贸',
    summary: '个体工商户，经营面积约40平方米的小吃店，后厨使用瓶装液化石油气。',
  },
  violationId: 'cateringGasAlarmMissing',
  facts: '该店后厨使用瓶装液化石油气灶具，未安装可燃气体报警装置。经营者当场承认一直未安装，执法人员对后厨拍照取证。',
  amounts: [150, 200],
  guideline: '个体经营者首次被发现且当场承认的，罚款{罚款金额}元',
  statements: [
    { text: '不知道要装报警器，承认没有装，这两天就去买了装上。', disputesFacts: false },
    { text: '报警器一直没装，没有异议，明天装好后拍照给你们。', disputesFacts: false },
  ],
  referralReason: null,
  hints: [
    {
      id: 'kind',
      stepId: 'notify',
      text: '《安全生产法》第九十九条对该行为规定"责令限期改正，处五万元以下的罚款"，没有规定警告；处罚种类须有法定依据。',
      cost: 5,
    },
    {
      id: 'limit',
      stepId: 'decision',
      text: '《行政处罚法》第五十一条：对公民当场处以罚款，不超过200元。',
      cost: 5,
    },
    {
      id: 'collection',
      stepId: 'decision',
      text: '当场收缴限于100元以下的罚款、事后难以执行或者边远地区；在固定门店经营的当事人，罚款到银行或者电子支付缴纳。',
      cost: 5,
    },
  ],
  rubric: [
    { item: 'credentials', weight: 10 },
    { item: 'rightsStated', weight: 10 },
    { item: 'statementHeard', weight: 10 },
    { item: 'amount', weight: 25 },
    { item: 'collection', weight: 20 },
    { item: 'decisionFields', weight: 15 },
    { item: 'filed', weight: 10 },
  ],
  alternatives: ['general'],
} satisfies ScenarioSpecInput;
