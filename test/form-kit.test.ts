// The form kit shares field schemas between attempts by configuration: two fields share one only
// when everything their schema depends on is the same.
import { describe, expect, it } from 'vitest';
import {
  checkboxField,
  dateField,
  datetimeField,
  formSchema,
  multiselectField,
  numberField,
  selectField,
  textareaField,
  textField,
  type CheckboxOptions,
  type DateOptions,
  type FieldSpec,
  type MultiselectOptions,
  type NumberOptions,
  type SelectOptions,
  type TextareaOptions,
  type TextOptions,
} from '../scenarios/lib/form';

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
    expect(multiselectField('m', '隐患', options('1', '2'), { minItems: 2 }).schema.safeParse(['1']).success).toBe(
      false,
    );
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

// For every builder: a base configuration and, per option (label and list included), a value that
// differs from the base. The mapped types make a new option a compile error here until it is listed.
type Variants<O> = { [K in keyof Required<O>]: O[K] };
type Builder = (label: string, values: string[], opts: never) => FieldSpec<unknown>;
const common = { required: false, help: '另一说明' };
const builders: { name: string; make: Builder; base: object; variants: object }[] = [
  {
    name: 'text',
    make: (label, _values, opts: TextOptions) => textField('f', label, opts),
    base: { help: '说明', maxLength: 20, minLength: 2, pattern: /^\d+$/, patternMessage: '须为数字' },
    // A check is never shared (tested below).
    variants: {
      ...common,
      maxLength: 21,
      minLength: 3,
      pattern: /^\d*$/,
      patternMessage: '须为数字！',
    } satisfies Variants<Omit<TextOptions, 'check'>>,
  },
  {
    name: 'textarea',
    make: (label, _values, opts: TextareaOptions) => textareaField('f', label, opts),
    base: { help: '说明', maxLength: 200, minLength: 2 },
    variants: { ...common, maxLength: 201, minLength: 3 } satisfies Variants<TextareaOptions>,
  },
  {
    name: 'number',
    make: (label, _values, opts: NumberOptions) => numberField('f', label, opts),
    base: { help: '说明', min: 1, max: 10, integer: true, unit: '元' },
    variants: { ...common, min: 0, max: 11, integer: false, unit: '万元' } satisfies Variants<NumberOptions>,
  },
  {
    name: 'date',
    make: (label, _values, opts: DateOptions) => dateField('f', label, opts),
    base: { help: '说明' },
    variants: common satisfies Variants<DateOptions>,
  },
  {
    name: 'datetime',
    make: (label, _values, opts: DateOptions) => datetimeField('f', label, opts),
    base: { help: '说明' },
    variants: common satisfies Variants<DateOptions>,
  },
  {
    name: 'select',
    make: (label, values, opts: SelectOptions) => selectField('f', label, options(...values), opts),
    base: { help: '说明' },
    variants: common satisfies Variants<SelectOptions>,
  },
  {
    name: 'multiselect',
    make: (label, values, opts: MultiselectOptions) => multiselectField('f', label, options(...values), opts),
    base: { help: '说明', minItems: 1 },
    variants: { ...common, minItems: 2 } satisfies Variants<MultiselectOptions>,
  },
  {
    name: 'checkbox',
    make: (label, _values, opts: CheckboxOptions) => checkboxField('f', label, opts),
    base: { help: '说明' },
    variants: { help: '另一说明' } satisfies Variants<CheckboxOptions>,
  },
];

describe('the shared schema key covers the whole configuration', () => {
  it.each(builders.map((b) => [b.name, b] as const))(
    '%s: fields differing in any one option never share a schema',
    (_name, b) => {
      const make = (label: string, values: string[], opts: object) => b.make(label, values, opts as never).schema;
      const base = make('字段', ['x', 'y'], b.base);
      expect(make('字段', ['x', 'y'], { ...b.base })).toBe(base); // same configuration: shared
      const differing: [string, unknown][] = [
        ['label', make('另一字段', ['x', 'y'], b.base)],
        ['option values', make('字段', ['x', 'z'], b.base)],
        ...Object.entries(b.variants).map(
          ([option, value]) => [option, make('字段', ['x', 'y'], { ...b.base, [option]: value })] as [string, unknown],
        ),
      ];
      const shared = differing.filter(([, schema]) => schema === base).map(([option]) => option);
      // Option lists shape only select and multiselect schemas.
      expect(shared).toEqual(['select', 'multiselect'].includes(b.name) ? [] : ['option values']);
    },
  );

  it('never shares a text field with a check, even with the same function', () => {
    const check = (v: string) => (v ? null : '空');
    expect(textField('t', '代码', { check }).schema).not.toBe(textField('t', '代码', { check }).schema);
    expect(textField('t', '代码', { check }).schema).not.toBe(textField('t', '代码').schema);
  });
});

describe('cross-field rules', () => {
  it('run only once every field parsed, so a rule never sees a value its field refused', () => {
    // Found by test/scenarios/spec-property.test.ts: the 现场处理措施 form's rule did date arithmetic on a
    // 措施期限 of eleven letters and threw (a 500) instead of refusing the form.
    const schema = formSchema(
      { date: dateField('date', '决定日期'), until: dateField('until', '措施期限至') },
      (v, issue) => {
        if (new Date(`${v.until}T00:00:00Z`).toISOString() <= v.date) issue('until', '措施期限须晚于决定日期');
      },
    );
    const junk = schema.safeParse({ date: '2025-01-06', until: 'a'.repeat(11) });
    expect(junk.success).toBe(false);
    expect(new Set(junk.error?.issues.map((i) => `${i.path.join('.')}：${i.message}`))).toEqual(
      new Set(['until：措施期限至须为有效日期（年-月-日）']),
    );
    const early = schema.safeParse({ date: '2025-01-06', until: '2025-01-05' });
    expect(early.error?.issues.map((i) => [i.path, i.message])).toEqual([[['until'], '措施期限须晚于决定日期']]);
    expect(schema.safeParse({ date: '2025-01-06', until: '2025-01-07' }).success).toBe(true);
  });

  it('refuse a date no period can be counted from (the law’s date arithmetic stays in four-digit years)', () => {
    // Found by spec-property.test.ts: a 听证会通知 dated 9999-12-31 passed the form, and counting the
    // seven working days' notice from it threw (a 500) instead of refusing the form.
    const schema = dateField('noticeDate', '通知日期').schema;
    expect(schema.safeParse('9999-12-31').error?.issues[0]?.message).toBe('通知日期须为有效日期（年-月-日）');
    expect(schema.safeParse('2999-12-31').success).toBe(true);
    expect(schema.safeParse('2025-02-30').success).toBe(false);
  });
});
