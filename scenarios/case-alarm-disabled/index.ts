/** 全流程案件：一氧化碳报警装置被关闭，逾期未改正（《安全生产法》第九十九条第二档）. */
import { createPrng } from '../prng';
import * as people from '../kit/people';
import {
  buildCaseFixture,
  caseAnswer,
  caseInput,
  caseMaterials,
  caseRubric as r,
  caseSteps,
  type CaseFixture,
} from '../workflows/case/kit';
import { generateUscc } from '../lib/uscc';
import type { ScenarioDefinition } from '../types';

function fixture(seed: string): CaseFixture {
  const prng = createPrng(`case-alarm-disabled:${seed}`);
  return buildCaseFixture(
    prng,
    {
      namePattern: (t) => `秦皇岛${t}特钢有限公司`,
      industryCode: 'C3120',
      enterpriseSummary: '炼钢企业，转炉煤气回收区域设有值班室和固定式一氧化碳报警装置。',
      violationId: 'safetyDeviceDisabled',
      tierId: 'uncorrected',
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
      // Why this is not a case for 危险作业罪 (《刑法》第一百三十四条之一): no 现实危险 was found.
      crimeAssessment:
        '经核查：报警装置关闭期间，值班室和煤气回收区域一氧化碳浓度检测正常，区域内无人作业，未发现具有发生重大伤亡事故的现实危险，不涉嫌犯罪。',
    },
    people,
    generateUscc,
  );
}

export const caseAlarmDisabled: ScenarioDefinition<CaseFixture, 'case'> = {
  id: 'case-alarm-disabled',
  version: 3,
  title: '全流程案件：报警装置关闭逾期未改正',
  brief:
    '一家炼钢企业关闭了煤气区域的一氧化碳报警装置，责令改正后逾期仍未改正。请从立案开始办理全案：立案审批、调查取证、行政处罚告知（注意听证权利和工作日期限）、登记陈述申辩、作出并送达行政处罚决定书、登记缴款（逾期的计算加处罚款），最后结案。',
  skill: 'case',
  workflow: 'case',
  estimatedMinutes: 35,
  assessmentTimeLimitMinutes: 50,
  fixture,
  materials: (f) =>
    caseMaterials(f, [
      `你是${f.authority.name}的执法人员，承办${f.enterprise.name}逾期未改正违法行为一案。`,
      '按《行政处罚法》普通程序办理，文书期限按法律规定计算。',
    ]),
  machineInput: caseInput,
  steps: caseSteps,
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
  // The model-based simple-path test explores the first three mistakes; these change one step each.
  rubric: [
    r.legalReview(5),
    r.collectiveDiscussion(5),
    r.appealInfo(5),
    r.article(10),
    r.tier(10),
    r.hearingRight(10),
    r.noticeDeadlines(10),
    r.statementHeard(10),
    r.service(5),
    r.surcharge(10),
    r.personFines(15),
    r.decisionKind(5),
  ],
  unreachableStates: [
    {
      state: 'transferred',
      reason: '本案事实不具备犯罪构成要件（没有现实危险或者严重后果），不移送司法机关',
    },
  ],
  modelAnswer: (f) => caseAnswer(f),
  alternativeAnswers: (f) => [caseAnswer(f, { hearing: true })],
};
