/**
 * The trainer's scenario editor (issue 16, point 2): the stored draft spec ↔ the editor form, the choices
 * the form offers from the catalogues, saving through the library's `saveDraft`, and the preview (task
 * card and model answer in demo mode) of the saved draft or of the form as typed. Whatever the form does
 * not show is kept as it was in the draft.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { withScenario, stepOutline } from '../../scenarios/engine';
import { BUILT_IN_SPECS } from '../../scenarios/authoring/spec-examples';
import {
  DIVISIONS,
  INDUSTRIES,
  RUBRIC_LIBRARIES,
  SPEC_STEP_IDS,
  STANDARD_ITEMS,
  TRADE_PLACEHOLDER,
  VIOLATION_IDS,
  type ScenarioSpecInput,
} from '../../scenarios/authoring/spec';
import { industryByCode } from '../../scenarios/lib/industries';
import { STANDARDS } from '../../scenarios/lib/hazard-standard';
import { PENALTY_ARTICLES, VIOLATIONS } from '../../scenarios/law/penalties';
import { MEASURES, MEASURE_LABELS } from '../../scenarios/workflows/inspection/machine';
import { STATEMENT_REVIEWS, STATEMENT_REVIEW_LABELS } from '../../scenarios/workflows/case/machine';
import type { PracticeHome } from '../../scenarios/types';
import type { EditorChoices, EditorWorkflow, FlatValues, ScenarioEditorForm } from '../validation/scenario-editor';
import { ENTERPRISE_FIELDS, flatten, rowCount } from '../validation/scenario-editor';
import { demoViewOf } from './demo.server';
import { draftScenario, getAuthored, saveDraft, versionSpec, type LibraryActor } from './scenario-library.server';

type Db = Kysely<Database>;
type Spec<W extends EditorWorkflow> = Extract<ScenarioSpecInput, { workflow: W }>;
type Form<W extends EditorWorkflow> = Extract<ScenarioEditorForm, { workflow: W }>;
type SiteTemplate = Spec<'inspection'>['majors'][number];

// ---------------------------------------------------------------------------------------------------
// Spec → form values

const siteValues = (t: SiteTemplate) => ({
  id: t.id,
  area: t.area,
  checklist: t.checklist,
  bad: t.bad,
  ok: t.ok,
  fixed: t.fixed,
  clause: t.clause ?? '',
  measures: [...t.measures],
  basis: t.basis,
  nature: t.nature,
});

/** The values that fill the editor form for a stored spec (a draft or a published version). */
export function editorValuesOf(spec: ScenarioSpecInput): FlatValues {
  const common = {
    workflow: spec.workflow,
    title: spec.title,
    brief: spec.brief,
    estimatedMinutes: spec.estimatedMinutes,
    assessmentTimeLimitMinutes: spec.assessmentTimeLimitMinutes ?? '',
    taskLines: spec.taskLines.join('\n'),
    hints: spec.hints.map((h) => ({ id: h.id, text: h.text, cost: h.cost, stepId: h.stepId ?? '' })),
    rubric: spec.rubric.map((r) => ({ item: r.item, weight: r.weight })),
  };
  const e = spec.enterprise as {
    namePattern: string;
    industryCode: string;
    summary?: string;
    divisionCodes?: readonly string[];
    employees?: readonly [number, number];
  };
  const shown = ENTERPRISE_FIELDS[spec.workflow];
  const enterprise = {
    namePattern: e.namePattern,
    industryCode: e.industryCode,
    ...(shown.summary ? { summary: e.summary ?? '' } : {}),
    ...(shown.divisions ? { divisionCodes: [...(e.divisionCodes ?? [])] } : {}),
    ...(shown.employees && e.employees ? { employees: [...e.employees] } : {}),
  };
  switch (spec.workflow) {
    case 'case':
      return flatten({
        ...common,
        enterprise,
        violation: { id: spec.violation.id, tier: spec.violation.tier },
        facts: spec.facts,
        amounts: spec.amounts.join('、'),
        statements: (spec.statements ?? []).map((s) => ({ ...s })),
        ...(spec.hearingRequested ? { hearingRequested: 'on' } : {}),
        hearingArguments: spec.hearingArguments ?? '',
      });
    case 'inspection':
      return flatten({
        ...common,
        enterprise,
        clauseGroups: [...spec.clauseGroups],
        majors: spec.majors.map(siteValues),
        generals: spec.generals.map(siteValues),
        rectifyDays: [...spec.rectifyDays],
      });
    default:
      return flatten({ ...common, enterprise });
  }
}

// ---------------------------------------------------------------------------------------------------
// Form → spec (merged into the draft)

/** The chosen values, those already in the draft first in the draft's order (so an unchanged list is unchanged). */
function keepOrder<T extends string>(old: readonly T[] | undefined, chosen: readonly string[]): T[] {
  const set = new Set(chosen);
  const kept = (old ?? []).filter((v) => set.has(v));
  return [...kept, ...chosen.filter((v) => !kept.includes(v as T))] as T[];
}

/** An id not yet taken: `${prefix}-1`, `${prefix}-2` … */
function freshId(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** Sets or removes an optional key (the spec keeps optional fields absent rather than undefined). */
function optional<T extends object, K extends string, V>(target: T, key: K, value: V | undefined) {
  const out = { ...target } as T & Record<K, V>;
  if (value === undefined) delete (out as Record<string, unknown>)[key];
  else (out as Record<string, unknown>)[key] = value;
  return out;
}

function commonOf(base: ScenarioSpecInput, form: ScenarioEditorForm) {
  const hintIds = new Set(form.hints.map((h) => h.id).filter(Boolean));
  const hints = form.hints.map((h) => ({
    id: h.id || freshId('hint', hintIds),
    stepId: h.stepId || null,
    text: h.text,
    cost: h.cost,
  }));
  return optional(
    {
      title: form.title,
      brief: form.brief,
      estimatedMinutes: form.estimatedMinutes,
      taskLines: form.taskLines,
      hints,
      rubric: form.rubric.map((r) => ({ item: r.item, weight: r.weight })),
    },
    'assessmentTimeLimitMinutes',
    form.assessmentTimeLimitMinutes,
  );
}

/** 监管行业 follows the chosen industry (kept as it was when the code is not in the catalogue). */
const sectorOf = (code: string, old: string) => industryByCode(code)?.sector ?? old;

function mergeSites(
  old: readonly SiteTemplate[],
  rows: Form<'inspection'>['majors'],
  verdict: 'major' | 'general',
  taken: Set<string>,
): SiteTemplate[] {
  return rows.map((row) => {
    const before = old.find((t) => t.id === row.id);
    return {
      ...before,
      id: row.id || freshId(verdict, taken),
      area: row.area,
      checklist: row.checklist,
      bad: row.bad,
      ok: row.ok,
      fixed: row.fixed,
      badVerdict: verdict,
      clause: verdict === 'major' ? row.clause || null : null,
      measures: keepOrder(before?.measures, row.measures),
      basis: row.basis,
      nature: row.nature as SiteTemplate['nature'],
    };
  });
}

/**
 * The draft with the form's values written into it: what the form shows is replaced, everything else
 * (draws, presets, alternative answers, the parts of onboarding and summary scenarios the form does not
 * show) is kept as it was. The result is checked by the spec schema on save, not here.
 */
export function specFromEditor(base: ScenarioSpecInput, form: ScenarioEditorForm): ScenarioSpecInput {
  if (base.workflow !== form.workflow) throw new Error('表单与场景的业务流程不一致');
  const common = commonOf(base, form);
  const enterprise = {
    namePattern: form.enterprise.namePattern,
    industryCode: form.enterprise.industryCode,
    sector: sectorOf(form.enterprise.industryCode, base.enterprise.sector),
  };
  if (base.workflow === 'case' && form.workflow === 'case') {
    const divisions = keepOrder(base.enterprise.divisionCodes, form.enterprise.divisionCodes);
    const spec: Spec<'case'> = {
      ...base,
      ...common,
      enterprise: optional(
        { ...base.enterprise, ...enterprise, summary: form.enterprise.summary },
        'divisionCodes',
        divisions.length > 0 ? divisions : undefined,
      ),
      violation: { id: form.violation.id, tier: form.violation.tier as Spec<'case'>['violation']['tier'] },
      facts: form.facts,
      amounts: form.amounts,
      statements:
        form.statements.length === 0
          ? null
          : form.statements.map((s) => ({
              text: s.text,
              review: s.review as (typeof STATEMENT_REVIEWS)[number],
              reviewReason: s.reviewReason,
            })),
      hearingRequested: form.hearingRequested,
    };
    return optional(spec, 'hearingArguments', form.hearingArguments || undefined) as Spec<'case'>;
  }
  if (base.workflow === 'inspection' && form.workflow === 'inspection') {
    const taken = new Set([...form.majors, ...form.generals].map((r) => r.id).filter(Boolean));
    return {
      ...base,
      ...common,
      enterprise: {
        ...base.enterprise,
        ...enterprise,
        summary: form.enterprise.summary,
        divisionCodes: keepOrder(base.enterprise.divisionCodes, form.enterprise.divisionCodes),
        employees: form.enterprise.employees,
      },
      clauseGroups: keepOrder(base.clauseGroups, form.clauseGroups),
      majors: mergeSites(base.majors, form.majors, 'major', taken),
      generals: mergeSites(base.generals, form.generals, 'general', taken),
      rectifyDays: form.rectifyDays,
    };
  }
  // The other workflows: the common part and the enterprise; the rest is kept as it was.
  const before = base.enterprise as Record<string, unknown> & { divisionCodes?: string[] };
  const typed = form.enterprise as { summary?: string; divisionCodes?: string[]; employees?: [number, number] };
  return {
    ...base,
    ...common,
    enterprise: {
      ...before,
      ...enterprise,
      ...(typed.summary !== undefined ? { summary: typed.summary } : {}),
      ...(typed.divisionCodes !== undefined
        ? { divisionCodes: keepOrder(before.divisionCodes, typed.divisionCodes) }
        : {}),
      ...(typed.employees !== undefined ? { employees: typed.employees } : {}),
    },
  } as ScenarioSpecInput;
}

/**
 * Every field name the form has for these values, including checkbox groups that submit nothing when
 * none is ticked (so the schema's refusal of an empty group still lands beside it).
 */
export function editorFieldNames(values: FlatValues): string[] {
  const names = new Set(Object.keys(values));
  for (const name of ['rubric', 'enterprise.divisionCodes', 'clauseGroups', 'taskLines', 'amounts']) names.add(name);
  for (const list of ['majors', 'generals'])
    for (let i = 0; i < rowCount(values, list); i++) names.add(`${list}[${i}].measures`);
  return [...names];
}

// ---------------------------------------------------------------------------------------------------
// Choices offered by the form

const WORKFLOW_LABELS: Record<EditorWorkflow, string> = {
  case: '案件办理',
  inspection: '执法检查',
  onboarding: '企业入库',
  summary: '简易程序',
  enforcement: '行政强制执行',
  seizure: '查封扣押',
  recheckCase: '复查与立案',
};

/** The workflow's step titles, read from a built-in of the same workflow. */
function stepChoices(workflow: EditorWorkflow) {
  const sample = BUILT_IN_SPECS.find((s) => s.workflow === workflow);
  const outline = sample ? stepOutline(sample.id) : [];
  return SPEC_STEP_IDS[workflow].map((id) => ({
    value: id,
    label: outline.find((s) => s.id === id)?.title ?? id,
  }));
}

function rubricChoices(workflow: EditorWorkflow) {
  const library = RUBRIC_LIBRARIES[workflow] as Record<
    string,
    (weight: number, standard: 'gm2023') => { title: string }
  >;
  return Object.entries(library).map(([value, item]) => ({ value, label: item(1, 'gm2023').title }));
}

/** The choices of the editor form, from the catalogues (never typed by the trainer). */
export function editorChoices(workflow: EditorWorkflow): EditorChoices {
  return {
    workflowLabel: WORKFLOW_LABELS[workflow],
    tradePlaceholder: TRADE_PLACEHOLDER,
    industries: INDUSTRIES.map((i) => ({ value: i.code, label: `${i.code} ${i.name}`, sector: i.sector })),
    divisions: DIVISIONS.map((d) => ({ value: d.code, label: d.name })),
    steps: stepChoices(workflow),
    rubricItems: rubricChoices(workflow),
    violations: VIOLATION_IDS.map((id) => {
      const v = VIOLATIONS[id];
      const article = PENALTY_ARTICLES[v.articleId];
      return {
        value: id,
        label: v.act,
        article: `违反${v.duty}，依据${article.citation}${v.item ? `第（${v.item}）项` : ''}`,
        tiers: article.tiers.map((t) => ({ value: t.id, label: t.label })),
      };
    }),
    statementReviews: STATEMENT_REVIEWS.map((r) => ({ value: r, label: STATEMENT_REVIEW_LABELS[r] })),
    clauseGroups: [...new Set(STANDARD_ITEMS.map((i) => i.group))].map((g) => {
      const standard = STANDARD_ITEMS.find((i) => i.group === g)!.standard;
      return { value: g, label: g, standard: STANDARDS[standard].title };
    }),
    standardItems: STANDARD_ITEMS.map((i) => ({
      value: i.id,
      label: `${i.id} ${i.text.length > 40 ? `${i.text.slice(0, 40)}…` : i.text}`,
      group: i.group,
      citation: i.citation,
    })),
    measures: MEASURES.map((m) => ({ value: m, label: MEASURE_LABELS[m] })),
    natures: [
      { value: 'hazard', label: '事故隐患（须整改消除）' },
      { value: 'violation', label: '违法行为（责令改正）' },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// Opening, saving, previewing

export type EditorRefusal = { ok: false; status: 403 | 404 | 409; message: string };

/**
 * The scenario as its editor opens it: the working draft, or (no draft) the latest published version,
 * whose edit starts the draft of the next version. Refused for unknown (404), not managed (403) and
 * retired (409, unless `allowRetired` for a read-only preview).
 */
export async function openEditor(db: Db, actor: LibraryActor, id: string, options: { allowRetired?: boolean } = {}) {
  const found = await getAuthored(db, actor, id);
  if (!found.found) return { ok: false, status: 404, message: '练兵场景不存在' } satisfies EditorRefusal;
  if (!found.allowed || !found.manageable)
    return {
      ok: false,
      status: 403,
      message: '无权修改该场景：只有场景所属单位及上级的培训员可以修改',
    } satisfies EditorRefusal;
  const row = found.scenario;
  if (row.status === 'retired' && !options.allowRetired)
    return { ok: false, status: 409, message: '该场景已停用，不能再修改；可复制为新场景' } satisfies EditorRefusal;
  const published = row.published_version ? await versionSpec(db, id, row.published_version) : null;
  const spec: ScenarioSpecInput | null = row.draft ?? published;
  if (!spec) return { ok: false, status: 409, message: '该场景没有可编辑的定义' } satisfies EditorRefusal;
  return {
    ok: true as const,
    scenario: {
      id: row.id,
      title: row.title,
      status: row.status,
      statusLabel: row.statusLabel,
      unitName: row.unitName,
      workflow: spec.workflow,
      publishedVersion: row.published_version,
      /** The version the saved draft becomes when published. */
      nextVersion: (row.published_version ?? 0) + 1,
      /** Editing starts from the published version (no draft yet). */
      fromPublished: row.draft === null,
    },
    spec,
  };
}

/**
 * 保存: the form written into the current draft (or the latest version) and saved through `saveDraft`;
 * a refusal lists the spec schema's errors (field path first) and writes nothing.
 */
export async function saveEditorForm(db: Db, actor: LibraryActor, id: string, form: ScenarioEditorForm) {
  const opened = await openEditor(db, actor, id);
  if (!opened.ok) return opened;
  if (opened.spec.workflow !== form.workflow)
    return {
      ok: false as const,
      status: 400 as const,
      message: '场景定义有误，未保存',
      errors: ['workflow：已建场景不能更换业务流程'],
    };
  return saveDraft(db, actor, id, specFromEditor(opened.spec, form));
}

/** A preview: the demo of the model answer at `index`, or the reasons the draft cannot run. */
export type EditorPreview = ({ ok: true } & ReturnType<typeof demoViewOf>) | { ok: false; errors: string[] };

/** Runs the draft's model answer in demo mode, in memory; a draft that fails or throws gives its reasons. */
export function previewSpec(spec: unknown, index: number, home: PracticeHome | null): EditorPreview {
  const built = draftScenario(spec);
  if (!built.ok) return { ok: false, errors: built.errors };
  try {
    return { ok: true, ...withScenario(built.scenario, () => demoViewOf(built.scenario, index, home)) };
  } catch (error) {
    return { ok: false, errors: [`参考答案无法演示：${error instanceof Error ? error.message : String(error)}`] };
  }
}

/** The preview of what is saved: the draft, or the latest published version. */
export async function previewSaved(db: Db, actor: LibraryActor, id: string, index: number, home: PracticeHome | null) {
  const opened = await openEditor(db, actor, id, { allowRetired: true });
  if (!opened.ok) return opened;
  return { ok: true as const, scenario: opened.scenario, preview: previewSpec(opened.spec, index, home) };
}

/** The preview of the form as typed (nothing stored): the form merged into the draft like a save. */
export async function previewForm(
  db: Db,
  actor: LibraryActor,
  id: string,
  form: ScenarioEditorForm,
  index: number,
  home: PracticeHome | null,
) {
  const opened = await openEditor(db, actor, id, { allowRetired: true });
  if (!opened.ok) return opened;
  if (opened.spec.workflow !== form.workflow)
    return {
      ok: true as const,
      preview: { ok: false, errors: ['workflow：已建场景不能更换业务流程'] } as EditorPreview,
    };
  const next = { ...specFromEditor(opened.spec, form), version: opened.scenario.nextVersion };
  return { ok: true as const, preview: previewSpec(next, index, home) };
}
