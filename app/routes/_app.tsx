import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData, useRouteError } from '@remix-run/react';
import { requireUser } from '../models/auth.server';
import { AppShell } from '../ui/app-shell';
import { ErrorPage, errorStatus } from '../ui/error-page';

// Every signed-in page sits inside this pathless layout: one place that requires a session.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user: { displayName: user.displayName, role: user.role, unit: { name: user.unit.name } } };
}

export default function AppLayout() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <AppShell user={user}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const { status, detail } = errorStatus(useRouteError());
  return (
    <main className="page">
      <ErrorPage status={status} detail={detail} />
    </main>
  );
}
