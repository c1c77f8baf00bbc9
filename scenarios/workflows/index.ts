/**
 * The workflow registry: one line per workflow. Everything else (engine, catalogue, documents, diagrams,
 * tests) iterates it, so a new workflow is its own folder plus its line here.
 */
import { caseWorkflow } from './case';
import type { ContextOf, EventOf, Workflow } from './define';
import { enforcementWorkflow } from './enforcement';
import { inspectionWorkflow } from './inspection';
import { onboardingWorkflow } from './onboarding';
import { summaryWorkflow } from './summary';
import { recheckCaseWorkflow } from './recheckCase';
import { seizureWorkflow } from './seizure';

export const WORKFLOWS = {
  onboarding: onboardingWorkflow,
  inspection: inspectionWorkflow,
  case: caseWorkflow,
  summary: summaryWorkflow,
  enforcement: enforcementWorkflow,
  recheckCase: recheckCaseWorkflow,
  seizure: seizureWorkflow,
} as const satisfies Record<string, Workflow>;

export type WorkflowId = keyof typeof WORKFLOWS;
export type WorkflowContexts = { [K in WorkflowId]: ContextOf<(typeof WORKFLOWS)[K]> };
export type WorkflowEvent = EventOf<(typeof WORKFLOWS)[WorkflowId]>;

/** A workflow entry without its context and event types, for generic code (engine, catalogue). */
export function workflowOf(id: WorkflowId): Workflow<WorkflowId, unknown, WorkflowEvent> {
  return WORKFLOWS[id] as unknown as Workflow<WorkflowId, unknown, WorkflowEvent>;
}

/** The law's reason why `eventType` cannot happen in `state`, or null when the workflow has none to give. */
export function prerequisiteOf(id: WorkflowId, eventType: string, state: string): string | null {
  return workflowOf(id).prerequisites?.[eventType]?.(state) ?? null;
}
