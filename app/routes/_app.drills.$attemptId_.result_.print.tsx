import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { AttemptResultView } from '../ui/attempt-result';
import type { loader } from './_app.drills.$attemptId_.result';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `成绩（打印版） · ${data?.scenario.title ?? '练兵'} · 执法练兵平台` },
];

// The result page's loader: the same attempt, the same checks and redirects.
export { loader } from './_app.drills.$attemptId_.result';

/** The officer's result alone, for printing (works without JavaScript: the browser prints the page). */
export default function ResultPrintPage() {
  const result = useLoaderData<typeof loader>();
  return (
    <AttemptResultView
      result={result}
      printView
      back={{ to: `/drills/${result.attempt.id}/result`, label: '返回成绩' }}
    />
  );
}
