import type { AnswerStep, Step } from '../../scenarios/types';

type Values = AnswerStep['values'];

/**
 * Invalid variants of a step's valid values — all empty, too long, not a number, not a date, not one
 * of the options, several values for one choice, a bad USCC check character — for the engine test
 * and the HTTP test of every sandbox form.
 */
export function invalidVariants(step: Pick<Step, 'fields'>, valid: Values): { what: string; values: Values }[] {
  const variants: { what: string; values: Values }[] = [];
  if (step.fields.some((f) => f.required)) {
    variants.push({ what: '全部为空', values: Object.fromEntries(step.fields.map((f) => [f.name, ''])) });
  }
  for (const field of step.fields) {
    if (field.kind === 'text' || field.kind === 'textarea') {
      variants.push({
        what: `${field.label}过长`,
        values: { ...valid, [field.name]: '长'.repeat((field.maxLength ?? 100) + 1) },
      });
    }
    if (field.kind === 'number')
      variants.push({ what: `${field.label}不是数字`, values: { ...valid, [field.name]: '一百' } });
    if (field.kind === 'date')
      variants.push({ what: `${field.label}不是日期`, values: { ...valid, [field.name]: '2025-02-30' } });
    if (field.kind === 'select' || field.kind === 'multiselect') {
      variants.push({ what: `${field.label}不是选项`, values: { ...valid, [field.name]: 'no-such-option' } });
      variants.push({
        what: `${field.label}为多个值`,
        values: { ...valid, [field.name]: ['no-such-option', 'another'] },
      });
    }
    const current = valid[field.name];
    if (/统一社会信用代码/.test(field.label) && typeof current === 'string' && current.length === 18) {
      const last = current.at(-1) === '0' ? '1' : '0';
      variants.push({
        what: '统一社会信用代码校验位错误',
        values: { ...valid, [field.name]: current.slice(0, 17) + last },
      });
    }
  }
  return variants;
}
