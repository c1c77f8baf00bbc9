/** The fixture of a case scenario: its type, the builder from the seeded generator, and the team it can field. */
import type { Authority } from '../../../lib/divisions';
import type { StatementReview } from '../machine';
import { VIOLATIONS, type ArticleId, type TierId, type ViolationId } from '../../../law/penalties';
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
    amounts: number[];
    statements: PartyStatement[] | null;
    /** What the party argues at the hearing, when it asks for one. */
    hearingArguments?: string;
  },
  helpers: typeof import('../../../kit/people'),
  uscc: (prng: import('../../../prng').Prng, division: string) => string,
): CaseFixture {
  const divisionCode = prng.pick(['130302', '130303', '130306', '130321', '130322', '130324']);
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
}

export const validTeam = (f: CaseFixture) => f.officers.filter((o) => o.certificateValidUntil >= f.filedOn).slice(0, 2);
