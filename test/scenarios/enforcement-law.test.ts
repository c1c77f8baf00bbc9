/**
 * The enforcement workflow's rules of law (issue 14): 缴款期限 (行政处罚法 第67条), 加处罚款 and its cap (第72条),
 * 延期/分期 (第66条), 催告 before the application and 10 working days after it (行政强制法 第54条、第69条), the
 * appeal periods (行政复议法 第20条, 行政诉讼法 第46条) and the 3-month window (行政强制法 第53条).
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { renderDocuments } from '../../scenarios/documents';
import { applyEvent, scoreAttempt, startAttempt } from '../../scenarios/engine';
import { getScenario } from '../../scenarios/index';
import { LEGAL } from '../../scenarios/law/legal-constants';
import { yuan } from '../../scenarios/law/penalties';
import {
  appealPeriodsEnd,
  courtApplicationLastDay,
  earliestCourtApplication,
  enforcementMachine,
  paymentDueDate,
  surchargeOwed,
  type EnforcementContext,
  type EnforcementEvent,
} from '../../scenarios/workflows/enforcement/machine';
import { enforcementAnswer, type EnforcementFixture } from '../../scenarios/workflows/enforcement/kit';
import { lostCodes, runAnswer, T0 } from './helpers';

const AT = '2025-03-01T01:00:00.000Z';
const HEAD = '王建国';
const FINE = 20_000;
// Served on Monday 2025-03-03: due 2025-03-18; 复议 ends 2025-05-02, a holiday (劳动节), so 2025-05-06;
// 诉讼 ends 2025-09-03; the court may be applied to from 2025-09-04 to 2025-12-03.
const SERVED = '2025-03-03';

const decision: EnforcementEvent = {
  type: 'officer.recordDecision',
  at: AT,
  number: '（秦海）应急罚〔2025〕12号',
  decidedOn: '2025-02-28',
  servedOn: SERVED,
  amount: FINE,
};

function run(events: EnforcementEvent[]): AnyMachineSnapshot {
  let [snapshot] = initialTransition(enforcementMachine, { authority: '秦海', counters: {}, head: HEAD });
  for (const event of events) {
    const [next] = transition(enforcementMachine, snapshot, event);
    const refusal = (next.context as EnforcementContext).refusal;
    if (refusal) throw new Error(`${event.type} refused: ${refusal.reason}`);
    snapshot = next;
  }
  return snapshot;
}

/** The refusal of `event` after `before`, or null when it is accepted. */
function refusalOf(before: EnforcementEvent[], event: EnforcementEvent): string | null {
  const [next] = transition(enforcementMachine, run(before), event);
  return (next.context as EnforcementContext).refusal?.reason ?? null;
}

const reminder = (date: string, surcharge = 0): EnforcementEvent => ({
  type: 'officer.issueReminder',
  at: AT,
  date,
  fine: FINE,
  surcharge,
  rightsStated: true,
});
const apply = (date: string, surcharge = FINE): EnforcementEvent => ({
  type: 'officer.applyToCourt',
  at: AT,
  date,
  court: '秦皇岛市海港区人民法院',
  fine: FINE,
  surcharge,
  appealsLapsedOn: appealPeriodsEnd(SERVED),
  lastDay: courtApplicationLastDay(SERVED),
  approvedBy: HEAD,
});
const payment = (date: string, amount: number, surcharge = 0): EnforcementEvent => ({
  type: 'officer.recordPayment',
  at: AT,
  date,
  amount,
  surcharge,
});
const application: EnforcementEvent = {
  type: 'officer.registerApplication',
  at: AT,
  date: '2025-03-10',
  kind: 'installments',
  reason: '连续亏损，资金不足',
};
const approve = (plan: { dueOn: string; amount: number }[], over: Partial<EnforcementEvent> = {}): EnforcementEvent =>
  ({
    type: 'officer.decideInstallment',
    at: AT,
    date: '2025-03-12',
    hardshipFound: true,
    approved: true,
    opinion: '确有经济困难，同意分两期缴纳。',
    approvedBy: HEAD,
    plan,
    consequencesStated: true,
    ...over,
  }) as EnforcementEvent;
const PLAN = [
  { dueOn: '2025-04-14', amount: 10_000 },
  { dueOn: '2025-05-14', amount: 10_000 },
];

describe('periods computed from the service of the decision', () => {
  it('payment due after 15 days, 复议 60 days (moved past the holiday), 诉讼 6 months, application window 3 months', () => {
    expect(paymentDueDate(SERVED)).toBe('2025-03-18');
    expect(appealPeriodsEnd(SERVED)).toBe('2025-09-03');
    expect(courtApplicationLastDay(SERVED)).toBe('2025-12-03');
    // 10 working days after 2025-04-01 skip the 清明 holiday (04-04 to 04-06): the 10th is 04-16.
    expect(earliestCourtApplication('2025-04-01')).toBe('2025-04-17');
    expect(earliestCourtApplication('2025-09-01')).toBe('2025-09-16');
  });
});

describe('催告 (《行政强制法》第三十五条、第五十四条)', () => {
  it('is refused on the last day of the payment period and accepted the day after', () => {
    expect(refusalOf([decision], reminder('2025-03-18'))).toContain('第六十七条');
    expect(refusalOf([decision], reminder('2025-03-19', 600))).toBeNull();
  });

  it('applying to the court before any 催告 is refused with 第五十四条', () => {
    expect(refusalOf([decision], apply('2025-09-10'))).toBe(
      '申请人民法院强制执行前，应当催告当事人履行义务（《行政强制法》第五十四条）',
    );
  });

  it('the engine refuses an application before the 催告 with the article too', () => {
    const scenario = getScenario('enforce-court-application')!;
    const state = startAttempt({ scenarioId: scenario.id, seed: 'law-1', mode: 'practice', at: T0 });
    const result = applyEvent(state, { ...apply('2025-09-10'), at: '2025-01-06T02:00:00.000Z' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('REFUSED');
      expect(result.reason).toContain('第五十四条');
    }
  });
});

describe('申请人民法院强制执行: waiting periods and window', () => {
  const early = [decision, reminder('2025-04-01', 900)];

  it('is refused while the 诉讼 period runs (on its last day) and accepted the day after', () => {
    const onLapse = refusalOf(early, apply('2025-09-03'));
    expect(onLapse).toContain('第五十三条');
    expect(onLapse).toContain('2025-09-03');
    expect(refusalOf(early, apply('2025-09-04'))).toBeNull();
  });

  it('is refused on the 9th and 10th working day after the 催告书 and accepted on the next day', () => {
    const late = [decision, reminder('2025-09-01', FINE)];
    expect(refusalOf(late, apply('2025-09-12'))).toContain('第五十四条、第六十九条');
    expect(refusalOf(late, apply('2025-09-15'))).toContain('最早2025-09-16');
    expect(refusalOf(late, apply('2025-09-16'))).toBeNull();
  });

  it('is accepted on the last day of the 3-month window and refused the day after', () => {
    expect(refusalOf(early, apply('2025-12-03'))).toBeNull();
    expect(refusalOf(early, apply('2025-12-04'))).toContain('至2025-12-03（《行政强制法》第五十三条）');
  });

  it('must be signed by the authority head (第五十五条)', () => {
    expect(refusalOf(early, { ...apply('2025-09-10'), approvedBy: '李志强' } as EnforcementEvent)).toContain(
      '第五十五条',
    );
  });

  it('is refused after the statement of the party was adopted (第三十六条)', () => {
    const adopted: EnforcementEvent = {
      type: 'officer.registerStatement',
      at: AT,
      date: '2025-04-03',
      summary: '罚款已于3月17日缴纳，附银行回单。',
      review: 'adopted',
      reason: '经核实银行回单属实。',
    };
    expect(refusalOf([...early, adopted], apply('2025-09-10'))).toContain('第三十六条');
  });
});

describe('加处罚款 (《行政处罚法》第七十二条)', () => {
  it('3% of the fine a day from the day after the due date, capped at the fine (day 33 under, day 34 capped)', () => {
    const c = run([decision]).context as EnforcementContext;
    expect(surchargeOwed(c, '2025-03-18')).toBe(0);
    expect(surchargeOwed(c, '2025-03-19')).toBe(600);
    expect(surchargeOwed(c, '2025-04-20')).toBe(19_800);
    expect(surchargeOwed(c, '2025-04-21')).toBe(FINE);
    expect(surchargeOwed(c, '2025-09-10')).toBe(FINE);
  });

  it('a 催告书 or an application stating more 加处罚款 than the fine is refused; the fine itself is accepted', () => {
    expect(refusalOf([decision], reminder('2025-04-21', FINE + 1))).toContain('不得超出罚款的数额');
    expect(refusalOf([decision], reminder('2025-04-21', FINE))).toBeNull();
    const reminded = [decision, reminder('2025-04-01', 900)];
    expect(refusalOf(reminded, apply('2025-09-10', FINE + 1))).toContain('第四十五条第二款');
    expect(refusalOf(reminded, payment('2025-04-10', FINE, FINE + 1))).toContain('第七十二条');
  });

  it('a fine not paid in one sum without an approved plan is refused (第六十六条、第六十七条)', () => {
    expect(refusalOf([decision], payment('2025-03-10', 5_000))).toContain('一次缴清');
  });
});

describe('延期、分期缴纳 (《行政处罚法》第六十六条)', () => {
  it('is decided only on the application of the party, by the head, for real hardship, for the whole fine', () => {
    expect(refusalOf([decision], approve(PLAN))).toContain('须经当事人申请');
    expect(refusalOf([decision, application], approve(PLAN, { approvedBy: '李志强' }))).toContain('本机关负责人');
    expect(refusalOf([decision, application], approve(PLAN, { hardshipFound: false }))).toContain('确有经济困难');
    expect(refusalOf([decision, application], approve([PLAN[0]!, { dueOn: '2025-05-14', amount: 9_000 }]))).toContain(
      '须等于罚款数额',
    );
    expect(refusalOf([decision, application], approve(PLAN))).toBeNull();
  });

  it('no 催告 while the application is pending or the plan is honoured; allowed once an installment is missed', () => {
    expect(refusalOf([decision, application], reminder('2025-03-25'))).toContain('须先作出是否批准的决定');
    const approved = [decision, application, approve(PLAN)];
    expect(refusalOf(approved, reminder('2025-04-14'))).toContain('第六十六条');
    expect(refusalOf([...approved, payment('2025-04-14', 10_000)], reminder('2025-05-14'))).toContain('第六十六条');
    // The first installment was not paid by 2025-04-14: the plan is broken the next day.
    expect(refusalOf(approved, reminder('2025-04-15', 600))).toBeNull();
  });

  it('no 加处罚款 is owed for installments paid on time, and it runs from the missed installment', () => {
    const paid = run([decision, application, approve(PLAN), payment('2025-04-14', 10_000)])
      .context as EnforcementContext;
    expect(surchargeOwed(paid, '2025-05-14')).toBe(0);
    expect(surchargeOwed(paid, '2025-05-16')).toBe(1_200);
    const done = run([
      decision,
      application,
      approve(PLAN),
      payment('2025-04-14', 10_000),
      payment('2025-05-14', 10_000),
    ]);
    expect(done.value).toBe('paid');
  });
});

describe('scenarios: scored rules and printed documents', () => {
  const court = getScenario('enforce-court-application')!;
  const installments = getScenario('enforce-installments')!;

  it('the court application names the basic court, the fine and the capped 加处罚款', () => {
    const f = court.fixture('law-doc') as EnforcementFixture;
    const state = runAnswer(court.id, 'law-doc', court.modelAnswer(f));
    const docs = renderDocuments(state);
    expect(docs.map((d) => d.title)).toEqual(['催告书', '强制执行申请书']);
    const application = docs[1]!;
    expect(application.addressee).toBe(`${f.court}：`);
    expect(application.number).toMatch(/应急强执〔\d{4}〕\d+号$/);
    const body = application.sections.flatMap((s) => s.lines).join('');
    expect(body).toContain(`罚款人民币${yuan(f.decision.amount)}，加处罚款人民币${yuan(f.decision.amount)}`);
    // The execution documents carry the number of the decision's register entry.
    expect(docs[0]!.number!.replace('执行催告', '罚')).toBe(f.decision.number);
  });

  it('the installment approval prints every installment and the 加处罚款 standard', () => {
    const f = installments.fixture('law-doc') as EnforcementFixture;
    const state = runAnswer(installments.id, 'law-doc', installments.modelAnswer(f));
    expect(state.current.state).toBe('paid');
    const docs = renderDocuments(state);
    expect(docs.map((d) => d.title)).toEqual(['延期（分期）缴纳罚款审批表', '延期（分期）缴纳罚款批准书']);
    const body = docs[1]!.sections.flatMap((s) => s.lines).join('');
    for (const p of f.requestedPlan) expect(body).toContain(yuan(p.amount));
    expect(body).toContain(`每日按罚款数额的${Math.round(LEGAL.latePaymentRate.value * 100)}%加处罚款`);
  });

  it('refusing a real hardship application and applying to the court never scores 100', () => {
    const f = installments.fixture('law-2') as EnforcementFixture;
    const state = runAnswer(installments.id, 'law-2', enforcementAnswer(f, { refuseInstallments: true }));
    expect(state.current.state).toBe('appliedToCourt');
    expect(lostCodes(state)).toEqual(['WRONG_INSTALLMENT']);
    expect(scoreAttempt(state).total).toBeLessThan(100);
  });
});
