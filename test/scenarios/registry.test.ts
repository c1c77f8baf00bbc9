/** The workflow registry is the one place that names workflows: its entries must be whole and must not collide. */
import { expect, it } from 'vitest';
import { listScenarios } from '../../scenarios/index';
import { WORKFLOWS, workflowOf, type WorkflowId } from '../../scenarios/workflows';

const ids = Object.keys(WORKFLOWS) as WorkflowId[];

it('registers each workflow under its own id', () => {
  for (const id of ids) expect(workflowOf(id).id).toBe(id);
});

type Tables = { id: string; types: Record<string, { name: string; code: string }> }[];

/**
 * Conflicts among the workflows' document types. A workflow that chains others (复查转立案) re-uses their
 * specs: the same name with the same code is the same document. Two names must never share a code, one
 * name must never have two codes, and one type id must always mean one spec.
 */
function documentTypeConflicts(tables: Tables): string[] {
  const problems: string[] = [];
  const byType = new Map<string, { id: string; spec: { name: string; code: string } }>();
  const nameOfCode = new Map<string, string>();
  const codeOfName = new Map<string, string>();
  for (const { id, types } of tables) {
    for (const [type, spec] of Object.entries(types)) {
      const seen = byType.get(type);
      if (seen && (seen.spec.name !== spec.name || seen.spec.code !== spec.code))
        problems.push(`${type} declared differently by ${seen.id} and ${id}`);
      const name = nameOfCode.get(spec.code);
      if (name !== undefined && name !== spec.name) problems.push(`code ${spec.code} used by ${name} and ${spec.name}`);
      const code = codeOfName.get(spec.name);
      if (code !== undefined && code !== spec.code) problems.push(`${spec.name} numbered ${code} and ${spec.code}`);
      byType.set(type, { id, spec });
      nameOfCode.set(spec.code, spec.name);
      codeOfName.set(spec.name, spec.code);
    }
  }
  return problems;
}

it('gives one code per document name, and one spec per type id, across all workflows', () => {
  const tables = ids.map((id) => ({ id, types: workflowOf(id).documentTypes }));
  expect(tables.flatMap((t) => Object.keys(t.types)).length).toBeGreaterThan(0);
  expect(documentTypeConflicts(tables)).toEqual([]);
});

it('the document-type rule catches a shared code, a name with two codes and a type id with two specs', () => {
  const a = { id: 'a', types: { order: { name: '责令限期整改指令书', code: '责改' } } };
  // The same spec declared again (a chained workflow) is no conflict.
  expect(
    documentTypeConflicts([a, { id: 'b', types: { order: { name: '责令限期整改指令书', code: '责改' } } }]),
  ).toEqual([]);
  expect(
    documentTypeConflicts([a, { id: 'b', types: { other: { name: '整改复查意见书', code: '责改' } } }]),
  ).toHaveLength(1);
  expect(
    documentTypeConflicts([a, { id: 'b', types: { other: { name: '责令限期整改指令书', code: '改' } } }]),
  ).toHaveLength(1);
  expect(documentTypeConflicts([a, { id: 'b', types: { order: { name: '复查意见', code: '复' } } }])).toHaveLength(1);
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
