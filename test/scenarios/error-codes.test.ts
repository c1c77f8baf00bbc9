import { describe, expect, it } from 'vitest';
import { errorCodeName, errorCodeNames, SHARED_CODE_NAMES } from '../../scenarios/error-codes';
import { listScenarios } from '../../scenarios/index';

const HAN = /\p{Script=Han}/u;

describe('error code names', () => {
  it('gives every code used by a scenario a Chinese name', () => {
    const used = new Set(listScenarios().flatMap((s) => s.rubric.map((item) => item.code)));
    expect(used.size).toBeGreaterThan(20);
    for (const code of used) {
      const name = errorCodeName(code);
      expect(name, code).not.toBeNull();
      expect(name, code).toMatch(HAN);
      expect(name, code).not.toBe(code);
    }
  });

  it('names a code the same everywhere: its items share one title, or the shared name decides', () => {
    const titles = new Map<string, Set<string>>();
    for (const s of listScenarios())
      for (const item of s.rubric) titles.set(item.code, (titles.get(item.code) ?? new Set()).add(item.title));
    for (const [code, set] of titles) {
      if (set.size > 1) expect(SHARED_CODE_NAMES[code], `${code} is titled ${[...set].join(' / ')}`).toBeDefined();
      else expect(errorCodeName(code)).toBe(SHARED_CODE_NAMES[code] ?? [...set][0]);
    }
  });

  it('keeps no shared name for a code that no longer needs one', () => {
    for (const code of Object.keys(SHARED_CODE_NAMES)) expect(errorCodeNames().has(code), code).toBe(true);
  });

  it('answers null for a code no scenario uses', () => {
    expect(errorCodeName('NO_SUCH_CODE')).toBeNull();
  });
});
