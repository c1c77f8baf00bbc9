/** The trainer docs' diagrams and the catalogue's graph come from the machines: every state and every officer event appears. */
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { workflowGraph, workflowMermaid } from '../../scenarios/mermaid';
import { WORKFLOWS, type WorkflowId } from '../../scenarios/workflows';

const workflowIds = Object.keys(WORKFLOWS) as WorkflowId[];

it('covers every registered workflow', () => {
  expect(workflowIds.length).toBeGreaterThan(0);
});

describe.each(workflowIds)('%s diagram', (id) => {
  const machine = WORKFLOWS[id].machine as AnyStateMachine;
  const finals = Object.values(machine.states as Record<string, { key: string; type: string }>).filter(
    (s) => s.type === 'final',
  );

  it('names every state and every event of the machine', () => {
    const diagram = workflowMermaid(id);
    expect(diagram.startsWith('stateDiagram-v2')).toBe(true);
    for (const key of Object.keys(machine.states)) expect(diagram).toContain(` as ${key}`);
    for (const label of Object.values(WORKFLOWS[id].eventLabels)) expect(diagram).toContain(`: ${label}`);
    for (const f of finals) expect(diagram).toContain(`${f.key} --> [*]`);
  });

  it('draws the same graph the catalogue shows: one initial state, the final states, every edge', () => {
    const { states } = workflowGraph(id);
    const diagram = workflowMermaid(id);
    expect(states.map((s) => s.key)).toEqual(Object.keys(machine.states));
    expect(states.filter((s) => s.initial).map((s) => s.key)).toEqual([String(machine.config.initial)]);
    expect(states.filter((s) => s.final).map((s) => s.key)).toEqual(finals.map((f) => f.key));
    for (const s of states) for (const t of s.out) expect(diagram).toContain(`  ${s.key} --> ${t.to}: ${t.event}`);
  });
});
