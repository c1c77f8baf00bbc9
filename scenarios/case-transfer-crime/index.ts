/** 全流程案件：关闭报警装置具有现实危险，涉嫌危险作业罪，移送公安机关（《行政处罚法》第二十七条）. */
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
  const prng = createPrng(`case-transfer-crime:${seed}`);
  const ppm = prng.pick([86, 120, 160]);
  const workers = prng.int(3, 6);
  return buildCaseFixture(
    prng,
    {
      namePattern: (t) => `秦皇岛${t}焦化有限公司`,
      industryCode: 'C2521',
      enterpriseSummary: '焦化企业，煤气净化区域设有固定式一氧化碳检测报警装置，报警信号接入中控室。',
      violationId: 'safetyDeviceDisabled',
      tierId: 'first',
      facts: `执法人员检查时发现，该公司煤气净化区域的固定式一氧化碳检测报警装置被中控室值班人员按车间要求关闭（报警声光信号已断开）；现场便携式检测仪测得该区域一氧化碳浓度为${ppm}ppm，超过报警设定值，区域内有${workers}名作业人员正在检修作业。`,
      amounts: [30_000, 40_000, 50_000],
      statements: null,
      hearingRequested: false,
      crime: 'dangerousOperation',
      crimeAssessment:
        '经核查：报警装置关闭期间，该区域一氧化碳浓度持续超过报警设定值，作业人员在不知情的情况下在场作业，具有发生重大伤亡事故的现实危险；未发生事故。',
    },
    people,
    generateUscc,
  );
}

export const caseTransferCrime: ScenarioDefinition<CaseFixture, 'case'> = {
  id: 'case-transfer-crime',
  version: 1,
  title: '全流程案件：关闭报警装置涉嫌危险作业罪（移送）',
  brief:
    '一家焦化企业关闭了煤气区域的一氧化碳报警装置，现场浓度超标且有人作业。请立案、调查取证，依据查明的事实判断案件应当如何处理，并依法办理。',
  skill: 'case',
  workflow: 'case',
  estimatedMinutes: 25,
  assessmentTimeLimitMinutes: 35,
  fixture,
  materials: (f) =>
    caseMaterials(f, [
      `你是${f.authority.name}的执法人员，承办${f.enterprise.name}关闭报警装置一案。`,
      '调查中请判断违法行为是否涉嫌犯罪，依法作出处理。',
    ]),
  machineInput: caseInput,
  steps: caseSteps,
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
  rubric: [r.transfer(55), r.crimeCharge(25), r.transferMaterials(20)],
  modelAnswer: (f) => caseAnswer(f),
  alternativeAnswers: (f) => [caseAnswer(f, { outcome: 'penalty', hearing: true })],
};
