import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { findUnitByCode, getUnitOverview } from '../models/unit.server';
import { UnitOverview } from '../ui/unit-overview';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';

export const meta: MetaFunction = () => [{ title: '单位概况 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager']);
  const db = getDb();
  const unit = await findUnitByCode(db, user.unit.code);
  invariantResponse(unit, '单位不存在', { status: 404 });
  return { overview: await getUnitOverview(db, unit) };
}

export default function ManagerHome() {
  const { overview } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="page-kicker" data-testid="role-home">单位概况</p>
      <p className="lead">辖区内各执法单位的人员在册情况。练兵达标情况将在练兵数据产生后显示。</p>
      <UnitOverview data={overview} />
    </>
  );
}
