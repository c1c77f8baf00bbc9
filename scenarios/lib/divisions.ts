/** GB/T 2260 行政区划代码 used by the simulated enterprises (秦皇岛市), and the enforcement units. */
import type { PracticeHome } from '../types';

export interface Division {
  code: string;
  name: string;
  /** Full name as written in an address. */
  fullName: string;
}

export const DIVISIONS: readonly Division[] = [
  { code: '130302', name: '海港区', fullName: '河北省秦皇岛市海港区' },
  { code: '130303', name: '山海关区', fullName: '河北省秦皇岛市山海关区' },
  { code: '130304', name: '北戴河区', fullName: '河北省秦皇岛市北戴河区' },
  { code: '130306', name: '抚宁区', fullName: '河北省秦皇岛市抚宁区' },
  { code: '130321', name: '青龙满族自治县', fullName: '河北省秦皇岛市青龙满族自治县' },
  { code: '130322', name: '昌黎县', fullName: '河北省秦皇岛市昌黎县' },
  { code: '130324', name: '卢龙县', fullName: '河北省秦皇岛市卢龙县' },
];

/**
 * The divisions an enterprise may be registered in: 秦皇岛市's, plus the practice home's own division when
 * it is not one of them (a drill in one's own name, docs/architecture.md "A drill").
 */
export function divisionsOf(home?: PracticeHome): readonly Division[] {
  return home && !DIVISIONS.some((d) => d.code === home.division.code) ? [home.division, ...DIVISIONS] : DIVISIONS;
}

export function divisionByCode(code: string, home?: PracticeHome): Division | undefined {
  return divisionsOf(home).find((d) => d.code === code);
}

export function divisionOptions(home?: PracticeHome) {
  return divisionsOf(home).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }));
}

/**
 * The enforcement authority of each division, with the abbreviation printed in document numbers.
 * The abbreviations follow the pattern of the real example （冀秦）; those below city level are
 * illustrative for the drill, not taken from a published list.
 */
export interface Authority {
  name: string;
  abbreviation: string;
  divisionCode: string;
  /** The division itself, for a practice home's authority whose division is not in `DIVISIONS`. */
  division?: Division;
}

export const AUTHORITIES: readonly Authority[] = [
  { name: '秦皇岛市应急管理局', abbreviation: '冀秦', divisionCode: '130300' },
  { name: '秦皇岛市海港区应急管理局', abbreviation: '秦海', divisionCode: '130302' },
  { name: '秦皇岛市山海关区应急管理局', abbreviation: '秦山', divisionCode: '130303' },
  { name: '秦皇岛市北戴河区应急管理局', abbreviation: '秦北', divisionCode: '130304' },
  { name: '秦皇岛市抚宁区应急管理局', abbreviation: '秦抚', divisionCode: '130306' },
  { name: '青龙满族自治县应急管理局', abbreviation: '秦青', divisionCode: '130321' },
  { name: '昌黎县应急管理局', abbreviation: '秦昌', divisionCode: '130322' },
  { name: '卢龙县应急管理局', abbreviation: '秦卢', divisionCode: '130324' },
];

export function authorityFor(divisionCode: string): Authority {
  return AUTHORITIES.find((a) => a.divisionCode === divisionCode) ?? AUTHORITIES[0]!;
}

/** A unit of the jurisdiction tree as the app stores it (units table: name, code, level). */
export interface HomeUnit {
  name: string;
  /** GB/T 2260 six digits for a division; `{cityCode}-NN` for 市本级 (`-00`) and zones. */
  code: string;
  level: 'province' | 'city' | 'county';
}

/**
 * The practice home of an officer of `unit` (under `city`, in `province`): the authority in whose name
 * their drills' documents are issued and the division their simulated enterprises lie in (属地管辖).
 * 秦皇岛's divisions keep their `AUTHORITIES` entries; elsewhere a district's authority is named after
 * the city (as 秦皇岛's are), a county's after the county. Abbreviations below the province follow the
 * pattern of the real （冀秦）: 冀 + the city's first character for a city, the city's and the unit's first
 * characters below it. Those below city level (and zones' names) are illustrative, not a published list.
 */
export function practiceHomeOf(
  unit: HomeUnit,
  city: { name: string; code: string } | null,
  province: { name: string; code: string },
): PracticeHome {
  const provinceShort = province.name.replace(/省$/, '');
  const provinceHome: PracticeHome = {
    authority: `${province.name}应急管理厅`,
    abbreviation: '冀',
    city: province.name,
    division: { code: province.code, name: province.name, fullName: province.name },
  };
  if (unit.level === 'province' || !city) return provinceHome;
  const cityCode = city.code.slice(0, 6);
  const cityDivision = { code: cityCode, name: city.name, fullName: `${province.name}${city.name}` };
  const cityHome: PracticeHome = {
    authority: `${city.name}应急管理局`,
    abbreviation: `${provinceShort === '河北' ? '冀' : provinceShort[0]}${city.name[0]}`,
    city: city.name,
    division: cityDivision,
  };
  if (unit.level === 'city' || unit.code.endsWith('-00')) return cityHome;
  const known = AUTHORITIES.find((a) => a.divisionCode === unit.code);
  const isDivision = /^\d{6}$/.test(unit.code) && unit.code !== cityCode;
  if (!isDivision)
    // A zone (开发区, 管理区, 新区): not a division; its enterprises are registered under the city's code.
    return {
      authority: `${unit.name}应急管理局`,
      abbreviation: `${city.name[0]}${unit.name[0]}`,
      city: city.name,
      division: { code: cityCode, name: unit.name, fullName: `${province.name}${city.name}${unit.name}` },
    };
  return {
    authority:
      known?.name ?? (unit.name.endsWith('区') ? `${city.name}${unit.name}应急管理局` : `${unit.name}应急管理局`),
    abbreviation: known?.abbreviation ?? `${city.name[0]}${unit.name[0]}`,
    city: city.name,
    division: divisionByCode(unit.code) ?? {
      code: unit.code,
      name: unit.name,
      fullName: `${province.name}${city.name}${unit.name}`,
    },
  };
}

/** The authority of a practice home, as the fixtures carry it. */
export function homeAuthority(home: PracticeHome): Authority {
  return {
    name: home.authority,
    abbreviation: home.abbreviation,
    divisionCode: home.division.code,
    ...(DIVISIONS.some((d) => d.code === home.division.code) ? {} : { division: home.division }),
  };
}
