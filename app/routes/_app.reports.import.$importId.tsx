import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import {
  commitImport,
  discardImport,
  getImport,
  IMPORT_PAGE_SIZE,
  saveImportChoices,
  type ReplacementPreview,
} from '../models/statistics-import.server';
import { ErrorList } from '../ui/field';
import { getDb } from '../utils/db.server';
import { parseForm } from '../utils/forms';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';
import { MAX_STATISTICS_ROWS, SKIP_ROW, statisticsMappingSchema } from '../validation/statistics';

export const meta: MetaFunction = () => [{ title: '核对导入 · 执法练兵平台' }];

const pageParam = (request: Request) => {
  const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 ? page : 1;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const pending = await getImport(getDb(), user, requireIdParam(params.importId, '导入记录'), pageParam(request));
  invariantResponse(pending, '导入记录不存在', { status: 404 });
  return pending;
}

type ActionResult = {
  errors: string[];
  fieldErrors: Record<string, string | undefined>;
  mapping: Record<string, string>;
  confirm?: ReplacementPreview;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const importId = requireIdParam(params.importId, '导入记录');
  const page = pageParam(request);
  const form = parseForm(statisticsMappingSchema, await request.formData());
  // An empty select is posted too: it clears a choice kept from before.
  const mapping = Object.fromEntries(Object.entries(form.values).filter(([k]) => /^row-\d+$/.test(k)));
  if (!form.success) {
    const fieldErrors = Object.fromEntries(Object.entries(form.fieldErrors).map(([k, v]) => [k, v?.[0]]));
    const errors = [...form.formErrors, ...(form.fieldErrors.replaces ?? [])];
    return data<ActionResult>(
      { errors: errors.length > 0 ? errors : ['提交的内容无效，未导入任何数据'], fieldErrors, mapping },
      { status: 400 },
    );
  }
  const db = getDb();
  // A page button carries only `goto`: save this page's choices, then show that page.
  const intent = form.data.intent ?? (form.data.goto ? 'save' : undefined);
  if (!intent) return data<ActionResult>({ errors: ['未知的操作'], fieldErrors: {}, mapping }, { status: 400 });
  if (intent === 'discard') {
    invariantResponse(await discardImport(db, user, importId), '该导入已处理，不能放弃', { status: 409 });
    throw redirect('/reports');
  }
  if (intent === 'save' || intent === 'skipUndecided') {
    const saved = await saveImportChoices(db, user, importId, { mapping, skipUndecided: intent === 'skipUndecided' });
    invariantResponse(saved, '该导入已处理或不能导入，选择未保存', { status: 409 });
    throw redirect(`/reports/import/${importId}?page=${form.data.goto ?? page}`);
  }
  const result = await commitImport(db, user, importId, { mapping, replaces: form.data.replaces });
  if (result.ok) throw redirect(`/reports?imported=${result.imported}`);
  // The preview is not an error: the figures are shown and the manager decides.
  if ('confirm' in result) return data<ActionResult>({ errors: [], fieldErrors: {}, mapping, confirm: result.confirm });
  // Only this page's rows carry their message; the summary names the other pages.
  const onPage = (field: string) => Math.floor(Number(field.slice('row-'.length)) / IMPORT_PAGE_SIZE) + 1 === page;
  const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).filter(([field]) => onPage(field)));
  return data<ActionResult>({ errors: result.errors, fieldErrors, mapping }, { status: 400 });
}

export default function ImportReview() {
  const pending = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const open = pending.status === 'pending';
  const unmatched = pending.rowCount - pending.matched;
  if (failed?.confirm && open)
    return <ConfirmReplacement preview={failed.confirm} mapping={failed.mapping} fileName={pending.fileName} />;
  const formAction = `/reports/import/${pending.id}?page=${pending.page}`;
  return (
    <>
      <p className="page-kicker">
        <Link to="/reports">练兵达标情况</Link> › <Link to="/reports/import">导入系统统计</Link> › 核对
      </p>
      <h1>
        核对导入：{pending.fileName}（{pending.periodYear} 年）
      </h1>
      {!open ? (
        <p className="notice">
          {pending.status === 'committed' ? '该文件已导入。' : '该导入已放弃，已导入的数据未改变。'}
        </p>
      ) : pending.oversized ? (
        <p className="notice" data-testid="import-summary">
          该导入有 {pending.rowCount} 行，超过每次最多 {MAX_STATISTICS_ROWS}{' '}
          行的上限，不能导入。请放弃后，只导出各单位的统计表重新上传。
        </p>
      ) : (
        <p className="lead" data-testid="import-summary">
          共 {pending.rowCount} 行，已按单位名称对应 {pending.matched} 行
          {unmatched > 0
            ? `，还有 ${unmatched} 行需要选择对应的县级执法单位（尚未选择 ${pending.undecided} 行；选择会被记住，下次自动对应），合计行、市级汇总行等请选择“不导入此行”`
            : ''}
          。确认后一次性导入全部数据；该年度已有数据时，会先列出变化，确认后才替换。
        </p>
      )}
      {open && pending.pages > 1 && pending.pagesToDecide.length > 0 ? (
        <p data-testid="pages-to-decide">
          尚未选择的行在第 {pending.pagesToDecide.join('、')} 页；翻页时本页的选择会保存。
        </p>
      ) : null}
      <ErrorList errors={failed?.errors} />
      <Form method="post" action={formAction}>
        {pending.oversized ? null : (
          <div className="table-scroll">
            <table className="table" data-testid="import-rows">
              <thead>
                <tr>
                  <th scope="col">行</th>
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
                  const field = `row-${row.index}`;
                  const error = failed?.fieldErrors[field];
                  return (
                    <tr key={row.index} className={row.unit ? undefined : 'row-miss'}>
                      <td className="num">{row.index + 1}</td>
                      <td>{row.unitName}</td>
                      <td>
                        {row.unit ? (
                          row.unit.name
                        ) : pending.status === 'committed' ? (
                          '未导入（已选择不导入此行）'
                        ) : open ? (
                          <>
                            <select
                              key={row.choice ?? ''}
                              name={field}
                              aria-label={`“${row.unitName}”对应的单位`}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={error ? `${field}-error` : undefined}
                              defaultValue={row.choice ?? ''}
                            >
                              <option value="">请选择县级执法单位</option>
                              <option value={SKIP_ROW}>不导入此行（合计、汇总或非本辖区的行）</option>
                              {pending.unitGroups.map((g) => (
                                <optgroup key={g.label} label={g.label}>
                                  {g.units.map((u) => (
                                    <option key={u.code} value={u.code}>
                                      {u.name}
                                    </option>
                                  ))}
                                </optgroup>
                              ))}
                            </select>
                            <ErrorList id={`${field}-error`} errors={error ? [error] : undefined} />
                          </>
                        ) : (
                          '—'
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
        )}
        <Pager page={pending.page} pages={pending.pages} open={open && !pending.oversized} importId={pending.id} />
        {open ? (
          <p className="report-actions">
            {pending.oversized ? null : (
              <button type="submit" name="intent" value="commit" className="button button--primary">
                确认导入
              </button>
            )}
            {!pending.oversized && pending.undecided > 0 ? (
              <button type="submit" name="intent" value="skipUndecided" className="button">
                其余未选择的行都不导入
              </button>
            ) : null}
            <button type="submit" name="intent" value="discard" className="button">
              放弃
            </button>
          </p>
        ) : null}
      </Form>
    </>
  );
}

/** The first, last and nearby pages (never one link per page of a long import). */
function pageNumbers(page: number, pages: number): number[] {
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
  return [...shown].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
}

/**
 * Pages of the review. While the import is open, moving to another page is a submit button, so that
 * this page's choices are saved first (it works without JavaScript); otherwise plain links.
 */
function Pager({ page, pages, open, importId }: { page: number; pages: number; open: boolean; importId: number }) {
  if (pages <= 1) return null;
  const numbers = pageNumbers(page, pages);
  const go = (to: number, label: string, rel?: string) =>
    open ? (
      <button
        type="submit"
        name="goto"
        value={to}
        formNoValidate
        className="button button--small"
        aria-label={rel ? `${label}（第 ${to} 页）` : `第 ${to} 页`}
      >
        {label}
      </button>
    ) : (
      <Link
        to={`/reports/import/${importId}?page=${to}`}
        className="button button--small"
        aria-label={rel ? `${label}（第 ${to} 页）` : `第 ${to} 页`}
      >
        {label}
      </Link>
    );
  return (
    <nav className="pager pager--pages" aria-label="分页" data-testid="import-pager">
      {page > 1 ? go(page - 1, '上一页', 'prev') : null}
      {numbers.map((n, i) => (
        <span key={n}>
          {i > 0 && n - numbers[i - 1]! > 1 ? '… ' : null}
          {n === page ? (
            <span aria-current="page" className="pager__current">
              {n}
            </span>
          ) : (
            go(n, String(n))
          )}
        </span>
      ))}
      {page < pages ? go(page + 1, '下一页', 'next') : null}
      <span className="pager__status">
        第 {page} / {pages} 页
      </span>
    </nav>
  );
}

/** The re-import preview: per unit, each figure that changes (old → new); replacing needs a second POST. */
function ConfirmReplacement({
  preview,
  mapping,
  fileName,
}: {
  preview: ReplacementPreview;
  mapping: Record<string, string>;
  fileName: string;
}) {
  const changed = preview.units.filter((u) => u.status === 'changed');
  const same = preview.units.filter((u) => u.status === 'same');
  const added = preview.units.filter((u) => u.status === 'new');
  return (
    <>
      <p className="page-kicker">
        <Link to="/reports">练兵达标情况</Link> › <Link to="/reports/import">导入系统统计</Link> › 确认替换
      </p>
      <h1>确认替换 {preview.year} 年的系统数据</h1>
      {preview.stale ? (
        <ErrorList errors={['该年度的数据在您核对后被其他导入更新过，请按下面最新的对比重新确认']} />
      ) : null}
      <p className="lead" data-testid="replace-summary">
        {preview.year} 年已导入过系统数据。导入“{fileName}”将替换 {changed.length + same.length} 个单位的数据：
        {changed.length} 个单位有变化，
        {same.length} 个单位无变化{added.length > 0 ? `，另有 ${added.length} 个单位为新增` : ''}
        。确认之前不会改变任何数据。
      </p>
      {changed.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="replace-changes">
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">项目</th>
                <th scope="col" className="num">
                  原数据
                </th>
                <th scope="col" className="num">
                  新数据
                </th>
              </tr>
            </thead>
            <tbody>
              {changed.flatMap((u) =>
                u.changes.map((c, i) => (
                  <tr key={`${u.unitName}-${c.header}`}>
                    {i === 0 ? (
                      <th scope="rowgroup" rowSpan={u.changes.length}>
                        {u.unitName}
                      </th>
                    ) : null}
                    <td>{c.header}</td>
                    <td className="num">{c.before}</td>
                    <td className="num">{c.after}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="notice">新文件与已导入的数据完全相同。</p>
      )}
      {same.length > 0 ? <p>无变化：{same.map((u) => u.unitName).join('、')}</p> : null}
      {added.length > 0 ? <p>新增：{added.map((u) => u.unitName).join('、')}</p> : null}
      {preview.kept.length > 0 ? <p>文件中没有、保留原数据：{preview.kept.join('、')}</p> : null}
      {preview.skipped.length > 0 ? <p>不导入的行：{preview.skipped.join('、')}</p> : null}
      <Form method="post">
        <input type="hidden" name="replaces" value={preview.basis} />
        {Object.entries(mapping).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <p className="report-actions">
          <button type="submit" name="intent" value="commit" className="button button--primary">
            确认替换
          </button>
          <button type="submit" name="intent" value="discard" className="button">
            取消，保留原数据
          </button>
        </p>
      </Form>
    </>
  );
}
