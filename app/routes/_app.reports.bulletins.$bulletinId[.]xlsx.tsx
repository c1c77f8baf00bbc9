import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '../models/auth.server';
import { bulletinWorkbook } from '../models/bulletin-export.server';
import { requireBulletinInScope } from '../models/bulletin.server';
import { getDb } from '../utils/db.server';
import { requireIdParam } from '../utils/params.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const { content } = await requireBulletinInScope(getDb(), user.unit, requireIdParam(params.bulletinId, '通报'));
  const fileName = encodeURIComponent(`${content.number}_${content.scope.name}.xlsx`);
  return new Response(await bulletinWorkbook(content), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="bulletin.xlsx"; filename*=UTF-8''${fileName}`,
      'Cache-Control': 'no-store',
    },
  });
}
