import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '../models/auth.server';
import { getReadinessReportForQuery } from '../models/readiness.server';
import { readinessCsv } from '../models/report-export.server';
import { getDb } from '../utils/db.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const { report } = await getReadinessReportForQuery(getDb(), user.unit, new URL(request.url).searchParams);
  const fileName = encodeURIComponent(`${user.unit.name}练兵达标情况_${report.period.from}_${report.period.to}.csv`);
  return new Response(readinessCsv(report), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="readiness.csv"; filename*=UTF-8''${fileName}`,
      'Cache-Control': 'no-store',
    },
  });
}
