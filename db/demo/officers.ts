import type { Prng } from '../../scenarios/prng';

/** 执法人员总数 in Hebei on 13 November 2023 (the notice, shared/data/README.md). */
export const HEBEI_OFFICERS_ON_RECORD = 4832;

/**
 * 执法人员数 of Qinhuangdao's nine units, as published in qinhuangdao-online-enforcement-2023.tsv
 * (a test checks these against the file).
 */
export const QINHUANGDAO_OFFICERS: Readonly<Record<string, number>> = {
  秦皇岛市本级: 70,
  海港区: 45,
  山海关区: 17,
  北戴河区: 8,
  抚宁区: 24,
  青龙满族自治县: 57,
  昌黎县: 46,
  卢龙县: 37,
  经济技术开发区: 18,
};

/**
 * Splits `total` officers over units with seeded weights (a city's own office is staffed more
 * heavily), rounding by largest remainder so that the counts add up to exactly `total`.
 */
export function distributeOfficers(
  units: readonly { code: string; isCityOffice: boolean }[],
  total: number,
  prng: Prng,
): Map<string, number> {
  const weights = units.map((u) => (u.isCityOffice ? prng.int(40, 70) : prng.int(12, 36)));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / weightSum) * total);
  const counts = exact.map(Math.floor);
  let remaining = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of byRemainder) {
    if (remaining === 0) break;
    counts[index]! += 1;
    remaining -= 1;
  }
  return new Map(units.map((u, i) => [u.code, counts[i]!]));
}
