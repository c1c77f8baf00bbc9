import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '../models/auth.server';
import { getDemoFor } from '../models/demo.server';
import { practiceHomeOfUnit } from '../models/practice-home.server';
import { DrillMaterials } from '../ui/drill';
import { StepForm } from '../ui/step-form';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `演示 · ${data?.scenario.title ?? '练兵场景'} · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const step = Number(new URL(request.url).searchParams.get('step') ?? '1');
  const db = getDb();
  const home = await practiceHomeOfUnit(db, user.unit);
  const view = await getDemoFor(db, user, params.scenarioId ?? '', Number.isSafeInteger(step) ? step - 1 : 0, home);
  invariantResponse(view, '练兵场景不存在', { status: 404 });
  // An open assessment of this scenario closes its demo (assessment integrity).
  if (!view.ok) throw data(view.reason, { status: view.status });
  // Officers come from their drills; trainers and others preview from the catalogue.
  const back =
    user.role === 'officer'
      ? { to: '/officer', label: '演示结束，返回我的练兵' }
      : { to: `/catalogue/${view.scenario.id}`, label: '演示结束，返回场景目录' };
  return { ...view, back };
}

export default function DemoPage() {
  const view = useLoaderData<typeof loader>();
  const number = view.index + 1;
  return (
    <div className="drill">
      <p className="page-kicker">
        <span className="badge badge--practice">演示</span> 参考答案逐步演示（不计成绩）
      </p>
      <h1>{view.scenario.title}</h1>
      <div className="drill__layout">
        <aside className="drill__card">
          <DrillMaterials brief={view.scenario.brief} materials={view.materials} />
          <section>
            <h2>办理步骤</h2>
            <ol className="demo-outline">
              {view.outline.map((title, i) => (
                <li key={i} className={i === view.index ? 'is-current' : undefined}>
                  <Link to={`?step=${i + 1}`}>{title}</Link>
                </li>
              ))}
            </ol>
          </section>
        </aside>
        <div className="drill__work">
          <section className="form-card step-card" data-testid="demo-step">
            <p className="page-kicker">
              第 {number} / {view.total} 步 · {view.step.module} · 办理前阶段：{view.stageBefore}
            </p>
            <h2>{view.step.title}</h2>
            <StepForm step={view.step} version={0} values={view.values} readOnly />
            <p>
              办理后阶段：<strong>{view.stageAfter}</strong>
            </p>
          </section>
          {view.feedback.length > 0 ? (
            <section className="feedback">
              <h2>这一步对应的评分要点</h2>
              <ul>
                {view.feedback.map((f) => (
                  <li key={f.code} className={f.ok ? 'feedback__ok' : 'feedback__miss'}>
                    <strong>{f.title}</strong>：{f.message}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <nav className="pager" aria-label="演示步骤">
            {view.index > 0 ? <Link to={`?step=${number - 1}`}>上一步</Link> : <span />}
            {view.finished ? (
              <Link to={view.back.to}>{view.back.label}</Link>
            ) : (
              <Link to={`?step=${number + 1}`}>下一步</Link>
            )}
          </nav>
        </div>
      </div>
    </div>
  );
}
