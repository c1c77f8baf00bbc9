import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { getAttemptResult } from '../models/attempt.server';
import { requireUser } from '../models/auth.server';
import { AttemptResultView } from '../ui/attempt-result';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `成绩 · ${data?.scenario.title ?? '练兵'} · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attemptId = requireIdParam(params.attemptId, '练兵记录');
  const result = await getAttemptResult(getDb(), user.id, attemptId);
  invariantResponse(result, '练兵记录不存在', { status: 404 });
  // Unfinished, or closed by the system when its scenario was updated: the drill page says what to do.
  if (result.attempt.status !== 'finished' || (result.kind === 'recorded' && result.attempt.closed)) {
    throw redirect(`/drills/${attemptId}`);
  }
  return result;
}

export default function ResultPage() {
  const result = useLoaderData<typeof loader>();
  return (
    <AttemptResultView
      result={result}
      documentsHref={`/drills/${result.attempt.id}/documents`}
      printHref={`/drills/${result.attempt.id}/result/print`}
      back={{ to: '/officer', label: '返回我的练兵' }}
    />
  );
}
