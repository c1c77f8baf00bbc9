import { getScenario, listScenarios } from '../../scenarios/index';
import { workflowGraph, workflowMermaid } from '../../scenarios/mermaid';
import { SKILL_LABELS, type AnyScenario } from '../../scenarios/types';
import { WORKFLOWS } from '../../scenarios/workflows';

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

/** Every scenario as the trainers' catalogue lists it. */
export function listCatalogue() {
  return listScenarios().map((s) => ({ ...scenarioSummary(s), rubricItems: s.rubric.length }));
}

/**
 * One scenario for trainers: brief, skill, minutes, the steps (system forms), the rubric with error
 * codes and citations, hints, and the workflow statechart (graph and Mermaid source) generated from
 * the machine.
 */
export function getCatalogueEntry(id: string) {
  const s = getScenario(id);
  if (!s) return null;
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
