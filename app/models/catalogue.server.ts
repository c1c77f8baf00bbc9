import { getScenario, listScenarios } from '../../scenarios/index';
import { workflowMermaid } from '../../scenarios/mermaid';
import { SKILL_LABELS, type AnyScenario } from '../../scenarios/types';
import { WORKFLOWS } from '../../scenarios/workflow';

/** The workflow statechart as states and transitions, read from the Mermaid text `scenarios/mermaid.ts` generates. */
export function workflowGraph(mermaid: string) {
  const labels = new Map<string, string>();
  const transitions: { from: string; to: string; label: string }[] = [];
  let initial: string | null = null;
  const finals = new Set<string>();
  for (const line of mermaid.split('\n').map((l) => l.trim())) {
    const state = /^state "(.*)" as (\S+)$/.exec(line);
    if (state) {
      labels.set(state[2]!, state[1]!);
      continue;
    }
    const edge = /^(\S+) --> (\S+?)(?:: (.*))?$/.exec(line);
    if (!edge) continue;
    const [, from, to, label] = edge as unknown as [string, string, string, string | undefined];
    if (from === '[*]') initial = to;
    else if (to === '[*]') finals.add(from);
    else transitions.push({ from, to, label: label ?? '' });
  }
  const name = (key: string) => labels.get(key) ?? key;
  return {
    states: [...labels.keys()].map((key) => ({
      key,
      label: name(key),
      initial: key === initial,
      final: finals.has(key),
      out: transitions.filter((t) => t.from === key).map((t) => ({ to: t.to, toLabel: name(t.to), event: t.label })),
    })),
  };
}

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
  const mermaid = workflowMermaid(s.workflow);
  return {
    ...scenarioSummary(s),
    version: s.version,
    steps: s.steps(fixture).map((step) => ({ id: step.id, module: step.module, title: step.title, optional: Boolean(step.optional), fields: step.fields.length })),
    rubric: s.rubric.map((item) => ({ code: item.code, title: item.title, weight: item.weight, rule: item.rule, citation: item.citation, mistake: item.mistake.description })),
    hints: s.hints.map((h) => ({ id: h.id, text: h.text, cost: h.cost })),
    unreachableStates: s.unreachableStates ?? [],
    graph: workflowGraph(mermaid),
    mermaid,
  };
}
