/**
 * Trainers' own scenarios (自编场景, issue 16): drafts, published versions, visibility by unit and
 * the engine's access to them. A scenario is data (scenarios/authoring/spec.ts): nothing a trainer
 * writes runs as code, and the publish gate (scenarios/authoring/gate.ts) must pass before a version
 * goes live. Published versions never change: attempts keep the version they were taken under.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AuthoredScenarioStatus, Database } from '../../db/schema';
import { checkPublishable, type GateFailure } from '../../scenarios/authoring/gate';
import { BUILT_IN_SPECS } from '../../scenarios/authoring/spec-examples';
import {
  parseScenarioSpec,
  scenarioFromSpec,
  type ScenarioSpec,
  type ScenarioSpecInput,
} from '../../scenarios/authoring/spec';
import {
  getScenario,
  isAuthoredVersionRegistered,
  isBuiltInScenario,
  listScenarios,
  registerAuthoredVersion,
} from '../../scenarios/index';
import type { AnyScenario, Skill } from '../../scenarios/types';

type Db = Kysely<Database>;
type UnitPath = { id: number; path: string };
/** The trainer (or any user) acting, with their unit. */
export type LibraryActor = { id: number; role: string; unit: UnitPath };

export const AUTHORED_ID_PREFIX = 'custom-';
export const STATUS_LABELS: Record<AuthoredScenarioStatus, string> = {
  draft: '草稿',
  published: '已发布',
  retired: '已停用',
};

/** A new scenario id: never a built-in's (they have no such prefix). */
const newScenarioId = () => `${AUTHORED_ID_PREFIX}${randomBytes(4).toString('hex')}`;

/** Whether `ancestor`'s path is a prefix of `unit`'s (the unit itself included). */
const isAncestorOrSelf = (ancestor: { path: string }, unit: { path: string }) => unit.path.startsWith(ancestor.path);

// ---------------------------------------------------------------------------------------------------
// The engine's access: a published version, built from its stored definition and registered once.

/**
 * The scenario with this id: a built-in, or the given (default: latest) published version of a
 * trainer's scenario, registered with the engine so attempts on it start, step and replay. Undefined
 * when there is no such scenario or version. Visibility is not checked here (see `visibleScenario`).
 */
export async function scenarioOf(db: Db, id: string, version?: number): Promise<AnyScenario | undefined> {
  if (isBuiltInScenario(id)) return getScenario(id);
  if (!id.startsWith(AUTHORED_ID_PREFIX)) return undefined;
  let wanted = version;
  if (wanted === undefined) {
    const row = await db
      .selectFrom('authored_scenarios')
      .select('published_version')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row?.published_version) return undefined;
    wanted = row.published_version;
  }
  if (isAuthoredVersionRegistered(id, wanted)) return getScenario(id, wanted);
  const row = await db
    .selectFrom('scenario_versions')
    .select('spec_json')
    .where('scenario_id', '=', id)
    .where('version', '=', wanted)
    .executeTakeFirst();
  if (!row) return undefined;
  // Frozen as the schema's output when it was published: not re-checked against today's catalogues
  // (a later, stricter rule must not take away a version attempts were taken under).
  let scenario: AnyScenario | undefined;
  try {
    scenario = scenarioFromSpec(JSON.parse(row.spec_json) as ScenarioSpec);
  } catch {
    scenario = undefined;
  }
  // Today's kits can no longer build it: the version is unavailable (pages answer 404), never a 500.
  if (!scenario) return undefined;
  registerAuthoredVersion(scenario);
  return scenario;
}

/** Titles of scenarios by id (built-ins' and trainers'), for lists of attempts and assignments. */
export async function scenarioTitles(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  const authored: string[] = [];
  for (const id of new Set(ids)) {
    const builtIn = isBuiltInScenario(id) ? getScenario(id) : undefined;
    if (builtIn) titles.set(id, builtIn.title);
    else authored.push(id);
  }
  if (authored.length > 0) {
    const rows = await db
      .selectFrom('authored_scenarios')
      .select(['id', 'title'])
      .where('id', 'in', authored)
      .execute();
    for (const r of rows) titles.set(r.id, r.title);
  }
  return titles;
}

// ---------------------------------------------------------------------------------------------------
// Visibility and management

/** Published trainers' scenarios (latest version) with their owner unit's path; narrowed by the caller. */
const publishedAuthored = (db: Db) =>
  db
    .selectFrom('authored_scenarios')
    .innerJoin('units', 'units.id', 'authored_scenarios.unit_id')
    .select(['authored_scenarios.id', 'authored_scenarios.published_version', 'units.path'])
    .where('authored_scenarios.status', '=', 'published')
    .where('authored_scenarios.published_version', 'is not', null);

/** Usable from the viewer's unit: owned by that unit or one above it (a province's is everyone's in the province). */
const usableFrom = (viewer: { unit: UnitPath }) => (row: { path: string }) => isAncestorOrSelf(row, viewer.unit);

/**
 * A trainer's scenario the user may use (drill, demo, assign): published, not retired, and owned by
 * the user's unit or one above it.
 */
export async function usableAuthoredIds(
  db: Db,
  viewer: { unit: UnitPath },
): Promise<{ id: string; version: number }[]> {
  const rows = await publishedAuthored(db).execute();
  return rows.filter(usableFrom(viewer)).map((r) => ({ id: r.id, version: r.published_version! }));
}

/**
 * The scenario if the user may start it now: a built-in, or a trainer's published scenario visible
 * from the user's unit (its latest version). Undefined otherwise (unknown, draft, retired, out of scope).
 */
export async function usableScenario(db: Db, viewer: { unit: UnitPath }, id: string): Promise<AnyScenario | undefined> {
  if (isBuiltInScenario(id)) return getScenario(id);
  const row = await publishedAuthored(db).where('authored_scenarios.id', '=', id).executeTakeFirst();
  return row && usableFrom(viewer)(row) ? scenarioOf(db, row.id, row.published_version!) : undefined;
}

/** Every scenario the user may start, built-ins first (catalogue order), then trainers' by title. */
export async function usableScenarios(db: Db, viewer: { unit: UnitPath }, filter: { skill?: Skill } = {}) {
  const authored = await Promise.all((await usableAuthoredIds(db, viewer)).map((s) => scenarioOf(db, s.id, s.version)));
  return [
    ...listScenarios(filter),
    ...authored
      .filter((s): s is AnyScenario => s !== undefined && (!filter.skill || s.skill === filter.skill))
      .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN')),
  ];
}

/** A trainer manages (edits, publishes, retires, regrades) the scenarios of units in their subtree. */
export function canManage(actor: LibraryActor, owner: { path: string }): boolean {
  return actor.role === 'trainer' && isAncestorOrSelf(actor.unit, owner);
}

/** The trainer's scenario rows they may see in the catalogue: usable ones plus every one they manage. */
export async function listAuthoredForCatalogue(db: Db, actor: LibraryActor) {
  const rows = await db
    .selectFrom('authored_scenarios')
    .innerJoin('units', 'units.id', 'authored_scenarios.unit_id')
    .innerJoin('users', 'users.id', 'authored_scenarios.author_id')
    .select([
      'authored_scenarios.id',
      'authored_scenarios.title',
      'authored_scenarios.workflow',
      'authored_scenarios.skill',
      'authored_scenarios.status',
      'authored_scenarios.published_version',
      'authored_scenarios.draft_json',
      'authored_scenarios.updated_at',
      'units.name as unitName',
      'units.path as unitPath',
      'users.display_name as authorName',
    ])
    .orderBy('authored_scenarios.updated_at', 'desc')
    .execute();
  return rows
    .filter((r) =>
      canManage(actor, { path: r.unitPath })
        ? true
        : r.status === 'published' && isAncestorOrSelf({ path: r.unitPath }, actor.unit),
    )
    .map(({ unitPath, draft_json, ...r }) => ({
      ...r,
      statusLabel: STATUS_LABELS[r.status],
      hasDraft: draft_json !== null,
      manageable: canManage(actor, { path: unitPath }),
    }));
}

/** One trainer's scenario as its managers see it (404/403 decided by the caller from the result). */
export async function getAuthored(db: Db, actor: LibraryActor, id: string) {
  const row = await db
    .selectFrom('authored_scenarios')
    .innerJoin('units', 'units.id', 'authored_scenarios.unit_id')
    .selectAll('authored_scenarios')
    .select(['units.name as unitName', 'units.path as unitPath', 'units.code as unitCode'])
    .where('authored_scenarios.id', '=', id)
    .executeTakeFirst();
  if (!row) return { found: false as const };
  const manageable = canManage(actor, { path: row.unitPath });
  const visible = manageable || (row.status === 'published' && isAncestorOrSelf({ path: row.unitPath }, actor.unit));
  if (!visible) return { found: true as const, allowed: false as const };
  const versions = await db
    .selectFrom('scenario_versions')
    .innerJoin('users', 'users.id', 'scenario_versions.published_by')
    .select(['version', 'published_at', 'users.display_name as publishedBy'])
    .where('scenario_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  return {
    found: true as const,
    allowed: true as const,
    manageable,
    scenario: {
      ...row,
      statusLabel: STATUS_LABELS[row.status],
      draft: row.draft_json === null ? null : (JSON.parse(row.draft_json) as ScenarioSpecInput),
      check: row.draft_check_json === null ? null : (JSON.parse(row.draft_check_json) as DraftCheck),
    },
    versions,
  };
}

/**
 * A published version's definition as it was frozen, or null. Not re-checked: a copy or an edit of it
 * is checked when saved, an export when imported.
 */
export async function versionSpec(db: Db, id: string, version: number): Promise<ScenarioSpec | null> {
  const row = await db
    .selectFrom('scenario_versions')
    .select('spec_json')
    .where('scenario_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? (JSON.parse(row.spec_json) as ScenarioSpec) : null;
}

// ---------------------------------------------------------------------------------------------------
// Drafts

export type LibraryRefusal = { ok: false; status: 400 | 403 | 404 | 409; message: string; errors?: string[] };
const refuse = (status: LibraryRefusal['status'], message: string, errors?: string[]): LibraryRefusal => ({
  ok: false,
  status,
  message,
  ...(errors ? { errors } : {}),
});

/** What a trainer may start a copy from: a built-in that is written as a spec, or a scenario they can see. */
export function builtInSpec(id: string): ScenarioSpecInput | undefined {
  return BUILT_IN_SPECS.find((s) => s.id === id);
}

/** The built-ins that 复制为新场景 can start from, one list per workflow. */
export function copyableBuiltIns() {
  return BUILT_IN_SPECS.map((s) => ({ id: s.id, title: s.title, workflow: s.workflow, skill: s.skill }));
}

/** An audit-log row about a trainer's scenario (create, publish, retire, regrade). */
export function auditScenario(db: Db, actorId: number, action: string, scenarioId: string, detail: object) {
  return db
    .insertInto('audit_log')
    .values({
      actor_user_id: actorId,
      action,
      target_type: 'scenario',
      target_id: scenarioId,
      detail: JSON.stringify(detail),
    })
    .execute();
}

/**
 * 复制为新场景: a new draft, owned by the trainer's unit, starting from a built-in written as a spec
 * or from the latest version (or the draft, for its managers) of a trainer's scenario the trainer can see.
 */
export async function copyToDraft(
  db: Db,
  actor: LibraryActor,
  sourceId: string,
  now = new Date(),
): Promise<{ ok: true; id: string } | LibraryRefusal> {
  if (actor.role !== 'trainer') return refuse(403, '只有培训员可以编写练兵场景');
  let source: ScenarioSpecInput | undefined = builtInSpec(sourceId);
  let basedOn = source ? `${sourceId}@${source.version}` : null;
  if (!source && !isBuiltInScenario(sourceId)) {
    const found = await getAuthored(db, actor, sourceId);
    if (!found.found) return refuse(404, '练兵场景不存在');
    if (!found.allowed) return refuse(403, '无权复制该场景：它不在您的管辖范围内');
    const latest = found.scenario.published_version
      ? await versionSpec(db, sourceId, found.scenario.published_version)
      : null;
    source = latest ?? (found.manageable ? (found.scenario.draft ?? undefined) : undefined);
    basedOn = latest ? `${sourceId}@${found.scenario.published_version}` : sourceId;
  }
  if (!source) return refuse(409, '该内置场景尚不能以数据形式复制（它的定义仍是代码），请选择其他场景');
  const id = newScenarioId();
  const draft = { ...structuredClone(source), id, version: 1, title: `${source.title}（副本）`.slice(0, 60) };
  return insertDraft(db, actor, draft as ScenarioSpecInput, basedOn, now);
}

async function insertDraft(
  db: Db,
  actor: LibraryActor,
  draft: ScenarioSpecInput,
  basedOn: string | null,
  now: Date,
): Promise<{ ok: true; id: string } | LibraryRefusal> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('authored_scenarios')
      .values({
        id: draft.id,
        unit_id: actor.unit.id,
        author_id: actor.id,
        workflow: draft.workflow,
        skill: draft.skill,
        title: draft.title,
        published_version: null,
        draft_json: JSON.stringify(draft),
        draft_check_json: null,
        based_on: basedOn,
        created_at: at,
        updated_at: at,
        retired_at: null,
      })
      .execute();
    await auditScenario(trx, actor.id, 'scenario.create', draft.id, { basedOn });
  });
  return { ok: true, id: draft.id };
}

/** The row, if it exists and the actor manages it; otherwise the refusal. */
async function managedRow(db: Db, actor: LibraryActor, id: string) {
  const row = await db
    .selectFrom('authored_scenarios')
    .innerJoin('units', 'units.id', 'authored_scenarios.unit_id')
    .selectAll('authored_scenarios')
    .select('units.path as unitPath')
    .where('authored_scenarios.id', '=', id)
    .executeTakeFirst();
  if (!row) return refuse(404, '练兵场景不存在');
  if (!canManage(actor, { path: row.unitPath }))
    return refuse(403, '无权修改该场景：只有场景所属单位及上级的培训员可以修改');
  return { ok: true as const, row };
}

/**
 * Saves the working draft of a scenario the trainer manages, when the schema accepts it (else the
 * refusal lists each problem, naming its field, and nothing is written). Editing a published scenario
 * starts the draft of its next version; the live version stays until that draft is published.
 */
export async function saveDraft(
  db: Db,
  actor: LibraryActor,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<{ ok: true; spec: ScenarioSpec } | LibraryRefusal> {
  const managed = await managedRow(db, actor, id);
  if (!managed.ok) return managed;
  const { row } = managed;
  if (row.status === 'retired') return refuse(409, '该场景已停用，不能再修改；可复制为新场景');
  const parsed = parseScenarioSpec(input);
  if (!parsed.ok) return refuse(400, '场景定义有误，未保存', parsed.errors);
  if (parsed.spec.id !== id) return refuse(400, '场景定义有误，未保存', [`id：场景编号须为${id}，不能修改`]);
  if (parsed.spec.workflow !== row.workflow)
    return refuse(400, '场景定义有误，未保存', ['workflow：已建场景不能更换业务流程，请复制为新场景']);
  const next = { ...(input as ScenarioSpecInput), version: (row.published_version ?? 0) + 1 };
  await db
    .updateTable('authored_scenarios')
    .set({
      draft_json: JSON.stringify(next),
      draft_check_json: null,
      skill: parsed.spec.skill,
      // A published scenario keeps its live title in lists until the new version is published.
      ...(row.status === 'draft' ? { title: parsed.spec.title } : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
  return { ok: true, spec: { ...parsed.spec, version: next.version } };
}

/** The gate's verdict on a draft as stored: when it was checked and what failed (empty: publishable). */
export interface DraftCheck {
  checkedAt: string;
  ok: boolean;
  failures: GateFailure[];
}

/** The draft as a runnable scenario (for the preview and the gate), or the schema's refusal. */
export function draftScenario(
  input: unknown,
): { ok: true; spec: ScenarioSpec; scenario: AnyScenario } | { ok: false; errors: string[] } {
  const parsed = parseScenarioSpec(input);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, spec: parsed.spec, scenario: scenarioFromSpec(parsed.spec) };
  } catch (error) {
    return { ok: false, errors: [`场景无法生成：${error instanceof Error ? error.message : String(error)}`] };
  }
}

/**
 * 发布: runs the publish gate on the draft; when every check passes the draft becomes version n+1
 * (stored, registered with the engine, written to the audit log) and new attempts use it. When one
 * fails nothing is published and the verdict, each failure in Chinese, is kept with the draft.
 */
export async function publishDraft(
  db: Db,
  actor: LibraryActor,
  id: string,
  now = new Date(),
): Promise<
  { ok: true; version: number } | ({ ok: false; failures: GateFailure[] } & Partial<LibraryRefusal>) | LibraryRefusal
> {
  const managed = await managedRow(db, actor, id);
  if (!managed.ok) return managed;
  const { row } = managed;
  if (row.status === 'retired') return refuse(409, '该场景已停用，不能发布');
  if (row.draft_json === null) return refuse(409, '没有待发布的修改');
  const version = (row.published_version ?? 0) + 1;
  const built = draftScenario({ ...JSON.parse(row.draft_json), version });
  const failures: GateFailure[] = built.ok
    ? (() => {
        const verdict = checkPublishable(built.scenario);
        return verdict.ok ? [] : verdict.failures;
      })()
    : built.errors.map((reason) => ({ check: 'scenario' as const, reason }));
  const at = now.toISOString();
  const check: DraftCheck = { checkedAt: at, ok: failures.length === 0, failures };
  if (!built.ok || failures.length > 0) {
    await db
      .updateTable('authored_scenarios')
      .set({ draft_check_json: JSON.stringify(check) })
      .where('id', '=', id)
      .execute();
    return { ok: false, failures };
  }
  const published = await db.transaction().execute(async (trx) => {
    // The version is re-read inside the write: two trainers publishing at once make one version, not two.
    const current = await trx
      .updateTable('authored_scenarios')
      .set({
        status: 'published',
        published_version: version,
        draft_json: null,
        draft_check_json: null,
        title: built.spec.title,
        skill: built.spec.skill,
        updated_at: at,
      })
      .where('id', '=', id)
      .where(sql<boolean>`coalesce(published_version, 0) = ${version - 1}`)
      .where('status', '!=', 'retired')
      .executeTakeFirst();
    if (Number(current.numUpdatedRows) === 0) return false;
    await trx
      .insertInto('scenario_versions')
      .values({
        scenario_id: id,
        version,
        spec_json: JSON.stringify(built.spec),
        published_at: at,
        published_by: actor.id,
      })
      .execute();
    await auditScenario(trx, actor.id, 'scenario.publish', id, { version, title: built.spec.title });
    return true;
  });
  if (!published) return refuse(409, '该场景刚被其他人发布或停用，请刷新后再试');
  registerAuthoredVersion(built.scenario);
  return { ok: true, version };
}

/** 停用: no new attempts; the versions and every attempt stay for history and reports. */
export async function retireScenario(
  db: Db,
  actor: LibraryActor,
  id: string,
  now = new Date(),
): Promise<{ ok: true } | LibraryRefusal> {
  const managed = await managedRow(db, actor, id);
  if (!managed.ok) return managed;
  if (managed.row.status === 'retired') return refuse(409, '该场景已经停用');
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('authored_scenarios')
      .set({ status: 'retired', retired_at: at, updated_at: at })
      .where('id', '=', id)
      .execute();
    await auditScenario(trx, actor.id, 'scenario.retire', id, { version: managed.row.published_version });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------------
// Sharing: a scenario as a JSON file

/** The file a province shares: the latest published definition (or the draft of an unpublished one). */
export async function exportScenario(db: Db, actor: LibraryActor, id: string) {
  const found = await getAuthored(db, actor, id);
  if (!found.found) return refuse(404, '练兵场景不存在');
  if (!found.allowed) return refuse(403, '无权导出该场景：它不在您的管辖范围内');
  const spec = found.scenario.published_version
    ? await versionSpec(db, id, found.scenario.published_version)
    : found.scenario.draft;
  if (!spec) return refuse(404, '该场景没有可导出的定义');
  return {
    ok: true as const,
    filename: `${id}.json`,
    body: JSON.stringify({ format: 'zhifa-lianbing-scenario', formatVersion: 1, scenario: spec }, null, 2),
  };
}

/**
 * 导入: a shared file becomes a new draft of the trainer's unit, checked by the same schema as the
 * editor (so a refused file changes nothing); it is published through the gate like any draft.
 */
export async function importScenario(
  db: Db,
  actor: LibraryActor,
  fileName: string,
  text: string,
  now = new Date(),
): Promise<{ ok: true; id: string } | LibraryRefusal> {
  if (actor.role !== 'trainer') return refuse(403, '只有培训员可以导入练兵场景');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse(400, '导入文件不是有效的JSON', ['file：文件内容无法按JSON解析']);
  }
  const body = data as { format?: unknown; scenario?: unknown } | null;
  if (!body || typeof body !== 'object' || body.format !== 'zhifa-lianbing-scenario' || !body.scenario)
    return refuse(400, '导入文件不是练兵场景文件', ['file：缺少 format 为 zhifa-lianbing-scenario 的场景定义']);
  const id = newScenarioId();
  const spec = { ...(body.scenario as object), id, version: 1 };
  const parsed = parseScenarioSpec(spec);
  if (!parsed.ok) return refuse(400, '导入的场景定义有误，未导入', parsed.errors);
  return insertDraft(db, actor, spec as ScenarioSpecInput, `导入：${fileName.slice(0, 100)}`, now);
}
