import { getEnv } from './env.server';

/**
 * Throws a Response (caught by the nearest ErrorBoundary) unless `condition` holds:
 * `invariantResponse(unit, '单位不存在', { status: 404 })`.
 */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) {
    throw new Response(message, { ...init, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...init.headers } });
  }
}

// Visible ASCII only: control characters (tab, CR, LF…) are stripped or split headers, a backslash
// reads as a slash to browsers, and anything else cannot go into a Location header at all.
const UNSAFE_CHARACTER = /[^\x21-\x5b\x5d-\x7e]/;
// The same characters percent-encoded, in case something decodes the target once more.
const UNSAFE_ENCODED = /%(?:[01][0-9a-f]|7f|5c)/i;
const SAME_SITE = 'http://same-site.invalid';

/**
 * A same-site path to go back to after login, or the fallback for anything else (open redirects):
 * it must start with one `/`, hold only visible ASCII without `\`, and stay on this origin.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//')) return fallback;
  if (UNSAFE_CHARACTER.test(to) || UNSAFE_ENCODED.test(to)) return fallback;
  try {
    const url = new URL(to, SAME_SITE);
    // `/.//host` stays here as written, but its normalised form `//host` would not.
    if (url.origin !== SAME_SITE || url.pathname.startsWith('//')) return fallback;
  } catch {
    return fallback;
  }
  return to;
}

/**
 * Whether the client reached us over HTTPS: directly, or — only when TRUST_PROXY says a proxy is in
 * front — through a proxy that says so (anyone can send X-Forwarded-Proto).
 */
export function isHttps(request: Request, trustProxy = getEnv().TRUST_PROXY): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  return trustProxy && request.headers.get('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
