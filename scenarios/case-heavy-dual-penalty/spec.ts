/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'case-heavy-dual-penalty',
  version: 1,
  workflow: 'case',
  skill: 'case',
  title: '全流程案件：逾期未改正的双罚（法制审核、集体讨论、听证）',
  brief:
    '一家机械企业被责令改正后仍安排无证焊工作业。请办理全案：告知对单位和直接责任人员的罚款（双罚）及听证权利，依法举行听证，经法制审核和负责人集体讨论后作出并送达决定书，登记缴款、结案。',
  estimatedMinutes: 45,
  assessmentTimeLimitMinutes: 60,
  taskLines: [
    '你是{机关}的执法人员，承办{企业}逾期未改正特种作业人员无证上岗一案。',
    '当事人将依法要求听证；作出决定前须依法进行法制审核并提请负责人集体讨论。',
  ],
  draws: [{ kind: 'int', name: 'workers', min: 2, max: 4 }],
  enterprise: {
    namePattern: '秦皇岛{字号}重型机械有限公司',
    industryCode: 'C3431',
    sector: '机械',
    summary: '重型机械制造企业，结构车间有焊接、切割作业，车间主任负责安排作业人员。',
  },
  violation: { id: 'uncertifiedSpecialOperators', tier: 'uncorrected' },
  facts:
    '执法人员检查时发现，该公司{workers}名焊工未取得特种作业操作证即上岗作业，已责令限期改正；整改期满复查时，主要负责人和车间主任仍安排上述人员无证从事焊接与热切割作业，逾期未改正。',
  amounts: [100_000, 120_000, 150_000],
  statements: [
    {
      text: '公司已为焊工报名参加培训考试，请求减轻处罚。',
      review: 'rejected',
      reviewReason:
        '报名培训不能改变逾期仍安排无证人员作业的事实，不属于《行政处罚法》第三十二条规定的情形，维持拟处罚意见。',
    },
  ],
  hearingRequested: true,
  hearingArguments:
    '当事人对逾期未改正的事实无异议，称生产任务紧、持证焊工不足，请求减轻处罚；调查人员出示了复查笔录、询问笔录和操作证查询记录。',
  preset: 'none',
  hints: [
    {
      id: 'dual',
      stepId: 'notice',
      text: '《安全生产法》第九十七条：逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款。',
      cost: 5,
    },
    {
      id: 'review',
      stepId: 'legalReview',
      text: '法制审核由法制审核机构中取得法律职业资格的人员进行，不由本案承办人审核（《行政处罚法》第五十八条）。',
      cost: 5,
    },
    {
      id: 'discussion',
      stepId: 'discussion',
      text: '重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（《行政处罚法》第五十七条第二款）。',
      cost: 3,
    },
  ],
  rubric: [
    { item: 'article', weight: 10 },
    { item: 'tier', weight: 5 },
    { item: 'hearingRight', weight: 5 },
    { item: 'hearingProcedure', weight: 10 },
    { item: 'personFines', weight: 20 },
    { item: 'legalReview', weight: 15 },
    { item: 'collectiveDiscussion', weight: 10 },
    { item: 'decisionKind', weight: 5 },
    { item: 'statementHeard', weight: 5 },
    { item: 'noticeDeadlines', weight: 5 },
    { item: 'appealInfo', weight: 5 },
    { item: 'surcharge', weight: 5 },
  ],
  unreachableStates: [{ state: 'transferred', reason: '本案不涉嫌犯罪（没有发生事故，也不具备危险作业罪的情形）' }],
  alternatives: [{ hearing: false }],
} satisfies ScenarioSpecInput;
