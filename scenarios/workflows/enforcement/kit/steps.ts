/** The step forms of the enforcement workflow. */
import { checkboxField, dateField, numberField, selectField, textareaField, type FieldSpec } from '../../../lib/form';
import type { Step } from '../../../types';
import { defineStep } from '../../../kit/step';
import { ENFORCEMENT_DOCUMENTS } from '../document-types';
import {
  REMINDER_REVIEW_LABELS,
  STATEMENT_REVIEWS,
  type EnforcementEvent,
  type Installment,
  type ReminderStatementReview,
} from '../machine';
import type { EnforcementFixture } from './fixture';

const step = <F extends Record<string, FieldSpec<unknown>>>(
  def: Parameters<typeof defineStep<EnforcementEvent, F>>[0],
) => defineStep<EnforcementEvent, F>(def);

const money = (name: string, label: string, help?: string, min = 0) =>
  numberField(name, label, { min, max: 100_000_000, unit: '元', ...(help ? { help } : {}) });

/** Rows of a plan form: up to this many installments. */
export const PLAN_ROWS = 4;

function planFields() {
  const fields: Record<string, FieldSpec<unknown>> = {};
  for (let i = 1; i <= PLAN_ROWS; i++) {
    fields[`due${i}`] = dateField(`due${i}`, `第${i}期缴纳期限`, { required: false });
    fields[`amount${i}`] = numberField(`amount${i}`, `第${i}期缴纳数额`, {
      required: false,
      min: 1,
      max: 100_000_000,
      unit: '元',
    });
  }
  return fields as Record<`due${number}` | `amount${number}`, FieldSpec<string | number | undefined>>;
}

function planOf(v: Record<string, unknown>): Installment[] {
  const plan: Installment[] = [];
  for (let i = 1; i <= PLAN_ROWS; i++) {
    const dueOn = v[`due${i}`];
    const amount = v[`amount${i}`];
    if (typeof dueOn === 'string' && typeof amount === 'number') plan.push({ dueOn, amount });
  }
  return plan;
}

/**
 * The forms of the enforcement workflow: `installments` offers the decision on a 延期/分期 application and the
 * registration of the payments the party makes; a scenario in which the party never pays offers neither.
 */
export function enforcementSteps(f: EnforcementFixture, opts: { installments: boolean }): Step[] {
  const approverOptions = [
    ...f.officers.map((o) => ({ value: o.name, label: `${o.name}（执法人员）` })),
    { value: f.head, label: `${f.head}（${f.authority.name}负责人）` },
  ];
  const courtOptions = [f.court, f.wrongCourt, '河北省高级人民法院'].map((c) => ({ value: c, label: c }));
  const steps: Step[] = [];
  if (opts.installments)
    steps.push(
      step({
        id: 'installment',
        module: '文书',
        title: `审批延期（分期）缴纳申请（${ENFORCEMENT_DOCUMENTS.installmentReview.name}）`,
        availableIn: ['served'],
        eventType: 'officer.decideInstallment',
        fields: {
          date: dateField('date', '审批日期'),
          hardshipFound: checkboxField('hardshipFound', '经审查，当事人确有经济困难', {
            help: '《行政处罚法》第六十六条第二款',
          }),
          approved: checkboxField('approved', '同意延期（分期）缴纳（同时制作批准书）'),
          opinion: textareaField('opinion', '承办人意见及理由', { maxLength: 2000 }),
          approvedBy: selectField('approvedBy', '审批负责人', approverOptions, {
            help: '延期、分期缴纳须经行政机关批准',
          }),
          ...planFields(),
          consequencesStated: checkboxField(
            'consequencesStated',
            '批准书告知：逾期未缴纳的，自该期届满次日起每日按罚款数额的3%加处罚款，并依法申请人民法院强制执行',
            { help: '《行政强制法》第四十五条第一款：加处罚款的标准应当告知当事人' },
          ),
        },
        refine: (v, issue) => {
          const raw = v as Record<string, unknown>;
          for (let i = 1; i <= PLAN_ROWS; i++) {
            const hasDue = raw[`due${i}`] !== undefined;
            const hasAmount = raw[`amount${i}`] !== undefined;
            if (hasDue !== hasAmount) issue(hasDue ? `amount${i}` : `due${i}`, `第${i}期须同时填写缴纳期限和数额`);
          }
          if (v.approved && planOf(raw).length === 0) issue('due1', '同意延期（分期）的，须填写缴纳期限和数额');
        },
        toEvent: (v, at) => ({
          type: 'officer.decideInstallment',
          at,
          date: v.date,
          hardshipFound: v.hardshipFound,
          approved: v.approved,
          opinion: v.opinion,
          approvedBy: v.approvedBy,
          plan: v.approved ? planOf(v as Record<string, unknown>) : [],
          consequencesStated: v.consequencesStated,
        }),
      }),
    );
  if (opts.installments)
    steps.push(
      step({
        id: 'payment',
        module: '案件',
        title: '登记罚款缴纳',
        availableIn: ['served', 'installments', 'reminded'],
        eventType: 'officer.recordPayment',
        repeatable: true,
        fields: {
          date: dateField('date', '缴款日期'),
          amount: money('amount', '缴纳罚款数额', '分期缴纳的，登记本期数额', 1),
          surcharge: money('surcharge', '加处罚款', '逾期缴纳的，每日按罚款数额的3%加处罚款，总额不超过罚款数额'),
        },
        toEvent: (v, at) => ({
          type: 'officer.recordPayment',
          at,
          date: v.date,
          amount: v.amount,
          surcharge: v.surcharge,
        }),
      }),
    );
  steps.push(
    step({
      id: 'reminder',
      module: '文书',
      title: `制作并送达${ENFORCEMENT_DOCUMENTS.paymentReminder.name}`,
      availableIn: ['served', 'installments'],
      eventType: 'officer.issueReminder',
      optional: opts.installments,
      fields: {
        date: dateField('date', '送达日期'),
        fine: money('fine', '尚未缴纳的罚款', undefined, 1),
        surcharge: money('surcharge', '截至送达之日的加处罚款'),
        rightsStated: checkboxField('rightsStated', '告知当事人依法享有陈述权和申辩权', {
          help: '《行政强制法》第三十五条第（四）项',
        }),
      },
      toEvent: (v, at) => ({
        type: 'officer.issueReminder',
        at,
        date: v.date,
        fine: v.fine,
        surcharge: v.surcharge,
        rightsStated: v.rightsStated,
      }),
    }),
    step({
      id: 'statement',
      module: '案件',
      title: '登记陈述申辩并复核',
      availableIn: ['reminded'],
      eventType: 'officer.registerStatement',
      optional: true,
      fields: {
        date: dateField('date', '陈述申辩日期'),
        summary: textareaField('summary', '陈述申辩要点', { maxLength: 2000 }),
        review: selectField(
          'review',
          '复核意见',
          STATEMENT_REVIEWS.map((r) => ({ value: r, label: REMINDER_REVIEW_LABELS[r] })),
          { help: '《行政强制法》第三十六条' },
        ),
        reason: textareaField('reason', '复核理由', { maxLength: 2000 }),
      },
      toEvent: (v, at) => ({
        type: 'officer.registerStatement',
        at,
        date: v.date,
        summary: v.summary,
        review: v.review as ReminderStatementReview,
        reason: v.reason,
      }),
    }),
    step({
      id: 'apply',
      module: '文书',
      title: `申请人民法院强制执行（${ENFORCEMENT_DOCUMENTS.courtApplication.name}）`,
      availableIn: ['reminded'],
      eventType: 'officer.applyToCourt',
      optional: opts.installments,
      fields: {
        date: dateField('date', '申请日期'),
        court: selectField('court', '受理申请的人民法院', courtOptions, {
          help: '向所在地有管辖权的人民法院申请（《行政强制法》第五十四条）',
        }),
        fine: money('fine', '申请执行的罚款', undefined, 1),
        surcharge: money('surcharge', '申请执行的加处罚款'),
        appealsLapsedOn: dateField('appealsLapsedOn', '复议、诉讼期限届满日期', {
          help: '申请行政复议和提起行政诉讼的期限均已届满之日',
        }),
        lastDay: dateField('lastDay', '申请强制执行期限届满日期', {
          help: '自复议、诉讼期限届满之日起计算（《行政强制法》第五十三条）',
        }),
        approvedBy: selectField('approvedBy', '签发申请书的负责人', approverOptions, {
          help: '强制执行申请书由行政机关负责人签名（《行政强制法》第五十五条）',
        }),
      },
      toEvent: (v, at) => ({
        type: 'officer.applyToCourt',
        at,
        date: v.date,
        court: v.court,
        fine: v.fine,
        surcharge: v.surcharge,
        appealsLapsedOn: v.appealsLapsedOn,
        lastDay: v.lastDay,
        approvedBy: v.approvedBy,
      }),
    }),
  );
  return steps;
}
