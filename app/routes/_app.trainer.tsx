import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { getOwnUnitOverview } from '../models/unit.server';
import { UnitOverview } from '../ui/unit-overview';
import { getDb } from '../utils/db.server';

export const meta: MetaFunction = () => [{ title: '辖区单位 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['trainer']);
  return { overview: await getOwnUnitOverview(getDb(), user) };
}

export default function TrainerHome() {
  const { overview } = useLoaderData<typeof loader>();
  return (
    <UnitOverview
      data={overview}
      kicker="辖区单位"
      lead="您可以为辖区内的单位和执法人员布置练兵任务。以下是辖区内的单位和执法人员在册情况。"
    />
  );
}
