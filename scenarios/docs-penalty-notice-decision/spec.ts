/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'docs-penalty-notice-decision',
  version: 3,
  workflow: 'case',
  skill: 'documents',
  title: '文书制作：行政处罚告知书与决定书',
  brief:
    '案件已经立案并调查终结。请制作行政处罚告知书（处罚依据与档次、拟罚款金额、听证权利、按工作日计算的陈述申辩和听证申请期限），登记当事人的陈述申辩并复核，在期限届满后制作并送达行政处罚决定书（复核意见、责令改正、缴款期限、复议和诉讼期限），登记缴款并报负责人批准结案。',
  estimatedMinutes: 20,
  assessmentTimeLimitMinutes: 30,
  taskLines: [
    '{企业}未提供劳动防护用品一案已由{机关}立案并调查终结（询问笔录、检查笔录已完成）。',
    '请制作告知书和决定书，并完成送达、执行和结案。',
  ],
  enterprise: {
    namePattern: '秦皇岛{字号}食品有限公司',
    industryCode: 'C1353',
    sector: '轻工',
    summary: '肉制品加工企业，分割车间使用切割设备，冷库使用液氨制冷。',
  },
  violation: { id: 'ppeNotProvided', tier: 'first' },
  facts:
    '执法人员检查时发现，该公司分割车间12名作业人员未配备符合国家标准的防切割手套和防滑鞋，未为从业人员提供符合国家标准或者行业标准的劳动防护用品。',
  amounts: [30_000, 35_000, 40_000, 45_000],
  statements: [
    {
      text: '防护用品已于检查次日全部配发，请求从轻处罚。',
      review: 'partlyAdopted',
      reviewReason: '当事人检查后及时配发防护用品，已在拟处罚款数额中予以考虑；违法事实清楚，维持拟处罚意见。',
    },
    {
      text: '公司首次违法，已立即改正。',
      review: 'rejected',
      reviewReason: '立即改正已在拟处罚款数额中考虑，不符合《行政处罚法》第三十三条不予处罚的情形，维持拟处罚意见。',
    },
  ],
  hearingRequested: false,
  preset: 'throughInvestigation',
  hints: [
    {
      id: 'days',
      stepId: 'notice',
      text: '陈述申辩期限按3个工作日、听证申请期限按5个工作日计算，遇法定节假日顺延。',
      cost: 5,
    },
    { id: 'appeal', stepId: 'decision', text: '行政复议期限为60日，行政诉讼期限为6个月，缴款期限为15日。', cost: 5 },
    {
      id: 'statement',
      stepId: 'statement',
      text: '当事人提出陈述、申辩的，先登记，再在决定书中写明复核意见；不得因当事人申辩而加重处罚。',
      cost: 5,
    },
  ],
  rubric: [
    { item: 'noticeDeadlines', weight: 15 },
    { item: 'hearingRight', weight: 10 },
    { item: 'article', weight: 10 },
    { item: 'tier', weight: 10 },
    { item: 'statementHeard', weight: 15 },
    { item: 'appealInfo', weight: 10 },
    { item: 'service', weight: 5 },
    { item: 'surcharge', weight: 10 },
    { item: 'legalReview', weight: 5 },
    { item: 'collectiveDiscussion', weight: 5 },
    { item: 'decisionKind', weight: 5 },
  ],
  unreachableStates: [
    { state: 'transferred', reason: '本案事实不具备犯罪构成要件（没有现实危险或者严重后果），不移送司法机关' },
  ],
  alternatives: [{ hearing: true }],
} satisfies ScenarioSpecInput;
