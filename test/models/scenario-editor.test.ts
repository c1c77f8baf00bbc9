import { describe, expect, it } from 'vitest';
import {
  editorFieldNames,
  editorValuesOf,
  openEditor,
  previewForm,
  previewSaved,
  saveEditorForm,
  specFromEditor,
} from '../../app/models/scenario-editor.server';
import {
  copyToDraft,
  getAuthored,
  publishDraft,
  retireScenario,
  type LibraryActor,
} from '../../app/models/scenario-library.server';
import { parseForm } from '../../app/utils/forms';
import {
  changeRows,
  editorIntent,
  errorsByField,
  scenarioEditorSchema,
  type FlatValues,
} from '../../app/validation/scenario-editor';
import { BUILT_IN_SPECS } from '../../scenarios/authoring/spec-examples';
import { spec as inspectMetallurgySpec } from '../../scenarios/inspect-metallurgy/spec';
import { useTestDatabase } from '../support/db';

type Db = ReturnType<typeof useTestDatabase>['db'];

async function trainer(db: Db): Promise<LibraryActor> {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.role', 'units.id as unitId', 'units.path'])
    .where('users.username', '=', 'trainer')
    .executeTakeFirstOrThrow();
  return { id: row.id, role: row.role, unit: { id: row.unitId, path: row.path } };
}

function formData(values: FlatValues): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values))
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}

const parse = (values: FlatValues) => {
  const result = parseForm(scenarioEditorSchema, formData(values));
  if (!result.success) throw new Error(`表单未通过：${JSON.stringify(result.fieldErrors)}`);
  return result.data;
};

/** One built-in of each workflow. */
const BUILT_INS = [
  'case-alarm-disabled',
  'inspect-metallurgy',
  'onboard-dust-enterprise',
  'summary-unit-on-spot',
  'enforce-installments',
  'seize-illegal-chemicals',
  'chain-rectified-partly',
];

async function copied(db: Db, actor: LibraryActor, from: string) {
  const copy = await copyToDraft(db, actor, from);
  if (!copy.ok) throw new Error(copy.message);
  const opened = await openEditor(db, actor, copy.id);
  if (!opened.ok) throw new Error(opened.message);
  return { id: copy.id, spec: opened.spec };
}

const storedDraft = async (db: Db, actor: LibraryActor, id: string) => {
  const found = await getAuthored(db, actor, id);
  if (!found.found || !found.allowed) throw new Error('场景不存在');
  return { draft: found.scenario.draft, updatedAt: found.scenario.updated_at };
};

describe('scenario editor: draft ↔ form', () => {
  it.each(BUILT_INS)('gives the same spec back for a copy of %s, and saves it unchanged', async (builtIn) => {
    const { db } = useTestDatabase();
    const actor = await trainer(db);
    const { id, spec } = await copied(db, actor, builtIn);
    const values = editorValuesOf(spec);
    expect(specFromEditor(spec, parse(values))).toEqual(spec);
    const saved = await saveEditorForm(db, actor, id, parse(values));
    expect(saved.ok).toBe(true);
    expect((await storedDraft(db, actor, id)).draft).toEqual(spec);
  });

  it('sets 监管行业 from the chosen industry and keeps what the form does not show', async () => {
    const { db } = useTestDatabase();
    const actor = await trainer(db);
    const { id, spec } = await copied(db, actor, 'inspect-metallurgy');
    const values = {
      ...editorValuesOf(spec),
      'enterprise.industryCode': 'C3252',
      'enterprise.namePattern': '昌黎{字号}铝业有限公司',
    };
    const saved = await saveEditorForm(db, actor, id, parse(values));
    expect(saved).toMatchObject({ ok: true });
    const { draft } = await storedDraft(db, actor, id);
    expect(draft?.enterprise).toMatchObject({
      industryCode: 'C3252',
      sector: '有色',
      namePattern: '昌黎{字号}铝业有限公司',
    });
    expect(draft).toMatchObject({ maxPlanDelayDays: spec.workflow === 'inspection' ? spec.maxPlanDelayDays : -1 });
  });

  it('adds and removes rows without touching the others', () => {
    const values = editorValuesOf(inspectMetallurgySpec);
    const removed = changeRows(values, editorIntent('removeMajor-1'));
    expect(removed['majors[1].id']).toBe(values['majors[2].id']);
    expect(removed['majors[3].id']).toBeUndefined();
    const added = changeRows(values, editorIntent('addGeneral'));
    expect(added['generals[5].area']).toBe('');
    expect(added['generals[4].id']).toBe(values['generals[4].id']);
    expect(editorIntent('save')).toEqual({ kind: 'save' });
  });

  it('refuses weights that do not sum to 100 beside the rubric, with every other problem, writing nothing', async () => {
    const { db } = useTestDatabase();
    const actor = await trainer(db);
    const { id, spec } = await copied(db, actor, 'case-alarm-disabled');
    const before = await storedDraft(db, actor, id);
    const values: FlatValues = {
      ...editorValuesOf(spec),
      'rubric[0].weight': String(spec.rubric[0]!.weight + 5),
      'enterprise.namePattern': '某某公司',
    };
    const saved = await saveEditorForm(db, actor, id, parse(values));
    expect(saved).toMatchObject({ ok: false, status: 400 });
    const mapped = errorsByField(
      saved.ok ? [] : ((saved as { errors?: string[] }).errors ?? []),
      editorFieldNames(values),
    );
    expect(mapped.fieldErrors.rubric).toEqual(['评分项权重合计为105，应为100']);
    expect(mapped.fieldErrors['enterprise.namePattern']?.[0]).toMatch(/须含占位符\{字号\}/);
    expect(await storedDraft(db, actor, id)).toEqual(before);
  });

  it('refuses a weight that is not an integer beside its field', () => {
    const values = { ...editorValuesOf(inspectMetallurgySpec), 'rubric[2].weight': '十' };
    const result = parseForm(scenarioEditorSchema, formData(values));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.fieldErrors['rubric[2].weight']).toEqual(['权重须为整数']);
  });

  it.each<{ name: string; from: string; change: FlatValues; field: string; message: RegExp }>([
    {
      name: 'a major hazard clause outside the chosen checklists',
      from: 'inspect-metallurgy',
      change: { 'majors[1].clause': 'D1' },
      field: 'majors[1].clause',
      message: /不在所选检查表中/,
    },
    {
      name: 'an amount outside the tier’s range',
      from: 'case-alarm-disabled',
      change: { amounts: '5000、500000' },
      field: 'amounts',
      message: /罚款/,
    },
    {
      name: 'a name pattern without {字号}',
      from: 'summary-unit-on-spot',
      change: { 'enterprise.namePattern': '秦皇岛某某饭店' },
      field: 'enterprise.namePattern',
      message: /须含占位符\{字号\}/,
    },
  ])(
    'refuses $name with a Chinese error beside the field, writing nothing',
    async ({ from, change, field, message }) => {
      const { db } = useTestDatabase();
      const actor = await trainer(db);
      const { id, spec } = await copied(db, actor, from);
      const before = await storedDraft(db, actor, id);
      const values: FlatValues = { ...editorValuesOf(spec), ...change };
      const saved = await saveEditorForm(db, actor, id, parse(values));
      expect(saved.ok).toBe(false);
      const errors = saved.ok ? [] : ((saved as { errors?: string[] }).errors ?? []);
      const mapped = errorsByField(errors, editorFieldNames(values));
      expect(mapped.fieldErrors[field]?.join('；')).toMatch(message);
      expect(await storedDraft(db, actor, id)).toEqual(before);
    },
  );

  it('previews the form as typed (nothing stored): the new enterprise name on the task card', async () => {
    const { db } = useTestDatabase();
    const actor = await trainer(db);
    const { id, spec } = await copied(db, actor, 'inspect-metallurgy');
    const before = await storedDraft(db, actor, id);
    const values = { ...editorValuesOf(spec), 'enterprise.namePattern': '昌黎{字号}预览钢铁有限公司' };
    const result = await previewForm(db, actor, id, parse(values), 0, null);
    expect(result.ok && result.preview.ok).toBe(true);
    if (result.ok && result.preview.ok)
      expect(result.preview.materials.flatMap((m) => m.lines).join('\n')).toMatch(/昌黎.+预览钢铁有限公司/);
    const broken = await previewForm(db, actor, id, parse({ ...values, 'enterprise.industryCode': 'X0000' }), 0, null);
    expect(broken.ok && !broken.preview.ok && broken.preview.errors.join()).toMatch(/enterprise\.industryCode：/);
    expect(await storedDraft(db, actor, id)).toEqual(before);
  });

  it('opens a published scenario from its latest version and saves the draft of the next one', async () => {
    const { db } = useTestDatabase();
    const actor = await trainer(db);
    const { id, spec } = await copied(db, actor, 'summary-unit-on-spot');
    expect(await publishDraft(db, actor, id)).toEqual({ ok: true, version: 1 });
    const opened = await openEditor(db, actor, id);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.scenario).toMatchObject({ fromPublished: true, publishedVersion: 1, nextVersion: 2 });
    const values = { ...editorValuesOf(opened.spec), title: '简易程序（第二版）' };
    expect(await saveEditorForm(db, actor, id, parse(values))).toMatchObject({ ok: true });
    const { draft } = await storedDraft(db, actor, id);
    expect(draft).toMatchObject({
      version: 2,
      title: '简易程序（第二版）',
      facts: spec.workflow === 'summary' ? spec.facts : '',
    });
    expect((await openEditor(db, actor, id)).ok && (await openEditor(db, actor, id))).toMatchObject({
      scenario: { fromPublished: false, nextVersion: 2 },
    });
  }, 60_000);

  it('refuses managers and unknown ids', async () => {
    const { db } = useTestDatabase();
    const actor = await trainer(db);
    expect(await openEditor(db, actor, 'custom-00000000')).toMatchObject({ ok: false, status: 404 });
    const { id } = await copied(db, actor, 'case-alarm-disabled');
    expect(await openEditor(db, { ...actor, role: 'manager' }, id)).toMatchObject({ ok: false, status: 403 });
    // A trainer of a county below the author's province does not manage the province's scenario.
    const county = await db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('level', '=', 'county')
      .executeTakeFirstOrThrow();
    expect(await openEditor(db, { ...actor, unit: county }, id)).toMatchObject({ ok: false, status: 403 });
    // Retired: no more edits (409), the preview still opens.
    expect(await retireScenario(db, actor, id)).toEqual({ ok: true });
    expect(await openEditor(db, actor, id)).toMatchObject({ ok: false, status: 409 });
    expect(await previewSaved(db, actor, id, 0, null)).toMatchObject({ ok: true, preview: { ok: true } });
  });
});

describe('scenario editor: every built-in', () => {
  it.each(BUILT_IN_SPECS.map((s) => [s.id, s] as const))('%s comes back unchanged through the form', (_id, spec) => {
    expect(specFromEditor(spec, parse(editorValuesOf(spec)))).toEqual(spec);
  });
});

describe('scenario editor: the blank hint row', () => {
  it('adds a hint only when its text is filled in', () => {
    const values = editorValuesOf(inspectMetallurgySpec);
    const n = inspectMetallurgySpec.hints.length;
    const blank = { ...values, [`hints[${n}].id`]: '', [`hints[${n}].text`]: '', [`hints[${n}].cost`]: '3' };
    expect(specFromEditor(inspectMetallurgySpec, parse(blank)).hints).toHaveLength(n);
    const filled = { ...blank, [`hints[${n}].text`]: '先核对证件', [`hints[${n}].stepId`]: 'start' };
    expect(specFromEditor(inspectMetallurgySpec, parse(filled)).hints[n]).toEqual({
      id: 'hint-1',
      stepId: 'start',
      text: '先核对证件',
      cost: 3,
    });
  });
});
