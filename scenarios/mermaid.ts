/** Statechart → Mermaid `stateDiagram-v2`, generated from the machine config (for trainer docs). */
import type { AnyStateMachine } from 'xstate';
import { WORKFLOWS, type WorkflowId } from './workflow';

interface TransitionLike {
  target?: readonly { key: string }[] | undefined;
  actions: readonly unknown[];
}

function actionNames(t: TransitionLike): string[] {
  return t.actions.map((a) => (typeof a === 'string' ? a : ((a as { type?: string }).type ?? ''))).filter(Boolean);
}

/** The diagram of one workflow: states labelled in Chinese, events labelled with what the officer does. */
export function workflowMermaid(id: WorkflowId): string {
  const workflow = WORKFLOWS[id];
  const machine = workflow.machine as AnyStateMachine;
  const lines = ['stateDiagram-v2'];
  const states = machine.root.states as Record<string, { key: string; description?: string; type: string; transitions: Map<string, TransitionLike[]>; always?: TransitionLike[] }>;
  for (const node of Object.values(states)) lines.push(`  state "${node.description ?? node.key}" as ${node.key}`);
  lines.push(`  [*] --> ${String(machine.root.initial?.target[0]?.key ?? Object.keys(states)[0])}`);
  for (const node of Object.values(states)) {
    for (const [eventType, transitions] of node.transitions) {
      const label = workflow.eventLabels[eventType] ?? eventType;
      const seen = new Set<string>();
      for (const t of transitions) {
        const acts = actionNames(t);
        if (!t.target && (acts.length === 0 || acts.every((a) => a === 'refuse'))) continue;
        const target = t.target?.[0]?.key ?? node.key;
        if (seen.has(target)) continue;
        seen.add(target);
        lines.push(`  ${node.key} --> ${target}: ${label}`);
      }
    }
    if (node.type === 'final') lines.push(`  ${node.key} --> [*]`);
  }
  return lines.join('\n');
}
