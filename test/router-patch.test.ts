/**
 * patches/@remix-run+router+1.23.3.patch (docs/decisions/151-router-matching-cache.md) keeps each
 * routes array's ranked branches and each compiled path: matching must stay exactly what it was,
 * also after routes are patched in (lazy route discovery) and for a second array of equal shape.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { createMemoryHistory, createRouter, matchRoutes, type AgnosticRouteObject } from '@remix-run/router';
import { describe, expect, it } from 'vitest';

const routeTree = (): AgnosticRouteObject[] => [
  {
    id: 'root',
    path: '/',
    children: [
      { id: 'login', path: 'login' },
      {
        id: 'app',
        children: [
          { id: 'drill', path: 'drills/:attemptId' },
          { id: 'result', path: 'drills/:attemptId/result' },
          { id: 'start', path: 'drills/start' },
        ],
      },
      { id: 'home', index: true },
      { id: 'assets', path: 'build/*' },
      { id: 'unitOfficer', path: 'units/:code/officers/:userId' },
      { id: 'missing', path: '*' },
    ],
  },
];

const ids = (routes: AgnosticRouteObject[], path: string) =>
  matchRoutes(routes, path)?.map((m) => `${m.route.id}${JSON.stringify(m.params)}`);

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
        expect(ids(routes, '/drills/12')).toEqual([
          'root{"attemptId":"12"}',
          'app{"attemptId":"12"}',
          'drill{"attemptId":"12"}',
        ]);
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
    const router = createRouter({
      routes: [{ id: 'root', path: '/', children: [{ id: 'a', path: 'a' }] }],
      history: createMemoryHistory(),
    });
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

/**
 * The same matching suite against the router as published (the patch reversed on a copy), so that a
 * Remix bump that changes matching, or a patch that no longer applies, shows here. Regenerating or
 * dropping the patch: docs/decisions/151-router-matching-cache.md.
 */
describe('the patched router matches exactly as the unpatched one', () => {
  const unpatched = (() => {
    const root = mkdtempSync(join(tmpdir(), 'router-unpatched-'));
    const installed = dirname(createRequire(import.meta.url).resolve('@remix-run/router/package.json'));
    cpSync(installed, join(root, 'node_modules/@remix-run/router'), { recursive: true });
    // patch-package writes git-style diffs against node_modules/…; reversing it restores the original.
    execFileSync('git', ['apply', '-R', join(process.cwd(), 'patches/@remix-run+router+1.23.3.patch')], { cwd: root });
    const router = createRequire(join(root, 'index.js'))('@remix-run/router') as typeof import('@remix-run/router');
    rmSync(root, { recursive: true, force: true });
    return router;
  })();

  it('is really the unpatched build', () => {
    expect(unpatched.matchRoutes).not.toBe(matchRoutes);
    expect(String(unpatched.matchRoutes)).not.toContain('rankedBranchesCache');
  });

  const trees: AgnosticRouteObject[][] = [
    routeTree(),
    [
      {
        id: 'r',
        path: '/',
        caseSensitive: true,
        children: [
          { id: 'cs', path: 'Exact', caseSensitive: true },
          { id: 'opt', path: 'units/:code?/list' },
          { id: 'deep', path: 'a/b/c/*' },
        ],
      },
    ],
    [
      {
        id: 'layout',
        children: [
          { id: 'idx', index: true },
          { id: 'param', path: ':any' },
          { id: 'two', path: ':one/:two' },
        ],
      },
    ],
  ];
  const paths = [
    '/',
    '/login',
    '/LOGIN',
    '/drills/12',
    '/drills/start',
    '/drills/12/result',
    '/drills/%E7%BB%83/result',
    '/build',
    '/Build/x.js',
    '/buildings',
    '/units/130303/officers/7',
    '/units/130303/officer/7',
    '/nothing/here',
    '/Exact',
    '/exact',
    '/units/list',
    '/units/130303/list',
    '/a/b/c',
    '/a/b/c/d/e',
    '/a/b',
    '/x',
    '/x/y',
    '/x/y/z',
    '//double',
    '/trailing/',
    '/%20space',
  ];

  it.each(trees.map((tree, i) => [i, tree] as const))('route tree %i: every path matches the same', (_i, tree) => {
    for (const path of paths) {
      const mine = matchRoutes(tree, path)?.map((m) => [m.route.id, m.params, m.pathname, m.pathnameBase]);
      const theirs = unpatched.matchRoutes(tree, path)?.map((m) => [m.route.id, m.params, m.pathname, m.pathnameBase]);
      expect(mine, path).toEqual(theirs);
    }
  });
});
