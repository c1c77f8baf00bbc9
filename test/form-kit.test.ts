// The form kit shares field schemas between attempts by configuration: two fields share one only
// when everything their schema depends on is the same.
import { describe, expect, it } from 'vitest';
import { checkboxField, dateField, multiselectField, numberField, selectField, textField } from '../scenarios/lib/form';

const options = (...values: string[]) => values.map((value) => ({ value, label: value }));

describe('shared field schemas', () => {
  it('are shared only between fields of the same configuration', () => {
    expect(selectField('a', '企业', options('x', 'y')).schema).toBe(selectField('b', '企业', options('x', 'y')).schema);
    expect(dateField('a', '检查日期').schema).toBe(dateField('b', '检查日期').schema);
    expect(dateField('a', '检查日期').schema).not.toBe(dateField('a', '复查日期').schema);
    expect(numberField('a', '罚款', { min: 1 }).schema).not.toBe(numberField('a', '罚款', { min: 2 }).schema);
  });

  it('keep each field’s own options, limits and messages', () => {
    const first = selectField('s', '企业', options('x', 'y'));
    const second = selectField('s', '企业', options('y', 'z'));
    expect(first.schema.safeParse('x').success).toBe(true);
    expect(second.schema.safeParse('x').success).toBe(false);
    expect(multiselectField('m', '隐患', options('1', '2'), { minItems: 2 }).schema.safeParse(['1']).success).toBe(false);
    expect(multiselectField('m', '隐患', options('1', '2')).schema.safeParse(['1']).success).toBe(true);
    expect(textField('t', '名称', { maxLength: 3 }).schema.safeParse('四个字符').success).toBe(false);
    expect(textField('t', '名称', { maxLength: 4 }).schema.safeParse('四个字符').success).toBe(true);
    const required = numberField('n', '人数').schema.safeParse('');
    const optional = numberField('n', '人数', { required: false }).schema.safeParse('');
    expect(required.success ? null : required.error.issues[0]?.message).toBe('请填写人数');
    expect(optional.success).toBe(true);
    expect(checkboxField('c', '已整改').schema.safeParse('on')).toEqual({ success: true, data: true });
  });

  it('never share a field with its own check (it may close over an attempt’s data)', () => {
    const a = textField('t', '代码', { check: (v) => (v === 'A' ? null : '须为A') });
    const b = textField('t', '代码', { check: (v) => (v === 'B' ? null : '须为B') });
    expect(a.schema.safeParse('A').success).toBe(true);
    expect(b.schema.safeParse('A').success).toBe(false);
  });
});
