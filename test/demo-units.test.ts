import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { HEBEI_CITIES, HEBEI_PROVINCE } from '../db/demo/hebei-units';

// Verbatim copies of shared/data kept in the repo (see db/demo/published/README.md).
function readTsv(file: string): string[][] {
  const text = readFileSync(new URL(`../db/demo/published/${file}`, import.meta.url), 'utf8');
  const rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));
  return rows.slice(1); // drop the header row
}

const coverage = readTsv('hebei-coverage-2023-11.tsv').map(([name, total]) => ({
  name: name ?? '',
  total: Number(total),
}));
const qinhuangdaoUnits = readTsv('qinhuangdao-online-enforcement-2023.tsv').map(([name]) => name ?? '');

const XINJI = '辛集市';
const XIONGAN = '雄安新区';

describe('Hebei demo units', () => {
  it('has the 13 city-level areas in the coverage table, in its order, with its unit counts', () => {
    expect(coverage).toHaveLength(13);
    expect(HEBEI_CITIES.map((c) => c.name)).toEqual(coverage.map((c) => c.name));
    expect(HEBEI_CITIES.map((c) => c.units.length)).toEqual(coverage.map((c) => c.total));
  });

  it('has 192 units in all', () => {
    expect(HEBEI_CITIES.reduce((n, c) => n + c.units.length, 0)).toBe(192);
    expect(coverage.reduce((n, c) => n + c.total, 0)).toBe(192);
  });

  it("has Qinhuangdao's nine units in the order of the Qinhuangdao table", () => {
    const qhd = HEBEI_CITIES.find((c) => c.name === '秦皇岛市');
    expect(qinhuangdaoUnits).toHaveLength(9);
    expect(qhd?.units.map((u) => u.name)).toEqual(qinhuangdaoUnits);
    expect(qhd?.units.map((u) => u.code)).toEqual([
      '130300-00',
      '130302',
      '130303',
      '130304',
      '130306',
      '130321',
      '130322',
      '130324',
      '130300-01',
    ]);
  });

  it('has unique codes across the province, cities and units', () => {
    const codes = [HEBEI_PROVINCE.code, ...HEBEI_CITIES.flatMap((c) => [c.code, ...c.units.map((u) => u.code)])];
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has well-formed city codes', () => {
    for (const city of HEBEI_CITIES) {
      expect(city.code, city.name).toMatch(/^13\d{4}$/);
      if (city.name === XIONGAN) {
        expect(city.kind).toBe('non-division');
      } else if (city.name === XINJI) {
        expect(city, city.name).toMatchObject({
          kind: 'division',
          code: '130181',
        });
      } else {
        expect(city.kind, city.name).toBe('division');
        expect(city.code, city.name).toMatch(/^13\d{2}00$/);
      }
    }
  });

  it('gives divisions 6-digit codes under their city and other units {cityCode}-NN codes', () => {
    for (const city of HEBEI_CITIES) {
      // 雄安新区's counties keep their GB/T 2260 codes under 保定 (1306); 辛集市 has no divisions below it.
      const prefix = city.name === XIONGAN ? '1306' : city.code.slice(0, 4);
      const divisions = city.units.filter((u) => u.kind === 'division');
      const others = city.units.filter((u) => u.kind === 'non-division');
      for (const unit of divisions) {
        expect(unit.code, unit.name).toMatch(/^\d{6}$/);
        expect(unit.code.startsWith(prefix), `${city.name} ${unit.name} ${unit.code}`).toBe(true);
        expect(unit.code.endsWith('00'), unit.name).toBe(false);
      }
      if (city.name === XINJI) expect(divisions).toHaveLength(0);
      for (const unit of others) expect(unit.code, unit.name).toMatch(/^\d{6}-\d{2}$/);
      // 市本级 first as -00, then zones -01, -02, … in list order.
      expect(others[0]).toEqual({
        name: `${city.name}本级`,
        code: `${city.code}-00`,
        kind: 'non-division',
      });
      expect(others.map((u) => u.code)).toEqual(others.map((_, i) => `${city.code}-${String(i).padStart(2, '0')}`));
      expect(new Set(city.units.map((u) => u.name)).size, city.name).toBe(city.units.length);
    }
  });

  it('lists 雄县, 容城县 and 安新县 under 雄安新区 only', () => {
    const xiongan = ['130638', '130629', '130632'];
    const baoding = HEBEI_CITIES.find((c) => c.name === '保定市');
    expect(baoding?.units.some((u) => xiongan.includes(u.code))).toBe(false);
    expect(HEBEI_CITIES.find((c) => c.name === XIONGAN)?.units.map((u) => u.name)).toEqual([
      '雄安新区本级',
      '雄县',
      '容城县',
      '安新县',
    ]);
  });
});
