import type { ReactNode } from 'react';
import { ErrorList } from './field';

/** Labels of an officer's standing on an assignment (item or whole). */
export const ASSIGNMENT_STATUS_LABELS = {
  passed: '已完成·合格',
  failed: '已完成·未合格',
  overdue: '已逾期',
  inProgress: '进行中',
  notStarted: '未开始',
  upcoming: '未开放',
  closed: '已关闭',
  exhausted: '次数已用完',
} as const;
export type AssignmentStatusKey = keyof typeof ASSIGNMENT_STATUS_LABELS;

const STATUS_TONE: Record<AssignmentStatusKey, string> = {
  passed: 'tag--done',
  failed: 'tag--bad',
  overdue: 'tag--bad',
  inProgress: '',
  notStarted: '',
  upcoming: '',
  closed: '',
  exhausted: 'tag--bad',
};

export function AssignmentStatus({ status }: { status: AssignmentStatusKey }) {
  return (
    <span className={`tag ${STATUS_TONE[status]}`} data-status={status}>
      {ASSIGNMENT_STATUS_LABELS[status]}
    </span>
  );
}

export const PHASE_LABELS = { upcoming: '未开放', open: '进行中', closed: '已结束' } as const;

/** A Beijing-time date and time (the server's clock is UTC). */
export { beijingTime } from '../utils/format';

export function CompetitionBadge() {
  return <span className="badge badge--competition">比武</span>;
}

/** "12 / 46（26.1%）" */
export function Ratio({ part, whole, rate }: { part: number; whole: number; rate: number }) {
  return (
    <>
      {part} / {whole}
      <span className="muted">（{rate}%）</span>
    </>
  );
}

export function secondsLabel(seconds: number | null) {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒`;
}

type UnitChoice = {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parent_id: number | null;
  id: number;
};

/**
 * The units of the trainer's subtree as checkboxes, each city with its counties under it: ticking a
 * city (or the province) assigns every unit below it, including units added later.
 */
export function UnitChecklist({
  units,
  selected,
  errors,
}: {
  units: readonly UnitChoice[];
  selected: readonly string[];
  errors?: readonly string[];
}) {
  const chosen = new Set(selected);
  const root = units[0];
  if (!root) return null;
  const childrenOf = (id: number) => units.filter((u) => u.parent_id === id);
  const box = (u: UnitChoice, suffix: ReactNode = null) => (
    <label className="choice" key={u.code}>
      <input
        type="checkbox"
        name="unitCodes"
        value={u.code}
        defaultChecked={chosen.has(u.code)}
        aria-describedby={errors?.length ? 'field-unitCodes-error' : undefined}
      />
      <span>
        {u.name}
        {suffix}
      </span>
    </label>
  );
  const tree = (u: UnitChoice): ReactNode => {
    const kids = childrenOf(u.id);
    if (kids.length === 0) return box(u);
    return (
      <div className="unit-tree__group" key={u.code}>
        {box(u, <span className="muted small">（含下属全部单位）</span>)}
        <details className="unit-tree__children" open={u === root || kids.some((k) => chosen.has(k.code))}>
          <summary>
            选择{u.name}下属单位（{kids.length}）
          </summary>
          <div className="unit-tree__list">{kids.map(tree)}</div>
        </details>
      </div>
    );
  };
  return (
    <fieldset className="field field--choices unit-tree" aria-invalid={errors?.length ? true : undefined}>
      <legend>布置到单位</legend>
      {tree(root)}
      <ErrorList id="field-unitCodes-error" errors={errors} />
    </fieldset>
  );
}

interface RankingView {
  officers: {
    user_id: number;
    rank: number;
    display_name: string;
    unit_name: string;
    score: number | null;
    seconds: number | null;
  }[];
  units: {
    unit_id: number;
    rank: number;
    name: string;
    participants: number;
    covered: number;
    score: number | null;
    seconds: number | null;
  }[];
}

/** A closed 比武's rankings: officers by score then time, units by the mean over everyone covered. */
export function CompetitionRanking({ ranking, highlightUserId }: { ranking: RankingView; highlightUserId?: number }) {
  return (
    <div className="ranking-grid">
      <table className="table" data-testid="ranking-officers">
        <caption>个人排名</caption>
        <thead>
          <tr>
            <th scope="col">名次</th>
            <th scope="col">姓名</th>
            <th scope="col">单位</th>
            <th scope="col" className="num">
              得分
            </th>
            <th scope="col" className="num">
              用时
            </th>
          </tr>
        </thead>
        <tbody>
          {ranking.officers.map((o) => (
            <tr key={o.user_id} className={o.user_id === highlightUserId ? 'is-me' : undefined}>
              <td>{o.rank}</td>
              <td>{o.display_name}</td>
              <td>{o.unit_name}</td>
              <td className="num">{o.score}</td>
              <td className="num">{secondsLabel(o.seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table" data-testid="ranking-units">
        <caption>单位排名（应参加人员平均分，未参加计 0 分）</caption>
        <thead>
          <tr>
            <th scope="col">名次</th>
            <th scope="col">单位</th>
            <th scope="col" className="num">
              参加 / 应参加
            </th>
            <th scope="col" className="num">
              平均分
            </th>
            <th scope="col" className="num">
              平均用时
            </th>
          </tr>
        </thead>
        <tbody>
          {ranking.units.map((u) => (
            <tr key={u.unit_id}>
              <td>{u.rank}</td>
              <td>{u.name}</td>
              <td className="num">
                {u.participants} / {u.covered}
              </td>
              <td className="num">{u.score}</td>
              <td className="num">{secondsLabel(u.seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface OfficerChoiceView {
  username: string;
  displayName: string;
  unitName: string;
}

/**
 * The 布置任务 form's officer search: a search box whose button reloads the form by GET with
 * everything typed so far (works without JavaScript), the officers already ticked, and the matches
 * as checkboxes (`officerPicks`, merged with the usernames typed below).
 */
export function OfficerPicker({
  query,
  search,
  picked,
}: {
  query: string;
  search: {
    officers: readonly OfficerChoiceView[];
    more: boolean;
    units: readonly { code: string; name: string }[];
  } | null;
  picked: readonly OfficerChoiceView[];
}) {
  const pickedNames = new Set(picked.map((p) => p.username));
  const matches = search?.officers.filter((o) => !pickedNames.has(o.username)) ?? [];
  const box = (o: OfficerChoiceView, checked: boolean) => (
    <label className="choice" key={o.username}>
      <input type="checkbox" name="officerPicks" value={o.username} defaultChecked={checked} />
      <span>
        {o.displayName}{' '}
        <span className="muted small">
          · {o.unitName} · {o.username}
        </span>
      </span>
    </label>
  );
  return (
    <fieldset className="field field--choices officer-picker" data-testid="officer-picker">
      <legend>按姓名或单位选择执法人员</legend>
      <div className="filters">
        <label htmlFor="field-q">姓名、用户名或单位</label>
        <input id="field-q" name="q" type="search" defaultValue={query} />
        <button type="submit" className="button" formMethod="get" formAction="/assignments/new" formNoValidate>
          搜索
        </button>
      </div>
      {picked.length > 0 ? (
        <div data-testid="officer-picked">
          <p className="small">已选执法人员（{picked.length}）：</p>
          {picked.map((o) => box(o, true))}
        </div>
      ) : null}
      {search ? (
        <div data-testid="officer-search-results" role="status">
          {search.units.length > 0 ? (
            <p className="small muted">
              名称相符的单位：{search.units.map((u) => u.name).join('、')}（布置给整个单位请在上方“布置到单位”中勾选）
            </p>
          ) : null}
          {matches.length === 0 && search.officers.length === 0 ? (
            <p className="empty">没有找到“{query}”相关的执法人员。</p>
          ) : (
            <>
              <p className="small">勾选要指定的执法人员：</p>
              {matches.map((o) => box(o, false))}
              {search.more ? (
                <p className="small muted" data-testid="officer-search-more">
                  只显示前 {search.officers.length} 名，请输入更具体的姓名或单位。
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : (
        <p className="field__help">输入姓名、用户名或单位名称后点“搜索”，页面会保留已填写的内容。</p>
      )}
    </fieldset>
  );
}
