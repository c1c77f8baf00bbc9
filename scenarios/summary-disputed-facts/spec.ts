/** The scenario as data: scenarios/authoring/spec.ts checks it against the catalogues and builds it on its workflow's kit. */
import type { ScenarioSpecInput } from '../authoring/spec';

export const spec = {
  id: 'summary-disputed-facts',
  version: 1,
  workflow: 'summary',
  skill: 'case',
  title: '案件办理：事实有争议时不能当场处罚',
  brief:
    '在五金制品企业打磨车间发现作业人员未佩戴劳动防护用品，拟处罚款在当场处罚限额以内。告知后当事人对违法事实提出异议。请依法出示证件、制作现场笔录、告知并听取陈述申辩，再判断能否当场处罚：违法事实不确凿的，不能适用简易程序，应当转为普通程序立案调查。',
  estimatedMinutes: 10,
  assessmentTimeLimitMinutes: 20,
  taskLines: ['你是{机关}的执法人员，与同事一起到{企业}检查。', '根据现场情况和当事人的陈述申辩，选择适用的程序。'],
  partyType: 'unit',
  enterprise: {
    namePattern: '秦皇岛{字号}五金制品有限公司',
    industryCode: 'C3389',
    sector: '机械',
    summary: '五金制品企业，打磨车间有砂轮打磨作业。',
  },
  violationId: 'ppeNotProvided',
  facts: '该公司打磨车间4名人员进行砂轮打磨作业，均未佩戴防护眼镜和防尘口罩，现场未见劳动防护用品发放记录。',
  amounts: [2000, 3000],
  guideline: '首次被发现的，对生产经营单位处{罚款金额}元罚款',
  statements: [
    {
      text: '打磨的4个人是设备厂家派来检修的人员，不是本公司从业人员，防护用品应由厂家配发；本公司员工的防护用品都已发放，发放记录在办公室。',
      disputesFacts: true,
    },
    {
      text: '这几个人是外包单位的临时工，我们和外包单位签了合同，防护用品由对方负责，不是我们的违法行为。',
      disputesFacts: true,
    },
  ],
  referralReason: 'factsDisputed',
  referralSummary:
    '当事人称作业人员不是本单位从业人员。需调取劳务、承包合同和用工记录，询问作业人员和现场负责人，核实作业人员身份和劳动防护用品发放情况，拟报请负责人批准立案调查。',
  hints: [
    {
      id: 'confirmed',
      stepId: 'statement',
      text: '《行政处罚法》第五十一条：当场处罚的前提是"违法事实确凿并有法定依据"。当事人提出的异议需要调查核实的，事实就不确凿。',
      cost: 5,
    },
    {
      id: 'general',
      stepId: 'refer',
      text: '不能当场处罚的，依照第五十四条立案，按普通程序调查取证；罚款数额在限额以内并不改变这一点。',
      cost: 5,
    },
  ],
  rubric: [
    { item: 'credentials', weight: 15 },
    { item: 'rightsStated', weight: 20 },
    { item: 'statementHeard', weight: 20 },
    { item: 'procedure', weight: 45 },
  ],
  alternatives: [],
} satisfies ScenarioSpecInput;
