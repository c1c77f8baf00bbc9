/** 统一社会信用代码 (GB 32100-2015): the check character, and generators for simulated enterprises. */
import type { Prng } from '../prng';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** w_i = 3^(i-1) mod 31 for positions 1..17. */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters, or null if any of them is not allowed. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type UsccProblem = 'length' | 'charset' | 'division' | 'check';

/** Why a code is not a valid 统一社会信用代码, or null when it is. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  for (const c of code) if (!USCC_ALPHABET.includes(c)) return 'charset';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'division';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check';
}

/** True when the code is a well-formed 统一社会信用代码 with the right check character. */
export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

/** The Chinese message a form shows for a bad code. */
export function usccMessage(problem: UsccProblem): string {
  switch (problem) {
    case 'length':
      return '统一社会信用代码应为18位';
    case 'charset':
      return '统一社会信用代码含有不允许的字符（不使用I、O、S、V、Z）';
    case 'division':
      return '统一社会信用代码第3至8位应为行政区划代码';
    case 'check':
      return '统一社会信用代码校验位不正确';
  }
}

/** A valid code for an enterprise (登记管理部门 9, 类别 1) registered in `division`. */
export function generateUscc(prng: Prng, division: string): string {
  const letters = USCC_ALPHABET;
  let body = 'MA';
  for (let i = 0; i < 7; i++) body += letters[prng.int(0, letters.length - 1)];
  const first17 = `91${division}${body}`;
  return first17 + usccCheckCharacter(first17)!;
}

/**
 * A typo a clerk could make: one character of positions 9-17 replaced, so the check character no
 * longer fits (every single change in 1-17 breaks the check, since the weights are invertible mod 31).
 */
export function corruptUscc(prng: Prng, code: string): string {
  const pos = prng.int(8, 16);
  const current = USCC_ALPHABET.indexOf(code[pos]!);
  const replacement = USCC_ALPHABET[(current + prng.int(1, 30)) % 31]!;
  return code.slice(0, pos) + replacement + code.slice(pos + 1);
}

/** The code with its check character recomputed — what a trainee gets by "fixing" a typo the wrong way. */
export function withRecomputedCheck(code: string): string {
  return code.slice(0, 17) + (usccCheckCharacter(code.slice(0, 17)) ?? code[17]);
}
