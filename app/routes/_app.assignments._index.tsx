import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { listAssignmentsInScope, reachOf } from '../models/assignment/follow-up.server';
import { requireRole } from '../models/auth.server';
import { beijingTime, CompetitionBadge, PHASE_LABELS, Ratio } from '../ui/assignment';
import { ModeBadge } from '../ui/drill';
import { getDb } from '../utils/db.server';

export const meta: MetaFunction = () => [{ title: '练兵任务 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['trainer', 'manager', 'admin']);
  const reach = reachOf(user.role);
  return {
    assignments: await listAssignmentsInScope(getDb(), user.unit, new Date(), 50, reach),
    canCreate: user.role !== 'manager',
    covered: reach === 'covered',
    unitName: user.unit.name,
  };
}

export default function Assignments() {
  const { assignments, canCreate, covered, unitName } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="title-row">
        <h1>练兵任务</h1>
        {canCreate ? (
          <Link to="/assignments/new" className="button button--primary">
            布置练兵任务
          </Link>
        ) : null}
      </div>
      {covered ? (
        <p className="lead">
          布置到{unitName}及下属单位（或其执法人员）的练兵任务，不论由哪一级布置，最新的在前。完成情况只统计{unitName}
          及下属单位，只读。
        </p>
      ) : (
        <p className="lead">
          {unitName}及下属单位布置的练兵任务，最新的在前。点击任务查看各单位、各执法人员的完成情况。
        </p>
      )}
      {assignments.length === 0 ? (
        <p className="empty">还没有练兵任务。</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="assignment-list">
            <thead>
              <tr>
                <th scope="col">任务</th>
                <th scope="col">方式</th>
                <th scope="col">截止</th>
                <th scope="col">状态</th>
                <th scope="col" className="num">
                  完成
                </th>
                <th scope="col" className="num">
                  合格
                </th>
                <th scope="col" className="num">
                  逾期
                </th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id} data-assignment={a.id}>
                  <td>
                    <Link to={`/assignments/${a.id}`}>{a.title}</Link> {a.isCompetition ? <CompetitionBadge /> : null}
                    <br />
                    <span className="muted small">
                      {a.scenarios.map((s) => s.title).join('、')} · {a.ownerUnitName}
                      {a.createdByName ? ` · ${a.createdByName}` : ''}
                    </span>
                  </td>
                  <td>
                    <ModeBadge mode={a.mode} />
                  </td>
                  <td>{beijingTime(a.dueAt)}</td>
                  <td>{PHASE_LABELS[a.phase]}</td>
                  <td className="num">
                    <Ratio part={a.completed} whole={a.covered} rate={a.completionRate} />
                  </td>
                  <td className="num">
                    <Ratio part={a.passed} whole={a.covered} rate={a.passRate} />
                  </td>
                  <td className="num">{a.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
