import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const copies = new URL('../db/demo/published/', import.meta.url);
const shared = new URL('../../shared/data/', import.meta.url);
const files = ['hebei-coverage-2023-11.tsv', 'notice-2023-11.txt', 'qinhuangdao-online-enforcement-2023.tsv'];

const read = (file: string, folder = copies) => readFileSync(new URL(file, folder));
const tsvRows = (file: string) =>
  read(file)
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));

describe('published figures kept in the repository', () => {
  it('are the three published files', () => {
    expect(
      readdirSync(copies)
        .filter((f) => f !== 'README.md')
        .sort(),
    ).toEqual(files);
  });

  it('are the Qinhuangdao table as published (nine units, 322 officers)', () => {
    const rows = read('qinhuangdao-online-enforcement-2023.tsv').toString('utf8').trim().split('\n');
    expect(rows[0]!.split('\t')[0]).toBe('地区');
    expect(rows.slice(1).reduce((sum, line) => sum + Number(line.split('\t')[1]), 0)).toBe(322);
  });

  // The two tables and the notice are separate publications: each copy is checked against another.
  it('agree with the notice: each city\'s "N个（共M个）" is its coverage row, Qinhuangdao\'s 7 of 9 its table', () => {
    const notice = read('notice-2023-11.txt').toString('utf8');
    const coverage = tsvRows('hebei-coverage-2023-11.tsv');
    expect(coverage).toHaveLength(13);
    for (const [city, total, insufficient] of coverage) {
      expect(notice).toContain(`${city!.replace(/市$/, '')}${insufficient}个（共${total}个）`);
    }
    const qinhuangdao = tsvRows('qinhuangdao-online-enforcement-2023.tsv');
    const under11 = qinhuangdao.filter((row) => Number(row[3]) < 11).length; // 检查次数 全年, "不足11次"
    expect(coverage.find(([city]) => city === '秦皇岛市')).toEqual([
      '秦皇岛市',
      String(qinhuangdao.length),
      String(under11),
    ]);
  });
});

// Skipped (and reported so) in a clone without shared/ beside it; where it exists, every file must be there and equal.
describe.runIf(existsSync(shared))('the copies and ../shared/data', () => {
  it.each(files)('%s is byte-identical', (file) => {
    expect(existsSync(new URL(file, shared))).toBe(true);
    expect(read(file)).toEqual(read(file, shared));
  });
});
