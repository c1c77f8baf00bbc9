/** The fixture of a 当场处罚 scenario: the party on the spot, the officers, what is found and what the party says. */
import type { Authority } from '../../../lib/divisions';
import type { Prng } from '../../../prng';
import { SUMMARY_VIOLATIONS, type SummaryViolationId } from '../../../law/penalties';
import type { EnterpriseProfile, OfficerProfile } from '../../../kit/people';
import type { PartyType, ReferralReason, SummaryInput } from '../machine';

export interface SummaryFixture {
  partyType: PartyType;
  /** The unit, or for a person the 个体工商户 he runs (`legalRepresentative` is then the 经营者). */
  enterprise: EnterpriseProfile;
  enterpriseSummary: string;
  authority: Authority;
  officers: OfficerProfile[];
  violationId: SummaryViolationId;
  /** What the officers see on the spot (written into the 现场笔录). */
  facts: string;
  /** The fine the authority's 裁量基准 gives for this case, and the rule in words. */
  amount: number;
  guideline: string;
  /** What the party says after the 告知, and whether it contests the facts. */
  statement: { text: string; disputesFacts: boolean };
  /** Whether 简易程序 may be used; when not, why the officer must switch to the general procedure. */
  referralReason: ReferralReason | null;
  /** What the general procedure must investigate (the model 情况说明). */
  referralSummary: string;
  /** The day and time of the visit. */
  date: string;
  time: string;
  /** Days the decision gives to correct the violation (责令限期改正). */
  correctionDays: number;
  /** Working days from the decision to the filing with the authority. */
  filingDelay: number;
  remoteArea: boolean;
  /** Whether a fine not collected on the spot could hardly be enforced later (第六十八条第（二）项). */
  hardToEnforce: boolean;
  counters: Record<string, number>;
}

export interface SummaryFixtureSpec {
  partyType: PartyType;
  violationId: SummaryViolationId;
  namePattern: (trade: string) => string;
  industryCode: string;
  enterpriseSummary: string;
  facts: string;
  amounts: number[];
  guideline: (amount: number) => string;
  statements: { text: string; disputesFacts: boolean }[];
  referralReason: ReferralReason | null;
  referralSummary?: string;
}

/** Builds a 当场处罚 fixture from the seeded generator. */
export function buildSummaryFixture(
  prng: Prng,
  spec: SummaryFixtureSpec,
  helpers: typeof import('../../../kit/people'),
  uscc: (prng: Prng, division: string) => string,
  recheck: (code: string) => string,
): SummaryFixture {
  const divisionCode = prng.pick(['130302', '130303', '130304', '130306', '130321', '130322', '130324']);
  const [legal, principal, safety] = helpers.personNames(prng, 3) as [string, string, string];
  const date = helpers.startDate(prng);
  const address = helpers.address(prng, divisionCode);
  const code = uscc(prng, divisionCode);
  const enterprise: EnterpriseProfile = {
    name: spec.namePattern(helpers.tradeName(prng)),
    // 个体工商户: 登记管理部门 9, 机构类别 2 (GB 32100-2015).
    uscc: spec.partyType === 'person' ? recheck(`92${code.slice(2)}`) : code,
    divisionCode,
    registeredAddress: address,
    operatingAddress: address,
    legalRepresentative: legal,
    principal: spec.partyType === 'person' ? legal : principal,
    principalPhone: helpers.mobile(prng),
    safetyManager: spec.partyType === 'person' ? legal : safety,
    safetyManagerPhone: helpers.mobile(prng),
    employees: spec.partyType === 'person' ? prng.int(2, 6) : prng.int(15, 80),
    industryCode: spec.industryCode,
  };
  const amount = prng.pick(spec.amounts);
  const year = Number(date.slice(0, 4));
  return {
    partyType: spec.partyType,
    enterprise,
    enterpriseSummary: spec.enterpriseSummary,
    authority: helpers.authorityOf(enterprise),
    officers: helpers.officerTeam(prng, 3, date, null),
    violationId: spec.violationId,
    facts: spec.facts,
    amount,
    guideline: spec.guideline(amount),
    statement: prng.pick(spec.statements),
    referralReason: spec.referralReason,
    referralSummary:
      spec.referralSummary ??
      `${SUMMARY_VIOLATIONS[spec.violationId].act}一事需要调查核实，拟报请负责人批准立案，依照普通程序办理。`,
    date,
    time: prng.pick(['09:10', '09:40', '10:20', '14:30', '15:10']),
    correctionDays: prng.pick([3, 5, 7]),
    filingDelay: prng.int(0, 3),
    remoteArea: false,
    hardToEnforce: false,
    counters: { [`summaryOnSiteNote:${year}`]: prng.int(3, 60) },
  };
}

/** The two officers whose 执法证 is valid on the day. */
export const summaryTeam = (f: SummaryFixture) =>
  f.officers.filter((o) => o.certificateValidUntil >= f.date).slice(0, 2);

/** The machine's input: the facts of the world it may check (party type, place, officers' certificates). */
export function summaryMachineInput(f: SummaryFixture): SummaryInput {
  return {
    authority: f.authority.abbreviation,
    counters: f.counters,
    partyType: f.partyType,
    remoteArea: f.remoteArea,
    officers: f.officers.map((o) => ({ id: o.id, validUntil: o.certificateValidUntil })),
  };
}
