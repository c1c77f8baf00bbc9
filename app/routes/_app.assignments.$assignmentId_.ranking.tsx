import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getRankingForOfficer } from '../models/assignment/officer-tasks.server';
import { requireRole } from '../models/auth.server';
import { beijingTime, CompetitionRanking } from '../ui/assignment';
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
        <div data-testid="ranking">
          <p className="muted small">
            个人按得分从高到低，同分用时短者在前（用时：开始至交卷，超时的按限时计）；单位按全体应参加人员的平均分。
          </p>
          <CompetitionRanking ranking={ranking} highlightUserId={me} />
        </div>
      )}
    </>
  );
}
