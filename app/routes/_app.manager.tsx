import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { getReadinessSummary } from '../models/readiness.server';
import { getOwnUnitOverview } from '../models/unit.server';
import { ReadinessSummary } from '../ui/readiness-summary';
import { UnitOverview } from '../ui/unit-overview';
import { getDb } from '../utils/db.server';

export const meta: MetaFunction = () => [{ title: '单位概况 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager']);
  const db = getDb();
  const [overview, summary] = await Promise.all([getOwnUnitOverview(db, user), getReadinessSummary(db, user.unit)]);
  return { overview, summary };
}

export default function ManagerHome() {
  const { overview, summary } = useLoaderData<typeof loader>();
  return (
    <UnitOverview data={overview} kicker="单位概况" lead="辖区内各执法单位的人员在册情况和本月练兵达标情况。">
      <ReadinessSummary summary={summary} />
    </UnitOverview>
  );
}
