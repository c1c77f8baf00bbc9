/** The fixture of a case scenario: its type, the builder from the seeded generator, and the team it can field. */
import type { Authority } from '../../../lib/divisions';
import type { CaseInput, Reviewer, StatementReview } from '../machine';
import {
  VIOLATIONS,
  type ArticleId,
  type CrimeId,
  type MitigationId,
  type NoPenaltyFindings,
  type TierId,
  type ViolationId,
} from '../../../law/penalties';
import { addDays, addWorkingDays, isWorkingDay } from '../../../law/working-days';
import type { EnterpriseProfile, OfficerProfile } from '../../../kit/people';

/** What the party says after the 告知书, and how the case review answers it (the model 复核意见). */
export interface PartyStatement {
  text: string;
  review: StatementReview;
  reviewReason: string;
}

/** Builds the common part of a case fixture from the seeded generator. */
export function buildCaseFixture(
  prng: import('../../../prng').Prng,
  spec: Pick<CaseFixture, 'violationId' | 'tierId' | 'facts' | 'enterpriseSummary' | 'hearingRequested'> & {
    namePattern: (trade: string) => string;
    industryCode: string;
    /** The divisions the enterprise may lie in (one is drawn); by default the six of 秦皇岛市 the built-ins use. */
    divisionCodes?: readonly string[];
    amounts: number[];
    statements: PartyStatement[] | null;
    /** What the party argues at the hearing, when it asks for one. */
    hearingArguments?: string;
    /** The facts on which 不予处罚 turns; by default a violation not corrected in time. */
    findings?: NoPenaltyFindings;
    /** A circumstance of 《行政处罚法》第三十二条 the facts show, if any. */
    mitigation?: MitigationId | null;
    /** The crime whose elements the facts show (the case must be transferred), if any. */
    crime?: CrimeId | null;
    /** What the materials say about the crime's elements (shown to the trainee). */
    crimeAssessment?: string;
  },
  helpers: typeof import('../../../kit/people'),
  uscc: (prng: import('../../../prng').Prng, division: string) => string,
): CaseFixture {
  const divisionCode = prng.pick(spec.divisionCodes ?? ['130302', '130303', '130306', '130321', '130322', '130324']);
  const [legal, principal, safety, head] = helpers.personNames(prng, 4) as [string, string, string, string];
  const filedOn = helpers.startDate(prng);
  const enterprise: EnterpriseProfile = {
    name: spec.namePattern(helpers.tradeName(prng)),
    uscc: uscc(prng, divisionCode),
    divisionCode,
    registeredAddress: helpers.address(prng, divisionCode),
    operatingAddress: helpers.address(prng, divisionCode),
    legalRepresentative: legal,
    principal,
    principalPhone: helpers.mobile(prng),
    safetyManager: safety,
    safetyManagerPhone: helpers.mobile(prng),
    employees: prng.int(30, 400),
    industryCode: spec.industryCode,
  };
  const authority = helpers.authorityOf(enterprise);
  const officers = helpers.officerTeam(prng, 3, filedOn, null);
  const amount = prng.pick(spec.amounts);
  const noticeOn = addWorkingDays(filedOn, prng.int(3, 8));
  const statement =
    spec.statements && prng.next() < 0.7 ? { daysAfterNotice: prng.int(1, 3), ...prng.pick(spec.statements) } : null;
  const decisionDelay = prng.int(1, 4);
  const serviceDelay = prng.int(0, 5);
  const payDelay = prng.pick([5, 9, 14, 18, 23]);
  const counters = helpers.startingCounters(prng, Number(filedOn.slice(0, 4)));
  // Drawn after everything above, so the fixtures' earlier figures are those of version 1.
  let discoveredOn = addDays(filedOn, -prng.int(1, 6));
  while (!isWorkingDay(discoveredOn)) discoveredOn = addDays(discoveredOn, -1);
  // Drawn after the figures of version 2 (issue 14): responsible persons, 法制审核 staff, the leadership.
  const team = officers.filter((o) => o.certificateValidUntil >= filedOn).slice(0, 2);
  const staff = drawCaseStaff(prng, helpers, {
    principal,
    head,
    caseOfficer: team[0]!.name,
    taken: [legal, principal, safety, head, ...officers.map((o) => o.name)],
  });
  return {
    enterprise,
    enterpriseSummary: spec.enterpriseSummary,
    authority,
    officers,
    head,
    violationId: spec.violationId,
    articleId: VIOLATIONS[spec.violationId].articleId,
    tierId: spec.tierId,
    facts: spec.facts,
    amount,
    discoveredOn,
    filedOn,
    noticeOn,
    statement,
    hearingRequested: spec.hearingRequested,
    hearing: {
      place: `${authority.name}听证室`,
      time: prng.pick(['09:00', '09:30', '14:30']),
      arguments: spec.hearingArguments ?? '当事人对违法事实无异议，请求从轻处罚。',
    },
    correctionDays: prng.pick([7, 10, 15]),
    decisionDelay,
    serviceDelay,
    payDelay,
    counters,
    responsible: staff.responsible,
    personFineShare: drawPersonFineShare(prng),
    reviewers: staff.reviewers,
    leaders: staff.leaders,
    ...drawCircumstances(prng, authority, spec),
  };
}

/**
 * The circumstances on which the outcome of a case turns — 不予处罚 (第三十三条), 从轻/减轻 (第三十二条), a crime
 * (第二十七条) — by default none (a violation not corrected in time), and where a transfer would go.
 */
export function drawCircumstances(
  prng: import('../../../prng').Prng,
  authority: Authority,
  spec: {
    findings?: NoPenaltyFindings;
    mitigation?: MitigationId | null;
    crime?: CrimeId | null;
    crimeAssessment?: string;
  },
): Pick<CaseFixture, 'findings' | 'mitigation' | 'crime' | 'crimeAssessment' | 'transferRecipient' | 'reportDelay'> {
  return {
    findings: spec.findings ?? { minor: false, firstOffence: false, correctedInTime: false, harm: 'minor' },
    mitigation: spec.mitigation ?? null,
    crime: spec.crime ?? null,
    crimeAssessment: spec.crimeAssessment ?? null,
    transferRecipient: authority.name.replace(/应急管理局$/, '公安局'),
    reportDelay: prng.int(1, 3),
  };
}

/** The case's people beyond the enterprise's officers and the investigating officers. */
export interface CaseStaff {
  /** The directly responsible persons (直接负责的主管人员和其他直接责任人员) a 双罚 fines. */
  responsible: { name: string; role: string }[];
  /** Staff who may do the 法制审核 (第五十八条): one qualified, one not, and one of the case's own officers. */
  reviewers: Reviewer[];
  /** The authority's responsible persons for the 集体讨论 (第五十七条第二款); the first is `head`. */
  leaders: { id: string; name: string }[];
}

/**
 * Draws the case's staff with six names not yet `taken`: the workshop head who is, with the principal, a
 * responsible person; the 法制审核 staff (the case officer `caseOfficer` is the qualified but not
 * independent third); and the leadership headed by `head`. Used by every fixture with a case in it.
 */
export function drawCaseStaff(
  prng: import('../../../prng').Prng,
  helpers: Pick<typeof import('../../../kit/people'), 'personName'>,
  known: { principal: string; head: string; caseOfficer: string; taken: string[] },
): CaseStaff {
  const taken = new Set(known.taken);
  const fresh: string[] = [];
  while (fresh.length < 6) {
    const name = helpers.personName(prng);
    if (!taken.has(name)) {
      taken.add(name);
      fresh.push(name);
    }
  }
  const [workshopHead, lawyer, clerk, deputy1, deputy2, deputy3] = fresh as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    responsible: [
      { name: known.principal, role: '主要负责人' },
      { name: workshopHead, role: '车间主任' },
    ],
    reviewers: [
      { id: 'reviewer-1', name: lawyer, unit: '政策法规科', qualified: true, caseOfficer: false },
      { id: 'reviewer-2', name: clerk, unit: '政策法规科', qualified: false, caseOfficer: false },
      // One of the officers who investigated the case also passed the exam: qualified, but not independent.
      {
        id: 'reviewer-3',
        name: known.caseOfficer,
        unit: '执法监察科（本案承办人）',
        qualified: true,
        caseOfficer: true,
      },
    ],
    leaders: [
      { id: 'leader-1', name: known.head },
      { id: 'leader-2', name: deputy1 },
      { id: 'leader-3', name: deputy2 },
      { id: 'leader-4', name: deputy3 },
    ],
  };
}

/** Where in the article's person range the model answer's fines lie (`personFineShare`). */
export const drawPersonFineShare = (prng: import('../../../prng').Prng) => prng.pick([0, 0.25, 0.5]);

/** The machine input of a case scenario. */
export function caseInput(f: CaseFixture): CaseInput {
  return {
    authority: f.authority.abbreviation,
    counters: f.counters,
    head: f.head,
    discoveredOn: f.discoveredOn,
    reviewers: f.reviewers,
    leaders: f.leaders,
  };
}

export interface CaseFixture {
  enterprise: EnterpriseProfile;
  enterpriseSummary: string;
  authority: Authority;
  officers: OfficerProfile[];
  /** 行政机关负责人 who approves the filing and the closing. */
  head: string;
  violationId: ViolationId;
  /** The penalty article of the violation. */
  articleId: ArticleId;
  tierId: TierId;
  facts: string;
  /** Amount proposed by the case review (集体讨论). */
  amount: number;
  /** The inspection that found the violation (its 检查笔录 predates 立案). */
  discoveredOn: string;
  filedOn: string;
  noticeOn: string;
  statement: (PartyStatement & { daysAfterNotice: number }) | null;
  hearingRequested: boolean;
  /** Where and when the hearing is held, and what the party argues there. */
  hearing: { place: string; time: string; arguments: string };
  /** Days the decision gives to correct the violation (责令限期改正). */
  correctionDays: number;
  /** Working days from the end of the periods (or the hearing) to the decision. */
  decisionDelay: number;
  /** Working days from decision to service in the model answer. */
  serviceDelay: number;
  /** Calendar days from service to payment (beyond 15 means late). */
  payDelay: number;
  counters: Record<string, number>;
  /** The directly responsible persons (直接负责的主管人员和其他直接责任人员) a 双罚 fines. */
  responsible: { name: string; role: string }[];
  /** Where in the article's person range the model answer's fines lie (0 = the floor). */
  personFineShare: number;
  /** Staff who may do the 法制审核, and the authority's responsible persons for the 集体讨论. */
  reviewers: Reviewer[];
  leaders: { id: string; name: string }[];
  /** The facts on which 不予处罚 turns (《行政处罚法》第三十三条). */
  findings: NoPenaltyFindings;
  /** The circumstance of 《行政处罚法》第三十二条 the facts show, if any. */
  mitigation: MitigationId | null;
  /** The crime whose elements the facts show, if any: the case must be transferred (第二十七条). */
  crime: CrimeId | null;
  crimeAssessment: string | null;
  /** The public security organ a transfer goes to. */
  transferRecipient: string;
  /** Working days from the last evidence to the written transfer report. */
  reportDelay: number;
}

export const validTeam = (f: CaseFixture) => f.officers.filter((o) => o.certificateValidUntil >= f.filedOn).slice(0, 2);
