/** The printable documents: one per issued document, with the officer's entries and the law's figures. */
import { describe, expect, it } from 'vitest';
import { chineseDate, chineseTime, renderDocuments, type DocumentContent } from '../scenarios/documents';
import { attemptDocuments } from '../scenarios/engine';
import { getScenario, listScenarios } from '../scenarios/index';
import type { CaseFixture } from '../scenarios/workflows/case/kit';
import type { InspectionFixture } from '../scenarios/workflows/inspection/kit';
import type { OnboardingFixture } from '../scenarios/workflows/onboarding/kit';
import { standardItem } from '../scenarios/lib/hazard-standard';
import type { AnswerStep, AttemptState } from '../scenarios/types';
import {
  HEARING_CONCLUSION_LABELS,
  STATEMENT_REVIEW_LABELS,
  type CaseContext,
} from '../scenarios/workflows/case/machine';
import { MEASURE_LABELS, type InspectionContext } from '../scenarios/workflows/inspection/machine';
import { LEGAL } from '../scenarios/law/legal-constants';
import type { OnboardingContext } from '../scenarios/workflows/onboarding/machine';
import { PENALTY_ARTICLES, VIOLATIONS, yuan } from '../scenarios/law/penalties';
import { runAnswer } from './scenarios/helpers';
import { workflowOf, type WorkflowId } from '../scenarios/workflows';

const SEEDS = ['doc-1', 'doc-2', 'doc-3'];

/** Every word printed on the document. */
function text(doc: DocumentContent): string {
  return [
    doc.authority,
    doc.title,
    doc.number ?? '',
    doc.addressee ?? '',
    ...doc.sections.flatMap((s) => [
      s.heading ?? '',
      ...(s.fields ?? []).flatMap((f) => [f.label, f.value]),
      ...s.lines,
    ]),
    ...doc.signatures.flatMap((s) => [s.label, s.value]),
    doc.note ?? '',
  ].join('\n');
}

function play(
  scenarioId: string,
  seed: string,
  answer?: AnswerStep[],
): { state: AttemptState; docs: DocumentContent[] } {
  const scenario = getScenario(scenarioId)!;
  const state = runAnswer(scenarioId, seed, answer ?? scenario.modelAnswer(scenario.fixture(seed)));
  return { state, docs: renderDocuments(state) };
}

const byType = (docs: DocumentContent[], type: DocumentContent['type']) => docs.filter((d) => d.type === type);
const one = (docs: DocumentContent[], type: DocumentContent['type']) => {
  const found = byType(docs, type);
  expect(found, `${type} rendered once`).toHaveLength(1);
  return found[0]!;
};

function checkInspection(f: InspectionFixture, c: InspectionContext, docs: DocumentContent[]) {
  const record = one(docs, 'onSiteRecord');
  const recordText = text(record);
  expect(c.inspection!.officerIds.length).toBeGreaterThanOrEqual(LEGAL.minimumOfficers.value);
  for (const id of c.inspection!.officerIds) {
    const officer = f.officers.find((o) => o.id === id)!;
    expect(recordText).toContain(officer.name);
    expect(recordText).toContain(officer.certificateNo);
  }
  expect(recordText).toContain(f.enterprise.operatingAddress);
  expect(recordText).toContain(f.enterprise.principal);
  expect(recordText).toContain(chineseDate(c.inspection!.startedOn));
  const clock = (t: string) => `${Number(t.slice(0, 2))}时${t.slice(3, 5)}分`;
  const [start, end] = [c.onSiteRecord!.startedAt.slice(11), c.onSiteRecord!.endedAt.slice(11)];
  expect(record.sections[0]!.fields!.find((x) => x.label === '检查时间')!.value).toBe(
    `${chineseDate(c.inspection!.startedOn)}${clock(start)}至${clock(end)}`,
  );
  expect(recordText).not.toMatch(/的工贸企业第（/);
  expect(recordText).toContain('出示执法证件');
  expect(recordText).toContain(c.onSiteRecord!.summary.slice(0, 40));
  expect(recordText).toContain(c.onSiteRecord!.signature === 'refused' ? '拒绝签字' : '已核对本记录并签字');

  const order = one(docs, 'rectificationOrder');
  const orderText = text(order);
  expect(order.addressee).toBe(`${f.enterprise.name}：`);
  expect(orderText).toContain(`于${chineseDate(c.order!.deadline)}前整改完毕`);
  expect(orderText).toContain('《中华人民共和国安全生产法》第六十五条');
  // 第65条第1款: (二) for violations, (三) for hazards, each with the items it covers.
  const at = (ids: string[]) => `第${ids.map((id) => c.order!.itemIds.indexOf(id) + 1).join('、')}项`;
  const nature = (id: string) => f.items.find((i) => i.id === id)!.nature;
  const violations = c.order!.itemIds.filter((id) => nature(id) === 'violation');
  const hazards = c.order!.itemIds.filter((id) => nature(id) === 'hazard');
  if (violations.length > 0)
    expect(orderText).toContain(
      `对上述${at(violations)}安全生产违法行为，依据《中华人民共和国安全生产法》第六十五条第一款第（二）项的规定，责令你单位于${chineseDate(c.order!.deadline)}前改正完毕`,
    );
  else expect(orderText).not.toContain('第六十五条第一款第（二）项');
  if (hazards.length > 0)
    expect(orderText).toContain(
      `对上述${at(hazards)}事故隐患，依据《中华人民共和国安全生产法》第六十五条第一款第（三）项的规定`,
    );
  else expect(orderText).not.toContain('第六十五条第一款第（三）项');
  for (const id of c.order!.itemIds)
    expect(orderText).toContain(`违反${f.items.find((i) => i.id === id)!.basis}的规定`);
  for (const id of c.order!.itemIds) expect(orderText).toContain(f.items.find((i) => i.id === id)!.observation);
  expect(orderText).toContain(`${LEGAL.reconsiderationPeriod.value}日内`);
  expect(orderText).toContain(`${LEGAL.litigationPeriod.value}个月内`);

  if (c.measures) {
    const measures = text(one(docs, 'onSiteMeasures'));
    expect(measures).toContain('第六十五条第一款第（三）项');
    for (const m of c.measures.measures) expect(measures).toContain(MEASURE_LABELS[m]);
    for (const id of c.measures.itemIds) {
      const clause = c.findings.find((x) => x.itemId === id)?.clause;
      if (clause) expect(measures).toContain(standardItem(clause).citation);
    }
    expect(measures).toContain(`措施期限：自${chineseDate(c.measures.date)}起至${chineseDate(c.measures.until)}止。`);
    expect(measures).toContain('重大事故隐患排除后，经本机关审查同意，方可恢复生产经营和使用');
    for (const id of c.measures.itemIds) expect(c.findings.find((x) => x.itemId === id)!.verdict).toBe('major');
    expect(measures).not.toContain('一般事故隐患');
    expect(measures).toContain(`${LEGAL.reconsiderationPeriod.value}日内`);
    expect(measures).toContain('行政诉讼');
  }

  const recheck = text(one(docs, 'recheckOpinion'));
  const orderNumber = c.documents.find((d) => d.type === 'rectificationOrder')!.number;
  expect(recheck).toContain(orderNumber);
  expect(recheck).toContain(chineseDate(c.recheck!.date));
  const outstanding = c.order!.itemIds.filter((id) => !c.recheck!.rectifiedItemIds.includes(id));
  expect((recheck.match(/已整改完毕。/g) ?? []).length).toBe(c.order!.itemIds.length - outstanding.length);
  expect((recheck.match(/未整改完毕。/g) ?? []).length).toBe(outstanding.length);
  expect(recheck).toContain(outstanding.length === 0 ? '已全部整改完毕' : '依法立案查处');
}

function checkCase(f: CaseFixture, c: CaseContext, docs: DocumentContent[]) {
  const violation = VIOLATIONS[f.violationId];
  const basis = `${PENALTY_ARTICLES[f.articleId].short}第（${violation.item}）项`;
  if (c.filing) {
    const filing = one(docs, 'caseFiling');
    const filingText = text(filing);
    expect(filingText).toContain(c.filing.summary);
    expect(filingText).toContain(f.enterprise.uscc);
    // 涉嫌违反的条款 is the duty provision, not the penalty clause.
    expect(filing.sections[0]!.fields!.find((x) => x.label === '涉嫌违反的条款')!.value).toContain(violation.duty);
    expect(filingText).not.toContain(PENALTY_ARTICLES[f.articleId].short);
    expect(filing.signatures.find((x) => x.label.startsWith('审批负责人'))!.value).toBe(f.head);
  }
  // A case that ends without a penalty (不予处罚, 移送) has its own documents, checked with its law (issue 14).
  if (c.transfer) {
    expect(docs.map((d) => d.type)).toEqual(['caseFiling', 'transferApproval', 'transferLetter']);
    expect(text(one(docs, 'transferLetter'))).toContain(f.facts);
    expect(one(docs, 'transferApproval').signatures.find((x) => x.label.startsWith('审批负责人'))!.value).toBe(f.head);
    return;
  }
  if (c.decision?.kind === 'none') {
    expect(text(one(docs, 'noPenaltyDecision'))).toContain('不予行政处罚');
    expect(text(one(docs, 'serviceReceipt'))).toContain(
      c.documents.find((x) => x.type === 'noPenaltyDecision')!.number,
    );
    expect(byType(docs, 'penaltyNotice')).toHaveLength(0);
    return;
  }
  const n = c.notice!;
  const notice = text(one(docs, 'penaltyNotice'));
  expect(notice).toContain(f.facts);
  expect(notice).toContain(`罚款人民币${yuan(n.amount)}`);
  expect(notice).toContain(`违反了${violation.duty}的规定`);
  expect(notice).toContain(basis);
  expect(notice).not.toContain('有关规定');
  expect(notice).toContain('陈述和申辩');
  expect(notice).toContain(`请于${chineseDate(n.statementDeadline)}前`);
  expect(notice).toContain('勘验（检查）笔录');
  if (n.hearingRightStated) {
    expect(notice).toContain(`请于${chineseDate(n.hearingDeadline!)}前`);
    const hearing = text(one(docs, 'hearingNotice'));
    expect(hearing).toContain(`${LEGAL.hearingRequestPeriod.value}个工作日内`);
    expect(hearing).toContain(chineseDate(n.hearingDeadline!));
  } else {
    expect(byType(docs, 'hearingNotice')).toHaveLength(0);
    expect(notice).not.toContain('听证');
  }
  if (c.hearing?.heldOn) {
    const schedule = text(one(docs, 'hearingSchedule'));
    expect(schedule).toContain(chineseDate(c.hearing.hearingDate));
    expect(schedule).toContain(c.hearing.place);
    expect(schedule).toContain(chineseTime(c.hearing.hearingTime));
    const record = text(one(docs, 'hearingRecord'));
    expect(record).toContain(c.hearing.partyArguments!);
    expect(record).toContain(HEARING_CONCLUSION_LABELS[c.hearing.conclusion!]);
  } else {
    expect(byType(docs, 'hearingSchedule')).toHaveLength(0);
    expect(byType(docs, 'hearingRecord')).toHaveLength(0);
  }

  const d = c.decision!;
  const decision = text(one(docs, 'penaltyDecision'));
  expect(decision).toContain(f.enterprise.uscc);
  expect(decision).toContain(f.enterprise.operatingAddress);
  expect(decision).toContain(`处罚款人民币${yuan(d.amount)}`);
  expect(decision).toContain(`违反了${violation.duty}的规定`);
  expect(decision).toContain(basis);
  expect(decision).not.toContain('有关规定');
  expect(decision).toContain(`责令你单位于${chineseDate(d.correctionDeadline)}前改正上述违法行为`);
  expect(decision).toContain('中国工商银行秦皇岛分行');
  expect(decision).toContain('第六十七条');
  expect(decision).toContain(`自收到本决定书之日起${LEGAL.paymentPeriod.value}日内`);
  expect(decision).toContain(`每日按罚款数额的${LEGAL.latePaymentRate.value * 100}%加处罚款`);
  expect(decision).toContain(
    `${LEGAL.reconsiderationPeriod.value}日内向${f.authority.name.replace('应急管理局', '人民政府')}申请行政复议`,
  );
  expect(decision).toContain(`${LEGAL.litigationPeriod.value}个月内依法向人民法院提起行政诉讼`);
  if (c.statement) {
    expect(decision).toContain(c.statement.summary);
    expect(decision).toContain(`复核意见：${STATEMENT_REVIEW_LABELS[d.statementReview!]}`);
    expect(decision).not.toContain('未提出陈述、申辩');
  } else {
    expect(decision).toContain('未提出陈述、申辩');
  }
  if (c.hearing?.heldOn) {
    expect(decision).toContain(`${chineseDate(c.hearing.heldOn)}依法举行了听证`);
    expect(decision).toContain(HEARING_CONCLUSION_LABELS[c.hearing.conclusion!]);
  }

  const receipt = text(one(docs, 'serviceReceipt'));
  expect(receipt).toContain(c.documents.find((x) => x.type === 'penaltyDecision')!.number);
  expect(receipt).toContain(chineseDate(c.service!.date));
  expect(receipt).toContain(c.service!.recipient);

  const closing = one(docs, 'caseClosing');
  const closingText = text(closing);
  expect(closingText).toContain(c.documents.find((x) => x.type === 'penaltyDecision')!.number);
  expect(closingText).toContain(chineseDate(c.payment!.date));
  expect(closingText).toContain(chineseDate(c.closedOn!));
  expect(closing.signatures.find((x) => x.label.startsWith('审批负责人'))!.value).toBe(f.head);
  if (c.payment!.surcharge > 0) expect(closingText).toContain(`加处罚款人民币${yuan(c.payment!.surcharge)}`);

  // One register entry: every document of the case carries the same number and year.
  const numbers = new Set(docs.map((x) => x.number!.replace(/应急.+?〔/, '〔')));
  expect(numbers.size).toBe(1);
}

// Inspections and cases issue at least three documents; another workflow may issue fewer.
const MIN_DOCUMENTS: Partial<Record<WorkflowId, number>> = { inspection: 3, case: 3 };

const WORKFLOW_CHECKS: Partial<
  Record<WorkflowId, (fixture: unknown, context: unknown, docs: DocumentContent[]) => void>
> = {
  inspection: (f, c, docs) => checkInspection(f as InspectionFixture, c as InspectionContext, docs),
  case: (f, c, docs) => checkCase(f as CaseFixture, c as CaseContext, docs),
};

describe('renderDocuments: the model answer of every scenario', () => {
  for (const scenario of listScenarios()) {
    it.each(SEEDS)(
      `${scenario.id} (seed %s): one page per issued document, in order, with its number and facts`,
      (seed) => {
        const { state, docs } = play(scenario.id, seed);
        const issued = attemptDocuments(state);
        const fixture = scenario.fixture(seed) as {
          enterprise?: { name: string };
          truth?: { name: string };
          inspection?: { enterprise: { name: string } };
        };
        const enterprise = (fixture.enterprise ?? fixture.truth ?? fixture.inspection?.enterprise)!.name;

        // A workflow without numbered documents prints one record (the onboarding's 登记表).
        if (Object.keys(workflowOf(scenario.workflow).documentTypes).length === 0) {
          expect(issued).toEqual([]);
          expect(docs).toHaveLength(1);
          const record = docs[0]!;
          expect(record.number).toBeNull();
          expect(record.title).toBe('企业基本信息登记表');
          const c = state.snapshot.context as OnboardingContext;
          const body = text(record);
          expect(body).toContain(c.basic!.uscc);
          expect(body).toContain(c.contacts!.principalPhone);
          expect(body).toContain('不编文书号');
          expect(record.authority).toBe((fixture as unknown as OnboardingFixture).authority.name);
          return;
        }

        expect(issued.length).toBeGreaterThanOrEqual(MIN_DOCUMENTS[scenario.workflow] ?? 1);
        expect(docs.map((d) => [d.type, d.number, d.date])).toEqual(issued.map((d) => [d.type, d.number, d.date]));
        for (const doc of docs) {
          const body = text(doc);
          expect(body).toContain(enterprise);
          expect(doc.number).toMatch(/^（.+）应急.+〔\d{4}〕\d+号$/);
          expect(doc.authority).toMatch(/应急管理局$/);
          expect(doc.sections.length).toBeGreaterThan(0);
          expect(doc.signatures.length).toBeGreaterThan(0);
          expect(body).not.toMatch(/undefined|null|NaN|\[object/);
        }
        // Document by document oracles where a workflow has them; every workflow gets the checks above.
        WORKFLOW_CHECKS[scenario.workflow]?.(fixture, state.snapshot.context, docs);
      },
    );
  }
});

describe('renderDocuments: the 责令限期整改指令书 cites the power that fits each item', () => {
  const violationOrdered = (id: string, seed: string) => {
    const f = getScenario(id)!.fixture(seed) as InspectionFixture;
    return f.items.some((i) => i.verdict !== 'ok' && i.nature === 'violation');
  };

  it.each(['inspect-dust-explosion', 'inspect-confined-space', 'docs-ammonia-orders'])(
    '%s: (二) for a violation ordered, (三) for the hazards',
    (id) => {
      const seeds = Array.from({ length: 40 }, (_, i) => `nature-${i}`);
      const withViolation = seeds.find((seed) => violationOrdered(id, seed))!;
      const without = seeds.find((seed) => !violationOrdered(id, seed))!;
      expect(withViolation && without).toBeTruthy();
      const mixed = text(one(play(id, withViolation).docs, 'rectificationOrder'));
      expect(mixed).toContain('安全生产违法行为，依据《中华人民共和国安全生产法》第六十五条第一款第（二）项的规定');
      expect(mixed).toContain('事故隐患，依据《中华人民共和国安全生产法》第六十五条第一款第（三）项的规定');
      const hazardsOnly = text(one(play(id, without).docs, 'rectificationOrder'));
      expect(hazardsOnly).not.toContain('第六十五条第一款第（二）项');
      expect(hazardsOnly).toContain('第六十五条第一款第（三）项');
    },
  );

  it('the quick-freeze room hazard cites the hazard duty, not 第四十二条', () => {
    const seed = Array.from({ length: 40 }, (_, i) => `freezer-${i}`).find((s) =>
      (getScenario('docs-ammonia-orders')!.fixture(s) as InspectionFixture).items.some(
        (i) => i.id === 'freezer-room' && i.verdict === 'major',
      ),
    )!;
    const docs = play('docs-ammonia-orders', seed).docs;
    const measures = text(one(docs, 'onSiteMeasures'));
    expect(measures).toContain('速冻间');
    expect(measures).toContain('《工贸企业重大事故隐患判定标准》第十二条第（二）项');
    expect(measures).toContain('违反《安全生产法》第四十一条第二款的规定');
    for (const doc of docs) expect(text(doc)).not.toContain('第四十二条');
  });
});

describe('renderDocuments: what the officer entered is what is printed', () => {
  it('a rectification deadline entered wrong (45 days) shows as that deadline', () => {
    const scenario = getScenario('inspect-dust-explosion')!;
    const fixture = scenario.fixture('doc-1') as InspectionFixture;
    const item = scenario.rubric.find((r) => r.code === 'WRONG_DEADLINE')!;
    const { state, docs } = play(scenario.id, 'doc-1', item.mistake.apply(scenario.modelAnswer(fixture), fixture));
    const entered = (state.snapshot.context as InspectionContext).order!.deadline;
    const model = scenario.modelAnswer(fixture).find((s) => s.stepId === 'order')!.values.deadline as string;
    expect(entered).not.toBe(model);
    const order = text(one(docs, 'rectificationOrder'));
    expect(order).toContain(`于${chineseDate(entered)}前整改完毕`);
    expect(order).not.toContain(chineseDate(model));
  });

  it('a reconsideration period entered as 15 days is printed on the decision as 15 days', () => {
    const scenario = getScenario('docs-penalty-notice-decision')!;
    const fixture = scenario.fixture('doc-2') as CaseFixture;
    const item = scenario.rubric.find((r) => r.code === 'WRONG_APPEAL_INFO')!;
    const { docs } = play(scenario.id, 'doc-2', item.mistake.apply(scenario.modelAnswer(fixture), fixture));
    const decision = text(one(docs, 'penaltyDecision'));
    expect(decision).toContain('自收到本决定书之日起15日内向');
    expect(decision).not.toContain(`${LEGAL.reconsiderationPeriod.value}日内向`);
  });

  it('a hearing deadline counted in calendar days shows that date on the notice and the hearing notice', () => {
    const scenario = getScenario('case-uncertified-welders')!;
    const fixture = scenario.fixture('doc-3') as CaseFixture;
    const item = scenario.rubric.find((r) => r.code === 'WRONG_DEADLINE')!;
    const { state, docs } = play(scenario.id, 'doc-3', item.mistake.apply(scenario.modelAnswer(fixture), fixture));
    const wrong = (state.snapshot.context as CaseContext).notice!.hearingDeadline!;
    const { state: modelState } = play(scenario.id, 'doc-3');
    const right = (modelState.snapshot.context as CaseContext).notice!.hearingDeadline!;
    expect(wrong).not.toBe(right);
    expect(text(one(docs, 'penaltyNotice'))).toContain(
      `请于${chineseDate(wrong)}前向本机关提出；逾期未提出的，视为放弃听证权利`,
    );
    expect(text(one(docs, 'hearingNotice'))).toContain(chineseDate(wrong));
  });

  it('a recheck that finds hazards not rectified says so and refers the matter to a case', () => {
    const scenario = getScenario('inspect-confined-space')!;
    const fixture = scenario.fixture('doc-1') as InspectionFixture;
    const answer = scenario
      .modelAnswer(fixture)
      .map((s) => (s.stepId === 'recheck' ? { ...s, values: { ...s.values, rectifiedItemIds: [] } } : s));
    const { docs } = play(scenario.id, 'doc-1', answer);
    const recheck = text(one(docs, 'recheckOpinion'));
    expect(recheck).not.toContain('已整改完毕。');
    expect(recheck).toContain('依法立案查处');
  });

  it('an onboarding application returned produces no record', () => {
    const scenario = getScenario('onboard-dust-enterprise')!;
    const state = runAnswer(scenario.id, 'doc-1', [
      { stepId: 'return', values: { reason: '申请材料有误，请企业更正后重新提交。' } },
    ]);
    expect(renderDocuments(state)).toEqual([]);
  });

  it('an attempt with no documents yet renders none', () => {
    const state = runAnswer('inspect-dust-explosion', 'doc-1', []);
    expect(renderDocuments(state)).toEqual([]);
  });
});
