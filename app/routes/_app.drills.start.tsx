import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { requireUser } from '../models/auth.server';
import { startDrill } from '../models/attempt.server';
import { getDb } from '../utils/db.server';
import { parseForm } from '../utils/forms';
import { invariantResponse } from '../utils/http.server';
import { startDrillSchema } from '../validation/drill';

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(startDrillSchema, await request.formData());
  // Thrown as plain-text responses: this route has no page of its own, the error page shows the reason.
  if (!form.success) {
    invariantResponse(false, Object.values(form.fieldErrors).flat()[0] ?? form.formErrors[0] ?? '请求有误');
  }
  const started = await startDrill(getDb(), user.id, { ...form.data, ownName: true });
  // 403 while an assessment of the scenario is open (openAssessmentOf).
  if (!started.ok) invariantResponse(false, started.reason, { status: started.status });
  throw redirect(`/drills/${started.attemptId}`);
}

export async function loader() {
  throw redirect('/officer');
}
