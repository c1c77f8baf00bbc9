/** The trainer docs' diagrams come from the machines: every state and every officer event appears. */
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { workflowMermaid } from '../../scenarios/mermaid';
import { WORKFLOWS, type WorkflowId } from '../../scenarios/workflow';

describe.each(['onboarding', 'inspection', 'case'] as WorkflowId[])('%s diagram', (id) => {
  it('names every state and every event of the machine', () => {
    const diagram = workflowMermaid(id);
    const machine = WORKFLOWS[id].machine as AnyStateMachine;
    expect(diagram.startsWith('stateDiagram-v2')).toBe(true);
    for (const key of Object.keys(machine.states)) expect(diagram).toContain(` as ${key}`);
    for (const label of Object.values(WORKFLOWS[id].eventLabels)) expect(diagram).toContain(`: ${label}`);
    const finals = Object.values(machine.states as Record<string, { key: string; type: string }>).filter((s) => s.type === 'final');
    for (const f of finals) expect(diagram).toContain(`${f.key} --> [*]`);
  });
});
