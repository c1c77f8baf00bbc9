/** The workflow registry is the one place that names workflows: its entries must be whole and must not collide. */
import { expect, it } from 'vitest';
import { listScenarios } from '../../scenarios/index';
import { WORKFLOWS, workflowOf, type WorkflowId } from '../../scenarios/workflows';

const ids = Object.keys(WORKFLOWS) as WorkflowId[];

it('registers each workflow under its own id', () => {
  for (const id of ids) expect(workflowOf(id).id).toBe(id);
});

it('gives every document type one id and one number code across all workflows', () => {
  const types = ids.flatMap((id) =>
    Object.entries(workflowOf(id).documentTypes).map(([type, spec]) => ({ id, type, ...spec })),
  );
  const byType = new Map<string, string>();
  const byCode = new Map<string, string>();
  for (const t of types) {
    expect(byType.get(t.type), `${t.type} declared by ${byType.get(t.type)} and ${t.id}`).toBeUndefined();
    expect(byCode.get(t.code), `code ${t.code} used by ${byCode.get(t.code)} and ${t.type}`).toBeUndefined();
    byType.set(t.type, t.id);
    byCode.set(t.code, t.type);
  }
  expect(types.length).toBeGreaterThan(0);
});

it('labels every event the workflow parses, and nothing else', () => {
  for (const id of ids) {
    const workflow = workflowOf(id);
    for (const type of Object.keys(workflow.eventLabels)) {
      const parsed = workflow.eventSchema.safeParse({ type });
      // A known type fails on its missing fields, never on the type itself.
      const typeIssue = parsed.success ? null : parsed.error.issues.find((i) => i.path.join('.') === 'type');
      expect(typeIssue, `${id}: ${type}`).toBeUndefined();
    }
    expect(workflow.eventSchema.safeParse({ type: 'officer.noSuchStep' }).success).toBe(false);
  }
});

it('has at least one scenario per workflow, and every scenario names a registered workflow', () => {
  const used = new Set(listScenarios().map((s) => s.workflow));
  for (const id of ids) expect(used.has(id), id).toBe(true);
  for (const s of listScenarios()) expect(ids).toContain(s.workflow);
});
