/** The fixture of an enforcement scenario: the served decision, the party, the court, and what the party does. */
import type { Prng } from '../../../prng';
import type { Authority } from '../../../lib/divisions';
import { divisionByCode } from '../../../lib/divisions';
import { formatDocumentNumber } from '../../../law/document-numbers';
import { VIOLATIONS, type ViolationId } from '../../../law/penalties';
import { addDays, addMonths, addWorkingDays } from '../../../law/working-days';
import * as people from '../../../kit/people';
import type { EnterpriseProfile, OfficerProfile } from '../../../kit/people';
import { ENFORCEMENT_DOCUMENTS } from '../document-types';
import { paymentDueDate, type Installment } from '../machine';

/** What the party says after the 催告书, and the authority's review (第36条). */
export interface ReminderStatement {
  date: string;
  text: string;
  reason: string;
}

export interface EnforcementFixture {
  enterprise: EnterpriseProfile;
  enterpriseSummary: string;
  authority: Authority;
  officers: OfficerProfile[];
  /** 行政机关负责人: approves 延期/分期 and signs the 强制执行申请书. */
  head: string;
  violationId: ViolationId;
  facts: string;
  decision: { number: string; decidedOn: string; servedOn: string; amount: number };
  /** The basic people's court where the authority sits (the competent court, 第54条). */
  court: string;
  /** The intermediate court of the city: a court the application is not made to. */
  wrongCourt: string;
  counters: Record<string, number>;
  /** When the authority serves the 催告书 (court scenario), null when the party applies for installments. */
  reminderOn: string | null;
  statement: ReminderStatement | null;
  /** The party's application for installments (installment scenario). */
  application: { date: string; reason: string; evidence: string } | null;
  /** When the authority decides on the application. */
  approvalOn: string | null;
  /** The plan the party asks for (and the model answer approves). */
  requestedPlan: Installment[];
  /** When the party pays each installment (on or before its due date). */
  paidOn: string[];
}

/** The basic court of the authority's seat: 基层人民法院 hear the authorities' applications at their seat. */
export function basicCourt(authority: Authority): string {
  const division = divisionByCode(authority.divisionCode);
  if (!division) return '秦皇岛市海港区人民法院';
  return division.name.endsWith('区') ? `秦皇岛市${division.name}人民法院` : `${division.name}人民法院`;
}

export const INTERMEDIATE_COURT = '秦皇岛市中级人民法院';

/** The next working day on or after `date` (periods and acts of the authority fall on working days). */
const workingDay = people.onWorkingDay;

export interface EnforcementSpec {
  kind: 'court' | 'installments';
  namePattern: (trade: string) => string;
  industryCode: string;
  enterpriseSummary: string;
  violationId: ViolationId;
  facts: string;
  amounts: number[];
  statements?: { text: string; reason: string }[];
  hardship?: { reason: string; evidence: string }[];
}

/** Builds an enforcement fixture from the seeded generator. */
export function buildEnforcementFixture(prng: Prng, spec: EnforcementSpec): EnforcementFixture {
  const divisionCode = prng.pick(['130302', '130303', '130306', '130321', '130322', '130324']);
  const [legal, principal, safety, head] = people.personNames(prng, 4) as [string, string, string, string];
  const decidedOn = people.startDate(prng);
  const enterprise = people.drawEnterprise(
    prng,
    { name: spec.namePattern, divisionCode, industryCode: spec.industryCode, employees: [20, 300] },
    { legal, principal, safety },
  );
  const authority = people.authorityOf(enterprise);
  const officers = people.officerTeam(prng, 3, decidedOn, null);
  const year = Number(decidedOn.slice(0, 4));
  const amount = prng.pick(spec.amounts);
  const servedOn = addWorkingDays(decidedOn, prng.int(0, 3));
  const number = formatDocumentNumber(authority.abbreviation, '罚', year, prng.int(3, 60));
  const counters: Record<string, number> = {};
  for (const type of Object.keys(ENFORCEMENT_DOCUMENTS)) counters[`${type}:${year}`] = prng.int(1, 20);
  const due = paymentDueDate(servedOn);
  let reminderOn: string | null = null;
  let statement: ReminderStatement | null = null;
  let application: EnforcementFixture['application'] = null;
  let approvalOn: string | null = null;
  const requestedPlan: Installment[] = [];
  const paidOn: string[] = [];
  if (spec.kind === 'court') {
    reminderOn = workingDay(addDays(due, prng.int(5, 20)));
    if (spec.statements && prng.next() < 0.5)
      statement = { date: addWorkingDays(reminderOn, prng.int(1, 5)), ...prng.pick(spec.statements) };
  } else {
    const hardship = prng.pick(spec.hardship ?? [{ reason: '经营困难', evidence: '财务报表' }]);
    const applied = workingDay(addDays(servedOn, prng.int(3, 10)));
    application = { date: applied, ...hardship };
    approvalOn = addWorkingDays(applied, prng.int(2, 4));
    // Two installments: the model-based tests tell attempts apart by state and steps done, so a third
    // payment in the same state would look like the second one to them.
    const first = Math.round((amount * prng.pick([0.4, 0.5, 0.6])) / 1000) * 1000;
    const months = [1, prng.int(2, 3)];
    months.forEach((m, i) => {
      const dueOn = workingDay(addMonths(approvalOn!, m));
      requestedPlan.push({ dueOn, amount: i === 0 ? first : amount - first });
      paidOn.push(addDays(dueOn, -prng.int(0, 5)));
    });
  }
  return {
    enterprise,
    enterpriseSummary: spec.enterpriseSummary,
    authority,
    officers,
    head,
    violationId: spec.violationId,
    facts: spec.facts,
    decision: { number, decidedOn, servedOn, amount },
    court: basicCourt(authority),
    wrongCourt: INTERMEDIATE_COURT,
    counters,
    reminderOn,
    statement,
    application,
    approvalOn,
    requestedPlan,
    paidOn,
  };
}

/** The violation as the decision found it. */
export const violationOf = (f: EnforcementFixture) => VIOLATIONS[f.violationId];
