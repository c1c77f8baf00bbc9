import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import {
  applyRegrade,
  defaultRegradePeriod,
  previewRegrade,
  regradeChoices,
  type RegradeRefusal,
} from '../models/regrade.server';
import { ErrorList, Field, SelectField } from '../ui/field';
import { unitOptions } from '../ui/unit-options';
import { getDb } from '../utils/db.server';
import { beijingTime } from '../utils/format';
import { parseForm, type FormErrors } from '../utils/forms';
import { regradeApplySchema, regradePreviewSchema } from '../validation/regrade';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `重新评分${data && 'scenario' in data ? ` · ${data.scenario.title}` : ''} · 执法练兵平台` },
];

/** A refusal that is not about a form field: the error page (403, 404). */
function refusalResponse(refusal: RegradeRefusal): Response {
  return new Response(refusal.message, {
    status: refusal.status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The refusal as the form's errors (its field's, or the form's). */
function asFormErrors(refusal: RegradeRefusal, values: Record<string, string>): FormErrors {
  const field = refusal.field === 'fingerprint' ? undefined : refusal.field;
  return {
    fieldErrors: field ? { [field]: [refusal.message] } : {},
    formErrors: field ? [] : [refusal.message],
    values,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['trainer']);
  const db = getDb();
  const scenarioId = params.scenarioId ?? '';
  const choices = await regradeChoices(db, user, scenarioId);
  if (!choices.ok) {
    // A built-in is a scenario, just not one regraded here: say so on the page.
    if (choices.status === 409) return data({ kind: 'builtIn' as const, message: choices.message }, { status: 409 });
    throw refusalResponse(choices);
  }
  const url = new URL(request.url);
  const defaults = {
    toVersion: String(choices.versions[0]?.version ?? ''),
    unit: user.unit.code,
    ...defaultRegradePeriod(new Date()),
  };
  const page = { kind: 'form' as const, ...choices, defaults, search: url.search };
  if (!url.searchParams.has('unit')) return { ...page, errors: null, preview: null };
  const submitted = new FormData();
  for (const [key, value] of url.searchParams) submitted.append(key, value);
  const form = parseForm(regradePreviewSchema, submitted);
  if (!form.success) return data({ ...page, errors: form as FormErrors, preview: null }, { status: 400 });
  const preview = await previewRegrade(db, user, scenarioId, { ...form.data, unitCode: form.data.unit });
  if (!preview.ok) {
    if (preview.field !== 'toVersion') throw refusalResponse(preview);
    return data({ ...page, errors: asFormErrors(preview, form.values), preview: null }, { status: 400 });
  }
  return { ...page, errors: null, values: form.values, preview };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ['trainer']);
  const form = parseForm(regradeApplySchema, await request.formData());
  if (!form.success) return data({ ...form, applied: null }, { status: 400 });
  const result = await applyRegrade(getDb(), user, params.scenarioId ?? '', {
    ...form.data,
    unitCode: form.data.unit,
  });
  if (!result.ok) {
    if (result.status === 403 || result.status === 404) throw refusalResponse(result);
    return data(
      { success: false as const, ...asFormErrors(result, form.values), applied: null },
      { status: result.status },
    );
  }
  return { success: true as const, applied: result, values: form.values };
}

export default function RegradePage() {
  const page = useLoaderData<typeof loader>();
  if (page.kind === 'builtIn') {
    return (
      <>
        <nav className="breadcrumb">
          <Link to="/catalogue">场景目录</Link> › <span aria-current="page">重新评分</span>
        </nav>
        <h1>重新评分</h1>
        <p className="alert alert--info" role="status" data-testid="regrade-built-in">
          {page.message}
        </p>
      </>
    );
  }
  return <RegradeForm page={page} />;
}

type FormPage = Exclude<ReturnType<typeof useLoaderData<typeof loader>>, { kind: 'builtIn' }>;

function RegradeForm({ page }: { page: FormPage }) {
  const { scenario, versions, units, defaults, errors, preview, search, history } = page;
  const result = useActionData<typeof action>();
  const applying = useNavigation().state === 'submitting';
  const values = { ...defaults, ...('values' in page ? page.values : {}), ...(errors?.values ?? {}) };
  const applyErrors = result && !result.success ? result : null;
  return (
    <>
      <nav className="breadcrumb">
        <Link to="/catalogue">场景目录</Link> › <Link to={`/catalogue/${scenario.id}`}>{scenario.title}</Link> ›{' '}
        <span aria-current="page">重新评分</span>
      </nav>
      <h1>重新评分：{scenario.title}</h1>
      <p className="muted">
        按新版本的评分规则重新评定以前各版本下完成的练兵：先预览各单位分数和及格情况的变化，核对后再应用。
        练兵记录本身不变；应用后成绩改按新版本计算，练兵达标报表随之更新，并记入操作日志。
      </p>
      {result?.success ? <AppliedNotice applied={result.applied} /> : null}

      <Form method="get" className="form-card" noValidate aria-labelledby="regrade-preview-heading">
        <h2 id="regrade-preview-heading">预览范围</h2>
        <ErrorList errors={errors?.formErrors} />
        <SelectField
          label="按哪一版重新评分"
          name="toVersion"
          defaultValue={values.toVersion}
          errors={errors?.fieldErrors.toVersion}
          options={versions.map((v) => ({
            value: String(v.version),
            label: `第${v.version}版（${beijingTime(v.published_at)}发布）`,
          }))}
        />
        <SelectField
          label="单位（含下级单位）"
          name="unit"
          defaultValue={values.unit}
          errors={errors?.fieldErrors.unit}
          options={unitOptions(units)}
        />
        <Field
          label="开始日期"
          name="from"
          type="date"
          defaultValue={values.from}
          errors={errors?.fieldErrors.from}
          help="按练兵开始的日期（北京时间）"
        />
        <Field
          label="结束日期"
          name="to"
          type="date"
          defaultValue={values.to}
          errors={errors?.fieldErrors.to}
          help="含当天"
        />
        <button type="submit" className="button button--primary">
          预览
        </button>
      </Form>

      {preview ? (
        <section aria-labelledby="regrade-result-heading">
          <h2 id="regrade-result-heading">
            预览：{preview.unit.name} {preview.period.from} 至 {preview.period.to}，按第{preview.toVersion}版
          </h2>
          {preview.units.length === 0 ? (
            <p className="empty" data-testid="regrade-empty">
              这一范围内没有在第{preview.toVersion}版之前的版本下完成的练兵。
            </p>
          ) : (
            <PreviewTable preview={preview} />
          )}
          {preview.totals.regradable > 0 ? (
            <Form
              method="post"
              action={`/catalogue/${scenario.id}/regrade${search}`}
              className="form-card"
              noValidate
              aria-labelledby="regrade-apply-heading"
            >
              <h2 id="regrade-apply-heading">应用重新评分</h2>
              <ErrorList errors={applyErrors?.formErrors} />
              {Object.entries(applyErrors?.fieldErrors ?? {})
                .filter(([field]) => field !== 'confirm')
                .map(([field, messages]) => (
                  <ErrorList key={field} errors={messages} />
                ))}
              <input type="hidden" name="toVersion" value={preview.toVersion} />
              <input type="hidden" name="unit" value={preview.unit.code} />
              <input type="hidden" name="from" value={preview.period.from} />
              <input type="hidden" name="to" value={preview.period.to} />
              <input type="hidden" name="fingerprint" value={preview.fingerprint} />
              <div className="choice">
                <input
                  type="checkbox"
                  id="field-confirm"
                  name="confirm"
                  aria-invalid={applyErrors?.fieldErrors.confirm ? true : undefined}
                  aria-describedby={applyErrors?.fieldErrors.confirm ? 'field-confirm-error' : undefined}
                />
                <label htmlFor="field-confirm">
                  我已核对上述预览：{preview.totals.regradable} 人次改按第{preview.toVersion}版评分
                  {preview.totals.cannotRegrade > 0 ? `，${preview.totals.cannotRegrade} 人次无法重评、保持原成绩` : ''}
                </label>
              </div>
              <ErrorList id="field-confirm-error" errors={applyErrors?.fieldErrors.confirm} />
              <button type="submit" className="button button--primary" disabled={applying}>
                {applying ? '正在应用…' : '应用重新评分'}
              </button>
            </Form>
          ) : preview.units.length > 0 ? (
            <p className="muted" data-testid="regrade-nothing">
              没有可以重新评分的练兵记录（已重新评分过的不再列出）。
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="regrade-history-heading" id="regrade-history">
        <h2 id="regrade-history-heading">重新评分记录</h2>
        {history.length === 0 ? (
          <p className="empty">尚未应用过重新评分。</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="regrade-history">
              <thead>
                <tr>
                  <th scope="col">应用时间</th>
                  <th scope="col">操作人</th>
                  <th scope="col">范围</th>
                  <th scope="col">按版本</th>
                  <th scope="col" className="num">
                    重评人次
                  </th>
                  <th scope="col" className="num">
                    分数变化
                  </th>
                  <th scope="col" className="num">
                    新增及格
                  </th>
                  <th scope="col" className="num">
                    新增不及格
                  </th>
                  <th scope="col" className="num">
                    无法重评
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.id}>
                    <td>{beijingTime(h.applied_at)}</td>
                    <td>{h.applied_by}</td>
                    <td>
                      {h.unit_name} {h.period_from} 至 {h.period_to}
                    </td>
                    <td>第{h.to_version}版</td>
                    <td className="num">{h.totals.regradable}</td>
                    <td className="num">{h.totals.changed}</td>
                    <td className="num">{h.totals.newlyPassed}</td>
                    <td className="num">{h.totals.newlyFailed}</td>
                    <td className="num">{h.totals.cannotRegrade}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

type Preview = NonNullable<FormPage['preview']>;

function PreviewTable({ preview }: { preview: Preview }) {
  const people = (list: readonly { attemptId: number; name: string; fromScore: number; toScore: number }[]) =>
    list.length === 0 ? (
      '—'
    ) : (
      <ul className="plain-list">
        {list.map((p) => (
          <li key={p.attemptId}>
            {p.name}（{p.fromScore}→{p.toScore}分）
          </li>
        ))}
      </ul>
    );
  return (
    <div className="table-scroll">
      <table className="table table--wrap" data-testid="regrade-preview">
        <caption className="muted small">考生人次：所选范围内在旧版本下完成并评分的练兵次数</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col" className="num">
              考生人次
            </th>
            <th scope="col" className="num">
              分数变化
            </th>
            <th scope="col">新增及格</th>
            <th scope="col">新增不及格</th>
            <th scope="col">无法重评</th>
          </tr>
        </thead>
        <tbody>
          {preview.units.map((u) => (
            <tr key={u.code} data-unit={u.code}>
              <th scope="row">{u.name}</th>
              <td className="num">{u.considered}</td>
              <td className="num">{u.changed}</td>
              <td data-testid="newly-passed">{people(u.newlyPassed)}</td>
              <td data-testid="newly-failed">{people(u.newlyFailed)}</td>
              <td data-testid="cannot-regrade">
                {u.cannotRegrade.length === 0 ? (
                  '—'
                ) : (
                  <ul className="plain-list">
                    {u.cannotRegrade.map((p) => (
                      <li key={p.attemptId}>
                        {p.name}：{p.reason}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="regrade-totals">
            <th scope="row">合计</th>
            <td className="num">{preview.totals.considered}</td>
            <td className="num">{preview.totals.changed}</td>
            <td>{preview.totals.newlyPassed} 人次</td>
            <td>{preview.totals.newlyFailed} 人次</td>
            <td>{preview.totals.cannotRegrade} 人次</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function AppliedNotice({
  applied,
}: {
  applied: NonNullable<Extract<ReturnType<typeof useActionData<typeof action>>, { success: true }>['applied']>;
}) {
  if (applied.moved === 0) {
    return (
      <p className="notice" role="status" data-testid="regrade-applied">
        这些练兵记录已经重新评分过，没有再作改动。
      </p>
    );
  }
  const t = applied.totals;
  return (
    <div className="notice" role="status" data-testid="regrade-applied">
      <p>
        已重新评分：{applied.moved} 人次改按新版本评分，其中分数变化 {t.changed} 人次，新增及格 {t.newlyPassed}{' '}
        人次，新增不及格 {t.newlyFailed} 人次
        {t.cannotRegrade > 0 ? `；${t.cannotRegrade} 人次无法重评，保持原成绩` : ''}。已记入操作日志。
      </p>
      <p>
        练兵达标报表（掌握程度、及格人次、常见失分项）已按新成绩更新，分管领导可在“练兵达标”中查看；本次的范围和人次见
        <a href="#regrade-history">重新评分记录</a>。
      </p>
    </div>
  );
}
