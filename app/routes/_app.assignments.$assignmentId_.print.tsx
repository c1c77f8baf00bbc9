import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getFollowUpForExport, reachOf } from '../models/assignment/follow-up.server';
import { requireRole } from '../models/auth.server';
import { ASSIGNMENT_STATUS_LABELS, PHASE_LABELS } from '../ui/assignment';
import { getDb } from '../utils/db.server';
import { beijingTime } from '../utils/format';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.view.assignment.title ?? '练兵任务'} · 完成情况（打印版） · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['trainer', 'manager', 'admin']);
  const id = requireIdParam(params.assignmentId, '练兵任务');
  const view = await getFollowUpForExport(getDb(), user.unit, id, new Date(), reachOf(user.role));
  invariantResponse(view, '练兵任务不存在或不在您的管辖范围内', { status: 404 });
  return { view, scopeName: user.unit.name, printedAt: new Date().toISOString() };
}

/** The follow-up on A4 (portrait): figures, per unit and every officer, without navigation or forms. */
export default function AssignmentPrint() {
  const { view, scopeName, printedAt } = useLoaderData<typeof loader>();
  const { assignment: a, totals } = view;
  return (
    <div className="report-print assignment-print">
      <p className="no-print report-actions">
        <Link to={`/assignments/${a.id}`} className="button">
          返回任务跟踪
        </Link>{' '}
        <span className="muted small">用浏览器的“打印”（Ctrl+P）打印本页，A4 纵向。</span>
      </p>
      <h1>{a.title} 完成情况</h1>
      <p className="small">
        布置单位 {a.ownerUnitName}；统计范围 {scopeName}
        {view.readOnly ? '及下属单位' : ''}；{beijingTime(a.opensAt)} 至 {beijingTime(a.dueAt)}（
        {a.closedAt ? '已关闭' : PHASE_LABELS[a.phase]}）；合格分数线 {a.passMark}；打印时间 {beijingTime(printedAt)}
      </p>
      <p className="small">场景：{view.scenarios.map((s) => s.title).join('、')}</p>
      <p data-testid="print-totals">
        应参加 {totals.covered} 人，已完成 {totals.completed} 人（{totals.completionRate}%），合格 {totals.passed} 人（
        {totals.passRate}%），已逾期 {totals.overdue} 人，平均得分 {totals.avgScore ?? '—'}。
      </p>
      <h2>按单位</h2>
      <table className="print-table" data-testid="print-units">
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">应参加</th>
            <th scope="col">已完成（完成率）</th>
            <th scope="col">合格（合格率）</th>
            <th scope="col">逾期</th>
            <th scope="col">平均得分</th>
          </tr>
        </thead>
        <tbody>
          {view.units.map((u) => (
            <tr key={u.code} data-unit={u.code}>
              <td>{u.name}</td>
              <td>{u.covered}</td>
              <td>
                {u.completed}（{u.completionRate}%）
              </td>
              <td>
                {u.passed}（{u.passRate}%）
              </td>
              <td>{u.overdue}</td>
              <td>{u.avg_score ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>按执法人员</h2>
      <table className="print-table" data-testid="print-officers">
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">姓名</th>
            <th scope="col">用户名</th>
            <th scope="col">状态</th>
            <th scope="col">最高得分</th>
            <th scope="col">练兵次数</th>
            <th scope="col">最近练兵</th>
            <th scope="col">截止时间</th>
          </tr>
        </thead>
        <tbody>
          {view.allOfficers.map((o) => (
            <tr key={o.user_id} data-username={o.username}>
              <td>{o.unit_name}</td>
              <td>{o.display_name}</td>
              <td>{o.username}</td>
              <td>{ASSIGNMENT_STATUS_LABELS[o.status]}</td>
              <td>{o.score ?? '—'}</td>
              <td>{o.started}</td>
              <td>{o.last_attempt_at ? beijingTime(o.last_attempt_at) : '—'}</td>
              <td>{beijingTime(o.due_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
