/** Simulated people, enterprises and dates for fixtures, all drawn from the attempt's seeded PRNG. */
import type { Prng } from '../prng';
import type { MaterialSection } from '../types';
import { authorityFor, divisionByCode, type Authority } from '../lib/divisions';
import { generateUscc } from '../lib/uscc';
import { addDays, isWorkingDay } from '../law/working-days';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
];
const GIVEN = [
  '建国',
  '志强',
  '海涛',
  '丽华',
  '文静',
  '国庆',
  '立新',
  '红梅',
  '晓东',
  '春生',
  '玉兰',
  '振华',
  '子豪',
  '思远',
  '雪梅',
  '永刚',
  '秀英',
  '宏伟',
  '俊杰',
  '淑芬',
];
const STREETS = [
  '河北大街',
  '迎宾路',
  '文化路',
  '建设大街',
  '秦皇东大街',
  '民族路',
  '燕山大街',
  '海阳路',
  '龙海道',
  '北环路',
];
const TRADE_NAMES = ['恒达', '鑫源', '宏盛', '瑞丰', '金海', '正阳', '华通', '永安', '昌盛', '德润', '隆基', '海鸿'];

export function personName(prng: Prng): string {
  return prng.pick(SURNAMES) + prng.pick(GIVEN);
}

/** Distinct names. */
export function personNames(prng: Prng, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) out.add(personName(prng));
  return [...out];
}

export function mobile(prng: Prng): string {
  return `1${prng.pick(['3', '5', '8'])}${prng.int(0, 9)}${String(prng.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function tradeName(prng: Prng): string {
  return prng.pick(TRADE_NAMES);
}

export function address(prng: Prng, divisionCode: string): string {
  const division = divisionByCode(divisionCode)!;
  return `${division.fullName}${prng.pick(STREETS)}${prng.int(1, 399)}号`;
}

export interface OfficerProfile {
  id: string;
  name: string;
  certificateNo: string;
  /** Last day the 执法证 is valid. */
  certificateValidUntil: string;
}

/** A team of enforcement officers; `expiredIndex` gives one of them a lapsed certificate. */
/** An officer as the task card lists them: name, certificate number and its expiry. */
export const officerLine = (o: OfficerProfile) =>
  `${o.name}，执法证号${o.certificateNo}，有效期至${o.certificateValidUntil}`;

/** The officers as the choices of a team field (the certificate shown, so an expired one can be left out). */
export const officerOptions = (officers: readonly OfficerProfile[]) =>
  officers.map((o) => ({
    value: o.id,
    label: `${o.name}（执法证号${o.certificateNo}，有效期至${o.certificateValidUntil}）`,
  }));

export function officerTeam(prng: Prng, size: number, onDate: string, expiredIndex: number | null): OfficerProfile[] {
  return personNames(prng, size).map((name, i) => ({
    id: `officer-${i + 1}`,
    name,
    certificateNo: `13${prng.int(10, 99)}${String(prng.int(0, 999_999)).padStart(6, '0')}`,
    certificateValidUntil:
      i === expiredIndex ? addDays(onDate, -prng.int(10, 120)) : addDays(onDate, prng.int(200, 900)),
  }));
}

/** A working day in 2025 from which a scenario's timeline starts. */
export function startDate(prng: Prng): string {
  let date = addDays('2025-03-03', prng.int(0, 240));
  while (!isWorkingDay(date)) date = addDays(date, 1);
  return date;
}

/** The next working day on or after `date`. */
export function onWorkingDay(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

export interface EnterpriseProfile {
  name: string;
  uscc: string;
  divisionCode: string;
  registeredAddress: string;
  operatingAddress: string;
  legalRepresentative: string;
  principal: string;
  principalPhone: string;
  safetyManager: string;
  safetyManagerPhone: string;
  employees: number;
  industryCode: string;
}

/**
 * An enterprise of `industryCode` in `divisionCode`, run by the people named. The draws come in a
 * fixed order (trade name, credit code, two addresses, two phones, head count): published scenarios'
 * fixtures, and so their stored attempts, depend on it.
 */
export function drawEnterprise(
  prng: Prng,
  spec: {
    /** The registered name around the drawn trade name (字号). */
    name: (tradeName: string) => string;
    divisionCode: string;
    industryCode: string;
    employees: readonly [number, number];
  },
  people: { legal: string; principal: string; safety: string },
): EnterpriseProfile {
  const { divisionCode } = spec;
  return {
    name: spec.name(tradeName(prng)),
    uscc: generateUscc(prng, divisionCode),
    divisionCode,
    registeredAddress: address(prng, divisionCode),
    operatingAddress: address(prng, divisionCode),
    legalRepresentative: people.legal,
    principal: people.principal,
    principalPhone: mobile(prng),
    safetyManager: people.safety,
    safetyManagerPhone: mobile(prng),
    employees: prng.int(spec.employees[0], spec.employees[1]),
    industryCode: spec.industryCode,
  };
}

/** The trainee's 当事人 section: the enterprise's name, credit code, address and legal representative. */
export function partyMaterial(
  enterprise: Pick<EnterpriseProfile, 'name' | 'uscc' | 'operatingAddress' | 'legalRepresentative'>,
  summary: string,
): MaterialSection {
  return {
    title: '当事人',
    lines: [
      `${enterprise.name}（统一社会信用代码 ${enterprise.uscc}）`,
      `地址：${enterprise.operatingAddress}；法定代表人：${enterprise.legalRepresentative}`,
      summary,
    ],
  };
}

export function authorityOf(enterprise: Pick<EnterpriseProfile, 'divisionCode'>): Authority {
  return authorityFor(enterprise.divisionCode);
}

/** Counters as if the authority had already issued some documents this year. */
export function startingCounters(prng: Prng, year: number): Record<string, number> {
  const counters: Record<string, number> = {};
  for (const type of [
    'onSiteRecord',
    'onSiteMeasures',
    'rectificationOrder',
    'recheckOpinion',
    'caseFiling',
    'penaltyNotice',
    'hearingNotice',
    'penaltyDecision',
    'caseClosing',
  ]) {
    counters[`${type}:${year}`] = prng.int(3, 60);
  }
  return counters;
}
