/** GB/T 2260 行政区划代码 used by the simulated enterprises (秦皇岛市), and the enforcement units. */

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

export function divisionByCode(code: string): Division | undefined {
  return DIVISIONS.find((d) => d.code === code);
}

export function divisionOptions() {
  return DIVISIONS.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }));
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
