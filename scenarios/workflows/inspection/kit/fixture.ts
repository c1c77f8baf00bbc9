/**
 * The inspection fixture: its shape (the enterprise, the site items and what the officer sees), the
 * queries the steps, answer and rubric share, and the simulated enterprise and site built from a seed —
 * one skeleton for every inspection-workflow scenario, which differ only in their trade, site items and figures.
 */
import { standardOf, type StandardGroup } from '../../../lib/hazard-standard';
import type { Authority } from '../../../lib/divisions';
import { createPrng } from '../../../prng';
import { addDays } from '../../../law/working-days';
import type { InspectionInput, Measure, Verdict } from '../machine';
import {
  authorityOf,
  drawEnterprise,
  officerTeam,
  onWorkingDay,
  personNames,
  startDate,
  startingCounters,
  type EnterpriseProfile,
  type OfficerProfile,
} from '../../../kit/people';

/**
 * What a non-compliant item is in law: a 安全生产违法行为 (a duty not performed, e.g. training not
 * recorded), corrected on the spot or within a deadline under 安全生产法 第65条第1款第(二)项, or an
 * 事故隐患 (an unsafe state of the site), removed under 第(三)项.
 */
export type Nature = 'violation' | 'hazard';
export const NATURE_TEXT: Record<Nature, string> = { violation: '安全生产违法行为', hazard: '事故隐患' };

export interface SiteItem {
  id: string;
  area: string;
  /** The checklist question. */
  checklist: string;
  /** What the officer sees on site. */
  observation: string;
  verdict: Verdict;
  /** Standard item that makes it a major hazard. */
  clause: string | null;
  /** Measures that fit when the hazard cannot be kept safe (major hazards). */
  measures: Measure[];
  /** The duty provision the item violates (安全生产法 2021), for the record and the order. */
  basis: string;
  nature: Nature;
}

export interface InspectionFixture {
  enterprise: EnterpriseProfile;
  enterpriseSummary: string;
  authority: Authority;
  officers: OfficerProfile[];
  plannedOn: string;
  inspectionOn: string;
  /** Time of day the inspection began and ended (HH:mm), on `inspectionOn`. */
  inspectionTimes: { start: string; end: string };
  items: SiteItem[];
  /** The checklists of the 判定标准 that apply to the enterprise; all of one standard (`standardOf`). */
  clauseGroups: StandardGroup[];
  signature: 'signed' | 'refused';
  /** Days the model answer gives for rectification. */
  rectifyDays: number;
  recheck: { rectifiedItemIds: string[]; observations: Record<string, string> };
  counters: Record<string, number>;
}

export const VERDICT_TEXT: Record<Verdict, string> = { ok: '符合要求', general: '一般事故隐患', major: '重大事故隐患' };

export const majorItems = (f: InspectionFixture) => f.items.filter((i) => i.verdict === 'major');
export const hazardItems = (f: InspectionFixture) => f.items.filter((i) => i.verdict !== 'ok');
export const generalItems = (f: InspectionFixture) => f.items.filter((i) => i.verdict === 'general');
export const validOfficers = (f: InspectionFixture) =>
  f.officers.filter((o) => o.certificateValidUntil >= f.inspectionOn);

/** The workflow machine's input for an inspection fixture. */
export function inspectionMachineInput(f: InspectionFixture): InspectionInput {
  return {
    authority: f.authority.abbreviation,
    counters: f.counters,
    siteItemIds: f.items.map((i) => i.id),
    itemLabels: Object.fromEntries(f.items.map((i) => [i.id, i.area])),
    standard: standardOf(f.clauseGroups),
  };
}

export type Template = Omit<SiteItem, 'observation' | 'verdict'> & {
  bad: string;
  ok: string;
  fixed: string;
  badVerdict: 'general' | 'major';
};

export function buildSite(
  prng: ReturnType<typeof createPrng>,
  majors: Template[],
  generals: Template[],
  generalCount: number,
) {
  const major = prng.pick(majors);
  const badGenerals = prng.shuffle(generals).slice(0, generalCount);
  const items: SiteItem[] = prng.shuffle([...majors, ...generals]).map((t) => {
    const bad = t === major || badGenerals.includes(t);
    return {
      id: t.id,
      area: t.area,
      checklist: t.checklist,
      observation: bad ? t.bad : t.ok,
      verdict: bad ? t.badVerdict : 'ok',
      clause: bad ? t.clause : null,
      measures: t.measures,
      basis: t.basis,
      nature: t.nature,
    };
  });
  return { items, fixedText: Object.fromEntries([...majors, ...generals].map((t) => [t.id, t.fixed])) };
}

/** Decides which hazards the enterprise fixed by the re-inspection, and what the officer sees. */
export function buildRecheck(
  prng: ReturnType<typeof createPrng>,
  items: SiteItem[],
  fixedText: Record<string, string>,
) {
  const hazards = items.filter((i) => i.verdict !== 'ok');
  const unfixed = prng.next() < 0.5 ? null : prng.pick(hazards.filter((i) => i.verdict === 'general'));
  return {
    rectifiedItemIds: hazards.filter((i) => i !== unfixed).map((i) => i.id),
    observations: Object.fromEntries(
      hazards.map((i) => [i.id, i === unfixed ? `仍未整改（${i.observation}）` : fixedText[i.id]!]),
    ),
  };
}

export interface InspectionFixtureSpec {
  /** The scenario id: the PRNG's namespace. */
  scenarioId: string;
  divisionCodes: string[];
  /** Days between the plan and the inspection: 0..this. */
  maxPlanDelayDays: number;
  majors: Template[];
  generals: Template[];
  /** Enterprise name after 秦皇岛 + trade name, e.g. 酒业有限公司. */
  nameSuffix: string;
  /** The whole name from the trade name, instead of 秦皇岛 + trade + `nameSuffix` (scenarios written as data). */
  namePattern?: (trade: string) => string;
  employees: [number, number];
  industryCode: string;
  enterpriseSummary: string;
  clauseGroups: InspectionFixture['clauseGroups'];
  /** Whether one officer of the team may hold an expired certificate (a mistake to catch). */
  mayHaveExpiredOfficer: boolean;
  signatureRefusalRate: number;
  rectifyDays: [number, number];
}

/** Builds an inspection scenario's fixture; the draws happen in one fixed order, so a seed always gives the same site. */
export function inspectionFixture(seed: string, spec: InspectionFixtureSpec): InspectionFixture {
  const prng = createPrng(`${spec.scenarioId}:${seed}`);
  const divisionCode = prng.pick(spec.divisionCodes);
  const [legal, principal, safety] = personNames(prng, 3) as [string, string, string];
  const plannedOn = startDate(prng);
  const inspectionOn = onWorkingDay(addDays(plannedOn, prng.int(0, spec.maxPlanDelayDays)));
  const { items, fixedText } = buildSite(prng, spec.majors, spec.generals, 2);
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
  const fixture: Omit<InspectionFixture, 'inspectionTimes'> = {
    enterprise,
    enterpriseSummary: spec.enterpriseSummary,
    authority: authorityOf(enterprise),
    officers: officerTeam(prng, 3, inspectionOn, spec.mayHaveExpiredOfficer ? prng.int(0, 2) : null),
    plannedOn,
    inspectionOn,
    items,
    clauseGroups: spec.clauseGroups,
    signature: prng.next() < spec.signatureRefusalRate ? 'refused' : 'signed',
    rectifyDays: prng.int(spec.rectifyDays[0], spec.rectifyDays[1]),
    recheck: buildRecheck(prng, items, fixedText),
    counters: startingCounters(prng, Number(inspectionOn.slice(0, 4))),
  };
  // Drawn last, so the draws above (and the sites they built) stay what they were before times were added.
  return { ...fixture, inspectionTimes: inspectionTimes(prng) };
}

/** A working-hours inspection: starts 08:30–10:50, lasts 1 h 30 to 3 h. */
function inspectionTimes(prng: ReturnType<typeof createPrng>): InspectionFixture['inspectionTimes'] {
  const start = 8 * 60 + 30 + 10 * prng.int(0, 14);
  const end = start + 10 * prng.int(9, 18);
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { start: hhmm(start), end: hhmm(end) };
}
