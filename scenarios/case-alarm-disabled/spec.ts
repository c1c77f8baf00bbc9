/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'case-alarm-disabled',
  version: 3,
  workflow: 'case',
  skill: 'case',
  title: '全流程案件：报警装置关闭逾期未改正',
  brief:
    '一家炼钢企业关闭了煤气区域的一氧化碳报警装置，责令改正后逾期仍未改正。请从立案开始办理全案：立案审批、调查取证、行政处罚告知（注意听证权利和工作日期限）、登记陈述申辩、作出并送达行政处罚决定书、登记缴款（逾期的计算加处罚款），最后结案。',
  estimatedMinutes: 35,
  assessmentTimeLimitMinutes: 50,
  taskLines: [
    '你是{机关}的执法人员，承办{企业}逾期未改正违法行为一案。',
    '按《行政处罚法》普通程序办理，文书期限按法律规定计算。',
  ],
  enterprise: {
    namePattern: '秦皇岛{字号}特钢有限公司',
    industryCode: 'C3120',
    sector: '冶金',
    summary: '炼钢企业，转炉煤气回收区域设有值班室和固定式一氧化碳报警装置。',
  },
  violation: { id: 'safetyDeviceDisabled', tier: 'uncorrected' },
  facts:
    '执法人员检查时发现，该公司转炉煤气区域值班室的固定式一氧化碳报警装置被人为关闭，已责令限期改正；整改期满复查时，报警装置仍处于关闭状态，逾期未改正。',
  amounts: [60_000, 80_000, 100_000, 120_000],
  statements: [
    {
      text: '报警装置误报频繁影响生产，已安排厂家检修，请求从轻处罚。',
      review: 'rejected',
      reviewReason: '误报应当及时检修，不是关闭报警装置的理由；逾期仍未改正，维持拟处罚意见。',
    },
    {
      text: '关闭报警装置系个别员工所为，公司已对其处理。',
      review: 'rejected',
      reviewReason: '生产经营单位对本单位安全设备负有管理责任，员工行为不能免除单位责任，维持拟处罚意见。',
    },
  ],
  hearingRequested: false,
  crimeAssessment:
    '经核查：报警装置关闭期间，值班室和煤气回收区域一氧化碳浓度检测正常，区域内无人作业，未发现具有发生重大伤亡事故的现实危险，不涉嫌犯罪。',
  preset: 'none',
  hints: [
    {
      id: 'tier',
      stepId: 'notice',
      text: '第九十九条分两档：首次责令限期改正可处五万元以下罚款；逾期未改正的处五万元以上二十万元以下罚款。',
      cost: 5,
    },
    {
      id: 'days',
      stepId: 'notice',
      text: '《行政处罚法》第八十五条：三日、五日、七日指工作日，不含法定节假日，期间开始之日不计算在内。',
      cost: 5,
    },
    {
      id: 'surcharge',
      stepId: 'payment',
      text: '缴款期限为收到决定书之日起十五日，最后一日为节假日的顺延；逾期每日加处罚款数额的3%。',
      cost: 3,
    },
  ],
  rubric: [
    { item: 'legalReview', weight: 5 },
    { item: 'collectiveDiscussion', weight: 5 },
    { item: 'appealInfo', weight: 5 },
    { item: 'article', weight: 10 },
    { item: 'tier', weight: 10 },
    { item: 'hearingRight', weight: 10 },
    { item: 'noticeDeadlines', weight: 10 },
    { item: 'statementHeard', weight: 10 },
    { item: 'service', weight: 5 },
    { item: 'surcharge', weight: 10 },
    { item: 'personFines', weight: 15 },
    { item: 'decisionKind', weight: 5 },
  ],
  unreachableStates: [
    { state: 'transferred', reason: '本案事实不具备犯罪构成要件（没有现实危险或者严重后果），不移送司法机关' },
  ],
  alternatives: [{ hearing: true }],
} satisfies ScenarioSpecInput;
