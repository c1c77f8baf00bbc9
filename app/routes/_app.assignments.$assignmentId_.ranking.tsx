import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getRankingForOfficer } from '../models/assignment.server';
import { requireRole } from '../models/auth.server';
import { beijingTime, secondsLabel } from '../ui/assignment';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';

export const meta: MetaFunction = () => [{ title: '比武排名 · 执法练兵平台' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['officer']);
  const view = await getRankingForOfficer(getDb(), user, requireIdParam(params.assignmentId, '比武'));
  invariantResponse(view, '比武不存在，或没有布置给您', { status: 404 });
  return { ...view, me: user.id };
}

export default function Ranking() {
  const { assignment, ranking, me } = useLoaderData<typeof loader>();
  return (
    <>
      <nav className="breadcrumb">
        <Link to="/officer">我的练兵</Link> › <span aria-current="page">比武排名</span>
      </nav>
      <h1>{assignment.title} · 比武排名</h1>
      {!ranking ? (
        <p className="empty">比武于 {beijingTime(assignment.dueAt)} 截止，截止后公布排名。</p>
      ) : (
        <div className="ranking-grid" data-testid="ranking">
          <table className="table">
            <caption>个人排名</caption>
            <thead>
              <tr>
                <th scope="col">名次</th>
                <th scope="col">姓名</th>
                <th scope="col">单位</th>
                <th scope="col" className="num">得分</th>
                <th scope="col" className="num">用时</th>
              </tr>
            </thead>
            <tbody>
              {ranking.officers.map((o) => (
                <tr key={o.user_id} className={o.user_id === me ? 'is-me' : undefined}>
                  <td>{o.rank}</td>
                  <td>{o.display_name}</td>
                  <td>{o.unit_name}</td>
                  <td className="num">{o.score}</td>
                  <td className="num">{secondsLabel(o.seconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table">
            <caption>单位排名（应参加人员平均分，未参加计 0 分）</caption>
            <thead>
              <tr>
                <th scope="col">名次</th>
                <th scope="col">单位</th>
                <th scope="col" className="num">参加 / 应参加</th>
                <th scope="col" className="num">平均分</th>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
