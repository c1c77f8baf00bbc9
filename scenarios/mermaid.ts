/**
 * A workflow's statechart as data (stages and the officer's actions between them) and as Mermaid
 * `stateDiagram-v2` text, both read from the XState machine: the catalogue draws the first, trainer
 * docs print the second.
 */
import type { AnyStateMachine } from 'xstate';
import { workflowOf, type WorkflowId } from './workflows';

interface TransitionLike {
  target?: readonly { key: string }[] | undefined;
  actions: readonly unknown[];
}

interface StateNodeLike {
  key: string;
  description?: string;
  type: string;
  transitions: Map<string, TransitionLike[]>;
}

export interface WorkflowGraphState {
  key: string;
  label: string;
  initial: boolean;
  final: boolean;
  /** `event` is what the officer does (the workflow's event label). */
  out: { to: string; toLabel: string; event: string }[];
}

function actionNames(t: TransitionLike): string[] {
  return t.actions.map((a) => (typeof a === 'string' ? a : ((a as { type?: string }).type ?? ''))).filter(Boolean);
}

/** One workflow's top-level states in machine order, labelled in Chinese, with their outgoing transitions. */
export function workflowGraph(id: WorkflowId): { states: WorkflowGraphState[] } {
  const workflow = workflowOf(id);
  const machine = workflow.machine as AnyStateMachine;
  const nodes = Object.values(machine.root.states as Record<string, StateNodeLike>);
  const initial = String(machine.root.initial?.target[0]?.key ?? nodes[0]?.key);
  const labels = new Map(nodes.map((n) => [n.key, n.description ?? n.key]));
  const label = (key: string) => labels.get(key) ?? key;
  return {
    states: nodes.map((node) => {
      const out: WorkflowGraphState['out'] = [];
      for (const [eventType, transitions] of node.transitions) {
        const event = (workflow.eventLabels as Record<string, string>)[eventType] ?? eventType;
        const seen = new Set<string>();
        for (const t of transitions) {
          const acts = actionNames(t);
          // A targetless transition that only refuses (or does nothing) is not a way out of the state.
          if (!t.target && (acts.length === 0 || acts.every((a) => a === 'refuse'))) continue;
          const to = t.target?.[0]?.key ?? node.key;
          if (seen.has(to)) continue;
          seen.add(to);
          out.push({ to, toLabel: label(to), event });
        }
      }
      return {
        key: node.key,
        label: label(node.key),
        initial: node.key === initial,
        final: node.type === 'final',
        out,
      };
    }),
  };
}

/** The diagram of one workflow: states labelled in Chinese, events labelled with what the officer does. */
export function workflowMermaid(id: WorkflowId): string {
  const { states } = workflowGraph(id);
  const lines = ['stateDiagram-v2', ...states.map((s) => `  state "${s.label}" as ${s.key}`)];
  lines.push(`  [*] --> ${states.find((s) => s.initial)?.key}`);
  for (const s of states) {
    for (const t of s.out) lines.push(`  ${s.key} --> ${t.to}: ${t.event}`);
    if (s.final) lines.push(`  ${s.key} --> [*]`);
  }
  return lines.join('\n');
}
