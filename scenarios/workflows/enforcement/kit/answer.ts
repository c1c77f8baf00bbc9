/** The answer builder (the model answer and every mistake are variations of it) and the preset events. */
import type { AnswerStep } from '../../../types';
import { lateSurcharge } from '../../case/machine';
import { addDays, addMonths } from '../../../law/working-days';
import {
  appealPeriodsEnd,
  courtApplicationLastDay,
  earliestCourtApplication,
  latestInstallmentDue,
  paymentDueDate,
  type EnforcementEvent,
  type Installment,
} from '../machine';
import type { EnforcementFixture } from './fixture';
import { onWorkingDay } from '../../../kit/people';

/** Choices the answer builder varies; the model answer uses none. */
export interface EnforcementAnswerOptions {
  /** 催告书 without the party's right to state and defend (《行政强制法》第三十五条第（四）项). */
  rightsOmitted?: boolean;
  /** Added to the 加处罚款 stated in the 催告书. */
  reminderSurchargeDelta?: number;
  /** The appeal periods' lapse stated with the litigation period of the old law (3 months). */
  oldLitigationPeriod?: boolean;
  /** The last day to apply counted 3 months from the 催告书. */
  lastDayFromReminder?: boolean;
  court?: 'wrong';
  /** Installment scenario: the application refused, then 催告 and application to the court. */
  refuseInstallments?: boolean;
  /** Installment scenario: the last installment set after the last day of enforceability. */
  planTooLong?: boolean;
  /** Installment scenario: 加处罚款 charged on the first installment although it was paid on time. */
  surchargeOnInstallment?: boolean;
  consequencesOmitted?: boolean;
}

/** 加处罚款 owed on `onDate` when no 延期/分期 was approved. */
export const surchargeWithoutPlan = (f: EnforcementFixture, onDate: string) =>
  lateSurcharge(f.decision.amount, paymentDueDate(f.decision.servedOn), onDate);

/** The dates of the court path: 催告, the party's statement, the application. */
export function courtTimeline(f: EnforcementFixture, reminderOn: string) {
  const earliest = earliestCourtApplication(reminderOn);
  const afterAppeals = onWorkingDay(addDays(appealPeriodsEnd(f.decision.servedOn), 1));
  const applyOn = afterAppeals > earliest ? afterAppeals : onWorkingDay(earliest);
  return { reminderOn, applyOn };
}

/** The plan the answer approves: the party's, or (mistake) with the last installment after the last lawful day. */
export function answerPlan(f: EnforcementFixture, tooLong = false): Installment[] {
  if (!tooLong) return f.requestedPlan;
  const late = onWorkingDay(addMonths(latestInstallmentDue(f.decision.servedOn), 1));
  return f.requestedPlan.map((p, i) => (i === f.requestedPlan.length - 1 ? { ...p, dueOn: late } : p));
}

function planValues(plan: Installment[]): Record<string, string> {
  const values: Record<string, string> = {};
  plan.forEach((p, i) => {
    values[`due${i + 1}`] = p.dueOn;
    values[`amount${i + 1}`] = String(p.amount);
  });
  return values;
}

function courtSteps(f: EnforcementFixture, o: EnforcementAnswerOptions, reminderOn: string): AnswerStep[] {
  const t = courtTimeline(f, reminderOn);
  const amount = f.decision.amount;
  const servedOn = f.decision.servedOn;
  const steps: AnswerStep[] = [
    {
      stepId: 'reminder',
      values: {
        date: reminderOn,
        fine: String(amount),
        surcharge: String(Math.min(amount, surchargeWithoutPlan(f, reminderOn) + (o.reminderSurchargeDelta ?? 0))),
        ...(o.rightsOmitted ? {} : { rightsStated: 'on' }),
      },
    },
  ];
  if (f.statement)
    steps.push({
      stepId: 'statement',
      values: { date: f.statement.date, summary: f.statement.text, review: 'rejected', reason: f.statement.reason },
    });
  steps.push({
    stepId: 'apply',
    values: {
      date: t.applyOn,
      court: o.court === 'wrong' ? f.wrongCourt : f.court,
      fine: String(amount),
      surcharge: String(surchargeWithoutPlan(f, t.applyOn)),
      appealsLapsedOn: o.oldLitigationPeriod ? addMonths(servedOn, 3) : appealPeriodsEnd(servedOn),
      lastDay: o.lastDayFromReminder ? addMonths(reminderOn, 3) : courtApplicationLastDay(servedOn),
      approvedBy: f.head,
    },
  });
  return steps;
}

/** Builds an answer: with no options, the model answer. */
export function enforcementAnswer(f: EnforcementFixture, o: EnforcementAnswerOptions = {}): AnswerStep[] {
  if (f.reminderOn) return courtSteps(f, o, f.reminderOn);
  const approvalOn = f.approvalOn!;
  if (o.refuseInstallments) {
    const reminderOn = onWorkingDay(addDays(paymentDueDate(f.decision.servedOn), 10));
    return [
      {
        stepId: 'installment',
        values: {
          date: approvalOn,
          opinion: '当事人未能证明确有经济困难，不同意分期缴纳。',
          approvedBy: f.head,
        },
      },
      ...courtSteps(f, o, reminderOn),
    ];
  }
  const plan = answerPlan(f, o.planTooLong);
  const steps: AnswerStep[] = [
    {
      stepId: 'installment',
      values: {
        date: approvalOn,
        hardshipFound: 'on',
        approved: 'on',
        opinion: `当事人${f.application!.reason}，提供了${f.application!.evidence}，确有经济困难，建议同意分${plan.length}期缴纳。`,
        approvedBy: f.head,
        ...planValues(plan),
        ...(o.consequencesOmitted ? {} : { consequencesStated: 'on' }),
      },
    },
  ];
  plan.forEach((p, i) => {
    const paidOn = i === plan.length - 1 && o.planTooLong ? p.dueOn : f.paidOn[i]!;
    const surcharge = i === 0 && o.surchargeOnInstallment ? surchargeWithoutPlan(f, paidOn) : 0;
    steps.push({
      stepId: 'payment',
      values: { date: paidOn, amount: String(p.amount), surcharge: String(surcharge) },
    });
  });
  return steps;
}

/** The events before the trainee takes over: the decision served (and the party's application, if any). */
export function enforcementPreset(f: EnforcementFixture, at: string): EnforcementEvent[] {
  const events: EnforcementEvent[] = [{ type: 'officer.recordDecision', at, ...f.decision }];
  if (f.application)
    events.push({
      type: 'officer.registerApplication',
      at,
      date: f.application.date,
      kind: 'installments',
      reason: `${f.application.reason}（证明材料：${f.application.evidence}）`,
    });
  return events;
}
