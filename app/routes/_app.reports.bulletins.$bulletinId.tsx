import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { requireBulletinInScope } from '../models/bulletin.server';
import { BulletinDocument } from '../ui/bulletin';
import { getDb } from '../utils/db.server';
import { requireIdParam } from '../utils/params.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.content.number ?? '练兵通报'} · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  return requireBulletinInScope(getDb(), user.unit, requireIdParam(params.bulletinId, '通报'));
}

export default function BulletinPage() {
  const { id, content } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb no-print">
        <Link to="/reports">练兵达标</Link> › <Link to="/reports/bulletins">练兵通报</Link> › {content.number}
      </p>
      <p className="no-print report-actions">
        <a className="button" href={`/reports/bulletins/${id}/print`}>
          打印版
        </a>
        <a className="button" href={`/reports/bulletins/${id}.xlsx`} download>
          下载 XLSX
        </a>
        <a className="button" href={`/reports/bulletins/${id}.docx`} download>
          下载 Word（.docx）
        </a>
      </p>
      <div className="bulletin-sheet">
        <BulletinDocument content={content} />
      </div>
    </>
  );
}
