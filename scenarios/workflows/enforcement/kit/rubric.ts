/** Rubric items of the enforcement workflow, with their stable error codes and the mistake each one catches. */
import type { RubricItem, ScoringInput } from '../../../types';
import { LEGAL } from '../../../law/legal-constants';
import { yuan } from '../../../law/penalties';
import {
  appealPeriodsEnd,
  courtApplicationLastDay,
  latestInstallmentDue,
  surchargeOwed,
  type EnforcementContext,
} from '../machine';
import { enforcementAnswer } from './answer';
import type { EnforcementFixture } from './fixture';

type Item = RubricItem<EnforcementFixture, 'enforcement'>;
type Input = ScoringInput<EnforcementFixture, 'enforcement'>;

/** What is still owed on `onDate` from the payments made before it. */
function outstandingOn(c: EnforcementContext, onDate: string): number {
  return (c.decision?.amount ?? 0) - c.payments.filter((p) => p.date < onDate).reduce((s, p) => s + p.amount, 0);
}

/** 加处罚款 expected at `onDate`, after what was already paid, within the cap. */
function surchargeExpected(c: EnforcementContext, onDate: string): number {
  const paidBefore = c.payments.filter((p) => p.date < onDate).reduce((s, p) => s + p.surcharge, 0);
  return Math.max(0, Math.min(surchargeOwed(c, onDate), (c.decision?.amount ?? 0) - paidBefore));
}

/** An item that is settled by the court application; a fine paid in full leaves nothing to apply for. */
function onApplication(
  { context, state, finished }: Input,
  check: (a: NonNullable<EnforcementContext['courtApplication']>) => { ok: boolean; actual: string },
  expected: string,
  explanation: { ok: string; wrong: string },
) {
  const a = context.courtApplication;
  if (!a) {
    const earned = state === 'paid';
    return {
      earned,
      pending: !finished,
      expected,
      actual: earned ? '罚款已缴清，无须申请强制执行' : '未申请强制执行',
      explanation: earned ? '当事人已履行，无须申请强制执行。' : explanation.wrong,
    };
  }
  const { ok, actual } = check(a);
  return { earned: ok, expected, actual, explanation: ok ? explanation.ok : explanation.wrong };
}

/** Rubric items for the enforcement workflow. */
export const enforcementRubric = {
  reminderBeforeApplication: (weight: number): Item => ({
    id: 'reminder-before-application',
    code: 'NO_REMINDER_BEFORE_APPLICATION',
    title: '申请强制执行前依法催告',
    weight,
    rule: '申请人民法院强制执行前，以书面催告书催告当事人履行，写明履行期限、方式、金额和当事人的陈述权、申辩权；当事人陈述申辩的，记录并复核',
    citation: '《行政强制法》第三十五条、第三十六条、第五十四条',
    feedbackAfter: ['reminder', 'statement', 'apply'],
    evaluate: ({ fixture, context, finished }) => {
      const r = context.reminder;
      const statementMissed =
        fixture.statement !== null && context.statement === null && context.courtApplication !== null;
      const invented = fixture.statement === null && context.statement !== null;
      const wrong = (r !== null && !r.rightsStated) || statementMissed || invented;
      const earned = r !== null && !wrong;
      return {
        earned,
        pending: !earned && !wrong && !finished,
        expected: `催告书写明履行期限、方式、金额并告知陈述权、申辩权${fixture.statement ? '；登记并复核当事人的陈述申辩' : ''}`,
        actual: r
          ? `${r.date}送达催告书，${r.rightsStated ? '告知了' : '未告知'}陈述权、申辩权${context.statement ? `；登记陈述申辩（${context.statement.date}）` : ''}`
          : '未催告',
        explanation: earned
          ? '催告程序符合规定。'
          : r === null
            ? '申请人民法院强制执行前，应当催告当事人履行义务。'
            : !r.rightsStated
              ? '催告书应当载明当事人依法享有的陈述权和申辩权（第三十五条第（四）项）；缺少该内容的催告不能作为申请强制执行的前提。'
              : invented
                ? '当事人未提出陈述、申辩，不能记载其提出。'
                : '当事人收到催告书后提出了陈述、申辩，行政机关应当记录、复核（第三十六条），并在申请材料中附当事人的意见（第五十五条第（三）项）。',
      };
    },
    mistake: {
      description: '催告书未告知当事人的陈述权和申辩权',
      apply: (_answer, f) => enforcementAnswer(f, { rightsOmitted: true }),
    },
  }),
  applicationNotTooEarly: (weight: number): Item => ({
    id: 'application-not-too-early',
    code: 'APPLICATION_TOO_EARLY',
    title: '申请强制执行的起算：复议、诉讼期限届满',
    weight,
    rule: `当事人在法定期限内不申请行政复议（${LEGAL.reconsiderationPeriod.value}日）或者提起行政诉讼（${LEGAL.litigationPeriod.value}个月），又不履行的，期限届满后方可申请；申请书写明的届满日期正确`,
    citation: '《行政强制法》第五十三条；《行政复议法》第二十条；《行政诉讼法》第四十六条',
    feedbackAfter: ['apply'],
    evaluate: (input) => {
      const servedOn = input.context.decision?.servedOn ?? input.fixture.decision.servedOn;
      const expected = appealPeriodsEnd(servedOn);
      return onApplication(
        input,
        (a) => ({ ok: a.appealsLapsedOn === expected, actual: `复议、诉讼期限届满日期写为${a.appealsLapsedOn}` }),
        `复议、诉讼期限于${expected}届满（两者中较晚者）`,
        {
          ok: '复议、诉讼期限计算正确。',
          wrong: `行政诉讼的起诉期限为${LEGAL.litigationPeriod.value}个月（原行政诉讼法的3个月已于2015年修改），复议、诉讼期限都届满后才能申请。`,
        },
      );
    },
    mistake: {
      description: '按旧法3个月计算诉讼期限，申请书写错期限届满日期',
      apply: (_answer, f) => enforcementAnswer(f, { oldLitigationPeriod: true }),
    },
  }),
  applicationNotTooLate: (weight: number): Item => ({
    id: 'application-not-too-late',
    code: 'APPLICATION_TOO_LATE',
    title: '申请强制执行的期限',
    weight,
    rule: `自复议、诉讼期限届满之日起${LEGAL.courtApplicationWindow.value}个月内申请人民法院强制执行；申请书写明的期限正确`,
    citation: '《行政强制法》第五十三条',
    feedbackAfter: ['apply'],
    evaluate: (input) => {
      const servedOn = input.context.decision?.servedOn ?? input.fixture.decision.servedOn;
      const expected = courtApplicationLastDay(servedOn);
      return onApplication(
        input,
        (a) => ({ ok: a.lastDay === expected, actual: `申请期限届满日期写为${a.lastDay}` }),
        `申请期限至${expected}`,
        {
          ok: '申请期限计算正确。',
          wrong: `申请期限自复议、诉讼期限届满之日起计算${LEGAL.courtApplicationWindow.value}个月，不是自催告书送达或者缴款期限届满之日起计算。`,
        },
      );
    },
    mistake: {
      description: '把申请期限从催告书送达之日起算3个月',
      apply: (_answer, f) => enforcementAnswer(f, { lastDayFromReminder: true }),
    },
  }),
  surcharge: (weight: number): Item => ({
    id: 'surcharge',
    code: 'WRONG_SURCHARGE',
    title: '加处罚款',
    weight,
    rule: `到期不缴纳罚款的，自缴款期限届满次日起每日按罚款数额的${Math.round(LEGAL.latePaymentRate.value * 100)}%加处罚款，总额不超过罚款数额；经批准延期、分期且按期缴纳的，不加处罚款`,
    citation: '《行政处罚法》第六十六条、第七十二条；《行政强制法》第四十五条',
    feedbackAfter: ['reminder', 'payment', 'apply'],
    evaluate: ({ context, finished }) => {
      const entries: { what: string; stated: number; expected: number }[] = [];
      const r = context.reminder;
      if (r)
        entries.push({
          what: `催告书（${r.date}）`,
          stated: r.surcharge,
          expected: surchargeExpected(context, r.date),
        });
      for (const p of context.payments)
        entries.push({ what: `缴款（${p.date}）`, stated: p.surcharge, expected: surchargeExpected(context, p.date) });
      const a = context.courtApplication;
      if (a)
        entries.push({
          what: `申请书（${a.date}）`,
          stated: a.surcharge,
          expected: surchargeExpected(context, a.date),
        });
      const wrong = entries.filter((e) => e.stated !== e.expected);
      const earned = entries.length > 0 && wrong.length === 0;
      return {
        earned,
        pending: entries.length === 0 && !finished,
        expected: entries.map((e) => `${e.what}${yuan(e.expected)}`).join('；') || '按日计算',
        actual: entries.map((e) => `${e.what}${yuan(e.stated)}`).join('；') || '未记载',
        explanation: earned
          ? '加处罚款计算正确。'
          : wrong.length > 0
            ? `${wrong.map((e) => e.what).join('、')}的加处罚款有误：自期限届满次日起按日计算，不超过罚款数额；按批准的期限缴纳的不加处。`
            : '尚未记载加处罚款。',
      };
    },
    mistake: {
      description: '催告书多算一日加处罚款（分期场景：对按期缴纳的分期款加处罚款）',
      apply: (_answer, f) =>
        enforcementAnswer(
          f,
          f.reminderOn
            ? { reminderSurchargeDelta: Math.round(f.decision.amount * LEGAL.latePaymentRate.value) }
            : { surchargeOnInstallment: true },
        ),
    },
  }),
  installment: (weight: number): Item => ({
    id: 'installment',
    code: 'WRONG_INSTALLMENT',
    title: '延期（分期）缴纳的审批',
    weight,
    rule: '当事人确有经济困难申请分期缴纳的，经负责人批准可以分期；各期数额之和等于罚款数额，最后一期不晚于申请人民法院强制执行的期限届满之日',
    citation: '《行政处罚法》第六十六条第二款；《行政强制法》第五十三条',
    feedbackAfter: ['installment'],
    evaluate: ({ fixture, context, finished }) => {
      const i = context.installment;
      const latest = latestInstallmentDue(fixture.decision.servedOn);
      if (!i)
        return {
          earned: false,
          pending: !finished,
          expected: '审批当事人的申请',
          actual: '未审批',
          explanation: '当事人申请延期（分期）缴纳的，行政机关应当审查并作出是否批准的决定。',
        };
      const last = i.plan[i.plan.length - 1]?.dueOn ?? null;
      const earned = i.approved && i.hardshipFound && last !== null && last <= latest;
      return {
        earned,
        expected: `确有经济困难，批准分期，最后一期不晚于${latest}`,
        actual: i.approved ? `批准分${i.plan.length}期，最后一期${last}` : '不予批准',
        explanation: earned
          ? '延期（分期）缴纳审批符合规定。'
          : !i.approved
            ? '当事人提供了确有经济困难的证明材料，依法可以批准分期缴纳，不予批准且随即催告、申请强制执行不当。'
            : `最后一期缴纳期限（${last}）晚于申请人民法院强制执行的期限（${latest}），逾期不缴时将无法申请强制执行。`,
      };
    },
    mistake: {
      description: '最后一期定在申请强制执行期限届满之后',
      apply: (_answer, f) => enforcementAnswer(f, { planTooLong: true }),
    },
  }),
  documentFields: (weight: number): Item => ({
    id: 'document-fields',
    code: 'WRONG_DOCUMENT_FIELDS',
    title: '执行文书的必要内容',
    weight,
    rule: '催告书、强制执行申请书写明尚未缴纳的罚款并向所在地有管辖权的人民法院申请；延期（分期）缴纳批准书写明各期期限、数额并告知加处罚款的标准',
    citation: '《行政强制法》第三十五条、第四十五条第一款、第五十四条、第五十五条',
    feedbackAfter: ['installment', 'reminder', 'apply'],
    evaluate: ({ fixture, context, finished }) => {
      const problems: string[] = [];
      const parts: string[] = [];
      const r = context.reminder;
      if (r) {
        parts.push(`催告罚款${yuan(r.fine)}`);
        if (r.fine !== outstandingOn(context, r.date)) problems.push('催告书的罚款数额与尚未缴纳的罚款不符');
      }
      const a = context.courtApplication;
      if (a) {
        parts.push(`${a.court}，申请执行罚款${yuan(a.fine)}`);
        if (a.court !== fixture.court) problems.push(`应当向所在地有管辖权的基层人民法院（${fixture.court}）申请`);
        if (a.fine !== outstandingOn(context, a.date)) problems.push('申请执行的罚款与尚未缴纳的罚款不符');
      }
      const i = context.installment;
      if (i?.approved) {
        parts.push(`批准书${i.consequencesStated ? '已' : '未'}告知加处罚款标准`);
        if (!i.consequencesStated) problems.push('批准书未告知逾期缴纳加处罚款的标准');
      }
      const issued = parts.length > 0;
      const earned = issued && problems.length === 0;
      return {
        earned,
        pending: !issued && !finished,
        expected:
          [...(r || a ? [`尚未缴纳的罚款；${fixture.court}`] : []), ...(i?.approved ? ['告知加处罚款标准'] : [])].join(
            '；',
          ) || '制作执行文书',
        actual: parts.join('；') || '未制作',
        explanation: earned ? '文书内容齐全、准确。' : problems.join('；') || '尚未制作执行文书。',
      };
    },
    mistake: {
      description: '向中级人民法院申请强制执行（分期场景：批准书未告知加处罚款标准）',
      apply: (_answer, f) => enforcementAnswer(f, f.reminderOn ? { court: 'wrong' } : { consequencesOmitted: true }),
    },
  }),
};
