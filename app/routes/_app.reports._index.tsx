import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { lineChartSvg } from '../ui/charts.server';
import { getProficiencyTrend, getReadinessReportForQuery } from '../models/readiness.server';
import { ColumnGroupPicker, GROUP_LABELS, LEVEL_LABELS, ReadinessTable } from '../ui/readiness-table';
import { getDb } from '../utils/db.server';
import { beijingTime } from '../utils/format';
import {
  COVERAGE_MIN_INSPECTIONS,
  DRILLED_PARTICIPATION_PCT,
  MASTERY_WINDOW_DAYS,
  READINESS_THRESHOLDS,
} from '../utils/readiness-rules';
import { parseColumnGroups } from '../validation/report-columns';
import type { ReadinessSortKey } from '../validation/reports';

export const meta: MetaFunction = () => [{ title: '练兵达标情况 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const db = getDb();
  const searchParams = new URL(request.url).searchParams;
  const [result, trend] = await Promise.all([
    getReadinessReportForQuery(db, user.unit, searchParams),
    getProficiencyTrend(db, user.unit),
  ]);
  const chart = lineChartSvg({
    categories: trend.weeks,
    series: trend.series.map((s) => ({ name: s.name, values: s.pct })),
    yAxisName: '熟练掌握率',
  });
  return {
    scope: { name: user.unit.name, level: user.unit.level },
    ...result,
    columnGroups: parseColumnGroups(searchParams),
    trend,
    chart,
  };
}

const PERIODS = { week: '本周', month: '本月', year: '本年', custom: '自定义' } as const;

export default function ReportsPage() {
  const { scope, query, periodError, report, columnGroups, trend, chart } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const sortHref = (sort: ReadinessSortKey, dir: 'asc' | 'desc') => {
    const params = new URLSearchParams(searchParams);
    params.set('sort', sort);
    params.set('dir', dir);
    return `?${params}`;
  };
  const exportQuery = new URLSearchParams(searchParams).toString();
  const groups = (Object.keys(GROUP_LABELS) as (keyof typeof GROUP_LABELS)[]).map((g) => ({
    key: g,
    units: report.rows.filter((r) => r.group === g),
  }));
  const { totals } = report;
  return (
    <div className="report">
      <p className="page-kicker" data-testid="report-title">
        练兵达标情况
      </p>
      <h1>{scope.name}各执法单位练兵达标情况</h1>
      <Form method="get" className="filters no-print" aria-label="统计条件">
        <label>
          <span>统计周期</span>
          <select name="period" defaultValue={query.period}>
            {Object.entries(PERIODS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>开始日期（自定义）</span>
          <input type="date" name="from" defaultValue={query.from ?? ''} />
        </label>
        <label>
          <span>结束日期（自定义）</span>
          <input type="date" name="to" defaultValue={query.to ?? ''} />
        </label>
        <label>
          <span>系统统计年度</span>
          <select name="year" defaultValue={report.year ?? ''}>
            {report.years.length === 0 ? <option value="">未导入</option> : null}
            {report.years.map((y) => (
              <option key={y} value={y}>
                {y} 年
              </option>
            ))}
          </select>
        </label>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <input type="hidden" name="cols" value={columnGroups.join(',')} />
        <button type="submit" className="button">
          查询
        </button>
      </Form>
      {periodError ? (
        <p className="alert" role="alert">
          {periodError}，已显示本月数据。
        </p>
      ) : null}
      <p className="muted">
        统计周期 {report.period.from} 至 {report.period.to}；技能掌握以 {beijingTime(report.masteryAt)} 为准。
        {report.year ? `系统数据：${report.year} 年导入的“互联网+执法”统计。` : '尚未导入“互联网+执法”系统统计。'}
      </p>
      <dl className="facts">
        <div>
          <dt>执法单位</dt>
          <dd>{totals.units}</dd>
        </div>
        <div>
          <dt>在册执法人员</dt>
          <dd data-testid="total-officers">{totals.officers.toLocaleString('zh-CN')}</dd>
        </div>
        <div>
          <dt>周期内参训</dt>
          <dd>{totals.drilled.toLocaleString('zh-CN')}</dd>
        </div>
        <div>
          <dt>熟练掌握</dt>
          <dd>{totals.proficient.toLocaleString('zh-CN')}</dd>
        </div>
        <div>
          <dt>系统覆盖不足单位</dt>
          <dd data-testid="coverage-insufficient">
            {report.year ? `${totals.coverageInsufficient}（共 ${totals.withRealFigures}）` : '—'}
          </dd>
        </div>
      </dl>
      <p className="no-print report-actions">
        <Link className="button" to="/reports/import">
          导入系统统计
        </Link>
        <a className="button" href={`/reports/export.xlsx?${exportQuery}`} download>
          导出 XLSX
        </a>
        <a className="button" href={`/reports/export.csv?${exportQuery}`} download>
          导出 CSV
        </a>
        <a className="button" href={`/reports/xapi.json?from=${report.period.from}&to=${report.period.to}`} download>
          导出学习记录（xAPI 标准）
        </a>
        <Link className="button" to={`/reports/print?${exportQuery}`}>
          打印版
        </Link>
        <Link className="button" to="/reports/bulletins">
          练兵通报
        </Link>
      </p>

      <ColumnGroupPicker
        key={columnGroups.join(',')}
        groups={columnGroups}
        keep={[...searchParams].filter(([name]) => name !== 'cols')}
      />
      <ReadinessTable
        groups={columnGroups}
        rows={report.rows}
        sort={query.sort}
        dir={query.dir}
        sortHref={sortHref}
        showCity={scope.level === 'province'}
      />
      <p className="muted small">
        达标等级：熟练掌握率 ≥ {READINESS_THRESHOLDS.greenProficientPct}% 为“{LEVEL_LABELS.green}”；熟练掌握率 &lt;{' '}
        {READINESS_THRESHOLDS.redProficientPct}% 且参训率 &lt; {READINESS_THRESHOLDS.redParticipationPct}% 为“
        {LEVEL_LABELS.red}”；其余为“
        {LEVEL_LABELS.amber}”。熟练掌握：企业入库、执法检查、执法文书、案件办理四项技能均已掌握（{MASTERY_WINDOW_DAYS}{' '}
        天内以两套不同案例通过考核）。覆盖不足：全年系统执法检查不足 {COVERAGE_MIN_INSPECTIONS} 次。
      </p>

      <section>
        <h2>熟练掌握率周趋势（{scope.level === 'province' ? '按市' : '按单位'}）</h2>
        <div
          className="chart"
          role="img"
          aria-label="熟练掌握率周趋势图"
          data-testid="trend-chart"
          dangerouslySetInnerHTML={{ __html: chart }}
        />
        <details>
          <summary>趋势数据表</summary>
          <div className="table-scroll">
            <table className="table" data-testid="trend-table">
              <thead>
                <tr>
                  <th scope="col">{scope.level === 'province' ? '市' : '单位'}</th>
                  {trend.weeks.map((w) => (
                    <th key={w} scope="col" className="num">
                      {w}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {trend.series.map((s) => (
                  <tr key={s.name}>
                    <th scope="row">{s.name}</th>
                    {s.pct.map((v, i) => (
                      <td key={i} className="num">
                        {v.toFixed(1)}%
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <section>
        <h2>培训优先顺序</h2>
        {report.priority.length === 0 ? (
          <p className="empty">所有单位均已达标。</p>
        ) : (
          <ol className="priority" data-testid="training-priority">
            {report.priority.map((r) => (
              <li key={r.code}>
                <Link to={`/reports/units/${r.code}`}>{r.name}</Link>：
                {r.real?.coverageInsufficient ? '系统覆盖不足，' : ''}熟练掌握率 {r.proficientPct.toFixed(1)}%，参训率{' '}
                {r.participationPct.toFixed(1)}%
              </li>
            ))}
          </ol>
        )}
      </section>

      {report.year ? (
        <section>
          <h2>练兵与系统使用分组</h2>
          <div className="groups" data-testid="usage-groups">
            {groups.map((g) => (
              <div key={g.key} className="group">
                <h3>
                  {GROUP_LABELS[g.key]}（{g.units.length}）
                </h3>
                <p className="small">{g.units.map((u) => u.name).join('、') || '无'}</p>
              </div>
            ))}
          </div>
          <p className="muted small">
            “已练兵”：周期内参训率 ≥ {DRILLED_PARTICIPATION_PCT}%；“在用系统”：全年系统执法检查 ≥{' '}
            {COVERAGE_MIN_INSPECTIONS} 次。
          </p>
        </section>
      ) : null}
    </div>
  );
}
