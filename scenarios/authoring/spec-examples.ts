/**
 * Built-in scenarios as data (issue 16). Thirteen built-ins are defined by their spec
 * (scenarios/<id>/spec.ts, built by `builtInFromSpec`); five more are expressed here but refused by the
 * schema only because their industry code is missing from lib/industries.ts, so their folders keep the
 * hand-written definition and test/scenarios/scenario-spec.test.ts shows the spec builds the same. All
 * are the starting points 复制为新场景 offers.
 */
import type { ScenarioSpecInput } from './spec';
import { spec as caseAlarmDisabledSpec } from '../case-alarm-disabled/spec';
import { spec as caseUncertifiedWeldersSpec } from '../case-uncertified-welders/spec';
import { spec as docsPenaltyNoticeDecisionSpec } from '../docs-penalty-notice-decision/spec';
import { spec as inspectConfinedSpaceSpec } from '../inspect-confined-space/spec';
import { spec as docsAmmoniaOrdersSpec } from '../docs-ammonia-orders/spec';
import { spec as inspectDustExplosionSpec } from '../inspect-dust-explosion/spec';
import { spec as inspectHazardousChemicalsSpec } from '../inspect-hazardous-chemicals/spec';
import { spec as inspectMetallurgySpec } from '../inspect-metallurgy/spec';
import { spec as summaryUnitOnSpotSpec } from '../summary-unit-on-spot/spec';
import { spec as onboardDustEnterpriseSpec } from '../onboard-dust-enterprise/spec';
import { spec as onboardColdStorageRenamedSpec } from '../onboard-cold-storage-renamed/spec';
import { spec as onboardChemicalEnterpriseSpec } from '../onboard-chemical-enterprise/spec';
import { spec as onboardDuplicateUsccSpec } from '../onboard-duplicate-uscc/spec';

/** Not accepted by the schema: its industry code is not in lib/industries.ts (see the test). */
export const caseFirstMinorNoPenaltySpec = {
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

/** Not accepted by the schema: its industry code is not in lib/industries.ts (see the test). */
export const caseTransferCrimeSpec = {
  id: 'case-transfer-crime',
  version: 1,
  workflow: 'case',
  skill: 'case',
  title: '全流程案件：关闭报警装置涉嫌危险作业罪（移送）',
  brief:
    '一家焦化企业关闭了煤气区域的一氧化碳报警装置，现场浓度超标且有人作业。请立案、调查取证，依据查明的事实判断案件应当如何处理，并依法办理。',
  estimatedMinutes: 25,
  assessmentTimeLimitMinutes: 35,
  taskLines: ['你是{机关}的执法人员，承办{企业}关闭报警装置一案。', '调查中请判断违法行为是否涉嫌犯罪，依法作出处理。'],
  draws: [
    { kind: 'pick', name: 'ppm', values: [86, 120, 160] },
    { kind: 'int', name: 'workers', min: 3, max: 6 },
  ],
  enterprise: {
    namePattern: '秦皇岛{字号}焦化有限公司',
    industryCode: 'C2521',
    sector: '冶金',
    summary: '焦化企业，煤气净化区域设有固定式一氧化碳检测报警装置，报警信号接入中控室。',
  },
  violation: { id: 'safetyDeviceDisabled', tier: 'first' },
  facts:
    '执法人员检查时发现，该公司煤气净化区域的固定式一氧化碳检测报警装置被中控室值班人员按车间要求关闭（报警声光信号已断开）；现场便携式检测仪测得该区域一氧化碳浓度为{ppm}ppm，超过报警设定值，区域内有{workers}名作业人员正在检修作业。',
  amounts: [30_000, 40_000, 50_000],
  statements: null,
  hearingRequested: false,
  crime: 'dangerousOperation',
  crimeAssessment:
    '经核查：报警装置关闭期间，该区域一氧化碳浓度持续超过报警设定值，作业人员在不知情的情况下在场作业，具有发生重大伤亡事故的现实危险；未发生事故。',
  preset: 'none',
  hints: [
    {
      id: 'crime',
      stepId: 'transfer',
      text: '《刑法》第一百三十四条之一：关闭、破坏直接关系生产安全的监控、报警、防护、救生设备、设施，具有发生重大伤亡事故或者其他严重后果的现实危险的，构成危险作业罪。',
      cost: 10,
    },
    {
      id: 'deadline',
      stepId: 'transfer',
      text: '负责人自接到移送报告之日起3日内作出批准决定，批准后24小时内移送公安机关（《行政执法机关移送涉嫌犯罪案件的规定》第五条）。',
      cost: 5,
    },
  ],
  rubric: [
    { item: 'transfer', weight: 55 },
    { item: 'crimeCharge', weight: 25 },
    { item: 'transferMaterials', weight: 20 },
  ],

  alternatives: [{ outcome: 'penalty', hearing: true }],
} satisfies ScenarioSpecInput;

/** Not accepted by the schema: its industry code is not in lib/industries.ts (see the test). */
export const caseHeavyDualPenaltySpec = {
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

/** Not accepted by the schema: its industry code is not in lib/industries.ts (see the test). */
export const summaryPersonWarningOrFineSpec = {
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
    industryCode: 'H6210',
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

/** Not accepted by the schema: its industry code is not in lib/industries.ts (see the test). */
export const summaryDisputedFactsSpec = {
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

/** The built-ins written as specs, by id. */
export const BUILT_IN_SPECS: readonly ScenarioSpecInput[] = [
  caseAlarmDisabledSpec,
  caseUncertifiedWeldersSpec,
  docsPenaltyNoticeDecisionSpec,
  inspectConfinedSpaceSpec,
  docsAmmoniaOrdersSpec,
  inspectDustExplosionSpec,
  inspectHazardousChemicalsSpec,
  inspectMetallurgySpec,
  summaryUnitOnSpotSpec,
  onboardDustEnterpriseSpec,
  onboardColdStorageRenamedSpec,
  onboardChemicalEnterpriseSpec,
  onboardDuplicateUsccSpec,
];

/** Built-ins whose shape a spec expresses but whose industry is missing from the catalogue (so the schema refuses them). */
export const OFF_CATALOGUE_SPECS: readonly ScenarioSpecInput[] = [
  caseFirstMinorNoPenaltySpec,
  caseTransferCrimeSpec,
  caseHeavyDualPenaltySpec,
  summaryPersonWarningOrFineSpec,
  summaryDisputedFactsSpec,
];

export {
  caseAlarmDisabledSpec,
  caseUncertifiedWeldersSpec,
  docsPenaltyNoticeDecisionSpec,
  inspectConfinedSpaceSpec,
  docsAmmoniaOrdersSpec,
  inspectDustExplosionSpec,
  inspectHazardousChemicalsSpec,
  inspectMetallurgySpec,
  summaryUnitOnSpotSpec,
  onboardDustEnterpriseSpec,
  onboardColdStorageRenamedSpec,
  onboardChemicalEnterpriseSpec,
  onboardDuplicateUsccSpec,
};
