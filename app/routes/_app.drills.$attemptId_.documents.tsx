import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getAttemptDocuments } from '../models/attempt.server';
import { requireUser } from '../models/auth.server';
import { DocumentPages } from '../ui/document-page';
import { PrintButton } from '../ui/print-button';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `文书 · ${data?.scenario.title ?? '练兵'} · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attemptId = requireIdParam(params.attemptId, '练兵记录');
  const result = await getAttemptDocuments(getDb(), user.id, attemptId);
  invariantResponse(result, '练兵记录不存在', { status: 404 });
  return result;
}

/** Only the document pages, for printing (the app header and the buttons are not printed). */
export default function DocumentsPage() {
  const { attempt, scenario, documents, note } = useLoaderData<typeof loader>();
  const back = attempt.status === 'finished' ? `/drills/${attempt.id}/result` : `/drills/${attempt.id}`;
  return (
    <div className="documents-print">
      <div className="no-print">
        <h1>开具的文书 · {scenario.title}</h1>
        <p>
          <PrintButton />{' '}
          <Link to={back} className="button">
            返回
          </Link>
        </p>
        <p className="muted small">每份文书单独成页（A4）。也可以使用浏览器的打印功能（Ctrl+P）打印或另存为PDF。</p>
      </div>
      {note ? (
        <p className="alert alert--info no-print" role="note" data-testid="version-note">
          {note}
        </p>
      ) : documents.length === 0 ? (
        <p className="empty">本次练兵尚未开具文书。</p>
      ) : (
        <DocumentPages documents={documents} titleLevel={2} />
      )}
    </div>
  );
}
