import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { GateFailure } from '../../scenarios/authoring/gate';
import { getScenario, isBuiltInScenario, listScenarios } from '../../scenarios/index';
import { workflowGraph, workflowMermaid } from '../../scenarios/mermaid';
import { SKILL_LABELS, type AnyScenario } from '../../scenarios/types';
import { WORKFLOWS } from '../../scenarios/workflows';
import {
  builtInSpec,
  copyableBuiltIns,
  draftScenario,
  exportScenario,
  getAuthored,
  listAuthoredForCatalogue,
  scenarioOf,
  type LibraryActor,
} from './scenario-library.server';

/** What the catalogue shows of a scenario in its list and at the top of its own page. */
function scenarioSummary(s: AnyScenario) {
  return {
    id: s.id,
    title: s.title,
    brief: s.brief,
    skill: s.skill,
    skillLabel: SKILL_LABELS[s.skill],
    estimatedMinutes: s.estimatedMinutes,
    assessmentTimeLimitMinutes: s.assessmentTimeLimitMinutes ?? null,
    workflowTitle: WORKFLOWS[s.workflow].title,
  };
}

/** Every scenario as the trainers' catalogue lists it; `copyable`: 复制为新场景 can start from it. */
export function listCatalogue() {
  return listScenarios().map((s) => ({
    ...scenarioSummary(s),
    rubricItems: s.rubric.length,
    copyable: builtInSpec(s.id) !== undefined,
  }));
}

/**
 * One scenario for trainers: brief, skill, minutes, the steps (system forms), the rubric with error
 * codes and citations, hints, and the workflow statechart (graph and Mermaid source) generated from
 * the machine.
 */
export function getCatalogueEntry(id: string) {
  const s = getScenario(id);
  return s ? catalogueEntryOf(s) : null;
}

function catalogueEntryOf(s: AnyScenario) {
  const fixture = s.fixture('catalogue-example');
  const graph = workflowGraph(s.workflow);
  return {
    ...scenarioSummary(s),
    version: s.version,
    steps: s.steps(fixture).map((step) => ({
      id: step.id,
      module: step.module,
      title: step.title,
      optional: Boolean(step.optional),
      fields: step.fields.length,
    })),
    rubric: s.rubric.map((item) => ({
      code: item.code,
      title: item.title,
      weight: item.weight,
      rule: item.rule,
      citation: item.citation,
      mistake: item.mistake.description,
    })),
    hints: s.hints.map((h) => ({ id: h.id, text: h.text, cost: h.cost })),
    // Named by the stage's Chinese label, as the graph shows it, not by the machine's state id.
    unreachableStates: (s.unreachableStates ?? []).map((u) => ({
      ...u,
      label: graph.states.find((g) => g.key === u.state)?.label ?? u.state,
    })),
    graph,
    mermaid: workflowMermaid(s.workflow),
  };
}

// ---------------------------------------------------------------------------------------------------
// Trainers' scenarios (自编场景, issue 16)

type Db = Kysely<Database>;

/** The catalogue page: the built-ins, the trainers' scenarios the actor may see, and what they may do. */
export async function getCataloguePage(db: Db, actor: LibraryActor) {
  const isTrainer = actor.role === 'trainer';
  const authored = await listAuthoredForCatalogue(db, actor);
  return {
    canAuthor: isTrainer,
    builtIns: listCatalogue().map((s) => ({ ...s, copyable: isTrainer && s.copyable })),
    authored: authored.map((s) => ({
      id: s.id,
      title: s.title,
      status: s.status,
      statusLabel: s.statusLabel,
      version: s.published_version,
      hasDraft: s.hasDraft,
      skillLabel: SKILL_LABELS[s.skill as keyof typeof SKILL_LABELS] ?? s.skill,
      workflowTitle: workflowTitle(s.workflow),
      unitName: s.unitName,
      authorName: s.authorName,
      updatedAt: s.updated_at,
      manageable: s.manageable,
      // What copyToDraft can start from: the latest published version, or the draft for its managers.
      copyable: isTrainer && (s.published_version !== null || (s.manageable && s.hasDraft)),
    })),
  };
}

const workflowTitle = (workflow: string) =>
  (WORKFLOWS as Record<string, { title: string } | undefined>)[workflow]?.title ?? workflow;

/** 新建场景: the built-ins a new scenario may start from, grouped by workflow (each with its skill). */
export function newScenarioChoices() {
  const groups = new Map<
    string,
    { workflow: string; workflowTitle: string; scenarios: { id: string; title: string; skillLabel: string }[] }
  >();
  for (const s of copyableBuiltIns()) {
    const group = groups.get(s.workflow) ?? {
      workflow: s.workflow,
      workflowTitle: workflowTitle(s.workflow),
      scenarios: [],
    };
    group.scenarios.push({
      id: s.id,
      title: s.title,
      skillLabel: SKILL_LABELS[s.skill as keyof typeof SKILL_LABELS] ?? s.skill,
    });
    groups.set(s.workflow, group);
  }
  return [...groups.values()];
}

/** The gate's failures grouped for display: those about the whole scenario first, then one group per rubric item. */
export function groupFailures(failures: readonly GateFailure[], rubric: readonly { code: string; title: string }[]) {
  const groups: { item: string | null; title: string; reasons: string[] }[] = [];
  for (const f of failures) {
    const item = f.item ?? null;
    let group = groups.find((g) => g.item === item);
    if (!group) {
      const title =
        item === null ? '整个场景' : `评分项“${rubric.find((r) => r.code === item)?.title ?? item}”（${item}）`;
      group = { item, title, reasons: [] };
      groups.push(group);
    }
    group.reasons.push(f.reason);
  }
  return groups.sort((a, b) => (a.item === null ? -1 : b.item === null ? 1 : 0));
}

export type CatalogueEntryResult =
  | { found: false }
  | { found: true; allowed: false }
  | { found: true; allowed: true; kind: 'builtIn'; entry: ReturnType<typeof catalogueEntryOf>; copyable: boolean }
  | {
      found: true;
      allowed: true;
      kind: 'authored';
      entry: ReturnType<typeof catalogueEntryOf> | null;
      entryErrors: string[];
      copyable: boolean;
      library: AuthoredPanel;
    };

type AuthoredPanel = Awaited<ReturnType<typeof authoredPanel>>;

/**
 * One scenario's catalogue page: a built-in as it always was, or a trainer's scenario (its latest
 * published version, or the draft while none is published) with the panel its managers act from.
 */
export async function getCatalogueEntryFor(db: Db, actor: LibraryActor, id: string): Promise<CatalogueEntryResult> {
  const isTrainer = actor.role === 'trainer';
  if (isBuiltInScenario(id)) {
    const entry = getCatalogueEntry(id)!;
    return { found: true, allowed: true, kind: 'builtIn', entry, copyable: isTrainer && builtInSpec(id) !== undefined };
  }
  const found = await getAuthored(db, actor, id);
  if (!found.found) return { found: false };
  if (!found.allowed) return { found: true, allowed: false };
  const { scenario } = found;
  let shown: AnyScenario | undefined;
  let entryErrors: string[] = [];
  if (scenario.published_version !== null) shown = await scenarioOf(db, id, scenario.published_version);
  else if (scenario.draft) {
    const built = draftScenario(scenario.draft);
    if (built.ok) shown = built.scenario;
    else entryErrors = built.errors;
  }
  const entry = shown ? catalogueEntryOf(shown) : null;
  return {
    found: true,
    allowed: true,
    kind: 'authored',
    entry,
    entryErrors,
    copyable: isTrainer && (scenario.published_version !== null || (found.manageable && scenario.draft !== null)),
    library: await authoredPanel(db, found, entry?.rubric ?? []),
  };
}

async function authoredPanel(
  db: Db,
  found: Extract<Awaited<ReturnType<typeof getAuthored>>, { allowed: true }>,
  rubric: readonly { code: string; title: string }[],
) {
  const { scenario, versions, manageable } = found;
  const author = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', scenario.author_id)
    .executeTakeFirst();
  // The failures name items of the draft, whose rubric may differ from the published version's.
  const draftRubric = scenario.draft ? draftRubricTitles(scenario.draft) : [];
  return {
    id: scenario.id,
    title: scenario.title,
    status: scenario.status,
    statusLabel: scenario.statusLabel,
    publishedVersion: scenario.published_version,
    unitName: scenario.unitName,
    authorName: author?.display_name ?? '',
    createdAt: scenario.created_at,
    updatedAt: scenario.updated_at,
    retiredAt: scenario.retired_at,
    basedOn: scenario.based_on,
    manageable,
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.published_at, publishedBy: v.publishedBy })),
    draft: scenario.draft ? { title: scenario.draft.title, version: scenario.draft.version } : null,
    check: scenario.check
      ? {
          checkedAt: scenario.check.checkedAt,
          ok: scenario.check.ok,
          groups: groupFailures(scenario.check.failures, [...draftRubric, ...rubric]),
        }
      : null,
  };
}

function draftRubricTitles(draft: unknown): { code: string; title: string }[] {
  const built = draftScenario(draft);
  return built.ok ? built.scenario.rubric.map((r) => ({ code: r.code, title: r.title })) : [];
}

/** Characters a file name may not hold on Windows, macOS or Linux, and control characters. */
const UNSAFE_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * 导出 as a download: the JSON file, an ASCII file name (the id) and the scenario's title as a
 * file name safe on every system, for `Content-Disposition`'s `filename*`.
 */
export async function exportForDownload(db: Db, actor: LibraryActor, id: string) {
  const exported = await exportScenario(db, actor, id);
  if (!exported.ok) return exported;
  const title = (JSON.parse(exported.body) as { scenario: { title?: string } }).scenario.title ?? id;
  const safe =
    title
      .replace(UNSAFE_FILE_NAME, '_')
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, 80) || id;
  return { ...exported, asciiName: exported.filename, displayName: `${safe}.json` };
}
