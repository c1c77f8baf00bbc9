import { Link } from '@remix-run/react';
import { beijingTime } from '../utils/format';
import { ModeBadge } from './drill';

export interface AttemptRow {
  id: number;
  title: string;
  mode: 'practice' | 'assessment';
  status: 'active' | 'finished';
  started_at: string;
  score: number | null;
  passed: 0 | 1 | null;
  /** Set when the system closed the attempt (its scenario was updated before it finished). */
  closed_reason: string | null;
}

/** A list of attempts, newest first; `hrefOf` says where each leads (the officer's own or a manager's view). */
export function AttemptTable({
  attempts,
  hrefOf,
  resumeHrefOf,
  testId,
}: {
  attempts: AttemptRow[];
  hrefOf: (attempt: AttemptRow) => string;
  /** Officers get a 继续练兵 link on active attempts. */
  resumeHrefOf?: (attempt: AttemptRow) => string;
  testId?: string;
}) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">场景</th>
            <th scope="col">方式</th>
            <th scope="col">开始时间</th>
            <th scope="col">状态</th>
            <th scope="col" className="num">
              得分
            </th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={hrefOf(a)}>{a.title}</Link>
              </td>
              <td>
                <ModeBadge mode={a.mode} />
              </td>
              <td>{beijingTime(a.started_at)}</td>
              <td>
                {a.status === 'active' ? (
                  resumeHrefOf ? (
                    <Link to={resumeHrefOf(a)}>继续练兵</Link>
                  ) : (
                    '进行中'
                  )
                ) : a.closed_reason ? (
                  '已关闭（场景更新）'
                ) : (
                  '已完成'
                )}
              </td>
              <td className="num">
                {a.score ?? '—'}
                {a.passed === null ? '' : a.passed ? '（合格）' : '（不合格）'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
