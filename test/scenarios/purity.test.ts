/** Architecture: scenarios/ is pure — no app, database, React, Remix, Node I/O, clock or randomness. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', 'scenarios');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN_IMPORTS: [RegExp, string][] = [
  [/^(\.\.\/)+app\/|^~\//, 'app/'],
  [/^(\.\.\/)+db\//, 'db/'],
  [/^react(-dom)?($|\/)/, 'react'],
  [/^@remix-run\//, '@remix-run'],
  [/^kysely($|\/)/, 'kysely'],
  [/^better-sqlite3($|\/)/, 'better-sqlite3'],
  [/^node:/, 'node:*'],
  [/^(fs|path|child_process|http|https|net|os|fs\/promises)$/, 'Node built-in'],
];

const FORBIDDEN_CODE: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date() without an argument'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\bprocess\.(env|hrtime)/, 'process'],
];

function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|require\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    out.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  }
  return out;
}

describe('scenarios/ purity', () => {
  const all = files(ROOT);

  it('finds the scenario sources', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each(all.map((f) => [relative(ROOT, f), f]))(
    '%s imports nothing that does I/O and reads no clock',
    (_name, file) => {
      const source = readFileSync(file, 'utf8');
      const problems: string[] = [];
      for (const spec of importsOf(source)) {
        for (const [re, label] of FORBIDDEN_IMPORTS) if (re.test(spec)) problems.push(`imports ${label} (${spec})`);
      }
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const [re, label] of FORBIDDEN_CODE) if (re.test(code)) problems.push(`uses ${label}`);
      expect(problems).toEqual([]);
    },
  );

  it('the checks catch what they are meant to catch', () => {
    expect(importsOf("import { db } from '../../db/kysely';\nimport fs from 'node:fs';")).toEqual([
      '../../db/kysely',
      'node:fs',
    ]);
    expect(FORBIDDEN_CODE.some(([re]) => re.test('const t = new Date();'))).toBe(true);
    expect(FORBIDDEN_CODE.some(([re]) => re.test('new Date(Date.UTC(2025, 0, 1))'))).toBe(false);
  });
});
