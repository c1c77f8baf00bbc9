// The redirect target after login and the proxy-dependent HTTPS check (issue 12 points 1 and 7).
import { describe, expect, it } from 'vitest';
import { isHttps, safeRedirectPath } from '../../app/utils/http.server';
import { isSameOrigin } from '../../app/utils/front-door.server';

describe('safeRedirectPath', () => {
  it.each([
    '/',
    '/officer',
    '/units/130322',
    '/units/130322?period=year&q=%E6%98%8C#table',
    '/reports/officers/42?from=2026-01-01',
    '/drills/7?step=inspection.record',
  ])('keeps the same-site path %j', (path) => {
    expect(safeRedirectPath(path, '/home')).toBe(path);
  });

  it.each([
    // the report: the browser drops the tab and reads `//evil.example`
    ['tab after the slash', '/\t/evil.example/phish'],
    ['tab first', '\t//evil.example'],
    ['newline', '/\n/evil.example'],
    ['CR LF header injection', '/officer\r\nSet-Cookie: __drill_session=x'],
    ['NUL', '/officer\u0000'],
    ['DEL', '/officer\u007f'],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with path', '//evil.example/login'],
    ['triple slash', '///evil.example'],
    ['backslash', '/\\evil.example'],
    ['backslash later on', '/officer\\..\\..\\evil'],
    ['backslashes only', '\\\\evil.example'],
    ['dot segment that normalises to //', '/.//evil.example'],
    ['dot-dot segment that normalises to //', '/a/../..//evil.example'],
    ['encoded tab', '/%09/evil.example'],
    ['encoded CR LF', '/officer%0d%0aSet-Cookie:%20x=y'],
    ['encoded backslash', '/%5Cevil.example'],
    ['encoded backslash, lower case', '/%5cevil.example'],
    ['absolute http URL', 'http://evil.example/phish'],
    ['absolute https URL', 'https://evil.example'],
    ['scheme-less host', 'evil.example'],
    ['javascript: URL', 'javascript:alert(document.cookie)'],
    ['javascript: URL, mixed case and padded', ' JavaScript:alert(1)'],
    ['data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['leading space', ' /officer'],
    ['space inside', '/officer home'],
    ['non-ASCII (not allowed in a Location header)', '/单位'],
    ['empty', ''],
  ])('refuses %s', (_label, target) => {
    expect(safeRedirectPath(target, '/home')).toBe('/home');
  });

  it('refuses what is not a string', () => {
    expect(safeRedirectPath(null, '/home')).toBe('/home');
    expect(safeRedirectPath(undefined)).toBe('/');
    expect(safeRedirectPath(new File(['/officer'], 'x.txt'), '/home')).toBe('/home');
  });
});

describe('isHttps', () => {
  const forwarded = new Request('http://drill.local/login', { headers: { 'X-Forwarded-Proto': 'https' } });

  it('believes X-Forwarded-Proto only when TRUST_PROXY says a proxy is in front', () => {
    expect(isHttps(forwarded, false)).toBe(false);
    expect(isHttps(forwarded, true)).toBe(true);
    expect(isHttps(new Request('http://drill.local/', { headers: { 'X-Forwarded-Proto': 'https, http' } }), true)).toBe(
      true,
    );
    expect(isHttps(new Request('http://drill.local/', { headers: { 'X-Forwarded-Proto': 'http' } }), true)).toBe(false);
  });

  it('always knows a direct HTTPS request', () => {
    expect(isHttps(new Request('https://drill.local/login'), false)).toBe(true);
  });
});

describe('isSameOrigin (cross-site POSTs)', () => {
  const host = '127.0.0.1:3000';

  it('accepts the own origin and a request without one', () => {
    expect(isSameOrigin({ host, origin: 'http://127.0.0.1:3000' }, false)).toBe(true);
    expect(isSameOrigin({ host }, false)).toBe(true);
  });

  it('refuses another site, an opaque origin and a malformed one', () => {
    expect(isSameOrigin({ host, origin: 'http://evil.example' }, false)).toBe(false);
    expect(isSameOrigin({ host, origin: 'null' }, false)).toBe(false);
    expect(isSameOrigin({ host, origin: 'not a url' }, false)).toBe(false);
    expect(isSameOrigin({ host, 'sec-fetch-site': 'cross-site' }, false)).toBe(false);
  });

  it('believes X-Forwarded-Host only when TRUST_PROXY says a proxy is in front', () => {
    const spoofed = { host, origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' };
    expect(isSameOrigin(spoofed, false)).toBe(false);
    expect(isSameOrigin(spoofed, true)).toBe(true);
    const proxied = {
      host: '127.0.0.1:3000',
      origin: 'https://drill.gov.example',
      'x-forwarded-host': 'drill.gov.example',
    };
    expect(isSameOrigin(proxied, true)).toBe(true);
    expect(isSameOrigin(proxied, false)).toBe(false);
  });
});
