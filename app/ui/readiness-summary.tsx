import { Link } from '@remix-run/react';
import { LEVEL_LABELS } from './readiness-table';

export interface ReadinessSummaryData {
  period: { from: string; to: string };
  totals: {
    units: number;
    officers: number;
    drilled: number;
    proficient: number;
    participationPct: number;
    proficientPct: number;
    overdue: number;
  };
  levels: Record<keyof typeof LEVEL_LABELS, number>;
  attention: {
    code: string;
    name: string;
    level: keyof typeof LEVEL_LABELS;
    proficientPct: number;
    participationPct: number;
    coverageInsufficient: boolean;
    overdue: number;
  }[];
  attentionTotal: number;
}

const n = (v: number) => v.toLocaleString('zh-CN');

/** This period's readiness in a few figures, the units to look at first, and the way into the report. */
export function ReadinessSummary({ summary }: { summary: ReadinessSummaryData }) {
  const { totals, levels, period } = summary;
  return (
    <section className="readiness-summary" aria-labelledby="readiness-summary-title" data-testid="readiness-summary">
      <h2 id="readiness-summary-title">
        本月练兵达标情况
        <span className="muted small">
          {' '}
          （{period.from} 至 {period.to}）
        </span>
      </h2>
      <dl className="facts">
        <div>
          <dt>在册执法人员</dt>
          <dd data-testid="summary-officers">{n(totals.officers)}</dd>
        </div>
        <div>
          <dt>本月参训</dt>
          <dd data-testid="summary-drilled">
            {n(totals.drilled)}（{totals.participationPct.toFixed(1)}%）
          </dd>
        </div>
        <div>
          <dt>熟练掌握</dt>
          <dd data-testid="summary-proficient">
            {n(totals.proficient)}（{totals.proficientPct.toFixed(1)}%）
          </dd>
        </div>
        <div>
          <dt>逾期任务（人次）</dt>
          <dd>{n(totals.overdue)}</dd>
        </div>
        <div>
          <dt>达标等级（单位数）</dt>
          <dd data-testid="summary-levels">
            {(Object.keys(LEVEL_LABELS) as (keyof typeof LEVEL_LABELS)[]).map((level) => (
              <span key={level} className={`level level--${level}`}>
                {LEVEL_LABELS[level]} {levels[level]}
              </span>
            ))}
          </dd>
        </div>
      </dl>
      <h3>需要关注的单位</h3>
      {summary.attention.length === 0 ? (
        <p className="empty">所有单位均已达标。</p>
      ) : (
        <ol className="priority" data-testid="summary-attention">
          {summary.attention.map((u) => (
            <li key={u.code}>
              <Link to={`/reports/units/${u.code}`}>{u.name}</Link>：
              <span className={`level level--${u.level}`}>{LEVEL_LABELS[u.level]}</span>{' '}
              {u.coverageInsufficient ? '系统覆盖不足，' : ''}熟练掌握率 {u.proficientPct.toFixed(1)}%，参训率{' '}
              {u.participationPct.toFixed(1)}%{u.overdue > 0 ? `，逾期任务 ${u.overdue} 人次` : ''}
            </li>
          ))}
        </ol>
      )}
      <p className="report-actions">
        <Link className="button button--primary" to="/reports">
          查看完整报表
        </Link>
        {summary.attentionTotal > summary.attention.length ? (
          <span className="muted small">
            另有 {summary.attentionTotal - summary.attention.length} 个单位未达标，见报表“培训优先顺序”。
          </span>
        ) : null}
      </p>
    </section>
  );
}
