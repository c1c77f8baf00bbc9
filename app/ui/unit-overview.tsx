import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { UNIT_LEVEL_LABELS } from '../utils/roles';

type Level = keyof typeof UNIT_LEVEL_LABELS;

export interface UnitOverviewData {
  unit: { code: string; name: string; level: Level; is_division: 0 | 1; path: string };
  ancestors: { id: number; code: string; name: string }[];
  children: { code: string; name: string; level: Level; is_division: 0 | 1; officerCount: number }[];
  officerCount: number;
  officers: { id: number; username: string; display_name: string; disabled: 0 | 1; can_log_in: 0 | 1 }[];
}

/**
 * Whether a breadcrumb may link to an ancestor of a unit in the viewer's scope: only when the
 * ancestor lies within the viewer's subtree — the viewer's own unit or below it, never the units
 * above (those answer 403).
 */
export function ancestorInScope(viewerPath: string, ancestorId: number, viewerUnitId: number): boolean {
  const above = viewerPath
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== viewerUnitId);
  return !above.includes(ancestorId);
}

/** A unit's breadcrumb, its sub-units with officer counts and, for a county-level unit, its officers. */
export function UnitOverview({
  data,
  viewer,
  canManageUsers = false,
  kicker,
  lead,
  children: extra,
}: {
  data: UnitOverviewData;
  /** The viewer's unit: ancestors above it are shown as text (their pages would answer 403). Default: the unit shown. */
  viewer?: { id: number; path: string };
  canManageUsers?: boolean;
  /** Shown above the breadcrumb when the overview is a role's home page. */
  kicker?: string;
  lead?: string;
  /** Shown between the facts and the sub-units (a role's home adds its summary here). */
  children?: ReactNode;
}) {
  const { unit, ancestors, children, officerCount, officers } = data;
  const scopeRoot = viewer ?? { id: -1, path: unit.path };
  return (
    <>
      {kicker ? (
        <p className="page-kicker" data-testid="role-home">
          {kicker}
        </p>
      ) : null}
      {lead ? <p className="lead">{lead}</p> : null}
      {ancestors.length > 0 ? (
        <nav className="breadcrumb" aria-label="上级单位">
          {ancestors.map((a) => (
            <span key={a.code}>
              {ancestorInScope(scopeRoot.path, a.id, scopeRoot.id) ? (
                <Link to={`/units/${a.code}`}>{a.name}</Link>
              ) : (
                <span className="breadcrumb__outside">{a.name}</span>
              )}{' '}
              ›{' '}
            </span>
          ))}
          <span aria-current="page">{unit.name}</span>
        </nav>
      ) : null}
      <h1>{unit.name}</h1>
      <dl className="facts">
        <div>
          <dt>级别</dt>
          <dd>{UNIT_LEVEL_LABELS[unit.level]}</dd>
        </div>
        <div>
          <dt>{unit.is_division ? '行政区划代码' : '单位代码'}</dt>
          <dd>{unit.code}</dd>
        </div>
        <div>
          <dt>执法人员数</dt>
          <dd data-testid="officer-count">{officerCount.toLocaleString('zh-CN')}</dd>
        </div>
        {children.length > 0 ? (
          <div>
            <dt>下级单位</dt>
            <dd>{children.length}</dd>
          </div>
        ) : null}
      </dl>
      {extra}

      {children.length > 0 ? (
        <section>
          <h2>下级单位</h2>
          <div className="table-scroll">
            <table className="table" data-testid="child-units">
              <thead>
                <tr>
                  <th scope="col">单位</th>
                  <th scope="col">代码</th>
                  <th scope="col" className="num">
                    执法人员数
                  </th>
                </tr>
              </thead>
              <tbody>
                {children.map((c) => (
                  <tr key={c.code}>
                    <td>
                      <Link to={`/units/${c.code}`}>{c.name}</Link>
                    </td>
                    <td>{c.code}</td>
                    <td className="num">{c.officerCount.toLocaleString('zh-CN')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {unit.level === 'county' ? (
        <section>
          <h2>执法人员（{officers.length}）</h2>
          <div className="table-scroll">
            <table className="table" data-testid="unit-officers">
              <thead>
                <tr>
                  <th scope="col">姓名</th>
                  <th scope="col">用户名</th>
                  <th scope="col">账号</th>
                </tr>
              </thead>
              <tbody>
                {officers.map((o) => (
                  <tr key={o.id}>
                    <td>
                      {canManageUsers ? <Link to={`/admin/users/${o.id}`}>{o.display_name}</Link> : o.display_name}
                    </td>
                    <td>{o.username}</td>
                    <td>{o.disabled ? '已停用' : o.can_log_in ? '可登录' : '未开通登录'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
