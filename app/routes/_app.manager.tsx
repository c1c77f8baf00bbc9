import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { getOwnUnitOverview } from '../models/unit.server';
import { UnitOverview } from '../ui/unit-overview';
import { getDb } from '../utils/db.server';

export const meta: MetaFunction = () => [{ title: '单位概况 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager']);
  return { overview: await getOwnUnitOverview(getDb(), user) };
}

export default function ManagerHome() {
  const { overview } = useLoaderData<typeof loader>();
  return (
    <UnitOverview
      data={overview}
      kicker="单位概况"
      lead="辖区内各执法单位的人员在册情况。练兵达标情况将在练兵数据产生后显示。"
    />
  );
}
