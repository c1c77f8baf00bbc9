/**
 * Form kit: each field yields a descriptor (for a no-JavaScript HTML form) and a zod schema that
 * parses the raw string value the browser posts. Every field overrides the messages a trainee
 * actually sees so that they name the field (zod's Chinese defaults: ./zod.ts).
 */
import { CACHE_SIZES, Lru } from './lru';
import { z } from './zod';

export { z };

/** Raw values as a browser posts them: strings, or string arrays for multi-selects. */
export type FormValues = Record<string, string | string[] | undefined>;

export type FieldKind = 'text' | 'textarea' | 'number' | 'date' | 'datetime' | 'select' | 'multiselect' | 'checkbox';

export interface FieldOption {
  value: string;
  label: string;
}

/** What a form needs to render one input. */
export interface FieldDescriptor {
  name: string;
  label: string;
  kind: FieldKind;
  options?: FieldOption[];
  required?: boolean;
  maxLength?: number;
  help?: string;
}

export interface FieldSpec<T> {
  descriptor: FieldDescriptor;
  readonly schema: z.ZodType<T>;
}

const sharedSchemas = new Lru<string, z.ZodType<unknown>>(CACHE_SIZES.fieldSchemas);

/** What a field's schema is built from: flat, so that its JSON is all of it. */
type SchemaConfig = Record<
  string,
  string | number | boolean | string[] | RegExp | ((value: string) => string | null) | undefined
>;

/** The cache key of a schema configuration, or undefined when it holds a function (a `check`: never shared). */
function schemaKey(kind: FieldKind, config: SchemaConfig): string | undefined {
  let json: SchemaConfig | undefined;
  for (const name in config) {
    const value = config[name];
    if (typeof value === 'function') return undefined;
    if (value instanceof RegExp) (json ??= { ...config })[name] = String(value);
  }
  return `${kind}${JSON.stringify(json ?? config)}`;
}

/**
 * A field whose schema is composed when a form is parsed. An attempt's forms are built for its
 * fixture and all their descriptors rendered, but each form is parsed about once, and keeping every
 * attempt's schemas cost ≈300 KB per attempt — thousands of attempts are active in a competition.
 * `build` sees only `config` (the builder's options whole, defaults applied), so the key — JSON of
 * the field kind and `config` — covers everything the schema depends on, and schemas with equal
 * keys are shared by all attempts (zod schemas are immutable).
 */
function lazyField<C extends SchemaConfig, T>(
  descriptor: FieldDescriptor,
  config: C,
  build: (config: C) => z.ZodType<T>,
): FieldSpec<T> {
  let key: string | undefined | null = null; // null: not computed yet
  return {
    descriptor,
    get schema() {
      if (key === null) key = schemaKey(descriptor.kind, config);
      if (key === undefined) return build(config);
      return sharedSchemas.getOrSet(key, () => build(config) as z.ZodType<unknown>) as z.ZodType<T>;
    },
  };
}

interface Common {
  required?: boolean;
  help?: string;
}

const blankToUndefined = (value: unknown) => {
  if (Array.isArray(value)) value = value[0];
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
};

function optionalUnless<T>(required: boolean, label: string, inner: z.ZodType<T>, verb = '请填写') {
  const base = required ? inner : inner.optional();
  return z.preprocess(
    blankToUndefined,
    z
      .unknown()
      .superRefine((value, ctx) => {
        if (value === undefined && required) ctx.addIssue({ code: 'custom', message: `${verb}${label}` });
      })
      .pipe(base as z.ZodType<T>),
  ) as unknown as z.ZodType<T>;
}

export type TextOptions = Common & {
  maxLength?: number;
  minLength?: number;
  pattern?: RegExp;
  patternMessage?: string;
  check?: (v: string) => string | null;
};
export type TextareaOptions = Common & { maxLength?: number; minLength?: number };

function buildText(c: TextOptions & { label: string; required: boolean; maxLength: number }) {
  let inner = z.string().max(c.maxLength, `${c.label}不能超过${c.maxLength}个字符`);
  if (c.minLength) inner = inner.min(c.minLength, `${c.label}至少${c.minLength}个字符`);
  if (c.pattern) inner = inner.regex(c.pattern, c.patternMessage ?? `${c.label}格式不正确`);
  const check = c.check;
  const refined = check
    ? inner.superRefine((v, ctx) => {
        const message = check(v);
        if (message) ctx.addIssue({ code: 'custom', message });
      })
    : inner;
  return optionalUnless(c.required, c.label, refined);
}

function anyTextField(
  kind: 'text' | 'textarea',
  name: string,
  label: string,
  opts: TextOptions,
  defaultMax: number,
): FieldSpec<string> {
  const config = { ...opts, label, required: opts.required ?? true, maxLength: opts.maxLength ?? defaultMax };
  const { required, maxLength } = config;
  return lazyField(
    { name, label, kind, required, maxLength, ...(opts.help ? { help: opts.help } : {}) },
    config,
    buildText,
  );
}

/** A single-line text field; `check` adds a domain rule with its own message. */
export function textField(name: string, label: string, opts: TextOptions = {}): FieldSpec<string> {
  return anyTextField('text', name, label, opts, 100);
}

/** A multi-line text field. */
export function textareaField(name: string, label: string, opts: TextareaOptions = {}): FieldSpec<string> {
  return anyTextField('textarea', name, label, opts, 1000);
}

export type NumberOptions = Common & { min?: number; max?: number; integer?: boolean; unit?: string };

function buildNumber(c: NumberOptions & { label: string; required: boolean; integer: boolean; unit: string }) {
  const { label, unit } = c;
  let inner = z.number({ error: `${label}须为数字` });
  if (c.integer) inner = inner.int(`${label}须为整数`);
  if (c.min !== undefined) inner = inner.min(c.min, `${label}不能小于${c.min}${unit}`);
  if (c.max !== undefined) inner = inner.max(c.max, `${label}不能大于${c.max}${unit}`);
  const raw = z
    .string()
    .max(15, `${label}不能超过15个字符`)
    .transform((v) => v.replace(/[,，\s]/g, ''))
    .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, `${label}须为数字`))
    .transform(Number)
    .pipe(inner);
  return optionalUnless(c.required, label, raw);
}

/** A number; accepts thousands separators, refuses anything else. */
export function numberField(name: string, label: string, opts: NumberOptions = {}): FieldSpec<number> {
  const config = {
    ...opts,
    label,
    required: opts.required ?? true,
    integer: opts.integer ?? true,
    unit: opts.unit ?? '',
  };
  return lazyField(
    {
      name,
      label,
      kind: 'number',
      required: config.required,
      maxLength: 15,
      ...(opts.help ? { help: opts.help } : {}),
    },
    config,
    buildNumber,
  );
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Latest year a date may be in: the law's date arithmetic (periods, deadlines, working days) works on
 * YYYY-MM-DD strings, and a period running past year 9999 would leave them (a 500 instead of a refusal).
 */
const LAST_YEAR = 2999;

/** True for a real calendar date written YYYY-MM-DD, no later than LAST_YEAR. */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y > LAST_YEAR) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export type DateOptions = Common;

function buildDate(c: DateOptions & { label: string; required: boolean }) {
  const inner = z
    .string()
    .max(10, `${c.label}须为有效日期（年-月-日）`)
    .refine(isIsoDate, `${c.label}须为有效日期（年-月-日）`);
  return optionalUnless(c.required, c.label, inner);
}

/** A date (YYYY-MM-DD, as `<input type="date">` posts it). */
export function dateField(name: string, label: string, opts: DateOptions = {}): FieldSpec<string> {
  const config = { ...opts, label, required: opts.required ?? true };
  return lazyField(
    { name, label, kind: 'date', required: config.required, maxLength: 10, ...(opts.help ? { help: opts.help } : {}) },
    config,
    buildDate,
  );
}

function buildDatetime(c: DateOptions & { label: string; required: boolean }) {
  const inner = z
    .string()
    .max(19, `${c.label}须为有效的日期时间`)
    .refine((v) => {
      const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/.exec(v);
      return m !== null && isIsoDate(m[1]!);
    }, `${c.label}须为有效的日期时间`);
  return optionalUnless(c.required, c.label, inner, '请选择');
}

/** A date and time (YYYY-MM-DDTHH:mm, as `<input type="datetime-local">` posts it). */
export function datetimeField(name: string, label: string, opts: DateOptions = {}): FieldSpec<string> {
  const config = { ...opts, label, required: opts.required ?? true };
  return lazyField(
    {
      name,
      label,
      kind: 'datetime',
      required: config.required,
      maxLength: 19,
      ...(opts.help ? { help: opts.help } : {}),
    },
    config,
    buildDatetime,
  );
}

export type SelectOptions = Common;

// Only the options' values shape the schema; their labels are for the descriptor.
function buildSelect<V extends string>(c: SelectOptions & { label: string; required: boolean; values: string[] }) {
  const inner = z.string().refine((v) => c.values.includes(v), `请从列表中选择${c.label}`) as unknown as z.ZodType<V>;
  return optionalUnless(c.required, c.label, inner, '请选择');
}

/** One option of a list. */
export function selectField<V extends string>(
  name: string,
  label: string,
  options: readonly FieldOption[],
  opts: SelectOptions = {},
): FieldSpec<V> {
  const config = { ...opts, label, required: opts.required ?? true, values: options.map((o) => o.value) };
  const maxLength = Math.max(1, ...config.values.map((v) => v.length));
  return lazyField(
    {
      name,
      label,
      kind: 'select',
      options: [...options],
      required: config.required,
      maxLength,
      ...(opts.help ? { help: opts.help } : {}),
    },
    config,
    buildSelect<V>,
  );
}

export type MultiselectOptions = Common & { minItems?: number };

function buildMultiselect<V extends string>(
  c: MultiselectOptions & { label: string; required: boolean; values: string[] },
) {
  const { label, values } = c;
  const maxLength = Math.max(1, ...values.map((v) => v.length));
  return z.preprocess(
    (value) => {
      if (value === undefined || value === null || value === '') return [];
      const list = Array.isArray(value) ? value : [value];
      return list.map((v) => String(v).trim()).filter((v) => v !== '');
    },
    z
      .array(z.string().max(maxLength, `${label}的选项不正确`))
      .max(values.length, `${label}的选项过多`)
      .refine((list) => list.every((v) => values.includes(v)), `${label}含有不在列表中的选项`)
      .refine((list) => new Set(list).size === list.length, `${label}的选项重复`)
      .refine((list) => list.length >= (c.minItems ?? (c.required ? 1 : 0)), `请至少选择${c.minItems ?? 1}项${label}`),
  ) as unknown as z.ZodType<V[]>;
}

/** Several options of a list; posts as repeated values (or one string when only one is chosen). */
export function multiselectField<V extends string>(
  name: string,
  label: string,
  options: readonly FieldOption[],
  opts: MultiselectOptions = {},
): FieldSpec<V[]> {
  const config = { ...opts, label, required: opts.required ?? false, values: options.map((o) => o.value) };
  const maxLength = Math.max(1, ...config.values.map((v) => v.length));
  return lazyField(
    {
      name,
      label,
      kind: 'multiselect',
      options: [...options],
      required: config.required,
      maxLength,
      ...(opts.help ? { help: opts.help } : {}),
    },
    config,
    buildMultiselect<V>,
  );
}

export type CheckboxOptions = { help?: string };

function buildCheckbox(c: CheckboxOptions & { label: string }) {
  return z.preprocess(
    blankToUndefined,
    z.union([z.undefined(), z.string().max(5, `${c.label}的值不正确`)]).transform((v, ctx) => {
      if (v === undefined || v === 'false' || v === '0' || v === 'off') return false;
      if (v === 'on' || v === 'true' || v === '1') return true;
      ctx.addIssue({ code: 'custom', message: `${c.label}的值不正确` });
      return z.NEVER;
    }),
  ) as unknown as z.ZodType<boolean>;
}

/** A checkbox: present ("on", "true", "1") means checked, absent means not. */
export function checkboxField(name: string, label: string, opts: CheckboxOptions = {}): FieldSpec<boolean> {
  return lazyField(
    { name, label, kind: 'checkbox', required: false, maxLength: 5, ...(opts.help ? { help: opts.help } : {}) },
    { ...opts, label },
    buildCheckbox,
  );
}

export type ParsedOf<F extends Record<string, FieldSpec<unknown>>> = {
  [K in keyof F]: F[K] extends FieldSpec<infer T> ? T : never;
};

/** Builds the object schema of a form from its fields, with cross-field rules. */
export function formSchema<F extends Record<string, FieldSpec<unknown>>>(
  fields: F,
  refine?: (value: ParsedOf<F>, issue: (path: string, message: string) => void) => void,
) {
  const shape: Record<string, z.ZodType<unknown>> = {};
  for (const [key, spec] of Object.entries(fields)) shape[key] = spec.schema;
  const object = z.object(shape);
  // Cross-field rules see parsed values only: zod 4 would run them after a field's own check failed (a date
  // field holding "2025-02-30" or junk), and rules doing date arithmetic on such a value throw.
  const schema = refine
    ? object.superRefine(
        (value, ctx) => {
          refine(value as ParsedOf<F>, (path, message) => ctx.addIssue({ code: 'custom', path: [path], message }));
        },
        { when: (payload) => payload.issues.length === 0 },
      )
    : object;
  return schema as unknown as z.ZodType<ParsedOf<F>> & typeof object;
}

/** Turns zod issues into `{ field: [messages] }` and a form-level list. */
export function toFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
