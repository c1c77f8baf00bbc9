/** The one way a scenario kit declares a form: its fields, when it is offered and the event it makes. */
import { formSchema, type FieldSpec, type ParsedOf } from '../lib/form';
import type { Step, StepModule } from '../types';
import type { WorkflowEvent } from '../workflow';

export function defineStep<E extends WorkflowEvent, F extends Record<string, FieldSpec<unknown>>>(def: {
  id: string;
  module: StepModule;
  title: string;
  intro?: string;
  availableIn: string[];
  eventType: E['type'];
  optional?: boolean;
  repeatable?: boolean;
  fields: F;
  refine?: Parameters<typeof formSchema<F>>[1];
  toEvent: (v: ParsedOf<F>, at: string) => E;
}): Step {
  let schema: Step['schema'] | undefined;
  return {
    id: def.id,
    module: def.module,
    title: def.title,
    ...(def.intro ? { intro: def.intro } : {}),
    fields: Object.values(def.fields).map((f) => f.descriptor),
    // Composed on first use: most of an attempt's forms are never submitted in one request.
    get schema() {
      schema ??= formSchema(def.fields, def.refine) as unknown as Step['schema'];
      return schema;
    },
    toEvent: def.toEvent as Step['toEvent'],
    availableIn: def.availableIn,
    eventType: def.eventType,
    ...(def.optional ? { optional: true } : {}),
    ...(def.repeatable ? { repeatable: true } : {}),
  };
}
