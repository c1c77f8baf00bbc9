import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { SKILL_LABELS, type Skill } from '../../scenarios/types';
import { listOfficerAssignments, listOfficerReminders } from '../models/assignment/officer-tasks.server';
import { listOwnAttempts, openAssessments, scenarioCatalogue } from '../models/attempt.server';
import { requireRole } from '../models/auth.server';
import { isMastered, listMastery } from '../models/mastery.server';
import { OfficerAssignments } from '../ui/officer-assignments';
import { AttemptTable } from '../ui/attempt-table';
import { SkillGrid } from '../ui/skill-grid';
import { getDb } from '../utils/db.server';
import { MASTERY_WINDOW_DAYS } from '../utils/readiness-rules';

export const meta: MetaFunction = () => [{ title: '我的练兵 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['officer']);
  const db = getDb();
  const now = new Date();
  const [attempts, mastery, assignments, reminders, open] = await Promise.all([
    listOwnAttempts(db, user.id),
    listMastery(db, user.id),
    listOfficerAssignments(db, user, now),
    listOfficerReminders(db, user.id, now),
    openAssessments(db, user.id, now),
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
    scenarios: await scenarioCatalogue(db, user),
    // Assessment integrity: a scenario under an open assessment offers no practice or demo.
    assessing: Object.fromEntries(open.map((a) => [a.scenarioId, a.attemptId])),
  };
}

export default function OfficerHome() {
  const { user, attempts, mastery, scenarios, assignments, reminders, assessing } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="page-kicker" data-testid="role-home">
        我的练兵
      </p>
      <h1>{user.displayName}，您好</h1>

      <section>
        <h2>技能掌握情况</h2>
        <SkillGrid skills={mastery} testId="mastery" />
        <p className="muted small">
          掌握标准：同一技能的考核在 {MASTERY_WINDOW_DAYS} 天内以两套不同的案例（随机种子）达到合格线。
        </p>
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
                      约 {s.estimatedMinutes} 分钟
                      {s.assessmentTimeLimitMinutes ? ` · 考核限时 ${s.assessmentTimeLimitMinutes} 分钟` : ''}
                    </p>
                    {assessing[s.id] ? (
                      <p className="scenario__actions small" data-testid="assessment-open">
                        考核进行中，练习和演示暂不开放。
                        <Link to={`/drills/${assessing[s.id]}`} className="button button--small">
                          继续考核
                        </Link>
                      </p>
                    ) : (
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
                    )}
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
          <AttemptTable
            attempts={attempts}
            testId="attempt-history"
            hrefOf={(a) => (a.status === 'finished' && !a.closed_reason ? `/drills/${a.id}/result` : `/drills/${a.id}`)}
            resumeHrefOf={(a) => `/drills/${a.id}`}
          />
        )}
      </section>
    </>
  );
}
