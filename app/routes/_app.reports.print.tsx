import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { getReadinessReportForQuery } from '../models/readiness.server';
import { LEVEL_LABELS } from '../ui/readiness-table';
import { getDb } from '../utils/db.server';
import { beijingTime } from '../utils/format';

export const meta: MetaFunction = () => [{ title: '练兵达标情况（打印版） · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const { report } = await getReadinessReportForQuery(getDb(), user.unit, new URL(request.url).searchParams);
  return { scopeName: user.unit.name, report, printedAt: new Date().toISOString() };
}

/** A print view: the table on A4 landscape without navigation, filters or links. */
export default function ReportPrint() {
  const { scopeName, report, printedAt } = useLoaderData<typeof loader>();
  return (
    <div className="report-print">
      <p className="no-print report-actions">
        <Link to="/reports" className="button">
          返回报表
        </Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          打印
        </button>
      </p>
      <h1>{scopeName}各执法单位练兵达标情况</h1>
      <p className="small">
        统计周期 {report.period.from} 至 {report.period.to}；系统数据：{report.year ? `${report.year} 年` : '未导入'}
        ；打印时间 {beijingTime(printedAt)}
      </p>
      <table className="print-table" data-testid="print-table">
        <thead>
          <tr>
            <th>单位</th>
            <th>在册</th>
            <th>参训率</th>
            <th>熟练掌握</th>
            <th>平均最高分</th>
            <th>达标等级</th>
            <th>系统检查次数</th>
            <th>覆盖情况</th>
            <th>系统参与率</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.code} className={r.bottomRanked ? 'row-bottom' : undefined}>
              <td>
                {r.name}
                {r.bottomRanked ? '（排名靠后）' : ''}
              </td>
              <td>{r.officers}</td>
              <td>{r.participationPct.toFixed(1)}%</td>
              <td>
                {r.proficient}（{r.proficientPct.toFixed(1)}%）
              </td>
              <td>{r.avgBestScore ?? '—'}</td>
              <td>{LEVEL_LABELS[r.level]}</td>
              <td>{r.real ? r.real.inspections : '—'}</td>
              <td>{r.real ? (r.real.coverageInsufficient ? '覆盖不足' : '覆盖达标') : '未导入'}</td>
              <td>{r.real ? `${r.real.realParticipationPct.toFixed(1)}%` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>培训优先顺序</h2>
      <ol>
        {report.priority.map((r) => (
          <li key={r.code}>
            {r.name}：{r.real?.coverageInsufficient ? '系统覆盖不足，' : ''}熟练掌握率 {r.proficientPct.toFixed(1)}
            %，参训率 {r.participationPct.toFixed(1)}%
          </li>
        ))}
      </ol>
    </div>
  );
}
