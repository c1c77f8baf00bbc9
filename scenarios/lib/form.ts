/**
 * Form kit: each field yields a descriptor (for a no-JavaScript HTML form) and a zod schema that
 * parses the raw string value the browser posts. Chinese default messages are switched on here,
 * once, and every field overrides the messages a trainee actually sees so that they name the field.
 */
import { z } from 'zod';

z.config(z.locales.zhCN());
// Each attempt builds its own forms (their options come from its fixture) and parses each form about
// once, so zod's compiled fast path (built per schema with `new Function`) costs more than it saves.
z.config({ jitless: true });

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

/** Field schemas shared by configuration: the same label, rules and options make the same schema. */
const SHARED_SCHEMAS_KEPT = 2000;
const sharedSchemas = new Map<string, z.ZodType<unknown>>();

/**
 * A field whose schema is composed when a form is parsed. An attempt's forms are built for its
 * fixture and all their descriptors rendered, but each form is parsed about once, and keeping every
 * attempt's schemas cost ≈300 KB per attempt — thousands of attempts are active in a competition.
 * A schema that depends only on its configuration (`key`: everything `build` reads, as JSON) is
 * kept in one bounded cache shared by all attempts instead (zod schemas are immutable).
 */
function lazyField<T>(descriptor: FieldDescriptor, build: () => z.ZodType<T>, key?: unknown[]): FieldSpec<T> {
  return {
    descriptor,
    get schema() {
      if (!key) return build();
      const k = JSON.stringify(key);
      let schema = sharedSchemas.get(k);
      if (schema) {
        sharedSchemas.delete(k);
      } else {
        schema = build() as z.ZodType<unknown>;
        if (sharedSchemas.size >= SHARED_SCHEMAS_KEPT) sharedSchemas.delete(sharedSchemas.keys().next().value!);
      }
      sharedSchemas.set(k, schema);
      return schema as z.ZodType<T>;
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
    z.unknown().superRefine((value, ctx) => {
      if (value === undefined && required) ctx.addIssue({ code: 'custom', message: `${verb}${label}` });
    }).pipe(base as z.ZodType<T>),
  ) as unknown as z.ZodType<T>;
}

type TextOptions = Common & { maxLength?: number; minLength?: number; pattern?: RegExp; patternMessage?: string; check?: (v: string) => string | null };

function anyTextField(kind: 'text' | 'textarea', name: string, label: string, opts: TextOptions, defaultMax: number): FieldSpec<string> {
  const required = opts.required ?? true;
  const maxLength = opts.maxLength ?? defaultMax;
  return lazyField({ name, label, kind, required, maxLength, ...(opts.help ? { help: opts.help } : {}) }, () => {
    let inner = z.string().max(maxLength, `${label}不能超过${maxLength}个字符`);
    if (opts.minLength) inner = inner.min(opts.minLength, `${label}至少${opts.minLength}个字符`);
    if (opts.pattern) inner = inner.regex(opts.pattern, opts.patternMessage ?? `${label}格式不正确`);
    const check = opts.check;
    const refined = check
      ? inner.superRefine((v, ctx) => {
          const message = check(v);
          if (message) ctx.addIssue({ code: 'custom', message });
        })
      : inner;
    return optionalUnless(required, label, refined);
  }, opts.check ? undefined : ['text', label, required, maxLength, opts.minLength ?? null, opts.pattern ? String(opts.pattern) : null, opts.patternMessage ?? null]);
}

/** A single-line text field; `check` adds a domain rule with its own message. */
export function textField(name: string, label: string, opts: TextOptions = {}): FieldSpec<string> {
  return anyTextField('text', name, label, opts, 100);
}

/** A multi-line text field. */
export function textareaField(name: string, label: string, opts: Common & { maxLength?: number; minLength?: number } = {}): FieldSpec<string> {
  return anyTextField('textarea', name, label, opts, 1000);
}

/** A number; accepts thousands separators, refuses anything else. */
export function numberField(
  name: string,
  label: string,
  opts: Common & { min?: number; max?: number; integer?: boolean; unit?: string } = {},
): FieldSpec<number> {
  const required = opts.required ?? true;
  const unit = opts.unit ?? '';
  return lazyField({ name, label, kind: 'number', required, maxLength: 15, ...(opts.help ? { help: opts.help } : {}) }, () => {
    let inner = z.number({ error: `${label}须为数字` });
    if (opts.integer ?? true) inner = inner.int(`${label}须为整数`);
    if (opts.min !== undefined) inner = inner.min(opts.min, `${label}不能小于${opts.min}${unit}`);
    if (opts.max !== undefined) inner = inner.max(opts.max, `${label}不能大于${opts.max}${unit}`);
    const raw = z
      .string()
      .max(15, `${label}不能超过15个字符`)
      .transform((v) => v.replace(/[,，\s]/g, ''))
      .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, `${label}须为数字`))
      .transform(Number)
      .pipe(inner);
    return optionalUnless(required, label, raw);
  }, ['number', label, required, unit, opts.integer ?? true, opts.min ?? null, opts.max ?? null]);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A date (YYYY-MM-DD, as `<input type="date">` posts it). */
export function dateField(name: string, label: string, opts: Common = {}): FieldSpec<string> {
  const required = opts.required ?? true;
  return lazyField({ name, label, kind: 'date', required, maxLength: 10, ...(opts.help ? { help: opts.help } : {}) }, () => {
    const inner = z
      .string()
      .max(10, `${label}须为有效日期（年-月-日）`)
      .refine(isIsoDate, `${label}须为有效日期（年-月-日）`);
    return optionalUnless(required, label, inner);
  }, ['date', label, required]);
}

/** A date and time (YYYY-MM-DDTHH:mm, as `<input type="datetime-local">` posts it). */
export function datetimeField(name: string, label: string, opts: Common = {}): FieldSpec<string> {
  const required = opts.required ?? true;
  return lazyField({ name, label, kind: 'datetime', required, maxLength: 19, ...(opts.help ? { help: opts.help } : {}) }, () => {
    const inner = z
      .string()
      .max(19, `${label}须为有效的日期时间`)
      .refine((v) => {
        const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/.exec(v);
        return m !== null && isIsoDate(m[1]!);
      }, `${label}须为有效的日期时间`);
    return optionalUnless(required, label, inner, '请选择');
  }, ['datetime', label, required]);
}

/** One option of a list. */
export function selectField<V extends string>(
  name: string,
  label: string,
  options: readonly FieldOption[],
  opts: Common = {},
): FieldSpec<V> {
  const required = opts.required ?? true;
  const values = options.map((o) => o.value);
  const maxLength = Math.max(1, ...values.map((v) => v.length));
  return lazyField({ name, label, kind: 'select', options: [...options], required, maxLength, ...(opts.help ? { help: opts.help } : {}) }, () => {
    const inner = z.string().refine((v) => values.includes(v), `请从列表中选择${label}`) as unknown as z.ZodType<V>;
    return optionalUnless(required, label, inner, '请选择');
  }, ['select', label, required, values]);
}

/** Several options of a list; posts as repeated values (or one string when only one is chosen). */
export function multiselectField<V extends string>(
  name: string,
  label: string,
  options: readonly FieldOption[],
  opts: Common & { minItems?: number } = {},
): FieldSpec<V[]> {
  const required = opts.required ?? false;
  const values = options.map((o) => o.value);
  const maxLength = Math.max(1, ...values.map((v) => v.length));
  return lazyField(
    { name, label, kind: 'multiselect', options: [...options], required, maxLength, ...(opts.help ? { help: opts.help } : {}) },
    () =>
      z.preprocess(
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
          .refine((list) => list.length >= (opts.minItems ?? (required ? 1 : 0)), `请至少选择${opts.minItems ?? 1}项${label}`),
      ) as unknown as z.ZodType<V[]>,
    ['multiselect', label, required, opts.minItems ?? null, values],
  );
}

/** A checkbox: present ("on", "true", "1") means checked, absent means not. */
export function checkboxField(name: string, label: string, opts: { help?: string } = {}): FieldSpec<boolean> {
  return lazyField(
    { name, label, kind: 'checkbox', required: false, maxLength: 5, ...(opts.help ? { help: opts.help } : {}) },
    () =>
      z.preprocess(
        blankToUndefined,
        z.union([z.undefined(), z.string().max(5, `${label}的值不正确`)]).transform((v, ctx) => {
          if (v === undefined || v === 'false' || v === '0' || v === 'off') return false;
          if (v === 'on' || v === 'true' || v === '1') return true;
          ctx.addIssue({ code: 'custom', message: `${label}的值不正确` });
          return z.NEVER;
        }),
      ) as unknown as z.ZodType<boolean>,
    ['checkbox', label],
  );
}

export type ParsedOf<F extends Record<string, FieldSpec<unknown>>> = { [K in keyof F]: F[K] extends FieldSpec<infer T> ? T : never };

/** Builds the object schema of a form from its fields, with cross-field rules. */
export function formSchema<F extends Record<string, FieldSpec<unknown>>>(
  fields: F,
  refine?: (value: ParsedOf<F>, issue: (path: string, message: string) => void) => void,
) {
  const shape: Record<string, z.ZodType<unknown>> = {};
  for (const [key, spec] of Object.entries(fields)) shape[key] = spec.schema;
  const object = z.object(shape);
  const schema = refine
    ? object.superRefine((value, ctx) => {
        refine(value as ParsedOf<F>, (path, message) => ctx.addIssue({ code: 'custom', path: [path], message }));
      })
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
