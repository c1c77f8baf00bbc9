import { invariantResponse } from './http.server';

/** A positive integer id from a route param, or 404 (not 500) for anything else. */
export function requireIdParam(value: string | undefined, what: string): number {
  const id = Number(value);
  invariantResponse(Number.isSafeInteger(id) && id > 0, `${what}不存在`, { status: 404 });
  return id;
}
