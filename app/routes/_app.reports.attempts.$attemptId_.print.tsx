import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { getAttemptResultInScope } from '../models/attempt.server';
import { requireRole } from '../models/auth.server';
import { AttemptResultView } from '../ui/attempt-result';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.officer.name ?? ''} · ${data?.scenario.title ?? '练兵成绩'}（打印版） · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const result = await getAttemptResultInScope(getDb(), user.unit, requireIdParam(params.attemptId, '练兵记录'));
  invariantResponse(result, '练兵记录不存在或不在您的管辖范围内', { status: 404 });
  return result;
}

/** An officer's attempt as the manager sees it, alone, for printing. */
export default function ManagerAttemptPrint() {
  const result = useLoaderData<typeof loader>();
  return (
    <AttemptResultView
      result={result}
      printView
      officerName={result.officer.name}
      back={{ to: `/reports/attempts/${result.attempt.id}`, label: '返回练兵成绩' }}
    />
  );
}
