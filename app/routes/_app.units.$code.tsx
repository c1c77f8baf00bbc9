import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireUser } from '../models/auth.server';
import { getUnitOverview, requireUnitInScope } from '../models/unit.server';
import { UnitOverview } from '../ui/unit-overview';
import { getDb } from '../utils/db.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.overview.unit.name ?? '单位'} · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const unit = await requireUnitInScope(db, user.unit, params.code ?? '');
  return {
    overview: await getUnitOverview(db, unit),
    viewer: { id: user.unit.id, path: user.unit.path },
    canManageUsers: user.role === 'admin',
  };
}

export default function UnitPage() {
  const { overview, viewer, canManageUsers } = useLoaderData<typeof loader>();
  return <UnitOverview data={overview} viewer={viewer} canManageUsers={canManageUsers} />;
}
