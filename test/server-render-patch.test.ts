/**
 * patches/@remix-run+react+2.17.5.patch and patches/react-router-dom+6.30.4.patch
 * (docs/decisions/211-server-render-routes-cache.md): the server render reuses one build's routes
 * and data routes instead of making them for every document request. What is rendered must stay
 * what the request asks for — page after page, and after a route's module is replaced (a dev
 * rebuild) — through Remix's real request handler.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createRequestHandler, type ServerBuild } from '@remix-run/node';
import { Outlet, RemixServer, useLoaderData } from '@remix-run/react';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// The CommonJS build, which @remix-run/react's server render requires (and the patch changes).
const { createStaticRouter } = require('react-router-dom/server') as typeof import('react-router-dom/server');

function manifestRoute(id: string, path: string | undefined, parentId?: string, index?: boolean) {
  return {
    id,
    path,
    index,
    parentId,
    module: `/${id}.js`,
    imports: [],
    hasLoader: true,
    hasAction: false,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: false,
  };
}

function page(title: string) {
  return {
    loader: ({ params }: { params: Record<string, string | undefined> }) => ({ id: params.id ?? null }),
    default: function Page() {
      const data = useLoaderData<{ id: string | null }>();
      return h('p', null, `${title}:${data.id ?? '-'}`);
    },
  };
}

/** A two-page app built by hand: the shape `remix build` emits, without a bundler. */
function buildApp(): ServerBuild {
  const root = {
    loader: () => ({}),
    default: function Root() {
      return h('main', null, h(Outlet));
    },
  };
  const manifestRoutes = {
    root: manifestRoute('root', ''),
    'routes/home': manifestRoute('routes/home', undefined, 'root', true),
    'routes/item': manifestRoute('routes/item', 'items/:id', 'root'),
  };
  return {
    mode: 'production',
    future: {},
    basename: '/',
    publicPath: '/build/',
    assetsBuildDirectory: 'public/build',
    isSpaMode: false,
    entry: {
      module: {
        default: (
          request: Request,
          status: number,
          headers: Headers,
          context: Parameters<typeof RemixServer>[0]['context'],
        ) => {
          const html = renderToString(h(RemixServer, { context, url: request.url }));
          headers.set('Content-Type', 'text/html');
          return new Response(html, { status, headers });
        },
      },
    },
    routes: {
      root: { id: 'root', path: '', module: root },
      'routes/home': { id: 'routes/home', parentId: 'root', index: true, module: page('home') },
      'routes/item': { id: 'routes/item', parentId: 'root', path: 'items/:id', module: page('item') },
    },
    assets: {
      entry: { module: '/entry.client.js', imports: [] },
      routes: manifestRoutes,
      url: '/manifest.js',
      version: 'test',
    },
  } as unknown as ServerBuild;
}

const rendered = async (handler: ReturnType<typeof createRequestHandler>, path: string) => {
  const html = await (await handler(new Request(`http://app.test${path}`))).text();
  return /<main>(.*?)<\/main>/.exec(html)?.[1];
};

describe('the server render routes cache (patched @remix-run/react and react-router-dom)', () => {
  it('is applied to the modules Node loads', () => {
    expect(readFileSync(require.resolve('@remix-run/react/dist/server.js'), 'utf8')).toContain('serverRoutesCache');
    expect(readFileSync(require.resolve('react-router-dom/server.js'), 'utf8')).toContain('dataRoutesCache');
  });

  it('renders each request its own page, request after request', async () => {
    const handler = createRequestHandler(buildApp());
    for (let i = 0; i < 3; i++) {
      expect(await rendered(handler, '/items/7')).toBe('<p>item:7</p>');
      expect(await rendered(handler, '/')).toBe('<p>home:-</p>');
      expect(await rendered(handler, `/items/${i}`)).toBe(`<p>item:${i}</p>`);
    }
  });

  it('renders a route module replaced in the same build (a dev rebuild) with the new module', async () => {
    const build = buildApp();
    const handler = createRequestHandler(build);
    expect(await rendered(handler, '/items/1')).toBe('<p>item:1</p>');
    (build.routes['routes/item'] as { module: unknown }).module = page('replaced');
    expect(await rendered(handler, '/items/1')).toBe('<p>replaced:1</p>');
  });

  it('gives the same routes array the same data routes, another array its own', () => {
    const context = { matches: [], location: { pathname: '/' } } as unknown as Parameters<typeof createStaticRouter>[1];
    const routes = [{ id: 'a', path: '/' }];
    const first = createStaticRouter(routes, context).routes;
    expect(createStaticRouter(routes, context).routes).toBe(first);
    const other = createStaticRouter([{ id: 'a', path: '/' }], context).routes;
    expect(other).not.toBe(first);
    expect(other).toEqual(first);
  });
});
