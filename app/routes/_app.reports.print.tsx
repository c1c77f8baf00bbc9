import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { SKILL_LABELS } from '../../scenarios/types';
import { requireRole } from '../models/auth.server';
import { getReadinessReportForQuery } from '../models/readiness.server';
import { PrintButton } from '../ui/print-button';
import { COVERAGE_LABEL, LEVEL_LABELS } from '../ui/readiness-table';
import { getDb } from '../utils/db.server';
import { beijingTime } from '../utils/format';
import { parseColumnGroups } from '../validation/report-columns';

export const meta: MetaFunction = () => [{ title: '练兵达标情况（打印版） · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const searchParams = new URL(request.url).searchParams;
  const { report } = await getReadinessReportForQuery(getDb(), user.unit, searchParams);
  return {
    scopeName: user.unit.name,
    report,
    groups: parseColumnGroups(searchParams),
    query: searchParams.toString(),
    printedAt: new Date().toISOString(),
  };
}

const SKILLS = Object.keys(SKILL_LABELS) as (keyof typeof SKILL_LABELS)[];

/** A print view: the table on A4 landscape without navigation, filters or links; the verdict first. */
export default function ReportPrint() {
  const { scopeName, report, groups, query, printedAt } = useLoaderData<typeof loader>();
  const show = (g: (typeof groups)[number]) => groups.includes(g);
  return (
    <div className="report-print">
      <p className="no-print report-actions">
        <Link to={`/reports?${query}`} className="button">
          返回报表
        </Link>
        <PrintButton />
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
            <th>达标等级</th>
            <th>逾期任务</th>
            <th>覆盖情况</th>
            {show('drill') ? (
              <>
                <th>在册</th>
                <th>参训率</th>
                <th>熟练掌握</th>
                <th>平均最高分</th>
              </>
            ) : null}
            {show('skills') ? SKILLS.map((s) => <th key={s}>{SKILL_LABELS[s]}</th>) : null}
            {show('real') ? (
              <>
                <th>系统检查次数</th>
                <th>系统参与率</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.code} className={r.bottomRanked ? 'row-bottom' : undefined}>
              <td>
                {r.name}
                {r.bottomRanked ? '（排名靠后）' : ''}
              </td>
              <td>{LEVEL_LABELS[r.level]}</td>
              <td>{r.overdue}</td>
              <td>{COVERAGE_LABEL(r)}</td>
              {show('drill') ? (
                <>
                  <td>{r.officers}</td>
                  <td>{r.participationPct.toFixed(1)}%</td>
                  <td>
                    {r.proficient}（{r.proficientPct.toFixed(1)}%）
                  </td>
                  <td>{r.avgBestScore ?? '—'}</td>
                </>
              ) : null}
              {show('skills') ? SKILLS.map((s) => <td key={s}>{r.masteryPct[s].toFixed(1)}%</td>) : null}
              {show('real') ? (
                <>
                  <td>{r.real ? r.real.inspections : '—'}</td>
                  <td>{r.real ? `${r.real.realParticipationPct.toFixed(1)}%` : '—'}</td>
                </>
              ) : null}
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
