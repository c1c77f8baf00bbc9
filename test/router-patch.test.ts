/**
 * patches/@remix-run+router+1.23.3.patch (docs/decisions/151-router-matching-cache.md) keeps each
 * routes array's ranked branches and each compiled path: matching must stay exactly what it was,
 * also after routes are patched in (lazy route discovery) and for a second array of equal shape.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createMemoryHistory, createRouter, matchRoutes, type AgnosticRouteObject } from '@remix-run/router';
import { describe, expect, it } from 'vitest';

const routeTree = (): AgnosticRouteObject[] => [
  {
    id: 'root',
    path: '/',
    children: [
      { id: 'login', path: 'login' },
      { id: 'app', children: [{ id: 'drill', path: 'drills/:attemptId' }, { id: 'result', path: 'drills/:attemptId/result' }, { id: 'start', path: 'drills/start' }] },
      { id: 'home', index: true },
      { id: 'assets', path: 'build/*' },
      { id: 'unitOfficer', path: 'units/:code/officers/:userId' },
      { id: 'missing', path: '*' },
    ],
  },
];

const ids = (routes: AgnosticRouteObject[], path: string) => matchRoutes(routes, path)?.map((m) => `${m.route.id}${JSON.stringify(m.params)}`);

describe('the router matching cache (patched @remix-run/router)', () => {
  it('is applied to the router Node loads', () => {
    const file = createRequire(import.meta.url).resolve('@remix-run/router');
    const source = readFileSync(file, 'utf8');
    expect(source).toContain('rankedBranchesCache');
    expect(source).toContain('compiledPathCache');
  });

  it('matches the same, call after call, and separately for each routes array', () => {
    const a = routeTree();
    const b = routeTree();
    for (let i = 0; i < 3; i++) {
      for (const routes of [a, b]) {
        expect(ids(routes, '/drills/12')).toEqual(['root{"attemptId":"12"}', 'app{"attemptId":"12"}', 'drill{"attemptId":"12"}']);
        expect(ids(routes, '/drills/start')).toEqual(['root{}', 'app{}', 'start{}']);
        expect(ids(routes, '/drills/12/result')?.at(-1)).toBe('result{"attemptId":"12"}');
        expect(ids(routes, '/LOGIN')?.at(-1)).toBe('login{}');
        expect(ids(routes, '/')?.at(-1)).toBe('home{}');
        expect(ids(routes, '/nothing/here')?.at(-1)).toBe('missing{"*":"nothing/here"}');
        // Static prefixes: a splat under a static segment matches that segment alone too, in any case.
        expect(ids(routes, '/build')?.at(-1)).toBe('assets{"*":""}');
        expect(ids(routes, '/Build/x.js')?.at(-1)).toBe('assets{"*":"x.js"}');
        expect(ids(routes, '/buildings')?.at(-1)).toBe('missing{"*":"buildings"}');
        expect(ids(routes, '/units/130303/officers/7')?.at(-1)).toBe('unitOfficer{"code":"130303","userId":"7"}');
        expect(ids(routes, '/units/130303/officer/7')?.at(-1)).toBe('missing{"*":"units/130303/officer/7"}');
        expect(ids(routes, '/drills/%E7%BB%83/result')?.at(-1)).toBe('result{"attemptId":"练"}');
      }
    }
    // The cached branches hold a's own route objects, never b's.
    expect(matchRoutes(a, '/login')![1]!.route).toBe(a[0]!.children![0]);
    expect(matchRoutes(b, '/login')![1]!.route).toBe(b[0]!.children![0]);
  });

  it('sees routes patched in after the branches were cached', () => {
    const router = createRouter({ routes: [{ id: 'root', path: '/', children: [{ id: 'a', path: 'a' }] }], history: createMemoryHistory() });
    const before = router.routes;
    expect(matchRoutes(before, '/b')).toBeNull();
    router.patchRoutes('root', [{ id: 'b', path: 'b' }]);
    expect(matchRoutes(router.routes, '/b')?.at(-1)?.route.id).toBe('b');
    // The router hands out a new array, but the route objects (and their children) are shared, so
    // matching on the array from before the patch sees the new route too, as without the cache.
    expect(matchRoutes(before, '/b')?.at(-1)?.route.id).toBe('b');
    router.dispose();
  });
});
