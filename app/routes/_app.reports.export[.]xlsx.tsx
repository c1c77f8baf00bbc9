import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '../models/auth.server';
import { getReadinessReportForQuery } from '../models/readiness.server';
import { readinessWorkbook } from '../models/report-export.server';
import { getRoster } from '../models/roster.server';
import { getDb } from '../utils/db.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const db = getDb();
  const { report } = await getReadinessReportForQuery(db, user.unit, new URL(request.url).searchParams);
  const roster = await getRoster(db, user.unit, { period: report.period });
  const body = await readinessWorkbook(report, user.unit.name, roster);
  const fileName = encodeURIComponent(`${user.unit.name}练兵达标情况_${report.period.from}_${report.period.to}.xlsx`);
  return new Response(body, {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="readiness.xlsx"; filename*=UTF-8''${fileName}`,
      'Cache-Control': 'no-store',
    },
  });
}
