import { Form } from '@remix-run/react';
import { useEffect, useRef, type RefObject } from 'react';
import type { FieldDescriptor } from '../../scenarios/lib/form';
import { ErrorList } from './field';
import { InPageLink } from './in-page-link';

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
        <fieldset id={id} tabIndex={-1} className="field field--choices" aria-describedby={common['aria-describedby']}>
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

/** Where a typed but unsent form is kept in the browser: per attempt, version and step. */
const DRAFT_PREFIX = 'drill-draft';
export const draftKey = (attemptId: number, version: number, stepId: string) =>
  `${DRAFT_PREFIX}:${attemptId}:${version}:${stepId}`;

/** The form's own controls: not the envelope (`_…`), never a password. */
function draftControls(form: HTMLFormElement) {
  return Array.from(form.elements).filter(
    (e): e is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
      (e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement) &&
      e.name !== '' &&
      !e.name.startsWith('_') &&
      e.type !== 'password',
  );
}

/** The form's field values, repeated names (checkbox groups) as lists. */
function draftOf(form: HTMLFormElement): StepValues {
  const values: Record<string, string[]> = {};
  for (const element of draftControls(form)) {
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      values[element.name] ??= [];
      if (element.checked) values[element.name]!.push(element.value);
    } else {
      values[element.name] = [element.value];
    }
  }
  return values;
}

function restoreDraft(form: HTMLFormElement, draft: StepValues) {
  for (const element of draftControls(form)) {
    if (!(element.name in draft)) continue;
    const saved = asList(draft[element.name]);
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      element.checked = saved.includes(element.value);
    } else {
      element.value = saved[0] ?? '';
    }
  }
}

/**
 * Drops the drafts of the attempt's other versions: once a submission moved the attempt on, what was
 * typed for the old version is sent (or no longer applies). The drill page calls it on each version.
 */
export function dropStaleDrafts(attemptId: number, version: number) {
  const store = storage();
  if (!store) return;
  const mine = `${DRAFT_PREFIX}:${attemptId}:`;
  for (let i = store.length - 1; i >= 0; i--) {
    const key = store.key(i);
    if (key?.startsWith(mine) && key.split(':')[2] !== String(version)) store.removeItem(key);
  }
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: the form simply is not kept
  }
}

/**
 * Keeps what the officer typed in this browser tab (sessionStorage) so that a reload does not lose it:
 * restored on load unless the server sent values back (a refused submission), saved on every change.
 */
function useDraft(formRef: RefObject<HTMLFormElement | null>, key: string | undefined, serverValues: boolean) {
  useEffect(() => {
    const form = formRef.current;
    const store = storage();
    if (!form || !key || !store) return;
    const saved = store.getItem(key);
    if (saved && !serverValues) {
      try {
        restoreDraft(form, JSON.parse(saved) as StepValues);
      } catch {
        store.removeItem(key);
      }
    }
    const save = () => {
      try {
        store.setItem(key, JSON.stringify(draftOf(form)));
      } catch {
        // storage full: the draft is simply not kept
      }
    };
    form.addEventListener('input', save);
    form.addEventListener('change', save);
    return () => {
      form.removeEventListener('input', save);
      form.removeEventListener('change', save);
    };
  }, [formRef, key, serverValues]);
}

/**
 * The errors of a refused submission at the top of the form: the reason, then each field's error as a
 * link to its field. With JavaScript it takes the focus when it appears; without, it is the first
 * thing in the form the page comes back with.
 */
function ErrorSummary({
  reason,
  fieldErrors,
  fields,
}: {
  reason?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  fields: FieldDescriptor[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const listed = Object.entries(fieldErrors ?? {}).filter(([, errors]) => errors && errors.length > 0);
  const shown = Boolean(reason) || listed.length > 0;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, reason, fieldErrors]);
  if (!shown) return null;
  return (
    <div
      ref={ref}
      className="alert error-summary"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      data-testid="drill-error"
    >
      <h3 id="error-summary-title" className="error-summary__title">
        提交未被接受
      </h3>
      {reason ? <p>{reason}</p> : null}
      {listed.length > 0 ? (
        <ul>
          {listed.map(([name, errors]) => {
            const field = fields.find((f) => f.name === name);
            return (
              <li key={name}>
                {field ? (
                  <InPageLink target={`step-field-${name}`} focus>
                    {field.label}
                  </InPageLink>
                ) : null}
                {field ? '：' : ''}
                {errors!.join('；')}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A sandbox form that mirrors one form of the real system. It posts the values as typed (the step's
 * zod schema parses them on the server) with the attempt version it was built on, so a second
 * submission of the same page is refused rather than applied twice. `reason` and `fieldErrors` are a
 * refused submission's, shown in the error summary; `draft` keeps typed values across a reload.
 */
export function StepForm({
  step,
  version,
  values,
  fieldErrors,
  reason,
  draft,
  readOnly = false,
  submitLabel = '提交',
}: {
  step: { id: string; title: string; intro?: string; fields: FieldDescriptor[] };
  version: number;
  values?: StepValues;
  fieldErrors?: Record<string, string[] | undefined>;
  reason?: string;
  /** The sessionStorage key (`draftKey`) under which the unsent values are kept, if any. */
  draft?: string;
  readOnly?: boolean;
  submitLabel?: string;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  useDraft(formRef, readOnly ? undefined : draft, values !== undefined && Object.keys(values).length > 0);
  const body = (
    <>
      {step.intro ? <p className="step-intro">{step.intro}</p> : null}
      {step.fields.map((field) => (
        <StepField
          key={field.name}
          field={field}
          value={values?.[field.name]}
          errors={fieldErrors?.[field.name]}
          readOnly={readOnly}
        />
      ))}
    </>
  );
  if (readOnly) return <div className="step-form step-form--readonly">{body}</div>;
  return (
    <Form method="post" className="step-form" noValidate ref={formRef}>
      <ErrorSummary reason={reason} fieldErrors={fieldErrors} fields={step.fields} />
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
