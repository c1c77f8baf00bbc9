/**
 * The seizure fixture: the enterprise, the items on site (what the officer sees, what they are in law,
 * how many), the team, the authority's head, and what happens after the seizure (rectification, or
 * the investigation that needs an extension) — one skeleton for every seizure scenario.
 */
import type { Authority } from '../../../lib/divisions';
import { createPrng, type Prng } from '../../../prng';
import { addDays } from '../../../law/working-days';
import { LEGAL } from '../../../law/legal-constants';
import {
  authorityOf,
  drawEnterprise,
  officerTeam,
  onWorkingDay,
  personNames,
  startDate,
  type EnterpriseProfile,
  type OfficerProfile,
} from '../../../kit/people';
import { SEIZABLE, type Category, type Outcome, type SeizureInput } from '../machine';

/** How a seized item is held: sealed where it stands (查封) or taken away (扣押). */
export type HoldMode = 'seal' | 'detain';
export const HOLD_LABELS: Record<HoldMode, string> = { seal: '查封', detain: '扣押' };

export interface SeizureItem {
  id: string;
  area: string;
  /** 物品名称 as the list prints it. */
  name: string;
  /** 规格型号 or a short description. */
  spec: string;
  quantity: number;
  unit: string;
  /** What the officer sees on site. */
  observation: string;
  category: Category;
  /** Why it is what it is: the standard it fails, or the provision it breaks. */
  basis: string;
  mode: HoldMode;
  /** Where it is kept while held. */
  keptAt: string;
}

export interface ItemTemplate extends Omit<SeizureItem, 'quantity'> {
  quantity: [number, number];
}

export const HEAD_ID = 'head';

export interface SeizureFixture {
  enterprise: EnterpriseProfile;
  enterpriseSummary: string;
  authority: Authority;
  officers: OfficerProfile[];
  /** 行政机关负责人. */
  head: { id: typeof HEAD_ID; name: string; title: string };
  /** Day of the on-site enforcement. */
  seizedOn: string;
  /** HH:mm of the approval and of the enforcement's start and end, on `seizedOn`. */
  times: { approvedAt: string; start: string; end: string };
  items: SeizureItem[];
  signature: 'signed' | 'refused';
  /** What the party says on site. */
  statement: string;
  /** Why the officers report to the head (报告事由). */
  reportReason: string;
  /** Days of the first period in the model answer. */
  periodDays: number;
  /** The extension the case needs, or null when it needs none. */
  extension: { on: string; days: number; reason: string } | null;
  /** What happens, and the lawful outcome on its day. */
  outcome: { kind: Outcome; on: string; facts: string; reason: string; basis: string | null };
  counters: Record<string, number>;
}

export const seizableItems = (f: SeizureFixture) => f.items.filter((i) => SEIZABLE.includes(i.category));
export const validOfficers = (f: SeizureFixture) => f.officers.filter((o) => o.certificateValidUntil >= f.seizedOn);
export const itemName = (f: SeizureFixture, id: string) => f.items.find((i) => i.id === id)?.name ?? id;

/** The workflow machine's input for a seizure fixture. */
export function seizureMachineInput(f: SeizureFixture): SeizureInput {
  return {
    authority: f.authority.abbreviation,
    counters: f.counters,
    headId: HEAD_ID,
    siteItemIds: f.items.map((i) => i.id),
    itemLabels: Object.fromEntries(f.items.map((i) => [i.id, i.name])),
  };
}

export interface SeizureFixtureSpec {
  scenarioId: string;
  divisionCodes: string[];
  nameSuffix: string;
  /** The enterprise's name from the drawn trade name; by default 秦皇岛{字号}{nameSuffix}. */
  namePattern?: (trade: string) => string;
  industryCode: string;
  employees: [number, number];
  enterpriseSummary: string;
  /** Every one of these is on site. */
  seizable: ItemTemplate[];
  /** Two of these are on site. */
  others: ItemTemplate[];
  statements: string[];
  reportReason: string;
  signatureRefusalRate: number;
  /**
   * 'release': the enterprise rectifies within `days` and the items are released; 'confiscate': the
   * facts are clear only after the first period (`days` counted from the seizure), so the period is
   * extended and the goods confiscated.
   */
  course:
    | { kind: 'release'; days: [number, number]; facts: string; reason: string }
    | {
        kind: 'confiscate';
        days: [number, number];
        facts: string;
        reason: string;
        extensionReason: string;
        /** The provision that makes the goods liable to confiscation. */
        basis: string;
      };
}

function draw(prng: Prng, t: ItemTemplate): SeizureItem {
  return { ...t, quantity: prng.int(t.quantity[0], t.quantity[1]) };
}

/** The latest working day on or before `date`. */
function workingDayBefore(date: string): string {
  let d = date;
  while (onWorkingDay(d) !== d) d = addDays(d, -1);
  return d;
}

/** Builds a seizure scenario's fixture; draws happen in one fixed order, so a seed always gives the same case. */
export function seizureFixture(seed: string, spec: SeizureFixtureSpec): SeizureFixture {
  const prng = createPrng(`${spec.scenarioId}:${seed}`);
  const divisionCode = prng.pick(spec.divisionCodes);
  const [legal, principal, safety, head] = personNames(prng, 4) as [string, string, string, string];
  const seizedOn = startDate(prng);
  const items = prng.shuffle([
    ...spec.seizable.map((t) => draw(prng, t)),
    ...prng
      .shuffle(spec.others)
      .slice(0, 2)
      .map((t) => draw(prng, t)),
  ]);
  const enterprise = drawEnterprise(
    prng,
    {
      name: spec.namePattern ?? ((trade) => `秦皇岛${trade}${spec.nameSuffix}`),
      divisionCode,
      industryCode: spec.industryCode,
      employees: spec.employees,
    },
    { legal, principal, safety },
  );
  // One officer of three holds an expired certificate: the team must leave them out.
  const officers = officerTeam(prng, 3, seizedOn, prng.int(0, 2));
  const startMinutes = 9 * 60 + 10 * prng.int(0, 9);
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const times = {
    approvedAt: hhmm(startMinutes - 10 * prng.int(3, 6)),
    start: hhmm(startMinutes),
    end: hhmm(startMinutes + 10 * prng.int(6, 12)),
  };
  const periodDays = LEGAL.seizureMaxDays.value;
  const periodEnd = addDays(seizedOn, periodDays);
  const course = spec.course;
  const afterDays = prng.int(course.days[0], course.days[1]);
  const outcomeOn = onWorkingDay(addDays(seizedOn, afterDays));
  const extension =
    course.kind === 'confiscate'
      ? {
          on: workingDayBefore(addDays(periodEnd, -prng.int(2, 5))),
          days: LEGAL.seizureExtensionMaxDays.value,
          reason: course.extensionReason,
        }
      : null;
  const year = Number(seizedOn.slice(0, 4));
  return {
    enterprise,
    enterpriseSummary: spec.enterpriseSummary,
    authority: authorityOf(enterprise),
    officers,
    head: { id: HEAD_ID, name: head, title: '局长' },
    seizedOn,
    times,
    items,
    signature: prng.next() < spec.signatureRefusalRate ? 'refused' : 'signed',
    statement: prng.pick(spec.statements),
    reportReason: spec.reportReason,
    periodDays,
    extension,
    outcome: {
      kind: course.kind,
      on: outcomeOn,
      facts: course.facts,
      reason: course.reason,
      basis: course.kind === 'confiscate' ? course.basis : null,
    },
    counters: { [`seizureRecord:${year}`]: prng.int(1, 20) },
  };
}
