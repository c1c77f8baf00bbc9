import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { newScenarioChoices } from '../models/catalogue.server';
import { copyToDraft } from '../models/scenario-library.server';
import { ErrorList } from '../ui/field';
import { getDb } from '../utils/db.server';
import { parseForm, refusal } from '../utils/forms';
import { invariantResponse } from '../utils/http.server';
import { newScenarioSchema } from '../validation/scenario-library';

export const meta: MetaFunction = () => [{ title: '新建场景 · 场景目录 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['trainer']);
  return { groups: newScenarioChoices() };
}

/** 新建场景 and every 复制为新场景 button: a new draft from `from`, then its editor. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ['trainer']);
  const form = parseForm(newScenarioSchema, await request.formData());
  if (!form.success) return data(form, { status: 400 });
  const copied = await copyToDraft(getDb(), user, form.data.from);
  if (!copied.ok) {
    invariantResponse(copied.status !== 403, copied.message, { status: 403 });
    return data(refusal({ field: 'from', message: copied.message }, form.values), {
      status: copied.status === 404 ? 404 : 400,
    });
  }
  throw redirect(`/catalogue/${copied.id}/edit`);
}

export default function NewScenario() {
  const { groups } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const chosen = failed?.values.from;
  const errors = failed?.success === false ? failed.fieldErrors.from : undefined;
  return (
    <>
      <nav className="breadcrumb">
        <Link to="/catalogue">场景目录</Link> › <span aria-current="page">新建场景</span>
      </nav>
      <h1>新建场景</h1>
      <p className="lead">
        新场景从一个业务流程的内置场景开始：先选择起点，系统复制出一份草稿，再在编辑页修改企业、隐患、违法行为、评分项等内容。草稿须通过引擎检查才能发布。
      </p>
      <Form method="post" className="form-card" noValidate>
        <ErrorList errors={failed?.success === false ? failed.formErrors : undefined} />
        {groups.map((g) => (
          <fieldset
            key={g.workflow}
            data-workflow={g.workflow}
            className="field field--choices"
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={errors?.length ? 'field-from-error' : undefined}
          >
            <legend>起点：{g.workflowTitle}</legend>
            {g.scenarios.map((s) => (
              <label key={s.id} className="choice">
                <input type="radio" name="from" value={s.id} defaultChecked={chosen === s.id} />
                <span>
                  {s.title} <span className="muted small">· {s.skillLabel}</span>{' '}
                  <Link to={`/catalogue/${s.id}`} className="small">
                    查看
                  </Link>
                </span>
              </label>
            ))}
          </fieldset>
        ))}
        <ErrorList id="field-from-error" errors={errors} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? '正在创建…' : '创建草稿并编辑'}
        </button>
      </Form>
    </>
  );
}
