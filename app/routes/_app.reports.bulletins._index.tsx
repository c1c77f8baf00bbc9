import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { issueBulletin, lastWeekMonday, listBulletins, weekOptions } from '../models/bulletin.server';
import { ErrorList, SelectField } from '../ui/field';
import { getDb } from '../utils/db.server';
import { beijingTime } from '../utils/format';
import { parseForm, refusal } from '../utils/forms';
import { bulletinIssueSchema } from '../validation/bulletin';

export const meta: MetaFunction = () => [{ title: '练兵通报 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const now = new Date();
  return {
    scopeName: user.unit.name,
    weeks: weekOptions(now),
    defaultWeek: lastWeekMonday(now),
    bulletins: await listBulletins(getDb(), user.unit),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const form = parseForm(bulletinIssueSchema, await request.formData());
  if (!form.success) return data(form, { status: 400 });
  const result = await issueBulletin(getDb(), user, form.data);
  if (!result.ok) return data(refusal(result, form.values), { status: 400 });
  throw redirect(`/reports/bulletins/${result.id}`);
}

export default function BulletinsPage() {
  const { scopeName, weeks, defaultWeek, bulletins } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <p className="breadcrumb">
        <Link to="/reports">练兵达标</Link> › 练兵通报
      </p>
      <h1>练兵通报</h1>
      <p className="muted">
        按周（周一至周日）通报{scopeName}
        各执法单位练兵落实情况；每个单位每周印发一期，印发后内容固定，可随时查看、打印和下载。
      </p>
      <Form method="post" className="form-card" noValidate aria-labelledby="issue-heading">
        <h2 id="issue-heading">生成通报</h2>
        <ErrorList errors={result?.formErrors} />
        <SelectField
          label="通报周次"
          name="week"
          defaultValue={result?.values.week ?? defaultWeek}
          errors={result?.fieldErrors.week}
          options={weeks}
        />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? '正在生成…' : '生成并印发'}
        </button>
      </Form>
      <h2>已印发的通报</h2>
      {bulletins.length === 0 ? (
        <p className="muted">尚未印发通报。</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="bulletin-list">
            <thead>
              <tr>
                <th scope="col">文号</th>
                <th scope="col">印发单位</th>
                <th scope="col">统计周期</th>
                <th scope="col">印发时间</th>
                <th scope="col">印发人</th>
              </tr>
            </thead>
            <tbody>
              {bulletins.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link to={`/reports/bulletins/${b.id}`}>{b.number}</Link>
                  </td>
                  <td>{b.unit_name}</td>
                  <td>
                    {b.period_from} 至 {b.period_to}
                  </td>
                  <td>{beijingTime(b.issued_at)}</td>
                  <td>{b.issued_by_name ?? '系统自动印发'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
