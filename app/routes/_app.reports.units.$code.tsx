import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { getUnitReadinessDetail } from '../models/readiness.server';
import { requireUnitInScope } from '../models/unit.server';
import { ErrorCode } from '../ui/error-code';
import { getDb } from '../utils/db.server';
import { SKILL_LABELS, type Skill } from '../../scenarios/types';

const SKILLS = Object.keys(SKILL_LABELS) as Skill[];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.unit.name ?? '单位'} · 练兵达标 · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const db = getDb();
  const unit = await requireUnitInScope(db, user.unit, params.code ?? '');
  return { unit: { code: unit.code, name: unit.name }, ...(await getUnitReadinessDetail(db, unit)) };
}

export default function UnitReadiness() {
  const { unit, officers, mistakes, skills } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="page-kicker">
        <Link to="/reports">练兵达标情况</Link> › {unit.name}
      </p>
      <h1>{unit.name}：执法人员练兵情况</h1>

      <section>
        <h2>技能掌握与传帮带</h2>
        <div className="groups" data-testid="mentors">
          {skills.map((s) => (
            <div key={s.skill} className={`group ${s.weak ? 'group--weak' : ''}`}>
              <h3>
                {s.label}：掌握率 {s.masteredPct.toFixed(1)}%{s.weak ? '（薄弱）' : ''}
              </h3>
              {s.weak ? (
                <p className="small">
                  建议带教人：
                  {s.mentors.length > 0
                    ? s.mentors.map((m) => m.name).join('、')
                    : '本单位暂无已掌握该技能的人员，建议由上级单位派员带教'}
                </p>
              ) : null}
            </div>
          ))}
        </div>
      </section>

      <section>
        <h2>常见错误</h2>
        {mistakes.length === 0 ? (
          <p className="empty">暂无练兵错误记录。</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="unit-mistakes">
              <thead>
                <tr>
                  <th scope="col">错误（错误代码）</th>
                  <th scope="col" className="num">
                    次数
                  </th>
                  <th scope="col" className="num">
                    涉及人数
                  </th>
                </tr>
              </thead>
              <tbody>
                {mistakes.map((m) => (
                  <tr key={m.code}>
                    <td>
                      <ErrorCode code={m.code} fallback={m.title} />
                    </td>
                    <td className="num">{m.count}</td>
                    <td className="num">{m.officers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section>
        <h2>执法人员（{officers.length}）</h2>
        <div className="table-scroll">
          <table className="table" data-testid="unit-officer-readiness">
            <thead>
              <tr>
                <th scope="col">姓名</th>
                {SKILLS.map((s) => (
                  <th key={s} scope="col">
                    {SKILL_LABELS[s]}
                  </th>
                ))}
                <th scope="col">最近练兵</th>
                <th scope="col" className="num">
                  练兵次数
                </th>
                <th scope="col" className="num">
                  最高分
                </th>
              </tr>
            </thead>
            <tbody>
              {officers.map((o) => (
                <tr key={o.id} data-username={o.username}>
                  <td>
                    <Link to={`/reports/officers/${o.id}`}>{o.name}</Link>
                  </td>
                  {SKILLS.map((s) => (
                    <td key={s}>{o.skills[s] ? '✓ 已掌握' : '—'}</td>
                  ))}
                  <td>{o.lastActivity ?? '未练兵'}</td>
                  <td className="num">{o.attempts}</td>
                  <td className="num">{o.bestScore ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
