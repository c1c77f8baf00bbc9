import { Form, Link, useNavigate } from '@remix-run/react';
import { SKILL_LABELS } from '../../scenarios/types';
import { COLUMN_GROUP_LABELS, COLUMN_GROUPS, type ColumnGroup } from '../validation/report-columns';
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

export const COVERAGE_LABEL = (r: Pick<ReadinessRowView, 'real'>) =>
  r.real ? (r.real.coverageInsufficient ? '覆盖不足' : '覆盖达标') : '未导入';

/**
 * The readiness table: one row per unit, the unit (sticky when the table scrolls sideways) and the
 * verdict (达标等级, 逾期任务, 覆盖情况) first, then the column groups the viewer chose. Sorting by the
 * headers uses links, so it works without JavaScript.
 */
export function ReadinessTable({
  rows,
  sort,
  dir,
  sortHref,
  showCity,
  groups,
}: {
  rows: ReadinessRowView[];
  sort: ReadinessSortKey;
  dir: 'asc' | 'desc';
  sortHref: (key: ReadinessSortKey, dir: 'asc' | 'desc') => string;
  showCity: boolean;
  groups: readonly ColumnGroup[];
}) {
  const show = (g: ColumnGroup) => groups.includes(g);
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
  const plain = (label: string, numeric = false) => (
    <th scope="col" className={numeric ? 'num' : undefined}>
      {label}
    </th>
  );
  return (
    <div className="table-scroll readiness-scroll" data-testid="readiness-scroll">
      <table className="table readiness" data-testid="readiness-table" data-groups={groups.join(',')}>
        <thead>
          <tr className="readiness__groups">
            <th scope="col" rowSpan={2} className="sticky-col">
              <Link to={sortHref('unit', sort === 'unit' && dir === 'asc' ? 'desc' : 'asc')} preventScrollReset>
                单位{sort === 'unit' ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
              </Link>
            </th>
            <th scope="colgroup" colSpan={3} className="group-verdict">
              结论
            </th>
            {show('drill') ? (
              <th scope="colgroup" colSpan={5}>
                {COLUMN_GROUP_LABELS.drill}
              </th>
            ) : null}
            {show('skills') ? (
              <th scope="colgroup" colSpan={4}>
                {COLUMN_GROUP_LABELS.skills}
              </th>
            ) : null}
            {show('real') ? (
              <th scope="colgroup" colSpan={3}>
                {COLUMN_GROUP_LABELS.real}
              </th>
            ) : null}
          </tr>
          <tr>
            <th scope="col" data-col="level">
              达标等级
            </th>
            <th scope="col" className="num" data-col="overdue">
              逾期任务
            </th>
            <th scope="col" data-col="coverage">
              覆盖情况
            </th>
            {show('drill') ? (
              <>
                {header('officers', '在册执法人员')}
                {plain('参训人数', true)}
                {header('participation', '参训率')}
                {header('proficient', '熟练掌握')}
                {header('avgBest', '平均最高分')}
              </>
            ) : null}
            {show('skills') ? (
              <>
                {header('onboarding', SKILL_LABELS.onboarding)}
                {header('inspection', SKILL_LABELS.inspection)}
                {header('documents', SKILL_LABELS.documents)}
                {header('case', SKILL_LABELS.case)}
              </>
            ) : null}
            {show('real') ? (
              <>
                {header('inspections', '系统检查次数（全年）')}
                {header('realParticipation', '系统参与率')}
                {plain('分组')}
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-unit={r.name} className={r.bottomRanked ? 'row-bottom' : undefined}>
              <th scope="row" className="sticky-col">
                <Link to={`/reports/units/${r.code}`}>{r.name}</Link>
                {showCity && r.city ? <div className="muted small">{r.city.name}</div> : null}
                {r.bottomRanked ? <div className="tag tag--bad">排名靠后</div> : null}
              </th>
              <td data-col="level">
                <span className={`level level--${r.level}`}>{LEVEL_LABELS[r.level]}</span>
              </td>
              <td className="num" data-col="overdue">
                {r.overdue}
              </td>
              <td data-col="coverage">{COVERAGE_LABEL(r)}</td>
              {show('drill') ? (
                <>
                  <td className="num">{r.officers}</td>
                  <td className="num">{r.drilled}</td>
                  <td className="num" data-col="participation">
                    {fmt(r.participationPct)}
                  </td>
                  <td className="num" data-col="proficient">
                    {r.proficient}（{fmt(r.proficientPct)}）
                  </td>
                  <td className="num">{r.avgBestScore ?? '—'}</td>
                </>
              ) : null}
              {show('skills') ? (
                <>
                  <td className="num">{fmt(r.masteryPct.onboarding)}</td>
                  <td className="num">{fmt(r.masteryPct.inspection)}</td>
                  <td className="num">{fmt(r.masteryPct.documents)}</td>
                  <td className="num">{fmt(r.masteryPct.case)}</td>
                </>
              ) : null}
              {show('real') ? (
                <>
                  <td className="num">{r.real ? r.real.inspections : '—'}</td>
                  <td className="num" data-col="real-participation">
                    {r.real
                      ? `${fmt(r.real.realParticipationPct)}（${r.real.participatingOfficers}/${r.real.officersOnRecord}）`
                      : '—'}
                  </td>
                  <td data-col="group">{r.group ? GROUP_LABELS[r.group] : '—'}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The column-group chooser: a GET form of checkboxes (with the rest of the query as hidden fields),
 * so the choice lives in the URL and works without JavaScript; with it, a tick applies at once.
 */
export function ColumnGroupPicker({
  groups,
  keep,
}: {
  groups: readonly ColumnGroup[];
  /** The other query parameters to keep (period, sort …). */
  keep: [string, string][];
}) {
  const navigate = useNavigate();
  return (
    <Form
      method="get"
      className="column-picker no-print"
      aria-label="显示的列"
      preventScrollReset
      onSubmit={(e) => {
        // With JavaScript: one tidy parameter, cols=drill,real.
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const params = new URLSearchParams(keep);
        params.set('cols', data.getAll('cols').filter(Boolean).join(','));
        navigate(`?${params}`, { preventScrollReset: true, replace: true });
      }}
    >
      {keep.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      {/* An empty value: unticking every box still says "these columns", not "the default". */}
      <input type="hidden" name="cols" value="" />
      <fieldset>
        <legend>显示的列（单位和结论列始终显示）</legend>
        {COLUMN_GROUPS.map((g) => (
          <label key={g} className="checkbox">
            <input
              type="checkbox"
              name="cols"
              value={g}
              defaultChecked={groups.includes(g)}
              onChange={(e) => e.currentTarget.form?.requestSubmit()}
            />{' '}
            {COLUMN_GROUP_LABELS[g]}
          </label>
        ))}
        <button type="submit" className="button button--quiet">
          应用
        </button>
      </fieldset>
    </Form>
  );
}
