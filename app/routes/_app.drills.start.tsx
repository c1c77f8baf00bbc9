import { data, redirect, type ActionFunctionArgs } from '@remix-run/node';
import { requireUser } from '../models/auth.server';
import { startDrill } from '../models/attempt.server';
import { getDb } from '../utils/db.server';
import { parseForm } from '../utils/forms';
import { startDrillSchema } from '../validation/drill';

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(startDrillSchema, await request.formData());
  if (!form.success) {
    throw data(Object.values(form.fieldErrors).flat()[0] ?? form.formErrors[0] ?? '请求有误', { status: 400 });
  }
  const started = await startDrill(getDb(), user.id, { ...form.data, ownName: true });
  if (!started.ok) throw data(started.reason, { status: started.status });
  throw redirect(`/drills/${started.attemptId}`);
}

export async function loader() {
  throw redirect('/officer');
}
