/**
 * The chain's fixture: an inspection fixture (the enterprise, the site, what the 复查 finds) and a case
 * fixture (the facts, the amount, the party's statement) of the same enterprise, authority and officers.
 * The case's dates follow the 复查: `datedCase` derives them from the 复查 date the answer uses.
 */
import type { Authority } from '../../../lib/divisions';
import { chineseDate } from '../../../lib/document';
import { createPrng } from '../../../prng';
import { addDays, addWorkingDays } from '../../../law/working-days';
import { VIOLATIONS, type TierId } from '../../../law/penalties';
import {
  authorityOf,
  drawEnterprise,
  officerTeam,
  onWorkingDay,
  personName,
  personNames,
  startDate,
  startingCounters,
} from '../../../kit/people';
import { orderDeadline, recheckDate, type InspectionFixture, type Template } from '../../inspection/kit';
import {
  drawCaseStaff,
  drawCircumstances,
  drawPersonFineShare,
  validTeam,
  type CaseFixture,
  type PartyStatement,
} from '../../case/kit';

export interface RecheckCaseFixture {
  inspection: InspectionFixture;
  /** The case as the model answer runs it (dated from the model 复查). */
  case: CaseFixture;
  /** Whether the unit 拒不执行 (refuses to remove the hazard): the uncorrected tier of 第一百零二条. */
  refused: boolean;
  /** What the officers find and hear at the 复查 beyond the site (the unit's refusal, or its excuse). */
  recheckNote: string;
  /** Working days from the 复查 to 立案, and from 立案 to the 告知书. */
  filedAfter: number;
  noticeAfter: number;
}

export interface RecheckCaseSpec {
  scenarioId: string;
  divisionCodes: string[];
  nameSuffix: string;
  /** The enterprise's name from the drawn trade name; by default 秦皇岛{字号}{nameSuffix}. */
  namePattern?: (trade: string) => string;
  industryCode: string;
  enterpriseSummary: string;
  /** Ordinary-hazard templates (at least 3): two are found, the rest are in order. */
  templates: Template[];
  /** How many of the two hazards are removed by the 复查. */
  rectifiedCount: 0 | 1;
  refused: boolean;
  recheckNote: string;
  amounts: number[];
  statements: PartyStatement[] | null;
  hearingArguments: string;
}

/** The case fixture for a 复查 on `recheckOn`: 立案, 告知 and the rest follow it. */
export function datedCase(
  f: Pick<RecheckCaseFixture, 'case' | 'filedAfter' | 'noticeAfter'>,
  recheckOn: string,
): CaseFixture {
  const filedOn = addWorkingDays(recheckOn, f.filedAfter);
  return { ...f.case, discoveredOn: recheckOn, filedOn, noticeOn: addWorkingDays(filedOn, f.noticeAfter) };
}

/** Builds a chain fixture; the draws happen in one fixed order, so a seed always gives the same case. */
export function recheckCaseFixture(seed: string, spec: RecheckCaseSpec): RecheckCaseFixture {
  const prng = createPrng(`${spec.scenarioId}:${seed}`);
  const divisionCode = prng.pick(spec.divisionCodes);
  const [legal, principal, safety, head] = personNames(prng, 4) as [string, string, string, string];
  const plannedOn = startDate(prng);
  const inspectionOn = onWorkingDay(addDays(plannedOn, prng.int(0, 3)));
  const shuffled = prng.shuffle(spec.templates);
  const bad = shuffled.slice(0, 2);
  const items = shuffled.map((t) => ({
    id: t.id,
    area: t.area,
    checklist: t.checklist,
    observation: bad.includes(t) ? t.bad : t.ok,
    verdict: bad.includes(t) ? t.badVerdict : ('ok' as const),
    clause: null,
    measures: t.measures,
    basis: t.basis,
    nature: t.nature,
  }));
  const rectified = bad.slice(0, spec.rectifiedCount);
  const enterprise = drawEnterprise(
    prng,
    {
      name: spec.namePattern ?? ((trade) => `秦皇岛${trade}${spec.nameSuffix}`),
      divisionCode,
      industryCode: spec.industryCode,
      employees: [40, 300],
    },
    { legal, principal, safety },
  );
  const authority: Authority = authorityOf(enterprise);
  const officers = officerTeam(prng, 3, inspectionOn, null);
  const [start, end] = prng.pick([
    ['08:40', '10:50'],
    ['09:00', '11:20'],
    ['09:30', '11:40'],
    ['14:00', '16:10'],
  ] as const);
  const counters = startingCounters(prng, Number(inspectionOn.slice(0, 4)));
  const inspection: InspectionFixture = {
    enterprise,
    enterpriseSummary: spec.enterpriseSummary,
    authority,
    officers,
    plannedOn,
    inspectionOn,
    inspectionTimes: { start, end },
    items,
    clauseGroups: [],
    signature: 'signed',
    rectifyDays: prng.int(7, 15),
    recheck: {
      rectifiedItemIds: rectified.map((t) => t.id),
      observations: Object.fromEntries(
        bad.map((t) => [t.id, rectified.includes(t) ? t.fixed : `仍未整改（${t.bad}）`]),
      ),
    },
    counters,
  };
  const deadline = orderDeadline(inspection);
  const recheckOn = recheckDate(inspection);
  const outstanding = bad.filter((t) => !rectified.includes(t));
  const tierId: TierId = spec.refused ? 'uncorrected' : 'first';
  const facts = `${chineseDate(inspectionOn)}，本机关执法人员对该单位进行现场检查时发现：${bad.map((t) => `${t.area}${t.bad}`).join('；')}。本机关当场开具责令限期整改指令书，责令该单位于${chineseDate(deadline)}前消除上述事故隐患。${chineseDate(recheckOn)}复查时，${outstanding.map((t) => `${t.area}${t.bad}`).join('；')}，${outstanding.length > 1 ? '上述事故隐患' : '该事故隐患'}仍未消除。${spec.recheckNote}`;
  const filedAfter = prng.int(1, 3);
  const noticeAfter = prng.int(3, 6);
  const statement =
    spec.statements && prng.next() < 0.7 ? { daysAfterNotice: prng.int(1, 3), ...prng.pick(spec.statements) } : null;
  const caseBase: Omit<CaseFixture, 'responsible' | 'personFineShare' | 'reviewers' | 'leaders'> = {
    enterprise,
    enterpriseSummary: spec.enterpriseSummary,
    authority,
    officers,
    head,
    violationId: 'hazardNotEliminated',
    articleId: VIOLATIONS.hazardNotEliminated.articleId,
    tierId,
    facts,
    amount: prng.pick(spec.amounts),
    discoveredOn: recheckOn,
    filedOn: recheckOn,
    noticeOn: recheckOn,
    statement,
    hearingRequested: false,
    hearing: {
      place: `${authority.name}听证室`,
      time: prng.pick(['09:00', '09:30', '14:30']),
      arguments: spec.hearingArguments,
    },
    correctionDays: prng.pick([5, 7, 10]),
    decisionDelay: prng.int(1, 3),
    serviceDelay: prng.int(0, 4),
    payDelay: 10,
    counters,
    ...drawCircumstances(prng, authority, {}),
  };
  // The case's people, drawn as every case fixture draws them: the responsible persons a 双罚 fines, the
  // 法制审核 staff (one of them an officer who investigates the case) and the leadership.
  const dated = datedCase({ case: caseBase as CaseFixture, filedAfter, noticeAfter }, recheckOn);
  const staff = drawCaseStaff(
    prng,
    { personName },
    {
      principal,
      head,
      caseOfficer: validTeam(dated)[0]!.name,
      taken: [legal, principal, safety, head, ...officers.map((o) => o.name)],
    },
  );
  const fixture: RecheckCaseFixture = {
    inspection,
    case: { ...caseBase, ...staff, personFineShare: drawPersonFineShare(prng) },
    refused: spec.refused,
    recheckNote: spec.recheckNote,
    filedAfter,
    noticeAfter,
  };
  return { ...fixture, case: datedCase(fixture, recheckOn) };
}
