// The first thing every request meets, before express (remix-serve) and Remix: security headers on
// every response (pages, data, exports, /build files, express's own errors), methods the app does not
// serve, and cross-site form posts. remix-serve takes no middleware, so this wraps the listener of the
// HTTP server it creates — the build is imported before remix-serve calls `http.createServer`
// (docs/decisions/160-front-door.md).
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { errorText } from '../ui/error-page';
import { stampPeerAddress } from './client-address.server';
import { getEnv } from './env.server';

/** Sent with every response unless the response set its own. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The policy of an HTML page: scripts only from here or inline with this response's nonce. Styles
 * allow 'unsafe-inline' because the readiness charts are server-rendered ECharts SVG, which carries a
 * <style> element and style attributes (a nonce cannot reach markup set as innerHTML after a client
 * navigation). `form-action 'self'` also stops a no-JS form's redirect from leaving the site.
 */
export function documentPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Everything that is not a page (data, exports, scripts, the pages below): nothing may run. */
export const RESOURCE_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST']);

export interface FrontDoorOptions {
  trustProxy: boolean;
  /** The app's stylesheet, so the pages answered here look like the app's own error page. */
  stylesheetHref: string;
}

/** Whether a POST comes from this site: its Origin (when sent) names the host the request was sent to. */
export function isSameOrigin(headers: IncomingMessage['headers'], trustProxy: boolean): boolean {
  const origin = headers.origin;
  if (origin === undefined) return headers['sec-fetch-site'] !== 'cross-site';
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, privacy redirects) or garbage
  }
  const raw = trustProxy ? headers['x-forwarded-host'] : undefined;
  const forwarded = (Array.isArray(raw) ? raw[0] : raw)?.split(',')[0]?.trim();
  const host = forwarded || headers.host;
  // Exact, as Remix's own check compares: whatever passes here passes there too.
  return Boolean(host) && originHost === host;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The Chinese error page, as the root ErrorBoundary draws it, without React or the router. */
export function errorPageHtml(status: number, detail: string, stylesheetHref: string): string {
  const { title } = errorText(status);
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${status} ${escapeHtml(title)} · 执法练兵平台</title><link rel="stylesheet" href="${escapeHtml(stylesheetHref)}"></head><body><main class="page page--bare"><section class="error-page" role="alert"><p class="error-page__status">${status}</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p><p><a href="/">返回首页</a></p></section></main></body></html>`;
}

function answer(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  detail: string,
  options: FrontDoorOptions,
  headers: Record<string, string> = {},
) {
  req.resume(); // drain an unread body so the connection can be reused
  const body = errorPageHtml(status, detail, options.stylesheetHref);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Adds the headers, then answers the request itself (true) or leaves it to the app (false). */
export function frontDoor(req: IncomingMessage, res: ServerResponse, options: FrontDoorOptions): boolean {
  const writeHead = res.writeHead;
  // Last moment before the head goes out: whatever the app set stays, the rest is filled in.
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      if (!this.hasHeader(name)) this.setHeader(name, value);
    if (!this.hasHeader('Content-Security-Policy')) this.setHeader('Content-Security-Policy', RESOURCE_POLICY);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];

  // Without a proxy in front, anyone can send X-Forwarded-Host; express and Remix would believe it.
  if (!options.trustProxy) delete req.headers['x-forwarded-host'];
  // The login throttle's key (client-address.server.ts); a copy the client sent is dropped here.
  stampPeerAddress(req.headers, req.socket.remoteAddress);

  if (!ALLOWED_METHODS.has(req.method ?? '')) {
    // TRACE would otherwise reach undici's Request, which refuses it, and express would answer 500.
    answer(req, res, 405, `不支持 ${(req.method ?? '').slice(0, 16)} 请求。`, options, { Allow: 'GET, HEAD, POST' });
    return true;
  }
  if (req.method === 'POST' && !isSameOrigin(req.headers, options.trustProxy)) {
    answer(req, res, 403, '该请求来自其他网站，已被拒绝。请在本平台的页面上重新操作。', options);
    return true;
  }
  return false;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts `frontDoor` in front of the listener of every HTTP server created from now on. Idempotent
 * (the dev server re-imports the build); the latest options win. Validates the environment now, so
 * a bad setting stops the server at boot.
 */
export function installFrontDoor(stylesheetHref: string): void {
  const state = globalThis as { __drillFrontDoor?: FrontDoorOptions };
  const installed = state.__drillFrontDoor !== undefined;
  state.__drillFrontDoor = { trustProxy: getEnv().TRUST_PROXY, stylesheetHref };
  if (installed) return;
  const createServer = http.createServer;
  http.createServer = function (...args: unknown[]) {
    const at = args.findIndex((a) => typeof a === 'function');
    if (at >= 0) {
      const listener = args[at] as Listener;
      args[at] = (req: IncomingMessage, res: ServerResponse) => {
        if (!frontDoor(req, res, state.__drillFrontDoor!)) listener(req, res);
      };
    }
    return (createServer as (...a: unknown[]) => http.Server).apply(http, args);
  } as typeof http.createServer;
}
