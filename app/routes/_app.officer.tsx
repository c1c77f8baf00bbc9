import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';

export const meta: MetaFunction = () => [{ title: '我的练兵 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['officer']);
  return { user: { displayName: user.displayName, username: user.username, unit: user.unit } };
}

export default function OfficerHome() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="page-kicker" data-testid="role-home">
        我的练兵
      </p>
      <h1>{user.displayName}，您好</h1>
      <dl className="facts">
        <div>
          <dt>所属单位</dt>
          <dd>
            <Link to={`/units/${user.unit.code}`}>{user.unit.name}</Link>
          </dd>
        </div>
        <div>
          <dt>用户名</dt>
          <dd>{user.username}</dd>
        </div>
      </dl>
      <section>
        <h2>我的练兵任务</h2>
        <p className="empty">暂无分配给您的练兵任务。培训员布置任务后，会在这里显示截止日期和完成情况。</p>
      </section>
    </>
  );
}
