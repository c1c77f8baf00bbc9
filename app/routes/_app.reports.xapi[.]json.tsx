import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '../models/auth.server';
import { resolveXapiPeriod, xapiJsonStream } from '../models/xapi.server';
import { getDb } from '../utils/db.server';
import { getEnv } from '../utils/env.server';

/** The subtree's attempts as xAPI 1.0.3 statements (a JSON array), for a provincial learning record store. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const { period, error } = resolveXapiPeriod(new URL(request.url).searchParams);
  if (error) {
    return new Response(`${error}\n`, {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const fileName = encodeURIComponent(`${user.unit.name}学习记录_xAPI标准_${period.from}_${period.to}.json`);
  return new Response(xapiJsonStream(getDb(), user.unit, period, getEnv().XAPI_BASE_URL), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="xapi-statements.json"; filename*=UTF-8''${fileName}`,
      'Cache-Control': 'no-store',
    },
  });
}
