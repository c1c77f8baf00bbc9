/** The answer builder of a 当场处罚: the model answer and each mistake are variations of it. */
import type { AnswerStep } from '../../../types';
import { LEGAL } from '../../../law/legal-constants';
import { appealTermAnswers } from '../../../kit/appeal-terms';
import { addDays, addWorkingDays } from '../../../law/working-days';
import { summaryLimit, type OnSpotGround } from '../machine';
import { summaryTeam, type SummaryFixture } from './fixture';

/** Choices that the answer builder varies; the model answer uses none. */
export interface SummaryAnswerOptions {
  /** Credentials not shown when the 现场笔录 is opened, only just before the decision. */
  lateCredentials?: boolean;
  rightsStated?: boolean;
  /** The party's statement is not recorded. */
  skipStatement?: boolean;
  /** The procedure chosen: on the spot, or the general procedure. Defaults to the lawful one. */
  procedure?: 'onSpot' | 'general';
  amount?: number;
  /** Fine collected on the spot on this ground. */
  collectOnSpot?: OnSpotGround;
  filingDelay?: number;
  reconsiderationDays?: number;
}

/** The procedure the law calls for in this fixture. */
export const lawfulProcedure = (f: SummaryFixture): 'onSpot' | 'general' => (f.referralReason ? 'general' : 'onSpot');

/** Another fine within the summary limit, for the wrong-amount mistake. */
export function otherAmount(f: SummaryFixture): number {
  const limit = summaryLimit(f.partyType);
  return f.amount === limit ? Math.round(limit / 2) : limit;
}

/** Builds an answer: with no options, the model answer. */
export function summaryAnswer(f: SummaryFixture, o: SummaryAnswerOptions = {}): AnswerStep[] {
  const procedure = o.procedure ?? lawfulProcedure(f);
  const amount = o.amount ?? f.amount;
  const team = summaryTeam(f).map((x) => x.id);
  const disputed = f.statement.disputesFacts && procedure === 'general';
  const steps: AnswerStep[] = [
    {
      stepId: 'onSite',
      values: {
        date: f.date,
        time: f.time,
        place: f.enterprise.operatingAddress,
        officerIds: team,
        ...(o.lateCredentials ? {} : { credentialsShown: 'on' }),
        facts: f.facts,
      },
    },
    {
      stepId: 'notify',
      values: {
        date: f.date,
        violationId: f.violationId,
        penaltyType: 'fine',
        amount: String(amount),
        factsStated: 'on',
        ...(o.rightsStated === false ? {} : { rightsStated: 'on' }),
      },
    },
    ...(o.skipStatement
      ? []
      : [
          {
            stepId: 'statement',
            values: { date: f.date, summary: f.statement.text, ...(disputed ? { factsDisputed: 'on' } : {}) },
          },
        ]),
    ...(o.lateCredentials ? [{ stepId: 'credentials', values: { date: f.date } }] : []),
  ];
  if (procedure === 'general')
    return [
      ...steps,
      {
        stepId: 'refer',
        values: { date: f.date, reason: f.referralReason ?? 'factsDisputed', summary: f.referralSummary },
      },
    ];
  const onSpot = o.collectOnSpot ?? null;
  return [
    ...steps,
    {
      stepId: 'decision',
      values: {
        date: f.date,
        violationId: f.violationId,
        penaltyType: 'fine',
        amount: String(amount),
        correctionDeadline: addDays(f.date, f.correctionDays),
        paymentMethod: onSpot ? 'onSpot' : 'bank',
        onSpotGround: onSpot ?? '',
        ...appealTermAnswers(o.reconsiderationDays),
      },
    },
    { stepId: 'deliver', values: { date: f.date, recipient: f.enterprise.legalRepresentative, signature: 'signed' } },
    {
      stepId: 'file',
      values: {
        date: addWorkingDays(f.date, o.filingDelay ?? f.filingDelay),
        fineHandedOverOn: onSpot ? f.date : '',
      },
    },
  ];
}
