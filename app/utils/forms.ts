import type { z } from 'zod';

/** What an action returns when a form does not validate: messages per field, and the values typed. */
export interface FormErrors {
  fieldErrors: Record<string, string[] | undefined>;
  formErrors: string[];
  values: Record<string, string>;
}

export type FormResult<T> =
  { success: true; data: T; values: Record<string, string> } | ({ success: false } & FormErrors);

/**
 * Parses a submitted form with its zod schema. Used by actions (and so by every form, with or
 * without JavaScript); the field errors go back to the same form for display beside each field.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.output<S>> {
  const values: Record<string, string> = {};
  const raw: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key);
    raw[key] = all.length > 1 ? all : all[0]!;
    // Never echo passwords back into the page.
    if (!/password/i.test(key) && typeof all[0] === 'string') values[key] = all[0];
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { success: true, data: parsed.data, values };
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && field !== 'intent') (fieldErrors[field] ??= []).push(issue.message);
    else formErrors.push(issue.message);
  }
  return { success: false, fieldErrors, formErrors, values };
}

/** A refusal from a service (e.g. "用户名已被使用") in the same shape as a validation failure. */
export function refusal(
  error: { field?: string; message: string },
  values: Record<string, string>,
): { success: false } & FormErrors {
  return {
    success: false,
    fieldErrors: error.field ? { [error.field]: [error.message] } : {},
    formErrors: error.field ? [] : [error.message],
    values,
  };
}
