import { Form } from '@remix-run/react';
import type { FieldDescriptor } from '../../scenarios/lib/form';
import { ErrorList } from './field';

export type StepValues = Record<string, string | string[] | undefined>;

/** Names of the form's own controls; field names of a step never start with `_`. */
export const STEP_CONTROL = { intent: '_intent', step: '_step', version: '_version' } as const;

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * One input of a sandbox form, from the scenario's field descriptor. No `maxLength` attribute: the
 * browser would silently cut a pasted 19-character credit code to 18 and hide the mistake the field's
 * schema is there to name; the length is checked on submit like every other rule.
 */
function StepField({
  field,
  value,
  errors,
  readOnly,
}: {
  field: FieldDescriptor;
  value: string | string[] | undefined;
  errors?: string[];
  readOnly: boolean;
}) {
  const id = `step-field-${field.name}`;
  const errorId = `${id}-error`;
  const common = {
    id,
    name: field.name,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': errors?.length ? errorId : undefined,
    disabled: readOnly || undefined,
  } as const;
  const single = Array.isArray(value) ? value[0] : value;
  const label = (
    <>
      {field.label}
      {field.required ? (
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
    </>
  );

  let control;
  switch (field.kind) {
    case 'textarea':
      control = <textarea {...common} rows={4} defaultValue={single ?? ''} />;
      break;
    case 'select':
      control = (
        <select {...common} defaultValue={single ?? ''}>
          <option value="">请选择</option>
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
    case 'multiselect': {
      const chosen = new Set(asList(value));
      return (
        <fieldset className="field field--choices" aria-describedby={common['aria-describedby']}>
          <legend>{label}</legend>
          {field.options?.map((o) => (
            <label key={o.value} className="choice">
              <input
                type="checkbox"
                name={field.name}
                value={o.value}
                defaultChecked={chosen.has(o.value)}
                disabled={readOnly || undefined}
              />
              <span>{o.label}</span>
            </label>
          ))}
          {field.help ? <p className="field__help">{field.help}</p> : null}
          <ErrorList id={errorId} errors={errors} />
        </fieldset>
      );
    }
    case 'checkbox':
      return (
        <div className="field">
          <label className="choice">
            <input type="checkbox" {...common} value="on" defaultChecked={single === 'on' || single === 'true'} />
            <span>{label}</span>
          </label>
          {field.help ? <p className="field__help">{field.help}</p> : null}
          <ErrorList id={errorId} errors={errors} />
        </div>
      );
    default: {
      const type = { number: 'text', date: 'date', datetime: 'datetime-local', text: 'text' }[field.kind];
      control = (
        <input
          {...common}
          type={type}
          inputMode={field.kind === 'number' ? 'decimal' : undefined}
          defaultValue={single ?? ''}
          autoComplete="off"
        />
      );
    }
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control}
      {field.help ? <p className="field__help">{field.help}</p> : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

/**
 * A sandbox form that mirrors one form of the real system. It posts the values as typed (the step's
 * zod schema parses them on the server) with the attempt version it was built on, so a second
 * submission of the same page is refused rather than applied twice.
 */
export function StepForm({
  step,
  version,
  values = {},
  fieldErrors = {},
  readOnly = false,
  submitLabel = '提交',
}: {
  step: { id: string; title: string; intro?: string; fields: FieldDescriptor[] };
  version: number;
  values?: StepValues;
  fieldErrors?: Record<string, string[] | undefined>;
  readOnly?: boolean;
  submitLabel?: string;
}) {
  const body = (
    <>
      {step.intro ? <p className="step-intro">{step.intro}</p> : null}
      {step.fields.map((field) => (
        <StepField
          key={field.name}
          field={field}
          value={values[field.name]}
          errors={fieldErrors[field.name]}
          readOnly={readOnly}
        />
      ))}
    </>
  );
  if (readOnly) return <div className="step-form step-form--readonly">{body}</div>;
  return (
    <Form method="post" className="step-form" noValidate>
      <input type="hidden" name={STEP_CONTROL.intent} value="step" />
      <input type="hidden" name={STEP_CONTROL.step} value={step.id} />
      <input type="hidden" name={STEP_CONTROL.version} value={version} />
      {body}
      <button type="submit" className="button button--primary">
        {submitLabel}
      </button>
    </Form>
  );
}
