import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { changeAssignment } from '../models/assignment/commands.server';
import { getAssignmentFollowUp, listAssignmentAudit, reachOf } from '../models/assignment/follow-up.server';
import { requireRole } from '../models/auth.server';
import {
  AssignmentStatus,
  ASSIGNMENT_STATUS_LABELS,
  beijingTime,
  CompetitionBadge,
  CompetitionRanking,
  PHASE_LABELS,
  Ratio,
} from '../ui/assignment';
import { ModeBadge } from '../ui/drill';
import { ErrorList, Field, SelectField } from '../ui/field';
import { getDb } from '../utils/db.server';
import { parseForm, refusal } from '../utils/forms';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';
import { assignmentActionSchema, followUpQuerySchema, toBeijingInput } from '../validation/assignment';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.followUp.assignment.title ?? '练兵任务'} · 任务跟踪 · 执法练兵平台` },
];

const VIEWERS = ['trainer', 'manager', 'admin'] as const;
const MANAGERS = ['trainer', 'admin'] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, VIEWERS);
  const id = requireIdParam(params.assignmentId, '练兵任务');
  const url = new URL(request.url);
  const query = followUpQuerySchema.parse(Object.fromEntries(url.searchParams));
  const db = getDb();
  const reach = reachOf(user.role);
  const followUp = await getAssignmentFollowUp(db, user.unit, id, query, new Date(), reach);
  invariantResponse(followUp, '练兵任务不存在或不在您的管辖范围内', { status: 404 });
  return {
    followUp,
    history: await listAssignmentAudit(db, id, reach === 'covered' ? user.unit : undefined),
    canManage: (MANAGERS as readonly string[]).includes(user.role),
    scopeName: user.unit.name,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, MANAGERS);
  const id = requireIdParam(params.assignmentId, '练兵任务');
  const form = parseForm(assignmentActionSchema, await request.formData());
  if (!form.success) return data({ ...form, intent: form.values.intent ?? null, message: null }, { status: 400 });
  const result = await changeAssignment(getDb(), user, id, form.data);
  if (!result.ok)
    return data(
      { ...refusal(result, form.values), intent: form.data.intent, message: null },
      { status: result.status ?? 400 },
    );
  return {
    success: true as const,
    intent: form.data.intent,
    message: result.message,
    fieldErrors: {},
    formErrors: [],
    values: {},
  };
}

const AUDIT_LABELS: Record<string, string> = {
  'assignment.create': '布置任务',
  'assignment.extend': '延期',
  'assignment.remind': '发送提醒',
  'assignment.close': '关闭任务',
  'assignment.autoRemind': '自动提醒',
};

function auditText(action: string, detailJson: string) {
  const d = JSON.parse(detailJson) as Record<string, unknown>;
  if (action === 'assignment.extend') {
    const who =
      d.scope === 'all' ? '全部' : d.scope === 'unit' ? `单位 ${String(d.unit)}` : `执法人员 ${String(d.username)}`;
    const from = typeof d.from === 'string' ? `由 ${beijingTime(d.from)} ` : '';
    return `${who}：${from}延至 ${beijingTime(String(d.to))}；原因：${String(d.reason)}`;
  }
  if (action === 'assignment.remind' || action === 'assignment.autoRemind')
    return d.recipients === undefined
      ? String(d.message)
      : `提醒 ${String(d.recipients)} 人${action === 'assignment.autoRemind' ? `（截止前 ${String(d.daysBefore)} 天）` : ''}：${String(d.message)}`;
  return '';
}

export default function AssignmentFollowUp() {
  const { followUp, history, canManage, scopeName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { assignment: a, totals, units, officers, overdue, ranking } = followUp;
  const errorsFor = (intent: string) => (result && !result.success && result.intent === intent ? result : undefined);
  const extendErrors = errorsFor('extend');
  const pages = Math.max(1, Math.ceil(officers.total / officers.pageSize));
  const pageLink = (page: number) => {
    const next = new URLSearchParams(searchParams);
    next.set('page', String(page));
    return `?${next}`;
  };
  return (
    <>
      <nav className="breadcrumb">
        <Link to="/assignments">练兵任务</Link> › <span aria-current="page">{a.title}</span>
      </nav>
      {searchParams.get('created') ? <p className="notice">练兵任务已布置。</p> : null}
      {result?.success ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}
      {/* The extension and reminder forms show their own refusals beside their buttons. */}
      <ErrorList
        errors={
          result && !result.success && result.intent !== 'extend' && result.intent !== 'remind'
            ? result.formErrors
            : undefined
        }
      />
      <h1>
        {a.title} {a.isCompetition ? <CompetitionBadge /> : null}
      </h1>
      {followUp.readOnly ? (
        <p className="notice" data-testid="read-only-scope">
          本任务由{a.ownerUnitName}布置。以下只显示{scopeName}及下属单位的完成情况（只读）。
        </p>
      ) : null}
      <p className="no-print">
        <a className="button" href={`/assignments/${a.id}/export.xlsx`} download>
          导出 Excel
        </a>{' '}
        <Link className="button" to={`/assignments/${a.id}/print`}>
          打印版
        </Link>
      </p>
      <dl className="facts" data-testid="assignment-facts">
        <div>
          <dt>方式</dt>
          <dd>
            <ModeBadge mode={a.mode} />
          </dd>
        </div>
        <div>
          <dt>状态</dt>
          <dd data-testid="assignment-phase">{a.closedAt ? '已关闭' : PHASE_LABELS[a.phase]}</dd>
        </div>
        <div>
          <dt>开始</dt>
          <dd>{beijingTime(a.opensAt)}</dd>
        </div>
        <div>
          <dt>截止</dt>
          <dd data-testid="assignment-due">{beijingTime(a.dueAt)}</dd>
        </div>
        <div>
          <dt>合格分数线</dt>
          <dd>{a.passMark}</dd>
        </div>
        <div>
          <dt>允许次数</dt>
          <dd>{a.attemptsAllowed}</dd>
        </div>
        <div>
          <dt>自动提醒</dt>
          <dd data-testid="remind-days-before">
            {a.remindDaysBefore > 0 ? `截止前 ${a.remindDaysBefore} 天` : '不自动提醒'}
          </dd>
        </div>
        {a.isCompetition ? (
          <div>
            <dt>比武案例种子</dt>
            <dd data-testid="competition-seed">{a.competitionSeed ?? '开放后公布'}</dd>
          </div>
        ) : null}
      </dl>
      <p>
        场景：
        {followUp.scenarios.map((s, i) => (
          <span key={s.id}>
            {i > 0 ? '、' : ''}
            <Link to={`/catalogue/${s.id}`}>{s.title}</Link>
          </span>
        ))}
        <br />
        对象：
        {followUp.targets.map((t, i) => (
          <span key={i}>
            {i > 0 ? '、' : ''}
            {t.kind === 'unit' ? t.name : `${t.name}（${t.unitName}）`}
          </span>
        ))}
        {a.note ? (
          <>
            <br />
            说明：{a.note}
          </>
        ) : null}
      </p>

      <section>
        <h2>完成情况</h2>
        <dl className="facts" data-testid="assignment-totals">
          <div>
            <dt>应参加</dt>
            <dd data-testid="total-covered">{totals.covered}</dd>
          </div>
          <div>
            <dt>已完成</dt>
            <dd data-testid="total-completed">
              <Ratio part={totals.completed} whole={totals.covered} rate={totals.completionRate} />
            </dd>
          </div>
          <div>
            <dt>合格</dt>
            <dd data-testid="total-passed">
              <Ratio part={totals.passed} whole={totals.covered} rate={totals.passRate} />
            </dd>
          </div>
          <div>
            <dt>已逾期</dt>
            <dd data-testid="total-overdue">{totals.overdue}</dd>
          </div>
          <div>
            <dt>平均得分（已完成）</dt>
            <dd data-testid="total-avg">{totals.avgScore ?? '—'}</dd>
          </div>
        </dl>
        <h3>按单位</h3>
        <div className="table-scroll">
          <table className="table" data-testid="unit-progress">
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col" className="num">
                  应参加
                </th>
                <th scope="col" className="num">
                  已完成（完成率）
                </th>
                <th scope="col" className="num">
                  合格（合格率）
                </th>
                <th scope="col" className="num">
                  逾期
                </th>
                <th scope="col" className="num">
                  平均得分
                </th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.code} data-unit={u.code}>
                  <td>
                    <Link to={`?unit=${u.code}`}>{u.name}</Link>
                    {u.parent_name ? <span className="muted small">（{u.parent_name}）</span> : null}
                  </td>
                  <td className="num">{u.covered}</td>
                  <td className="num">
                    <Ratio part={u.completed} whole={u.covered} rate={u.completionRate} />
                  </td>
                  <td className="num">
                    <Ratio part={u.passed} whole={u.covered} rate={u.passRate} />
                  </td>
                  <td className="num">{u.overdue}</td>
                  <td className="num">{u.avg_score ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section>
        <h2 id="officers">按执法人员</h2>
        <Form method="get" className="filters">
          <label>
            单位
            <select name="unit" defaultValue={officers.unit ?? ''}>
              <option value="">全部单位</option>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            状态
            <select name="status" defaultValue={officers.status}>
              <option value="all">全部</option>
              <option value="notDone">未完成</option>
              <option value="overdue">已逾期</option>
              <option value="passed">已合格</option>
            </select>
          </label>
          <button type="submit" className="button">
            筛选
          </button>
        </Form>
        <p className="muted small">共 {officers.total} 人</p>
        <OfficerTable rows={officers.rows} testId="officer-progress" />
        {pages > 1 ? (
          <nav className="pager" aria-label="分页">
            {officers.page > 1 ? <Link to={pageLink(officers.page - 1)}>上一页</Link> : <span />}
            <span>
              第 {officers.page} / {pages} 页
            </span>
            {officers.page < pages ? <Link to={pageLink(officers.page + 1)}>下一页</Link> : <span />}
          </nav>
        ) : null}
      </section>

      <section>
        <h2>逾期名单</h2>
        {overdue.total === 0 ? (
          <p className="empty">没有逾期未完成的执法人员。</p>
        ) : (
          <>
            <p className="muted small">
              共 {overdue.total} 人
              {overdue.total > overdue.rows.length
                ? `，显示前 ${overdue.rows.length} 人（可按单位筛选上表查看全部）`
                : ''}
            </p>
            <OfficerTable rows={overdue.rows} testId="overdue-list" />
          </>
        )}
      </section>

      {ranking ? (
        <section data-testid="ranking">
          <h2>比武排名</h2>
          <p className="muted small">
            个人按得分从高到低，同分用时（开始至交卷，超时的按限时计）短者在前；单位按全体应参加人员的平均分（未参加计 0
            分），同分平均用时短者在前。
            {followUp.readOnly ? `只列出${scopeName}及下属单位的选手，名次为其中的名次。` : ''}
          </p>
          <CompetitionRanking ranking={ranking} />
        </section>
      ) : a.isCompetition ? (
        <p className="empty">比武排名在比武结束（截止或关闭）后公布。</p>
      ) : null}

      {canManage && !a.closedAt ? (
        <section className="follow-up-actions">
          <h2>任务管理</h2>
          <Form method="post" className="form-card" noValidate>
            <h3>延长截止时间</h3>
            <input type="hidden" name="intent" value="extend" />
            <input type="hidden" name="version" value={a.version} />
            <ErrorList errors={extendErrors?.formErrors} />
            <SelectField
              label="延期范围"
              name="scope"
              defaultValue={extendErrors?.values.scope ?? 'all'}
              errors={extendErrors?.fieldErrors.scope}
              options={[
                { value: 'all', label: '整个任务' },
                { value: 'unit', label: '一个单位' },
                { value: 'officer', label: '一名执法人员' },
              ]}
            />
            <SelectField
              label="单位（按单位延期时）"
              name="unitCode"
              defaultValue={extendErrors?.values.unitCode ?? ''}
              errors={extendErrors?.fieldErrors.unitCode}
              placeholder="请选择单位"
              options={units.map((u) => ({ value: u.code, label: u.name }))}
            />
            <Field
              label="执法人员用户名（按人延期时）"
              name="username"
              defaultValue={extendErrors?.values.username}
              errors={extendErrors?.fieldErrors.username}
            />
            <Field
              label="新的截止时间"
              name="dueAt"
              type="datetime-local"
              defaultValue={
                extendErrors?.values.dueAt ??
                toBeijingInput(new Date(Date.parse(a.dueAt) + 3 * 24 * 60 * 60 * 1000).toISOString())
              }
              errors={extendErrors?.fieldErrors.dueAt}
              help="北京时间"
            />
            <Field
              label="延期原因"
              name="reason"
              defaultValue={extendErrors?.values.reason}
              errors={extendErrors?.fieldErrors.reason}
              help="记入操作日志"
            />
            <button type="submit" className="button button--primary">
              延期
            </button>
          </Form>
          <Form method="post" className="form-card" noValidate>
            <h3>提醒未完成人员</h3>
            <input type="hidden" name="intent" value="remind" />
            <ErrorList errors={errorsFor('remind')?.formErrors} />
            <Field
              label="提醒内容"
              name="message"
              errors={errorsFor('remind')?.fieldErrors.message}
              help="不填则使用默认内容（截止时间和任务名称）"
            />
            <button type="submit" className="button">
              发送提醒（{totals.covered - totals.completed} 人）
            </button>
          </Form>
          <Form method="post" className="form-card">
            <h3>关闭任务</h3>
            <input type="hidden" name="intent" value="close" />
            <p className="muted small">关闭后不能再开始练兵{a.isCompetition ? '，并公布比武排名' : ''}。</p>
            <button type="submit" className="button button--danger">
              关闭任务
            </button>
          </Form>
        </section>
      ) : null}

      <section>
        <h2>操作记录</h2>
        <ul className="plain-list" data-testid="assignment-history">
          {history.map((h) => (
            <li key={h.id}>
              {beijingTime(h.created_at)} · {h.actor_name ?? '—'} · {AUDIT_LABELS[h.action] ?? h.action}
              {auditText(h.action, h.detail) ? `：${auditText(h.action, h.detail)}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function OfficerTable({
  rows,
  testId,
}: {
  rows: {
    user_id: number;
    username: string;
    display_name: string;
    unit_name: string;
    started: number;
    score: number | null;
    due_at: string;
    status: keyof typeof ASSIGNMENT_STATUS_LABELS;
  }[];
  testId: string;
}) {
  if (rows.length === 0) return <p className="empty">没有符合条件的执法人员。</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">用户名</th>
            <th scope="col">单位</th>
            <th scope="col" className="num">
              已开始次数
            </th>
            <th scope="col" className="num">
              得分
            </th>
            <th scope="col">截止</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.user_id} data-username={r.username}>
              <td>{r.display_name}</td>
              <td>{r.username}</td>
              <td>{r.unit_name}</td>
              <td className="num">{r.started}</td>
              <td className="num">{r.score ?? '—'}</td>
              <td>{beijingTime(r.due_at)}</td>
              <td>
                <AssignmentStatus status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
