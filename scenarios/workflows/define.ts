/**
 * What a workflow brings to the engine, the catalogue and the printed documents. A workflow is one
 * folder under `scenarios/workflows/` whose `index.ts` exports one `Workflow`, and one line in the
 * registry (`./index.ts`); nothing else names workflows.
 */
import type { AnyStateMachine } from 'xstate';
import type { DocumentContent } from '../lib/document';
import type { z } from '../lib/form';
import type { DocumentTypes } from '../law/document-numbers';
import type { AttemptState } from '../types';

/** For an event type, the law's reason why it cannot happen in a state: the step required first. */
export type Prerequisites = Record<string, (state: string) => string>;

export interface Workflow<
  Id extends string = string,
  Context = unknown,
  Event extends { type: string } = { type: string },
> {
  id: Id;
  /** Chinese name, as the catalogue shows it (执法检查). */
  title: string;
  machine: AnyStateMachine;
  /** Parses an event before it reaches the machine (an event log row or a form's event). */
  eventSchema: z.ZodType<Event>;
  /** What each event does, for refusals ("当前阶段不能…") and the diagram's arrows. */
  eventLabels: Record<Event['type'], string>;
  prerequisites?: Prerequisites;
  /** The documents it issues: name and number code of each (none for a record without a number). */
  documentTypes: DocumentTypes;
  /** The documents the attempt issued, as printable content, in issue order. */
  renderDocuments(input: { state: AttemptState; fixture: unknown; context: Context }): DocumentContent[];
}

/** Declares a workflow; the identity function keeps its context and event types for the registry. */
export function defineWorkflow<Id extends string, Context, Event extends { type: string }>(
  workflow: Workflow<Id, Context, Event>,
): Workflow<Id, Context, Event> {
  return workflow;
}

export type ContextOf<W> = W extends Workflow<string, infer C, { type: string }> ? C : never;
export type EventOf<W> = W extends Workflow<string, unknown, infer E> ? E : never;
