/** Helpers for editing answers (model answer → a mistaken one). */
import type { AnswerStep } from '../types';

export function withValues(
  answer: AnswerStep[],
  stepId: string,
  patch: Record<string, string | string[]>,
  occurrence = 0,
): AnswerStep[] {
  let seen = -1;
  return answer.map((step) => {
    if (step.stepId !== stepId) return step;
    seen++;
    return seen === occurrence ? { stepId, values: { ...step.values, ...patch } } : step;
  });
}

export function withoutStep(answer: AnswerStep[], stepId: string): AnswerStep[] {
  return answer.filter((step) => step.stepId !== stepId);
}

export function valuesOf(answer: AnswerStep[], stepId: string): Record<string, string | string[]> {
  const step = answer.find((s) => s.stepId === stepId);
  if (!step) throw new RangeError(`model answer has no step ${stepId}`);
  return step.values;
}

export function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
