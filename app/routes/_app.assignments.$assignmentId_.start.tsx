import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { startAssignedDrill } from '../models/assignment/officer-tasks.server';
import { requireRole } from '../models/auth.server';
import { getDb } from '../utils/db.server';
import { parseForm } from '../utils/forms';
import { requireIdParam } from '../utils/params.server';
import { startAssignedSchema } from '../validation/assignment';

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ['officer']);
  const id = requireIdParam(params.assignmentId, '练兵任务');
  const form = parseForm(startAssignedSchema, await request.formData());
  if (!form.success) return data({ reason: Object.values(form.fieldErrors).flat()[0] ?? '请求有误' }, { status: 400 });
  const started = await startAssignedDrill(getDb(), user, id, form.data.scenarioId);
  if (!started.ok) return data({ reason: started.reason }, { status: started.status });
  throw redirect(`/drills/${started.attemptId}`);
}

// No redirect here: after a refused POST this loader runs too, and the page must show the reason.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['officer']);
  return null;
}

/** Shown only when the attempt cannot be started: the reason, and the way back. */
export default function StartRefused() {
  const result = useActionData<typeof action>();
  return (
    <section className="form-card" role="alert" data-testid="start-refused">
      <h1>无法开始练兵</h1>
      <p>{result?.reason ?? '请在“我的练兵”页面的任务列表中开始练兵。'}</p>
      <p>
        <Link to="/officer">返回我的练兵</Link>
      </p>
    </section>
  );
}
