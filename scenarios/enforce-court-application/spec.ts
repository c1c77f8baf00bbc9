/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'enforce-court-application',
  version: 1,
  workflow: 'enforcement',
  skill: 'case',
  title: '处罚决定的执行：催告与申请人民法院强制执行',
  brief:
    '行政处罚决定书已经送达，当事人逾期既不缴纳罚款，也不申请行政复议或者提起行政诉讼。请计算加处罚款，制作并送达催告书（履行期限、方式、金额、陈述申辩权利），登记并复核当事人的陈述申辩，在法定期限内向有管辖权的人民法院提交强制执行申请书。',
  estimatedMinutes: 20,
  assessmentTimeLimitMinutes: 30,
  taskLines: [
    '{企业}逾期未缴纳罚款，{机关}没有行政强制执行权，须申请人民法院强制执行。',
    '请催告当事人，并在复议、诉讼期限届满后的法定期限内尽早申请强制执行。',
  ],
  course: 'court',
  enterprise: {
    namePattern: '秦皇岛{字号}机械制造有限公司',
    industryCode: 'C3311',
    sector: '机械',
    summary: '金属结构件加工企业，设有焊接、喷涂车间。',
  },
  violationId: 'equipmentNotMaintained',
  facts:
    '执法人员检查时发现，该公司喷涂车间可燃气体报警装置未按规定定期维护、检测，已失效未修复，违反安全设备经常性维护、保养和定期检测的规定。',
  amounts: [20_000, 30_000, 40_000, 50_000],
  statements: [
    {
      text: '公司近期资金周转困难，请求暂缓执行。',
      reason: '当事人未在缴款期限内申请延期或者分期缴纳，也未提供确有经济困难的证明材料，不影响决定的执行。',
    },
    {
      text: '公司已整改报警装置，认为不应再缴纳罚款。',
      reason: '事后整改不影响已生效行政处罚决定的执行，当事人在法定期限内未申请复议或者提起诉讼。',
    },
  ],
  hardship: [],
  hints: [
    {
      id: 'surcharge',
      stepId: 'reminder',
      text: '加处罚款自缴款期限届满的次日起，每日按罚款数额的3%计算，总额不超过罚款数额。',
      cost: 5,
    },
    {
      id: 'periods',
      stepId: 'apply',
      text: '复议期限60日、诉讼期限6个月均届满后，且催告书送达满10个工作日，方可申请；申请期限为复议、诉讼期限届满之日起3个月。',
      cost: 5,
    },
    { id: 'court', stepId: 'apply', text: '向本机关所在地有管辖权的基层人民法院申请。', cost: 5 },
  ],
  rubric: [
    { item: 'reminderBeforeApplication', weight: 25 },
    { item: 'applicationNotTooEarly', weight: 20 },
    { item: 'applicationNotTooLate', weight: 15 },
    { item: 'surcharge', weight: 25 },
    { item: 'documentFields', weight: 15 },
  ],
  unreachableStates: [
    {
      state: 'installments',
      reason: '当事人未申请延期或者分期缴纳罚款，本场景不提供审批步骤（《行政处罚法》第六十六条：经当事人申请）',
    },
    { state: 'paid', reason: '当事人始终未缴纳罚款，本场景不提供登记缴款步骤' },
  ],
  alternatives: false,
} satisfies ScenarioSpecInput;
