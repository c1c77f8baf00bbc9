import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const copies = new URL('../db/demo/published/', import.meta.url);
const shared = new URL('../../shared/data/', import.meta.url);

describe('published figures kept in the repository', () => {
  it('are the Qinhuangdao table as published (nine units, 322 officers)', () => {
    const rows = readFileSync(new URL('qinhuangdao-online-enforcement-2023.tsv', copies), 'utf8').trim().split('\n');
    expect(rows[0]!.split('\t')[0]).toBe('地区');
    expect(rows.slice(1).reduce((sum, line) => sum + Number(line.split('\t')[1]), 0)).toBe(322);
  });

  it('are byte-identical to shared/data wherever that folder sits beside the clone', () => {
    const files = readdirSync(copies).filter((f) => f !== 'README.md');
    expect(files.sort()).toEqual(['hebei-coverage-2023-11.tsv', 'notice-2023-11.txt', 'qinhuangdao-online-enforcement-2023.tsv']);
    for (const file of files) {
      const original = new URL(file, shared);
      if (existsSync(original)) expect(readFileSync(new URL(file, copies))).toEqual(readFileSync(original));
    }
  });
});
