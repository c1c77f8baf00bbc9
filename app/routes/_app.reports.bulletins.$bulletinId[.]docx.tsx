import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '../models/auth.server';
import { bulletinDocx } from '../models/bulletin-export.server';
import { requireBulletinInScope } from '../models/bulletin.server';
import { getDb } from '../utils/db.server';
import { requireIdParam } from '../utils/params.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const { content } = await requireBulletinInScope(getDb(), user.unit, requireIdParam(params.bulletinId, '通报'));
  const fileName = encodeURIComponent(`${content.number}_${content.scope.name}.docx`);
  return new Response(await bulletinDocx(content), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="bulletin.docx"; filename*=UTF-8''${fileName}`,
      'Cache-Control': 'no-store',
    },
  });
}
