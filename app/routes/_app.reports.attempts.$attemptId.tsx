import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { getAttemptResultInScope } from '../models/attempt.server';
import { requireRole } from '../models/auth.server';
import { AttemptResultView } from '../ui/attempt-result';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.officer.name ?? ''} · ${data?.scenario.title ?? '练兵成绩'} · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const result = await getAttemptResultInScope(getDb(), user.unit, requireIdParam(params.attemptId, '练兵记录'));
  invariantResponse(result, '练兵记录不存在或不在您的管辖范围内', { status: 404 });
  return result;
}

export default function ManagerAttemptResult() {
  const result = useLoaderData<typeof loader>();
  return (
    <AttemptResultView
      result={result}
      officerName={result.officer.name}
      printHref={`/reports/attempts/${result.attempt.id}/print`}
      back={{ to: `/reports/officers/${result.officer.id}`, label: `返回${result.officer.name}的练兵记录` }}
    />
  );
}
