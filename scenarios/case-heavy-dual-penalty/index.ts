/** 全流程案件：逾期未改正的双罚，法制审核、集体讨论和听证（《安全生产法》第九十七条第二档）. */
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
  const prng = createPrng(`case-heavy-dual-penalty:${seed}`);
  const workers = prng.int(2, 4);
  return buildCaseFixture(
    prng,
    {
      namePattern: (t) => `秦皇岛${t}重型机械有限公司`,
      industryCode: 'C3431',
      enterpriseSummary: '重型机械制造企业，结构车间有焊接、切割作业，车间主任负责安排作业人员。',
      violationId: 'uncertifiedSpecialOperators',
      tierId: 'uncorrected',
      facts: `执法人员检查时发现，该公司${workers}名焊工未取得特种作业操作证即上岗作业，已责令限期改正；整改期满复查时，主要负责人和车间主任仍安排上述人员无证从事焊接与热切割作业，逾期未改正。`,
      amounts: [100_000, 120_000, 150_000],
      statements: [
        {
          text: '公司已为焊工报名参加培训考试，请求减轻处罚。',
          review: 'rejected',
          reviewReason:
            '报名培训不能改变逾期仍安排无证人员作业的事实，不属于《行政处罚法》第三十二条规定的情形，维持拟处罚意见。',
        },
      ],
      hearingArguments:
        '当事人对逾期未改正的事实无异议，称生产任务紧、持证焊工不足，请求减轻处罚；调查人员出示了复查笔录、询问笔录和操作证查询记录。',
      hearingRequested: true,
    },
    people,
    generateUscc,
  );
}

export const caseHeavyDualPenalty: ScenarioDefinition<CaseFixture, 'case'> = {
  id: 'case-heavy-dual-penalty',
  version: 1,
  title: '全流程案件：逾期未改正的双罚（法制审核、集体讨论、听证）',
  brief:
    '一家机械企业被责令改正后仍安排无证焊工作业。请办理全案：告知对单位和直接责任人员的罚款（双罚）及听证权利，依法举行听证，经法制审核和负责人集体讨论后作出并送达决定书，登记缴款、结案。',
  skill: 'case',
  workflow: 'case',
  estimatedMinutes: 45,
  assessmentTimeLimitMinutes: 60,
  fixture,
  materials: (f) =>
    caseMaterials(f, [
      `你是${f.authority.name}的执法人员，承办${f.enterprise.name}逾期未改正特种作业人员无证上岗一案。`,
      '当事人将依法要求听证；作出决定前须依法进行法制审核并提请负责人集体讨论。',
    ]),
  machineInput: caseInput,
  steps: caseSteps,
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
    r.article(10),
    r.tier(5),
    r.hearingRight(5),
    r.hearingProcedure(10),
    r.personFines(20),
    r.legalReview(15),
    r.collectiveDiscussion(10),
    r.decisionKind(5),
    r.statementHeard(5),
    r.noticeDeadlines(5),
    r.appealInfo(5),
    r.surcharge(5),
  ],
  modelAnswer: (f) => caseAnswer(f),
  unreachableStates: [{ state: 'transferred', reason: '本案不涉嫌犯罪（没有发生事故，也不具备危险作业罪的情形）' }],
  alternativeAnswers: (f) => [caseAnswer(f, { hearing: false })],
};
