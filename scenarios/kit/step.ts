/** The one way a scenario kit declares a form: its fields, when it is offered and the event it makes. */
import { formSchema, type FieldSpec, type ParsedOf } from '../lib/form';
import type { Step, StepModule } from '../types';
import type { WorkflowEvent } from '../workflows';

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
  return {
    id: def.id,
    module: def.module,
    title: def.title,
    ...(def.intro ? { intro: def.intro } : {}),
    fields: Object.values(def.fields).map((f) => f.descriptor),
    // Composed for each parse, not kept: a request parses one form, and its cross-field rules may
    // close over the attempt's fixture (the fields' own schemas are shared, see lazyField in lib/form.ts).
    get schema() {
      return formSchema(def.fields, def.refine) as unknown as Step['schema'];
    },
    toEvent: def.toEvent as Step['toEvent'],
    availableIn: def.availableIn,
    eventType: def.eventType,
    ...(def.optional ? { optional: true } : {}),
    ...(def.repeatable ? { repeatable: true } : {}),
  };
}
