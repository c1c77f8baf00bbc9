import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { findUnitByCode, getUnitOverview } from '../models/unit.server';
import { UnitOverview } from '../ui/unit-overview';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';

export const meta: MetaFunction = () => [{ title: '辖区单位 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['trainer']);
  const db = getDb();
  const unit = await findUnitByCode(db, user.unit.code);
  invariantResponse(unit, '单位不存在', { status: 404 });
  return { overview: await getUnitOverview(db, unit) };
}

export default function TrainerHome() {
  const { overview } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="page-kicker" data-testid="role-home">辖区单位</p>
      <p className="lead">您可以为辖区内的单位和执法人员布置练兵任务。以下是辖区内的单位和执法人员在册情况。</p>
      <UnitOverview data={overview} />
    </>
  );
}
