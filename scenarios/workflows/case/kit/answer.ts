/** The answer builder (model answer and mistakes vary it), the case's dates and the preset events of a case. */
import type { AnswerStep } from '../../../types';
import {
  earliestHearingDate,
  hearingRequestEnd,
  lateSurcharge,
  noticeCarriesHearingRight,
  statementPeriodEnd,
  type CaseEvent,
  type StatementReview,
} from '../machine';
import { LEGAL } from '../../../law/legal-constants';
import { fineRangeProblem, PENALTY_ARTICLES, VIOLATIONS, type ArticleId, type TierId } from '../../../law/penalties';
import { addDays, addLegalDays, addWorkingDays } from '../../../law/working-days';
import { validTeam, type CaseFixture } from './fixture';

/** Choices that the answer builder varies; the model answer uses none. */
export interface CaseAnswerOptions {
  from?: 'file' | 'notice';
  articleId?: ArticleId;
  tierId?: TierId;
  amount?: number;
  hearingRightStated?: boolean;
  calendarHearingDeadline?: boolean;
  hearing?: boolean;
  reconsiderationDays?: number;
  serviceDelay?: number;
  surchargeDelta?: number;
  /** `skip`: no 陈述申辩 registered although the party made one; `invent`: one registered that was never made. */
  statement?: 'skip' | 'invent';
}

/** A statement the party never made (the mistake of registering one anyway). */
const INVENTED_STATEMENT = '当事人对违法事实无异议，请求从轻处罚。';

/** A representative fine inside a tier (used when a mistake switches tier). */
export function amountInTier(articleId: ArticleId, tierId: TierId): number {
  const tier = PENALTY_ARTICLES[articleId].tiers.find((t) => t.id === tierId)!;
  return tier.minExclusive ? Math.min(tier.max!, 40_000) : Math.round((tier.min + tier.max!) / 2 / 1000) * 1000;
}

/** Another article whose same tier also admits the amount (for the wrong-article mistake). */
export function confusableArticle(
  articleId: ArticleId,
  tierId: TierId,
  amount: number,
): { articleId: ArticleId; amount: number } {
  const others = (Object.keys(PENALTY_ARTICLES) as ArticleId[]).filter((id) => id !== articleId);
  const same = others.find((id) => fineRangeProblem(id, tierId, amount) === null);
  if (same) return { articleId: same, amount };
  const fallback = others.find((id) => id === 'art102') ?? others[0]!;
  return { articleId: fallback, amount: amountInTier(fallback, tierId) };
}

export interface CaseTimeline {
  noticeOn: string;
  statementOn: string | null;
  hearingRequestOn: string | null;
  hearingNoticeOn: string | null;
  hearingOn: string | null;
  decisionOn: string;
  servedOn: string;
  paidOn: string;
  closedOn: string;
}

/** The dates of the case, with or without a hearing. */
export function caseTimeline(f: CaseFixture, opts: { hearing?: boolean; serviceDelay?: number } = {}): CaseTimeline {
  const hearing = opts.hearing ?? f.hearingRequested;
  const statementOn = f.statement ? addWorkingDays(f.noticeOn, f.statement.daysAfterNotice) : null;
  const periodsEnd = hearingRequestEnd(f.noticeOn);
  const hearingRequestOn = hearing ? addWorkingDays(f.noticeOn, 2) : null;
  const hearingNoticeOn = hearingRequestOn ? addWorkingDays(hearingRequestOn, 1) : null;
  const hearingOn = hearingNoticeOn ? earliestHearingDate(hearingNoticeOn) : null;
  const decisionOn = addWorkingDays(hearingOn ?? periodsEnd, f.decisionDelay);
  const servedOn = addWorkingDays(decisionOn, opts.serviceDelay ?? f.serviceDelay);
  const paidOn = addDays(servedOn, f.payDelay);
  const closedOn = addWorkingDays(paidOn, 2);
  return {
    noticeOn: f.noticeOn,
    statementOn,
    hearingRequestOn,
    hearingNoticeOn,
    hearingOn,
    decisionOn,
    servedOn,
    paidOn,
    closedOn,
  };
}

/** Builds an answer: with no options, the model answer. */
export function caseAnswer(f: CaseFixture, o: CaseAnswerOptions = {}): AnswerStep[] {
  const articleId = o.articleId ?? f.articleId;
  const tierId = o.tierId ?? f.tierId;
  const amount = o.amount ?? f.amount;
  const t = caseTimeline(f, {
    ...(o.hearing !== undefined ? { hearing: o.hearing } : {}),
    ...(o.serviceDelay !== undefined ? { serviceDelay: o.serviceDelay } : {}),
  });
  const hearingRight = o.hearingRightStated ?? noticeCarriesHearingRight({ articleId, tierId, amount });
  const team = validTeam(f).map((x) => x.id);
  const surcharge =
    lateSurcharge(amount, addLegalDays(t.servedOn, LEGAL.paymentPeriod.value), t.paidOn) + (o.surchargeDelta ?? 0);
  const statement =
    o.statement === 'skip'
      ? null
      : o.statement === 'invent' && !f.statement
        ? {
            date: addWorkingDays(f.noticeOn, 1),
            text: INVENTED_STATEMENT,
            review: 'rejected' as StatementReview,
            reviewReason: '违法事实清楚，证据确凿，维持拟处罚意见。',
          }
        : f.statement && t.statementOn
          ? {
              date: t.statementOn,
              text: f.statement.text,
              review: f.statement.review,
              reviewReason: f.statement.reviewReason,
            }
          : null;
  const violation = VIOLATIONS[f.violationId];
  const steps: AnswerStep[] = [
    {
      stepId: 'file',
      values: {
        filedOn: f.filedOn,
        violationId: f.violationId,
        summary: `${f.facts}以上行为涉嫌违反${violation.duty}的规定，申请立案。`,
        approvedBy: f.head,
        approved: 'on',
      },
    },
    // The 检查笔录 of the inspection that found the violation predates 立案; the 询问笔录 follows it.
    { stepId: 'evidence', values: { date: f.discoveredOn, kind: 'inspection', officerIds: team } },
    { stepId: 'evidence', values: { date: addWorkingDays(f.filedOn, 1), kind: 'inquiry', officerIds: team } },
    {
      stepId: 'notice',
      values: {
        date: t.noticeOn,
        articleId,
        tierId,
        amount: String(amount),
        ...(hearingRight ? { hearingRightStated: 'on' } : {}),
        statementDeadline: statementPeriodEnd(t.noticeOn),
        hearingDeadline: hearingRight
          ? o.calendarHearingDeadline
            ? addDays(t.noticeOn, LEGAL.hearingRequestPeriod.value)
            : hearingRequestEnd(t.noticeOn)
          : '',
      },
    },
    ...(statement ? [{ stepId: 'statement', values: { date: statement.date, summary: statement.text } }] : []),
    ...(t.hearingRequestOn && t.hearingNoticeOn && t.hearingOn
      ? [
          { stepId: 'hearingRequest', values: { date: t.hearingRequestOn } },
          {
            stepId: 'hearingSchedule',
            values: {
              noticeDate: t.hearingNoticeOn,
              hearingDate: t.hearingOn,
              hearingTime: f.hearing.time,
              place: f.hearing.place,
            },
          },
          {
            stepId: 'hearingRecord',
            values: { date: t.hearingOn, partyArguments: f.hearing.arguments, conclusion: 'maintain' },
          },
        ]
      : []),
    {
      stepId: 'decision',
      values: {
        date: t.decisionOn,
        articleId,
        tierId,
        amount: String(amount),
        correctionDeadline: addDays(t.decisionOn, f.correctionDays),
        statementReview: statement?.review ?? '',
        reviewReason: statement?.reviewReason ?? '',
        paymentDays: String(LEGAL.paymentPeriod.value),
        reconsiderationDays: String(o.reconsiderationDays ?? LEGAL.reconsiderationPeriod.value),
        litigationMonths: String(LEGAL.litigationPeriod.value),
      },
    },
    { stepId: 'serve', values: { date: t.servedOn, method: 'direct', recipient: f.enterprise.legalRepresentative } },
    { stepId: 'payment', values: { date: t.paidOn, surcharge: String(surcharge) } },
    { stepId: 'close', values: { date: t.closedOn, approvedBy: f.head } },
  ];
  return o.from === 'notice' ? steps.filter((s) => !['file', 'evidence'].includes(s.stepId)) : steps;
}

/** Events that put a penalty-document scenario after filing and investigation. */
export function presetThroughInvestigation(f: CaseFixture, at: string): CaseEvent[] {
  const team = validTeam(f).map((x) => x.id);
  return [
    {
      type: 'officer.fileCase',
      at,
      filedOn: f.filedOn,
      violationId: f.violationId,
      summary: f.facts,
      approvedBy: f.head,
      approved: true,
    },
    { type: 'officer.recordEvidence', at, date: f.discoveredOn, kind: 'inspection', officerIds: team },
    { type: 'officer.recordEvidence', at, date: addWorkingDays(f.filedOn, 1), kind: 'inquiry', officerIds: team },
  ];
}
