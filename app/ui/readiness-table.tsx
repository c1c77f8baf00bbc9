import { Link } from '@remix-run/react';
import { SKILL_LABELS } from '../../scenarios/types';
import type { ReadinessSortKey } from '../validation/reports';

export const LEVEL_LABELS = { green: '达标', amber: '基本达标', red: '未达标' } as const;
export const GROUP_LABELS = {
  drilledAndUsing: '已练兵且在用系统',
  drilledButIdle: '已练兵但系统使用不足',
  usingNotDrilled: '在用系统但未练兵',
  neither: '既未练兵也未用系统',
} as const;

export interface ReadinessRowView {
  code: string;
  name: string;
  city: { name: string } | null;
  officers: number;
  drilled: number;
  participationPct: number;
  proficient: number;
  proficientPct: number;
  masteryPct: Record<keyof typeof SKILL_LABELS, number>;
  avgBestScore: number | null;
  overdue: number;
  level: keyof typeof LEVEL_LABELS;
  bottomRanked: boolean;
  real: {
    inspections: number;
    coverageInsufficient: boolean;
    realParticipationPct: number;
    participatingOfficers: number;
    officersOnRecord: number;
    enterprisesOnboarded: number;
  } | null;
  group: keyof typeof GROUP_LABELS | null;
}

const fmt = (n: number) => `${n.toFixed(1)}%`;

/** The readiness table: one row per unit, sortable by its headers (links, so it works without JavaScript). */
export function ReadinessTable({
  rows,
  sort,
  dir,
  sortHref,
  showCity,
}: {
  rows: ReadinessRowView[];
  sort: ReadinessSortKey;
  dir: 'asc' | 'desc';
  sortHref: (key: ReadinessSortKey, dir: 'asc' | 'desc') => string;
  showCity: boolean;
}) {
  const header = (key: ReadinessSortKey, label: string, numeric = true) => {
    const active = sort === key;
    const next = active && dir === 'desc' ? 'asc' : active ? 'desc' : numeric ? 'desc' : 'asc';
    return (
      <th
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <Link to={sortHref(key, next)} preventScrollReset>
          {label}
          {active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </Link>
      </th>
    );
  };
  return (
    <div className="table-scroll">
      <table className="table readiness" data-testid="readiness-table">
        <thead>
          <tr>
            {header('unit', '单位', false)}
            {header('officers', '在册执法人员')}
            <th scope="col" className="num">
              参训人数
            </th>
            {header('participation', '参训率')}
            {header('proficient', '熟练掌握')}
            {header('onboarding', `${SKILL_LABELS.onboarding}掌握率`)}
            {header('inspection', `${SKILL_LABELS.inspection}掌握率`)}
            {header('documents', `${SKILL_LABELS.documents}掌握率`)}
            {header('case', `${SKILL_LABELS.case}掌握率`)}
            {header('avgBest', '平均最高分')}
            <th scope="col" className="num">
              逾期任务
            </th>
            <th scope="col">达标等级</th>
            {header('inspections', '系统检查次数（全年）')}
            <th scope="col">覆盖情况</th>
            {header('realParticipation', '系统参与率')}
            <th scope="col">分组</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-unit={r.name} className={r.bottomRanked ? 'row-bottom' : undefined}>
              <th scope="row">
                <Link to={`/reports/units/${r.code}`}>{r.name}</Link>
                {showCity && r.city ? <div className="muted small">{r.city.name}</div> : null}
                {r.bottomRanked ? <div className="tag tag--bad">排名靠后</div> : null}
              </th>
              <td className="num">{r.officers}</td>
              <td className="num">{r.drilled}</td>
              <td className="num" data-col="participation">
                {fmt(r.participationPct)}
              </td>
              <td className="num" data-col="proficient">
                {r.proficient}（{fmt(r.proficientPct)}）
              </td>
              <td className="num">{fmt(r.masteryPct.onboarding)}</td>
              <td className="num">{fmt(r.masteryPct.inspection)}</td>
              <td className="num">{fmt(r.masteryPct.documents)}</td>
              <td className="num">{fmt(r.masteryPct.case)}</td>
              <td className="num">{r.avgBestScore ?? '—'}</td>
              <td className="num" data-col="overdue">
                {r.overdue}
              </td>
              <td>
                <span className={`level level--${r.level}`}>{LEVEL_LABELS[r.level]}</span>
              </td>
              <td className="num">{r.real ? r.real.inspections : '—'}</td>
              <td data-col="coverage">{r.real ? (r.real.coverageInsufficient ? '覆盖不足' : '覆盖达标') : '未导入'}</td>
              <td className="num" data-col="real-participation">
                {r.real
                  ? `${fmt(r.real.realParticipationPct)}（${r.real.participatingOfficers}/${r.real.officersOnRecord}）`
                  : '—'}
              </td>
              <td>{r.group ? GROUP_LABELS[r.group] : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
