import type { LoaderFunctionArgs } from '@remix-run/node';
import { assignmentWorkbook } from '../models/assignment/export.server';
import { getFollowUpForExport, reachOf } from '../models/assignment/follow-up.server';
import { requireRole } from '../models/auth.server';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['trainer', 'manager', 'admin']);
  const id = requireIdParam(params.assignmentId, '练兵任务');
  const view = await getFollowUpForExport(getDb(), user.unit, id, new Date(), reachOf(user.role));
  invariantResponse(view, '练兵任务不存在或不在您的管辖范围内', { status: 404 });
  const body = await assignmentWorkbook(view, user.unit.name);
  const fileName = encodeURIComponent(`${view.assignment.title}_完成情况_${user.unit.name}.xlsx`);
  return new Response(body, {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="assignment-${id}.xlsx"; filename*=UTF-8''${fileName}`,
      'Cache-Control': 'no-store',
    },
  });
}
