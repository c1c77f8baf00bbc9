/**
 * The decision's payment and appeal terms (缴款期限, 申请行政复议期限, 提起行政诉讼期限), shared by the
 * workflows whose decision states them: the form fields, the event's copy of them, the model answer's
 * values and the rubric's check against `LEGAL`.
 */
import { numberField } from '../lib/form';
import { LEGAL } from '../law/legal-constants';

export interface AppealTerms {
  paymentDays: number;
  reconsiderationDays: number;
  litigationMonths: number;
}

/** The three form fields, in the order the decision forms list them. */
export function appealTermFields() {
  return {
    paymentDays: numberField('paymentDays', '缴款期限（收到决定书之日起，日）', { min: 1, max: 365 }),
    reconsiderationDays: numberField('reconsiderationDays', '申请行政复议期限（日）', { min: 1, max: 365 }),
    litigationMonths: numberField('litigationMonths', '提起行政诉讼期限（月）', { min: 1, max: 60 }),
  };
}

/** The terms a parsed decision form carries into its event. */
export function appealTermsOf(v: AppealTerms): AppealTerms {
  return {
    paymentDays: v.paymentDays,
    reconsiderationDays: v.reconsiderationDays,
    litigationMonths: v.litigationMonths,
  };
}

/** The model answer's values: the statutory terms, or a mistaken reconsideration period. */
export function appealTermAnswers(reconsiderationDays?: number): Record<keyof AppealTerms, string> {
  return {
    paymentDays: String(LEGAL.paymentPeriod.value),
    reconsiderationDays: String(reconsiderationDays ?? LEGAL.reconsiderationPeriod.value),
    litigationMonths: String(LEGAL.litigationPeriod.value),
  };
}

/**
 * The rubric's check of the terms a decision states (null before it is made); `wording` gives what is
 * printed when it is not made yet, and when the terms are right or wrong.
 */
export function appealTermsResult(
  d: AppealTerms | null,
  wording: { notMade: string; right: string; wrong: string },
): { earned: boolean; pending: boolean; expected: string; actual: string; explanation: string } {
  const earned =
    d !== null &&
    d.paymentDays === LEGAL.paymentPeriod.value &&
    d.reconsiderationDays === LEGAL.reconsiderationPeriod.value &&
    d.litigationMonths === LEGAL.litigationPeriod.value;
  return {
    earned,
    pending: d === null,
    expected: `缴款${LEGAL.paymentPeriod.value}日、复议${LEGAL.reconsiderationPeriod.value}日、诉讼${LEGAL.litigationPeriod.value}个月`,
    actual: d
      ? `缴款${d.paymentDays}日、复议${d.reconsiderationDays}日、诉讼${d.litigationMonths}个月`
      : wording.notMade,
    explanation: earned ? wording.right : wording.wrong,
  };
}
