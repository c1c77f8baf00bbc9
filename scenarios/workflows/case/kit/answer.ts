/** The answer builder (model answer and mistakes vary it), the case's dates and the preset events of a case. */
import type { AnswerStep } from '../../../types';
import {
  earliestHearingDate,
  hearingRequestEnd,
  noticeCarriesHearingRight,
  statementPeriodEnd,
  totalSurcharge,
  type CaseEvent,
  type PersonFine,
  type StatementReview,
} from '../machine';
import { LEGAL } from '../../../law/legal-constants';
import { appealTermAnswers } from '../../../kit/appeal-terms';
import {
  fineRangeProblem,
  lighterCeiling,
  NO_PENALTY_GROUNDS,
  noPenaltyGroundFor,
  PENALTY_ARTICLES,
  penaltyBasis,
  personFinesApply,
  REQUIRED_TRANSFER_MATERIALS,
  VIOLATIONS,
  yuan,
  type ArticleId,
  type CrimeId,
  type MitigationId,
  type NoPenaltyGround,
  type PenaltyKind,
  type TierId,
  type TransferMaterial,
} from '../../../law/penalties';
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
  /** How the case ends; by default what the fixture's facts call for (see `expectedOutcome`). */
  outcome?: CaseOutcome;
  kind?: PenaltyKind;
  mitigation?: MitigationId | null;
  /** `omitOne`: only the first responsible person is fined. */
  personFines?: 'omitOne';
  reviewerId?: string;
  discussionSize?: number;
  noPenaltyGround?: NoPenaltyGround;
  crime?: CrimeId;
  materials?: TransferMaterial[];
}

export type CaseOutcome = 'penalty' | 'noPenalty' | 'transfer';

/**
 * What the facts call for: a transfer when they show a crime's elements (《行政处罚法》第二十七条), 不予处罚
 * when 第三十三条第一款前段 makes it mandatory, otherwise a penalty.
 */
export function expectedOutcome(f: CaseFixture): CaseOutcome {
  if (f.crime) return 'transfer';
  const ground = noPenaltyGroundFor(f.findings);
  return ground && NO_PENALTY_GROUNDS[ground].mandatory ? 'noPenalty' : 'penalty';
}

/** The model answer's fine on each responsible person: the article's person range at the fixture's share. */
export function modelPersonFines(f: CaseFixture, articleId: ArticleId, tierId: TierId): PersonFine[] {
  const range = PENALTY_ARTICLES[articleId].personRange;
  if (!personFinesApply(articleId, tierId) || !range) return [];
  const amount = Math.round((range[0] + (range[1] - range[0]) * f.personFineShare) / 1000) * 1000;
  return f.responsible.map((p) => ({ name: p.name, role: p.role, amount }));
}

/** The fine of a 从轻 decision: the fixture's amount, brought into the lower part of the range. */
export function lighterAmount(articleId: ArticleId, tierId: TierId, amount: number): number {
  return Math.min(amount, lighterCeiling(articleId, tierId, LEGAL.lighterShare.value) ?? amount);
}

function personFineValues(fines: PersonFine[]): Record<string, string> {
  const out: Record<string, string> = {};
  fines.forEach((p, i) => {
    out[`person${i + 1}Name`] = p.name;
    out[`person${i + 1}Amount`] = String(p.amount);
  });
  return out;
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
  const outcome = o.outcome ?? expectedOutcome(f);
  if (outcome !== 'penalty') return otherOutcome(f, outcome, o);
  const articleId = o.articleId ?? f.articleId;
  const tierId = o.tierId ?? f.tierId;
  const mitigation = o.mitigation !== undefined ? o.mitigation : f.mitigation;
  const kind = o.kind ?? (mitigation ? 'lighter' : 'penalty');
  const amount = o.amount ?? (kind === 'lighter' ? lighterAmount(articleId, tierId, f.amount) : f.amount);
  const allPersons = modelPersonFines(f, articleId, tierId);
  const personFines = o.personFines === 'omitOne' ? allPersons.slice(0, 1) : allPersons;
  const terms = {
    kind,
    mitigation: mitigation ?? '',
    ...personFineValues(personFines),
  };
  const t = caseTimeline(f, {
    ...(o.hearing !== undefined ? { hearing: o.hearing } : {}),
    ...(o.serviceDelay !== undefined ? { serviceDelay: o.serviceDelay } : {}),
  });
  const carriesHearingRight = noticeCarriesHearingRight({ articleId, tierId, amount, personFines });
  const hearingRight = o.hearingRightStated ?? carriesHearingRight;
  const team = validTeam(f).map((x) => x.id);
  const surcharge =
    totalSurcharge(
      { articleId, tierId, amount, personFines },
      addLegalDays(t.servedOn, LEGAL.paymentPeriod.value),
      t.paidOn,
    ) + (o.surchargeDelta ?? 0);
  // 法制审核 and 集体讨论 (《行政处罚法》第五十七条第二款、第五十八条): the day after the party has been heard.
  const heavy = carriesHearingRight || t.hearingOn !== null;
  const reviewOn = addWorkingDays(t.hearingOn ?? hearingRequestEnd(t.noticeOn), 1);
  const basis = penaltyBasis(f.violationId, articleId);
  const fines = [
    `对${f.enterprise.name}罚款${yuan(amount)}`,
    ...personFines.map((p) => `对${p.name}罚款${yuan(p.amount)}`),
  ];
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
        ...terms,
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
    ...(heavy
      ? [
          {
            stepId: 'legalReview',
            values: {
              date: reviewOn,
              reviewerId: o.reviewerId ?? 'reviewer-1',
              opinion: `执法主体合法，执法人员具备执法资格；违法事实清楚，证据确凿充分；适用${penaltyBasis(f.violationId, f.articleId)}正确；程序合法；拟处罚适当。同意拟处罚意见。`,
            },
          },
          {
            stepId: 'discussion',
            values: {
              date: t.decisionOn,
              participantIds: f.leaders
                .slice(0, o.discussionSize ?? LEGAL.collectiveDiscussionQuorum.value)
                .map((l) => l.id),
              conclusion: `经集体讨论，同意承办人的拟处罚意见和法制审核意见，对${f.enterprise.name}依法作出行政处罚决定。`,
            },
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
        ...terms,
        correctionDeadline: addDays(t.decisionOn, f.correctionDays),
        statementReview: statement?.review ?? '',
        reviewReason: statement?.reviewReason ?? '',
        ...appealTermAnswers(o.reconsiderationDays),
      },
    },
    { stepId: 'serve', values: { date: t.servedOn, method: 'direct', recipient: f.enterprise.legalRepresentative } },
    { stepId: 'payment', values: { date: t.paidOn, surcharge: String(surcharge) } },
    { stepId: 'close', values: { date: t.closedOn, approvedBy: f.head } },
  ];
  return o.from === 'notice' ? steps.filter((s) => !['file', 'evidence'].includes(s.stepId)) : steps;
}

/** The dates of a case that ends without a penalty: 不予处罚 (decided, served, closed) or a transfer. */
export function otherOutcomeTimeline(f: CaseFixture) {
  const inquiryOn = addWorkingDays(f.filedOn, 1);
  const decisionOn = f.noticeOn;
  const servedOn = addWorkingDays(decisionOn, f.serviceDelay);
  const reportedOn = addWorkingDays(inquiryOn, f.reportDelay);
  const approvedOn = addDays(reportedOn, 1);
  return { inquiryOn, decisionOn, servedOn, closedOn: addWorkingDays(servedOn, 2), reportedOn, approvedOn };
}

/** 立案 and 调查取证, then 不予处罚 or 移送. */
function otherOutcome(f: CaseFixture, outcome: 'noPenalty' | 'transfer', o: CaseAnswerOptions): AnswerStep[] {
  const team = validTeam(f).map((x) => x.id);
  const t = otherOutcomeTimeline(f);
  const findings = f.findings;
  const steps: AnswerStep[] = [
    {
      stepId: 'file',
      values: {
        filedOn: f.filedOn,
        violationId: f.violationId,
        summary: `${f.facts}以上行为涉嫌违反${VIOLATIONS[f.violationId].duty}的规定，申请立案。`,
        approvedBy: f.head,
        approved: 'on',
      },
    },
    { stepId: 'evidence', values: { date: f.discoveredOn, kind: 'inspection', officerIds: team } },
    { stepId: 'evidence', values: { date: t.inquiryOn, kind: 'inquiry', officerIds: team } },
  ];
  if (outcome === 'transfer')
    return [
      ...steps,
      {
        stepId: 'transfer',
        values: {
          reportedOn: t.reportedOn,
          approvedOn: t.approvedOn,
          transferredOn: t.approvedOn,
          approvedBy: f.head,
          crime: o.crime ?? f.crime ?? 'dangerousOperation',
          recipient: f.transferRecipient,
          materials: o.materials ?? [...REQUIRED_TRANSFER_MATERIALS],
        },
      },
    ];
  return [
    ...steps,
    {
      stepId: 'noPenalty',
      values: {
        date: t.decisionOn,
        ground: o.noPenaltyGround ?? noPenaltyGroundFor(findings) ?? 'minorNoHarm',
        ...(findings.minor ? { minor: 'on' } : {}),
        ...(findings.firstOffence ? { firstOffence: 'on' } : {}),
        ...(findings.correctedInTime ? { correctedInTime: 'on' } : {}),
        harm: findings.harm,
        educated: 'on',
        approvedBy: f.head,
      },
    },
    {
      stepId: 'serve',
      values: {
        date: addWorkingDays(t.decisionOn, o.serviceDelay ?? f.serviceDelay),
        method: 'direct',
        recipient: f.enterprise.legalRepresentative,
      },
    },
    {
      stepId: 'close',
      values: {
        date: addWorkingDays(addWorkingDays(t.decisionOn, o.serviceDelay ?? f.serviceDelay), 2),
        approvedBy: f.head,
      },
    },
  ];
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
