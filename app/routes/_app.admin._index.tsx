import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { ROLES } from '../../db/schema';
import { requireRole } from '../models/auth.server';
import { listUnitsInSubtree } from '../models/unit.server';
import { listUsers, USERS_PAGE_SIZE } from '../models/user.server';
import { unitOptions } from '../ui/unit-options';
import { getDb } from '../utils/db.server';
import { ROLE_LABELS } from '../utils/roles';
import { userListQuerySchema } from '../validation/users';

export const meta: MetaFunction = () => [{ title: '用户管理 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin']);
  const filters = userListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = getDb();
  const [result, units] = await Promise.all([listUsers(db, admin.unit, filters), listUnitsInSubtree(db, admin.unit)]);
  return {
    ...result,
    filters,
    pages: Math.max(1, Math.ceil(result.total / USERS_PAGE_SIZE)),
    units: units.map((u) => ({ code: u.code, name: u.name, level: u.level })),
  };
}

export default function AdminUsers() {
  const { users, total, filters, pages, units } = useLoaderData<typeof loader>();
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    if (filters.q) params.set('q', filters.q);
    if (filters.role) params.set('role', filters.role);
    if (filters.unit) params.set('unit', filters.unit);
    params.set('page', String(page));
    return `?${params}`;
  };
  return (
    <>
      <p className="page-kicker" data-testid="role-home">
        用户管理
      </p>
      <div className="title-row">
        <h1>用户（{total.toLocaleString('zh-CN')}）</h1>
        <Link className="button button--primary" to="/admin/users/new">
          新建用户
        </Link>
      </div>
      <Form method="get" className="filters" role="search">
        <label>
          <span>姓名或用户名</span>
          <input name="q" defaultValue={filters.q ?? ''} maxLength={64} />
        </label>
        <label>
          <span>角色</span>
          <select name="role" defaultValue={filters.role ?? ''}>
            <option value="">全部角色</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>单位</span>
          <select name="unit" defaultValue={filters.unit ?? ''}>
            <option value="">全部单位</option>
            {unitOptions(units).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          筛选
        </button>
      </Form>
      <div className="table-scroll">
        <table className="table" data-testid="user-table">
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">用户名</th>
              <th scope="col">角色</th>
              <th scope="col">单位</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/users/${u.id}`}>{u.display_name}</Link>
                </td>
                <td>{u.username}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{u.unit_name}</td>
                <td>{u.disabled ? '已停用' : u.canLogIn ? '正常' : '未开通登录'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {users.length === 0 ? <p className="empty">没有符合条件的用户。</p> : null}
      {pages > 1 ? (
        <nav className="pager" aria-label="分页">
          {filters.page > 1 ? <Link to={pageLink(filters.page - 1)}>上一页</Link> : <span />}
          <span>
            第 {filters.page} / {pages} 页
          </span>
          {filters.page < pages ? <Link to={pageLink(filters.page + 1)}>下一页</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}
