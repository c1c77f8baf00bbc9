import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { getOfficerReadiness } from '../models/readiness.server';
import { ModeBadge } from '../ui/drill';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.officer.display_name ?? '执法人员'} · 练兵达标 · 执法练兵平台` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const detail = await getOfficerReadiness(getDb(), user.unit, requireIdParam(params.userId, '执法人员'));
  invariantResponse(detail, '执法人员不存在或不在您的管辖范围内', { status: 404 });
  return detail;
}

const dateTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export default function OfficerReadiness() {
  const { officer, skills, attempts } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="page-kicker">
        <Link to="/reports">练兵达标情况</Link> › <Link to={`/reports/units/${officer.unit_code}`}>{officer.unit_name}</Link> ›{' '}
        {officer.display_name}
      </p>
      <h1 data-testid="officer-name">
        {officer.display_name} <small className="muted">{officer.username}</small>
      </h1>
      <div className="skill-grid" data-testid="officer-skills">
        {skills.map((s) => (
          <div key={s.skill} className={`skill ${s.mastered ? 'skill--mastered' : ''}`}>
            <strong>{s.label}</strong>
            <span>{s.mastered ? '已掌握' : '未掌握'}</span>
            <small className="muted">
              {s.attempts > 0 ? `完成 ${s.attempts} 次 · 最高 ${s.bestScore ?? 0} 分` : '尚未练兵'}
              {s.mastered && s.masteredUntil ? ` · 有效至 ${s.masteredUntil.slice(0, 10)}` : ''}
            </small>
          </div>
        ))}
      </div>
      <section>
        <h2>练兵记录</h2>
        {attempts.length === 0 ? (
          <p className="empty">还没有练兵记录。</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="officer-attempts">
              <thead>
                <tr>
                  <th scope="col">场景</th>
                  <th scope="col">方式</th>
                  <th scope="col">开始时间</th>
                  <th scope="col" className="num">
                    得分
                  </th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/reports/attempts/${a.id}`}>{a.title}</Link>
                    </td>
                    <td>
                      <ModeBadge mode={a.mode} />
                    </td>
                    <td>{dateTime(a.started_at)}</td>
                    <td className="num">{a.status === 'finished' ? `${a.score}${a.passed ? '（合格）' : '（不合格）'}` : '进行中'}</td>
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
