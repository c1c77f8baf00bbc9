import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '../models/auth.server';
import { exportForDownload } from '../models/catalogue.server';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';

/** 导出: a trainer's scenario as the JSON file other provinces import (its latest published definition). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['trainer', 'manager', 'admin']);
  const exported = await exportForDownload(getDb(), user, params.scenarioId ?? '');
  if (!exported.ok) invariantResponse(false, exported.message, { status: exported.status });
  return new Response(exported.body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exported.asciiName}"; filename*=UTF-8''${encodeURIComponent(exported.displayName)}`,
      'Cache-Control': 'no-store',
    },
  });
}
