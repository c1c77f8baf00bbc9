import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { requireBulletinInScope } from '../models/bulletin.server';
import { BulletinDocument } from '../ui/bulletin';
import { PrintButton } from '../ui/bulletin-print';
import { getDb } from '../utils/db.server';
import { requireIdParam } from '../utils/params.server';

// Outside the signed-in layout on purpose: the page is the document alone (no header or navigation),
// so printing it — or saving it as PDF — needs no JavaScript. It checks the session itself.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.content.number ?? '练兵通报'}（打印版） · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  return requireBulletinInScope(getDb(), user.unit, requireIdParam(params.bulletinId, '通报'));
}

export default function BulletinPrint() {
  const { id, content } = useLoaderData<typeof loader>();
  return (
    <main className="bulletin-print">
      <p className="no-print report-actions">
        <a className="button" href={`/reports/bulletins/${id}`}>
          返回通报
        </a>
        <PrintButton />
        <span className="muted small">请使用浏览器的“打印”（Ctrl+P）打印或另存为 PDF。</span>
      </p>
      <BulletinDocument content={content} />
    </main>
  );
}
