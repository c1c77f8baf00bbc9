/**
 * Chinese names of the rubric error codes (MAJOR_HAZARD_MISSED → 识别重大事故隐患), for every page and
 * export that shows a code. A code's name is the title of the rubric items that use it; the few codes
 * shared by items titled differently (the same mistake met at different steps) are named here once.
 */
import { listScenarios } from './index';

/** Codes whose rubric items carry different titles: the one name the code goes by. */
export const SHARED_CODE_NAMES: Readonly<Record<string, string>> = {
  WRONG_DEADLINE: '期限错误（整改期限或告知书期限）',
  STATEMENT_NOT_HEARD: '未听取陈述申辩',
};

let names: Map<string, string> | undefined;

/** Every error code used by a scenario's rubric, with its Chinese name. */
export function errorCodeNames(): ReadonlyMap<string, string> {
  if (names) return names;
  const titles = new Map<string, Set<string>>();
  for (const scenario of listScenarios()) {
    for (const item of scenario.rubric) {
      const set = titles.get(item.code) ?? new Set<string>();
      set.add(item.title);
      titles.set(item.code, set);
    }
  }
  names = new Map(
    [...titles].map(([code, set]) => [code, SHARED_CODE_NAMES[code] ?? (set.size === 1 ? [...set][0]! : code)]),
  );
  return names;
}

/** A code's Chinese name, or null for a code no current scenario uses (e.g. from an older version). */
export function errorCodeName(code: string): string | null {
  return errorCodeNames().get(code) ?? null;
}
