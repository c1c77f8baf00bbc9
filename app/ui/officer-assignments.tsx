import { Form, Link } from '@remix-run/react';
import { AssignmentStatus, beijingTime, CompetitionBadge, type AssignmentStatusKey } from './assignment';
import { ModeBadge } from './drill';

export interface OfficerAssignmentItem {
  assignmentId: number;
  title: string;
  scenarioId: string;
  scenarioTitle: string;
  mode: 'practice' | 'assessment';
  isCompetition: boolean;
  passMark: number;
  opensAt: string;
  dueAt: string;
  note: string;
  attemptsUsed: number;
  attemptsAllowed: number;
  bestScore: number | null;
  status: AssignmentStatusKey;
  activeAttemptId: number | null;
  canStart: boolean;
  canRetry: boolean;
  rankingVisible: boolean;
}

export interface OfficerReminder {
  id: number;
  message: string;
  created_at: string;
  title: string;
  sent_by_name: string | null;
  /** Sent by the app itself N days before the due date. */
  automatic?: 0 | 1;
}

/** The officer's assignments (one row per assignment and scenario) and the reminders sent to them. */
export function OfficerAssignments({
  items,
  reminders,
}: {
  items: readonly OfficerAssignmentItem[];
  reminders: readonly OfficerReminder[];
}) {
  return (
    <>
      {reminders.length > 0 ? (
        <ul className="reminders" data-testid="reminders" aria-label="提醒">
          {reminders.map((r) => (
            <li key={r.id} data-automatic={r.automatic ? 'true' : undefined}>
              <strong>提醒</strong> {r.message}
              <span className="muted small">
                {' '}
                — {r.automatic ? '系统自动提醒' : (r.sent_by_name ?? '培训员')}，{beijingTime(r.created_at)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {items.length === 0 ? (
        <p className="empty">暂无分配给您的练兵任务。培训员布置任务后，会在这里显示截止日期和完成情况。</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="my-assignments">
            <thead>
              <tr>
                <th scope="col">任务 / 场景</th>
                <th scope="col">方式</th>
                <th scope="col">截止</th>
                <th scope="col" className="num">
                  次数
                </th>
                <th scope="col" className="num">
                  最高分
                </th>
                <th scope="col">状态</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr
                  key={`${item.assignmentId}-${item.scenarioId}`}
                  data-assignment={item.assignmentId}
                  data-assignment-scenario={item.scenarioId}
                >
                  <td>
                    {item.title} {item.isCompetition ? <CompetitionBadge /> : null}
                    {item.title !== item.scenarioTitle ? (
                      <>
                        <br />
                        <span className="muted small">{item.scenarioTitle}</span>
                      </>
                    ) : null}
                    {item.note ? (
                      <>
                        <br />
                        <span className="muted small">{item.note}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <ModeBadge mode={item.mode} />
                    <span className="muted small">合格线 {item.passMark}</span>
                  </td>
                  <td>{beijingTime(item.dueAt)}</td>
                  <td className="num" data-testid="attempts-used">
                    {item.attemptsUsed} / {item.attemptsAllowed}
                  </td>
                  <td className="num" data-testid="best-score">
                    {item.bestScore ?? '—'}
                  </td>
                  <td>
                    <AssignmentStatus status={item.status} />
                    {item.status === 'upcoming' ? (
                      <span className="muted small"> {beijingTime(item.opensAt)} 开放</span>
                    ) : null}
                  </td>
                  <td>
                    {item.activeAttemptId ? (
                      <Link to={`/drills/${item.activeAttemptId}`} className="button button--small button--primary">
                        继续
                      </Link>
                    ) : item.canStart || item.canRetry ? (
                      <Form method="post" action={`/assignments/${item.assignmentId}/start`}>
                        <input type="hidden" name="scenarioId" value={item.scenarioId} />
                        <button
                          type="submit"
                          className={`button button--small ${item.canStart ? 'button--primary' : ''}`}
                        >
                          {item.canStart ? (item.attemptsUsed > 0 ? '再练一次' : '开始') : '再练一次'}
                        </button>
                      </Form>
                    ) : null}
                    {item.rankingVisible ? (
                      <Link to={`/assignments/${item.assignmentId}/ranking`}>查看排名</Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
