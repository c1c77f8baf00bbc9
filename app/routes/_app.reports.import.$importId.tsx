import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { commitImport, discardImport, getImport } from '../models/statistics-import.server';
import { ErrorList } from '../ui/field';
import { unitOptions } from '../ui/unit-options';
import { getDb } from '../utils/db.server';
import { parseForm } from '../utils/forms';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';
import { statisticsMappingSchema } from '../validation/statistics';

export const meta: MetaFunction = () => [{ title: '核对导入 · 执法练兵平台' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const pending = await getImport(getDb(), user, requireIdParam(params.importId, '导入记录'));
  invariantResponse(pending, '导入记录不存在', { status: 404 });
  return pending;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const importId = requireIdParam(params.importId, '导入记录');
  const formData = await request.formData();
  const form = parseForm(statisticsMappingSchema, formData);
  if (!form.success) return data({ errors: form.formErrors, fieldErrors: {} as Record<string, string> }, { status: 400 });
  const db = getDb();
  if (form.data.intent === 'discard') {
    invariantResponse(await discardImport(db, user, importId), '该导入已处理，不能放弃', { status: 409 });
    throw redirect('/reports');
  }
  const mapping = Object.fromEntries(
    [...formData.entries()].filter((e): e is [string, string] => e[0].startsWith('row-') && typeof e[1] === 'string' && e[1] !== ''),
  );
  const result = await commitImport(db, user, importId, mapping);
  if (!result.ok) return data({ errors: result.errors, fieldErrors: result.fieldErrors }, { status: 400 });
  throw redirect(`/reports?imported=${result.imported}`);
}

export default function ImportReview() {
  const pending = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const unmatched = pending.rows.filter((r) => !r.unit).length;
  return (
    <>
      <p className="page-kicker">
        <Link to="/reports">练兵达标情况</Link> › <Link to="/reports/import">导入系统统计</Link> › 核对
      </p>
      <h1>
        核对导入：{pending.fileName}（{pending.periodYear} 年）
      </h1>
      {pending.status !== 'pending' ? (
        <p className="notice">{pending.status === 'committed' ? '该文件已导入。' : '该导入已放弃。'}</p>
      ) : (
        <p className="lead" data-testid="import-summary">
          共 {pending.rows.length} 行，已按单位名称对应 {pending.rows.length - unmatched} 行
          {unmatched > 0 ? `，还有 ${unmatched} 行需要选择对应的单位（选择会被记住，下次自动对应）` : ''}。确认后一次性导入全部数据。
        </p>
      )}
      <ErrorList errors={failed?.errors} />
      <Form method="post">
        <div className="table-scroll">
          <table className="table" data-testid="import-rows">
            <thead>
              <tr>
                <th scope="col">文件中的地区</th>
                <th scope="col">对应单位</th>
                <th scope="col" className="num">
                  执法人员数
                </th>
                <th scope="col" className="num">
                  检查次数
                </th>
                <th scope="col" className="num">
                  参与执法人员数
                </th>
              </tr>
            </thead>
            <tbody>
              {pending.rows.map((row) => {
                const error = failed?.fieldErrors[`row-${row.index}`];
                return (
                  <tr key={row.index} className={row.unit ? undefined : 'row-miss'}>
                    <td>{row.unitName}</td>
                    <td>
                      {row.unit ? (
                        row.unit.name
                      ) : (
                        <>
                          <select name={`row-${row.index}`} aria-label={`“${row.unitName}”对应的单位`} aria-invalid={error ? true : undefined} defaultValue="">
                            <option value="">请选择单位</option>
                            {unitOptions(pending.units).map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                          <ErrorList errors={error ? [error] : undefined} />
                        </>
                      )}
                    </td>
                    <td className="num">{row.officersOnRecord}</td>
                    <td className="num">{row.inspections}</td>
                    <td className="num">{row.participatingOfficers}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {pending.status === 'pending' ? (
          <p className="report-actions">
            <button type="submit" name="intent" value="commit" className="button button--primary">
              确认导入
            </button>
            <button type="submit" name="intent" value="discard" className="button">
              放弃
            </button>
          </p>
        ) : null}
      </Form>
    </>
  );
}
