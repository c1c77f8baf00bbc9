/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'case-first-minor-no-penalty',
  version: 1,
  workflow: 'case',
  skill: 'case',
  title: '全流程案件：轻微违法当场改正（不予处罚）',
  brief:
    '一家包装企业未在危险场所设置安全警示标志，检查时当场改正，没有造成危害后果。请立案、调查取证，依据查明的事实判断应当如何处理，制作并送达决定书，报负责人批准结案。',
  estimatedMinutes: 20,
  assessmentTimeLimitMinutes: 30,
  taskLines: [
    '你是{机关}的执法人员，承办{企业}未设置安全警示标志一案。',
    '调查终结后，依据《行政处罚法》的规定作出决定：是否处罚、依据哪一条款。',
  ],
  draws: [{ kind: 'pick', name: 'place', values: ['成品库房入口', '配电室门口', '叉车通道交叉口'] }],
  enterprise: {
    namePattern: '秦皇岛{字号}包装材料有限公司',
    industryCode: 'C2231',
    sector: '轻工',
    summary: '纸制品包装企业，厂区有成品库房、配电室和叉车作业区，此前未受过安全生产行政处罚。',
  },
  violation: { id: 'warningSignsMissing', tier: 'first' },
  facts:
    '执法人员检查时发现，该公司{place}未设置明显的安全警示标志；执法人员指出后，该公司当场补设了符合标准的安全警示标志，执法人员现场确认已改正。',
  amounts: [5_000, 8_000, 10_000],
  statements: null,
  hearingRequested: false,
  findings: { minor: true, firstOffence: true, correctedInTime: true, harm: 'none' },
  preset: 'none',
  hints: [
    {
      id: 'art33',
      stepId: 'noPenalty',
      text: '《行政处罚法》第三十三条第一款：违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。',
      cost: 10,
    },
    {
      id: 'educate',
      stepId: 'noPenalty',
      text: '对当事人不予行政处罚的，行政机关应当对当事人进行教育（第三十三条第三款）。',
      cost: 3,
    },
  ],
  rubric: [
    { item: 'decisionKind', weight: 55 },
    { item: 'noPenaltyGround', weight: 25 },
    { item: 'service', weight: 20 },
  ],
  unreachableStates: [
    { state: 'transferred', reason: '本案违法行为轻微，不涉嫌犯罪' },
    { state: 'hearingRequested', reason: '即使错误地处以罚款，拟罚数额也低于较大数额，当事人没有听证权利' },
    { state: 'hearingScheduled', reason: '同上：不属于听证范围' },
    { state: 'heard', reason: '同上：不属于听证范围' },
    { state: 'reviewed', reason: '不属于应当法制审核的重大执法决定，答案均不进行法制审核' },
    { state: 'discussed', reason: '不属于应当集体讨论的情形' },
  ],
  alternatives: [],
} satisfies ScenarioSpecInput;
