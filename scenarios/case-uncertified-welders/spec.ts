/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'case-uncertified-welders',
  version: 3,
  workflow: 'case',
  skill: 'case',
  title: '全流程案件：特种作业人员无证上岗（听证）',
  brief:
    '一家钢结构企业安排未取得特种作业操作证的焊工上岗。请办理全案：立案、调查取证、告知（拟处较大数额罚款，须告知听证权利）、当事人要求听证后依法通知并举行听证、作出并送达行政处罚决定书、登记缴款、结案。',
  estimatedMinutes: 35,
  assessmentTimeLimitMinutes: 50,
  taskLines: [
    '你是{机关}的执法人员，承办{企业}特种作业人员未持证上岗一案。',
    '当事人将依法要求听证，请按听证程序办理。',
  ],
  draws: [{ kind: 'int', name: '焊工人数', min: 2, max: 4 }],
  enterprise: {
    namePattern: '秦皇岛{字号}钢结构有限公司',
    industryCode: 'C3311',
    sector: '机械',
    summary: '钢结构制造企业，车间内有焊接、切割和起重作业。',
  },
  violation: { id: 'uncertifiedSpecialOperators', tier: 'first' },
  facts:
    '执法人员检查时发现，该公司{焊工人数}名电焊工未经专门的安全作业培训、未取得特种作业操作证即上岗从事焊接与热切割作业（同时构成《工贸企业重大事故隐患判定标准》第三条第（二）项规定的重大事故隐患）。',
  amounts: [30_000, 50_000, 60_000, 80_000],
  statements: [
    {
      text: '相关焊工已报名参加培训考试，请求减轻处罚。',
      review: 'rejected',
      reviewReason: '报名参加培训不能改变无证上岗的事实，不属于应当从轻或者减轻处罚的情形，维持拟处罚意见。',
    },
  ],
  hearingArguments:
    '当事人对无证上岗的事实无异议，称已安排焊工参加培训考试，请求减轻处罚；调查人员出示了检查笔录、询问笔录和操作证查询记录。',
  hearingRequested: true,
  preset: 'none',
  hints: [
    {
      id: 'article',
      stepId: 'file',
      text: '特种作业人员未按照规定经专门的安全作业培训并取得相应资格上岗作业，适用《安全生产法》第九十七条。',
      cost: 5,
    },
    { id: 'hearing', stepId: 'hearingSchedule', text: '行政机关应当在举行听证的七日前通知当事人（工作日）。', cost: 5 },
    {
      id: 'surcharge',
      stepId: 'payment',
      text: '缴款期限为收到决定书之日起十五日，逾期每日加处罚款数额的3%，不超过罚款数额。',
      cost: 3,
    },
  ],
  rubric: [
    { item: 'article', weight: 10 },
    { item: 'tier', weight: 10 },
    { item: 'hearingRight', weight: 10 },
    { item: 'hearingProcedure', weight: 15 },
    { item: 'statementHeard', weight: 10 },
    { item: 'noticeDeadlines', weight: 5 },
    { item: 'appealInfo', weight: 5 },
    { item: 'service', weight: 5 },
    { item: 'surcharge', weight: 10 },
    { item: 'legalReview', weight: 10 },
    { item: 'collectiveDiscussion', weight: 5 },
    { item: 'decisionKind', weight: 5 },
  ],
  unreachableStates: [
    { state: 'transferred', reason: '本案事实不具备犯罪构成要件（没有现实危险或者严重后果），不移送司法机关' },
  ],
  alternatives: [{ hearing: false }],
} satisfies ScenarioSpecInput;
