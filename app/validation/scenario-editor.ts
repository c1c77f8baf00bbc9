/**
 * The trainer's scenario editor form (issue 16, /catalogue/:id/edit): one schema, a variant per workflow.
 * Fields are named by the path of the spec field they edit (`enterprise.namePattern`, `majors[1].clause`),
 * so the spec schema's refusals (prefixed by that path) land beside the field. This schema checks only
 * the form's own shape (integers, lists); the catalogues, the law and the rubric's sum of 100 are the spec
 * schema's (scenarios/authoring/spec.ts), run on save, so one save lists every problem at once. Rows are
 * added and removed by submit buttons (`intent`).
 */
import { plainText, z } from './zod';

/** A form's values by field name: one string, or every value of a repeated name (checkboxes). */
export type FlatValues = Record<string, string | string[]>;
type Tree = { [key: string]: unknown } | unknown[];

const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

/** `majors[1].clause` → ['majors', 1, 'clause']. */
export function pathOf(name: string): (string | number)[] {
  return [...name.matchAll(SEGMENT)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** ['majors', 1, 'clause'] → `majors[1].clause` (the spec schema's own spelling of a path). */
export function nameOf(path: readonly PropertyKey[]): string {
  return path
    .filter((p): p is string | number => typeof p !== 'symbol')
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
}

/** Flat field values → a nested object (arrays where the path has an index). */
export function unflatten(values: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const path = pathOf(name);
    if (path.length === 0) continue;
    let node: Tree = root;
    path.forEach((key, i) => {
      const last = i === path.length - 1;
      const slot = (node as Record<string | number, unknown>)[key];
      if (last) (node as Record<string | number, unknown>)[key] = value;
      else {
        if (typeof slot !== 'object' || slot === null)
          (node as Record<string | number, unknown>)[key] = typeof path[i + 1] === 'number' ? [] : {};
        node = (node as Record<string | number, unknown>)[key] as Tree;
      }
    });
  }
  return root;
}

/** A nested object of strings (and string lists) → flat field values. */
export function flatten(tree: unknown, prefix: (string | number)[] = [], out: FlatValues = {}): FlatValues {
  if (Array.isArray(tree) && tree.every((v) => typeof v === 'string') && prefix.length > 0 && isListField(prefix)) {
    out[nameOf(prefix)] = tree as string[];
  } else if (Array.isArray(tree)) tree.forEach((v, i) => flatten(v, [...prefix, i], out));
  else if (tree !== null && typeof tree === 'object')
    for (const [k, v] of Object.entries(tree)) flatten(v, [...prefix, k], out);
  else if (tree !== undefined && tree !== null) out[nameOf(prefix)] = String(tree);
  return out;
}

/** Fields whose value is a list of checked boxes (not rows). */
const LIST_FIELDS = new Set(['enterprise.divisionCodes', 'clauseGroups', 'measures']);
const isListField = (path: (string | number)[]) =>
  LIST_FIELDS.has(nameOf(path)) || String(path[path.length - 1]) === 'measures';

/** Every value of a submitted form by name (repeated names keep all their values). */
export function formValues(formData: FormData): FlatValues {
  const out: FlatValues = {};
  for (const key of new Set(formData.keys())) {
    if (key === 'intent') continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = all.length > 1 || isListField(pathOf(key)) ? all : (all[0] ?? '');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Field kinds

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const asText = (v: unknown) =>
  typeof first(v) === 'string' ? (first(v) as string).replace(/\r\n?/g, '\n').trim() : '';

/** A text input (trimmed; emptiness is the spec schema's to refuse, with the field's path). */
const text = (label: string, options: { multiline?: boolean } = {}) =>
  z.preprocess(asText, z.string().superRefine(plainText(label, options)));
const choice = z.preprocess(asText, z.string());
/** An integer input: required unless `optional`, then empty is undefined. */
const int = (label: string) =>
  z.preprocess(
    asText,
    z
      .string()
      .min(1, `请填写${label}`)
      .regex(/^-?\d+$/, `${label}须为整数`)
      .transform(Number),
  );
const optionalInt = (label: string) =>
  z.preprocess(
    asText,
    z
      .string()
      .regex(/^(-?\d+)?$/, `${label}须为整数`)
      .transform((v) => (v === '' ? undefined : Number(v))),
  );
const checked = z.preprocess((v) => v !== undefined && v !== '' && v !== 'off', z.boolean());
const checkedList = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []).filter((x) => typeof x === 'string'),
  z.array(z.string()),
);
const lines = (label: string) =>
  text(label, { multiline: true }).transform((v) =>
    v
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
  );
/** Amounts typed as 「5000、8000、10000」 (Chinese or ASCII commas, spaces). */
const amountList = z.preprocess(
  asText,
  z
    .string()
    .regex(/^[\d\s,，、]*$/, '罚款金额只能是整数，以顿号或逗号分隔')
    .transform((v) =>
      v
        .split(/[\s,，、]+/)
        .filter(Boolean)
        .map(Number),
    ),
);
const rows = <T extends z.ZodType>(row: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v.filter((r) => r !== undefined) : []), z.array(row));
const range = (label: string) => z.tuple([int(`${label}下限`), int(`${label}上限`)]);
const rangeField = (label: string) =>
  z.preprocess((v) => (Array.isArray(v) ? v : [undefined, undefined]), range(label));

// ---------------------------------------------------------------------------------------------------
// The form's parts

const hintRow = z.object({
  id: choice,
  text: text('提示内容'),
  cost: z.preprocess((v) => v ?? '', int('扣分')),
  stepId: choice,
});
const rubricRow = z.object({ item: choice, weight: int('权重') });

const common = {
  title: text('标题'),
  brief: text('任务说明', { multiline: true }),
  estimatedMinutes: int('预计用时'),
  assessmentTimeLimitMinutes: optionalInt('考核时限'),
  taskLines: lines('任务卡说明'),
  // The blank row at the end adds a hint only when its text is filled in.
  hints: z.preprocess(
    (v) =>
      (Array.isArray(v) ? v : []).filter(
        (r: { id?: unknown; text?: unknown } | undefined) => r !== undefined && (asText(r.id) || asText(r.text)),
      ),
    z.array(hintRow),
  ),
  rubric: rows(rubricRow),
};
const enterpriseCommon = { namePattern: text('企业名称模板'), industryCode: choice };

const siteRow = z.object({
  id: choice,
  area: text('区域'),
  checklist: text('检查内容'),
  bad: text('现场情况（存在隐患）'),
  ok: text('现场情况（正常）'),
  fixed: text('现场情况（已整改）'),
  clause: choice.optional(),
  measures: checkedList,
  basis: text('依据'),
  nature: choice,
});

/** The enterprise fields of the workflows whose enterprise has a 概况 (all but onboarding). */
const enterpriseSummary = { ...enterpriseCommon, summary: text('企业概况', { multiline: true }) };
/** …and, where the site is visited, the districts it may lie in and its headcount. */
const enterpriseOnSite = { ...enterpriseSummary, divisionCodes: checkedList, employees: rangeField('从业人数') };

const caseEditor = z.object({
  workflow: z.literal('case'),
  ...common,
  enterprise: z.object({ ...enterpriseSummary, divisionCodes: checkedList }),
  violation: z.object({ id: choice, tier: choice }),
  facts: text('违法事实', { multiline: true }),
  amounts: amountList,
  statements: rows(z.object({ text: text('陈述内容'), review: choice, reviewReason: text('采纳理由') })),
  hearingRequested: checked,
  hearingArguments: text('听证陈述申辩', { multiline: true }),
});

const inspectionEditor = z.object({
  workflow: z.literal('inspection'),
  ...common,
  enterprise: z.object(enterpriseOnSite),
  clauseGroups: checkedList,
  majors: rows(siteRow),
  generals: rows(siteRow),
  rectifyDays: rangeField('整改期限'),
});

const onboardingEditor = z.object({
  workflow: z.literal('onboarding'),
  ...common,
  enterprise: z.object({ ...enterpriseCommon, employees: rangeField('从业人数') }),
});

const summaryEditor = z.object({
  workflow: z.literal('summary'),
  ...common,
  enterprise: z.object(enterpriseSummary),
});

const enforcementEditor = z.object({
  workflow: z.literal('enforcement'),
  ...common,
  enterprise: z.object(enterpriseSummary),
});

const seizureEditor = z.object({
  workflow: z.literal('seizure'),
  ...common,
  enterprise: z.object(enterpriseOnSite),
});

const recheckCaseEditor = z.object({
  workflow: z.literal('recheckCase'),
  ...common,
  enterprise: z.object({ ...enterpriseSummary, divisionCodes: checkedList }),
});

const nestedEditor = z.discriminatedUnion('workflow', [
  caseEditor,
  inspectionEditor,
  onboardingEditor,
  summaryEditor,
  enforcementEditor,
  seizureEditor,
  recheckCaseEditor,
]);

/**
 * The editor form: flat field values in, the nested form out. Each refusal is keyed by the field's own
 * name (`majors[1].area`), which is what `parseForm` shows beside the field.
 */
export const scenarioEditorSchema = z.record(z.string(), z.unknown()).transform((raw, ctx) => {
  const parsed = nestedEditor.safeParse(unflatten(raw));
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    ctx.addIssue({ code: 'custom', path: [nameOf(issue.path) || 'workflow'], message: issue.message });
  return z.NEVER;
});
export type ScenarioEditorForm = z.output<typeof nestedEditor>;
export type EditorWorkflow = ScenarioEditorForm['workflow'];

/** Which enterprise fields each workflow's spec has (and so the form shows). */
export const ENTERPRISE_FIELDS: Record<EditorWorkflow, { summary: boolean; divisions: boolean; employees: boolean }> = {
  case: { summary: true, divisions: true, employees: false },
  inspection: { summary: true, divisions: true, employees: true },
  onboarding: { summary: false, divisions: false, employees: true },
  summary: { summary: true, divisions: false, employees: false },
  enforcement: { summary: true, divisions: false, employees: false },
  seizure: { summary: true, divisions: true, employees: true },
  recheckCase: { summary: true, divisions: true, employees: false },
};

// ---------------------------------------------------------------------------------------------------
// Intents: save, preview, and the row buttons

/** The lists whose rows have add/remove buttons, by the intent's noun. */
export const ROW_LISTS = {
  Hint: 'hints',
  Rubric: 'rubric',
  Statement: 'statements',
  Major: 'majors',
  General: 'generals',
} as const;
type RowNoun = keyof typeof ROW_LISTS;

export type EditorIntent =
  | { kind: 'save' }
  | { kind: 'preview' }
  | { kind: 'refresh' }
  | { kind: 'add'; list: (typeof ROW_LISTS)[RowNoun] }
  | { kind: 'remove'; list: (typeof ROW_LISTS)[RowNoun]; index: number };

/** `save`, `preview`, `refresh` (re-render the choices), `addMajor`, `removeMajor-2` …; unknown → save. */
export function editorIntent(value: FormDataEntryValue | null): EditorIntent {
  const v = typeof value === 'string' ? value : 'save';
  if (v === 'preview' || v === 'refresh') return { kind: v };
  const m = /^(add|remove)([A-Z][a-z]+)(?:-(\d+))?$/.exec(v);
  const list = m ? (ROW_LISTS as Record<string, (typeof ROW_LISTS)[RowNoun]>)[m[2]!] : undefined;
  if (m && list) {
    if (m[1] === 'add') return { kind: 'add', list };
    if (m[3] !== undefined) return { kind: 'remove', list, index: Number(m[3]) };
  }
  return { kind: 'save' };
}

const site = { id: '', area: '', checklist: '', bad: '', ok: '', fixed: '', measures: [], basis: '', nature: 'hazard' };
/** A new row of each list, as the form shows it. */
export const BLANK_ROWS = {
  hints: { id: '', text: '', cost: '3', stepId: '' },
  rubric: { item: '', weight: '' },
  statements: { text: '', review: 'adopted', reviewReason: '' },
  majors: { ...site, clause: '' },
  generals: site,
} as const;

/** The form's values with a row added (blank) or removed, renumbered; nothing else changes. */
export function changeRows(values: FlatValues, intent: EditorIntent): FlatValues {
  if (intent.kind !== 'add' && intent.kind !== 'remove') return values;
  const tree = unflatten(values);
  const list = Array.isArray(tree[intent.list]) ? [...(tree[intent.list] as unknown[])] : [];
  if (intent.kind === 'add') list.push(structuredClone(BLANK_ROWS[intent.list]));
  else list.splice(intent.index, 1);
  tree[intent.list] = list;
  return flatten(tree);
}

/** How many rows a list has in the values (the highest index + 1). */
export function rowCount(values: FlatValues, list: string): number {
  let count = 0;
  for (const name of Object.keys(values)) {
    const path = pathOf(name);
    if (path[0] === list && typeof path[1] === 'number') count = Math.max(count, path[1] + 1);
  }
  return count;
}

/**
 * Refusals of the spec schema (`majors[1].clause：…`) as field errors: beside the field of that name, or
 * the nearest one (a list's first row, a range's first bound); the rest go to the form's own list.
 */
export function errorsByField(
  errors: readonly string[],
  fieldNames: readonly string[],
): { fieldErrors: Record<string, string[]>; formErrors: string[] } {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  const known = new Set(fieldNames);
  for (const error of errors) {
    const at = error.indexOf('：');
    let name = at > 0 ? error.slice(0, at) : '';
    const message = at > 0 ? error.slice(at + 1) : error;
    let target: string | undefined;
    while (name && !target) {
      if (known.has(name)) target = name;
      else {
        const prefix = name;
        target = fieldNames.find((f) => f.startsWith(`${prefix}[`) || f.startsWith(`${prefix}.`));
        name = name.replace(/(\[\d+\]|\.[^.[\]]+)$/, '') === name ? '' : name.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
      }
    }
    if (target) (fieldErrors[target] ??= []).push(message);
    else formErrors.push(error);
  }
  return { fieldErrors, formErrors };
}

// ---------------------------------------------------------------------------------------------------
// What the form shows

type Option = { value: string; label: string };
/** The choices the form offers, from the catalogues (built by `editorChoices` on the server). */
export interface EditorChoices {
  workflowLabel: string;
  tradePlaceholder: string;
  industries: (Option & { sector: string })[];
  divisions: Option[];
  steps: Option[];
  rubricItems: Option[];
  violations: (Option & { article: string; tiers: Option[] })[];
  statementReviews: Option[];
  clauseGroups: (Option & { standard: string })[];
  standardItems: (Option & { group: string; citation: string })[];
  measures: Option[];
  natures: Option[];
}

const FIELD_LABELS: Record<string, string> = {
  workflow: '业务流程',
  title: '标题',
  brief: '任务说明',
  estimatedMinutes: '预计用时',
  assessmentTimeLimitMinutes: '考核时限',
  taskLines: '任务卡说明',
  hints: '提示',
  rubric: '评分项',
  enterprise: '企业',
  namePattern: '名称模板',
  industryCode: '国民经济行业',
  sector: '监管行业',
  summary: '概况',
  divisionCodes: '所在区县',
  employees: '从业人数',
  violation: '违法行为',
  tier: '处罚档次',
  facts: '违法事实',
  amounts: '罚款金额',
  statements: '陈述申辩',
  text: '内容',
  review: '采纳意见',
  reviewReason: '理由',
  hearingRequested: '要求听证',
  hearingArguments: '听证中的陈述申辩',
  clauseGroups: '适用的检查表',
  majors: '重大事故隐患候选项',
  generals: '一般事故隐患候选项',
  area: '区域',
  checklist: '检查内容',
  bad: '现场情况（存在隐患）',
  ok: '现场情况（正常）',
  fixed: '现场情况（已整改）',
  clause: '判定标准条目',
  measures: '现场处理措施',
  basis: '依据',
  nature: '性质',
  rectifyDays: '整改期限',
  cost: '扣分',
  stepId: '对应步骤',
  item: '评分项',
  weight: '权重',
  id: '编号',
};

/** A field's name in Chinese for the error summary: `majors[1].clause` → 重大事故隐患候选项第2项 · 判定标准条目. */
export function fieldLabel(name: string): string {
  if (name === 'violation.id') return '违法行为';
  const parts: string[] = [];
  for (const p of pathOf(name)) {
    if (typeof p === 'number') parts[parts.length - 1] += `第${p + 1}项`;
    else parts.push(FIELD_LABELS[p] ?? p);
  }
  return parts.join(' · ');
}

/** The element id of a field (names hold brackets and dots). */
export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
