/**
 * The onboarding fixture: the application as the enterprise filled it in (with planted errors), the
 * documents it must be checked against, and their shared generation (the true record, the registry and a lookalike).
 */
import type { Prng } from '../../../prng';
import { authorityFor, DIVISIONS, type Authority } from '../../../lib/divisions';
import type { PracticeHome } from '../../../types';
import { industryByCode, riskClassFor, type SpecialFlag } from '../../../lib/industries';
import { generateUscc } from '../../../lib/uscc';
import type { RegistryEntry } from '../machine';
import { addDays } from '../../../law/working-days';
import { address, mobile, personNames, tradeName } from '../../../kit/people';

export interface EnterpriseRecord {
  name: string;
  uscc: string;
  registeredAddress: string;
  operatingAddress: string;
  divisionCode: string;
  industryCode: string;
  employees: number;
  flags: SpecialFlag[];
  legalRepresentative: string;
  principal: string;
  principalPhone: string;
  safetyManager: string;
  safetyManagerPhone: string;
}

export const NOTE_OPTIONS = [
  { value: 'usccMismatch', label: '申请表统一社会信用代码与营业执照不一致' },
  { value: 'divisionMismatch', label: '申请表行政区划与生产经营地址不一致' },
  { value: 'nameChanged', label: '企业已更名，与已入库记录名称不同' },
  { value: 'flagMissing', label: '申请表漏报涉及的专项（粉尘涉爆、涉氨制冷、有限空间等）' },
  { value: 'phoneInvalid', label: '联系电话有误' },
  { value: 'nameMismatch', label: '申请表企业名称与营业执照不一致' },
] as const;
export type NoteCode = (typeof NOTE_OPTIONS)[number]['value'];

export interface OnboardingFixture {
  authority: Authority;
  /** The officer's practice home (set by kit/home.ts): its division joins the 行政区划 list. */
  home?: PracticeHome;
  truth: EnterpriseRecord & { riskClass: string; sector: string };
  application: EnterpriseRecord;
  licence: {
    name: string;
    uscc: string;
    registeredAddress: string;
    legalRepresentative: string;
    establishedOn: string;
  };
  siteNotes: string[];
  expectedNotes: NoteCode[];
  registry: RegistryEntry[];
  duplicateOf: string | null;
  /** Registry entry that looks like the enterprise but is not it (for the false-duplicate mistake). */
  lookalikeId: string;
}

const OTHER_NAMES = [
  '秦皇岛港城建材有限公司',
  '秦皇岛海滨纺织有限公司',
  '秦皇岛北方机械制造有限公司',
  '秦皇岛燕山玻璃制品有限公司',
  '秦皇岛渤海商贸有限公司',
];

export function trueRecord(
  prng: Prng,
  spec: { name: (trade: string) => string; industryCode: string; flags: SpecialFlag[]; employees: [number, number] },
) {
  const division = prng.pick(DIVISIONS);
  const [legal, principal, safety] = personNames(prng, 3) as [string, string, string];
  const trade = tradeName(prng);
  const record: EnterpriseRecord & { riskClass: string; sector: string } = {
    name: spec.name(trade),
    uscc: generateUscc(prng, division.code),
    registeredAddress: address(prng, division.code),
    operatingAddress: address(prng, division.code),
    divisionCode: division.code,
    industryCode: spec.industryCode,
    employees: prng.int(spec.employees[0], spec.employees[1]),
    flags: spec.flags,
    legalRepresentative: legal,
    principal,
    principalPhone: mobile(prng),
    safetyManager: safety,
    safetyManagerPhone: mobile(prng),
    riskClass: riskClassFor(spec.flags),
    sector: industryByCode(spec.industryCode)!.sector,
  };
  return { record, trade };
}

export function registryWith(prng: Prng, extra: RegistryEntry[]): RegistryEntry[] {
  const others = prng
    .shuffle(OTHER_NAMES)
    .slice(0, 3)
    .map((name, i) => {
      const division = prng.pick(DIVISIONS).code;
      return { id: `ent-${100 + i}`, name, uscc: generateUscc(prng, division), divisionCode: division };
    });
  return prng.shuffle([...others, ...extra]);
}

export function baseFixture(
  prng: Prng,
  truth: OnboardingFixture['truth'],
  application: EnterpriseRecord,
  rest: Pick<OnboardingFixture, 'siteNotes' | 'expectedNotes' | 'registry' | 'duplicateOf' | 'lookalikeId'> & {
    formerName?: string;
  },
): OnboardingFixture {
  return {
    authority: authorityFor(truth.divisionCode),
    truth,
    application,
    licence: {
      name: truth.name,
      uscc: truth.uscc,
      registeredAddress: truth.registeredAddress,
      legalRepresentative: truth.legalRepresentative,
      establishedOn: addDays('2008-01-01', prng.int(0, 5000)),
    },
    siteNotes: rest.siteNotes,
    expectedNotes: rest.expectedNotes,
    registry: rest.registry,
    duplicateOf: rest.duplicateOf,
    lookalikeId: rest.lookalikeId,
  };
}
