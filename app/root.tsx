import type { LinksFunction, MetaFunction } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError } from '@remix-run/react';
import type { ReactNode } from 'react';
import stylesHref from './styles/app.css';
import { ErrorPage, errorStatus } from './ui/error-page';
import { useNonce } from './utils/nonce';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }];

export const meta: MetaFunction = () => [{ title: '执法练兵平台' }];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Dual-core browsers (360安全浏览器, QQ浏览器, 奇安信可信浏览器 …): open in the Chromium engine, never IE mode. */}
        <meta name="renderer" content="webkit" />
        <meta httpEquiv="X-UA-Compatible" content="IE=edge" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const { status, detail } = errorStatus(useRouteError());
  return (
    <main className="page page--bare">
      <ErrorPage status={status} detail={detail} />
    </main>
  );
}
