import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { SKILL_LABELS, type Skill } from '../../scenarios/types';
import { listOfficerAssignments, listOfficerReminders } from '../models/assignment.server';
import { listOwnAttempts, scenarioCatalogue } from '../models/attempt.server';
import { requireRole } from '../models/auth.server';
import { isMastered, listMastery } from '../models/mastery.server';
import { OfficerAssignments } from '../ui/officer-assignments';
import { ModeBadge } from '../ui/drill';
import { getDb } from '../utils/db.server';

export const meta: MetaFunction = () => [{ title: '我的练兵 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['officer']);
  const db = getDb();
  const now = new Date();
  const [attempts, mastery, assignments, reminders] = await Promise.all([
    listOwnAttempts(db, user.id),
    listMastery(db, user.id),
    listOfficerAssignments(db, user, now),
    listOfficerReminders(db, user.id, now),
  ]);
  return {
    assignments,
    reminders,
    user: { displayName: user.displayName, unit: user.unit },
    attempts,
    mastery: (Object.keys(SKILL_LABELS) as Skill[]).map((skill) => {
      const row = mastery.find((m) => m.skill === skill);
      return {
        skill,
        mastered: row ? isMastered(row, now) : false,
        masteredUntil: row?.mastered_until ?? null,
        bestScore: row?.best_score ?? null,
        attempts: row?.attempts ?? 0,
      };
    }),
    scenarios: scenarioCatalogue(),
  };
}

const STATUS = { active: '进行中', finished: '已完成' } as const;
const dateTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export default function OfficerHome() {
  const { user, attempts, mastery, scenarios, assignments, reminders } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="page-kicker" data-testid="role-home">
        我的练兵
      </p>
      <h1>{user.displayName}，您好</h1>

      <section>
        <h2>技能掌握情况</h2>
        <div className="skill-grid" data-testid="mastery">
          {mastery.map((m) => (
            <div key={m.skill} className={`skill ${m.mastered ? 'skill--mastered' : ''}`}>
              <strong>{SKILL_LABELS[m.skill]}</strong>
              <span>{m.mastered ? '已掌握' : '未掌握'}</span>
              <small className="muted">
                {m.attempts > 0 ? `完成 ${m.attempts} 次 · 最高 ${m.bestScore ?? 0} 分` : '尚未练兵'}
                {m.mastered && m.masteredUntil ? ` · 有效至 ${m.masteredUntil.slice(0, 10)}` : ''}
              </small>
            </div>
          ))}
        </div>
        <p className="muted small">掌握标准：同一技能的考核在 180 天内以两套不同的案例（随机种子）达到合格线。</p>
      </section>

      <section>
        <h2>我的练兵任务</h2>
        <OfficerAssignments items={assignments} reminders={reminders} />
      </section>

      <section>
        <h2>自主练兵</h2>
        <div className="scenario-list">
          {(Object.keys(SKILL_LABELS) as Skill[]).map((skill) => (
            <div key={skill} className="scenario-group">
              <h3>{SKILL_LABELS[skill]}</h3>
              {scenarios
                .filter((s) => s.skill === skill)
                .map((s) => (
                  <article key={s.id} className="scenario" data-scenario={s.id}>
                    <h4>{s.title}</h4>
                    <p className="muted small">
                      约 {s.estimatedMinutes} 分钟{s.assessmentTimeLimitMinutes ? ` · 考核限时 ${s.assessmentTimeLimitMinutes} 分钟` : ''}
                    </p>
                    <div className="scenario__actions">
                      <Form method="post" action="/drills/start">
                        <input type="hidden" name="scenarioId" value={s.id} />
                        <input type="hidden" name="mode" value="practice" />
                        <button type="submit" className="button button--primary button--small">
                          练习
                        </button>
                      </Form>
                      <Form method="post" action="/drills/start">
                        <input type="hidden" name="scenarioId" value={s.id} />
                        <input type="hidden" name="mode" value="assessment" />
                        <button type="submit" className="button button--small">
                          考核
                        </button>
                      </Form>
                      <Link to={`/scenarios/${s.id}/demo`} className="button button--small">
                        演示
                      </Link>
                    </div>
                  </article>
                ))}
            </div>
          ))}
        </div>
      </section>

      <section>
        <h2>练兵记录</h2>
        {attempts.length === 0 ? (
          <p className="empty">还没有练兵记录。</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="attempt-history">
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
                      <Link to={a.status === 'finished' ? `/drills/${a.id}/result` : `/drills/${a.id}`}>{a.title}</Link>
                    </td>
                    <td>
                      <ModeBadge mode={a.mode} />
                    </td>
                    <td>{dateTime(a.started_at)}</td>
                    <td>{a.status === 'active' ? <Link to={`/drills/${a.id}`}>继续练兵</Link> : STATUS[a.status]}</td>
                    <td className="num">
                      {a.score ?? '—'}
                      {a.passed === null ? '' : a.passed ? '（合格）' : '（不合格）'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
