import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useEffect } from 'react';
import { getDrillView, handIn, submitDrillStep, takeHint } from '../models/attempt.server';
import { requireUser } from '../models/auth.server';
import { AssessmentCountdown, DrillMaterials, ModeBadge } from '../ui/drill';
import { InPageLink } from '../ui/in-page-link';
import { draftKey, dropStaleDrafts, StepForm, type StepValues } from '../ui/step-form';
import { getDb } from '../utils/db.server';
import { beijingTime } from '../utils/format';
import { parseForm } from '../utils/forms';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';
import { drillActionSchema } from '../validation/drill';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.scenario.title ?? '练兵'} · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attemptId = requireIdParam(params.attemptId, '练兵记录');
  const view = await getDrillView(getDb(), user.id, attemptId, new URL(request.url).searchParams.get('step'));
  invariantResponse(view, '练兵记录不存在', { status: 404 });
  // A finished attempt has its result page; one the system closed (scenario updated) is explained here.
  if (view.attempt.status === 'finished' && !(view.kind === 'outdated' && view.attempt.closed)) {
    throw redirect(`/drills/${attemptId}/result`);
  }
  return view;
}

/** The step's own fields: everything posted except the envelope (`_…`); repeated names become lists. */
function stepValues(formData: FormData): StepValues {
  const values: StepValues = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('_')) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    values[key] = all.length > 1 ? all : all[0];
  }
  return values;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const attemptId = requireIdParam(params.attemptId, '练兵记录');
  const formData = await request.formData();
  const envelope = parseForm(drillActionSchema, formData);
  if (!envelope.success) {
    return data(
      { reason: envelope.formErrors[0] ?? '请求有误，请刷新页面后重试', fieldErrors: {}, values: {}, stepId: null },
      { status: 400 },
    );
  }
  const db = getDb();
  const form = envelope.data;
  const values = form._intent === 'step' ? stepValues(formData) : {};
  const result =
    form._intent === 'step'
      ? await submitDrillStep(db, user.id, attemptId, { stepId: form._step, values, version: form._version })
      : form._intent === 'hint'
        ? await takeHint(db, user.id, attemptId, { hintId: form._hint, version: form._version })
        : await handIn(db, user.id, attemptId, { version: form._version });
  if (!result.ok) {
    return data(
      {
        reason: result.reason,
        fieldErrors: result.fieldErrors ?? {},
        values,
        stepId: form._intent === 'step' ? form._step : null,
      },
      { status: result.status },
    );
  }
  if (result.finished) throw redirect(`/drills/${attemptId}/result`);
  const back = new URL(request.url).searchParams.get('step');
  throw redirect(
    form._intent === 'hint' && back ? `/drills/${attemptId}?step=${encodeURIComponent(back)}` : `/drills/${attemptId}`,
  );
}

/** An attempt of an older scenario version: why it cannot go on, and a form to start the scenario again. */
function OutdatedDrill({
  view,
  reason,
}: {
  view: Extract<DrillView, { kind: 'outdated' }>;
  reason: string | undefined;
}) {
  const { restart } = view;
  return (
    <section className="form-card" data-testid="drill-outdated">
      <p className="page-kicker">
        <ModeBadge mode={view.attempt.mode} /> 开始时间：{beijingTime(view.attempt.startedAt)}
      </p>
      <h1>{view.scenario.title}</h1>
      {reason ? (
        <div className="alert" role="alert" data-testid="drill-error">
          {reason}
        </div>
      ) : null}
      <p className="alert alert--info" role="note" data-testid="version-note">
        {view.notice}
      </p>
      <Form method="post" action={restart.action}>
        <input type="hidden" name="scenarioId" value={restart.scenarioId} />
        {restart.mode ? <input type="hidden" name="mode" value={restart.mode} /> : null}
        <button type="submit" className="button button--primary">
          按新版本重新开始{restart.mode === 'assessment' ? '考核' : restart.mode === 'practice' ? '练习' : '练兵'}
        </button>{' '}
        <Link to="/officer" className="button">
          返回我的练兵
        </Link>
      </Form>
    </section>
  );
}

type DrillView = ReturnType<typeof useLoaderData<typeof loader>>;

export default function DrillPage() {
  const view = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state !== 'idle';
  const version = view.kind === 'drill' ? view.attempt.version : null;
  // A submission that moved the attempt on has sent what was typed: its drafts go.
  useEffect(() => {
    if (version !== null) dropStaleDrafts(view.attempt.id, version);
  }, [view.attempt.id, version]);
  if (view.kind === 'outdated') return <OutdatedDrill view={view} reason={failed?.reason} />;
  const { attempt, scenario, chosenStep } = view;
  // Errors belong to the form they came from; after a stale refusal the page shows the latest state.
  const errorsForStep = failed && chosenStep && failed.stepId === chosenStep.id ? failed : undefined;
  return (
    <div
      className="drill"
      aria-busy={busy}
      data-testid="drill"
      data-seed={view.attempt.seed}
      data-home={view.attempt.home ?? undefined}
      data-version={attempt.version}
    >
      <div className="drill__head">
        <p className="page-kicker">
          <ModeBadge mode={attempt.mode} /> 当前阶段：<strong data-testid="drill-stage">{view.stage}</strong>
        </p>
        <h1>{scenario.title}</h1>
        <InPageLink className="only-narrow small" target="task-card">
          查看任务卡 ↓
        </InPageLink>
        {attempt.deadline ? (
          <div data-testid="drill-deadline">
            <AssessmentCountdown
              deadline={attempt.deadline}
              serverNow={attempt.serverNow}
              deadlineText={beijingTime(attempt.deadline)}
            />
          </div>
        ) : null}
      </div>

      {/* A refusal of the form on the page is in its error summary; any other (a stale page) shows here. */}
      {failed?.reason && !errorsForStep ? (
        <div className="alert" role="alert" data-testid="drill-error">
          {failed.reason}
        </div>
      ) : null}

      {view.feedback && view.feedback.items.length > 0 ? (
        <section className="feedback" aria-label="练习反馈" data-testid="drill-feedback">
          <h2>“{view.feedback.stepTitle}”的反馈</h2>
          <ul>
            {view.feedback.items.map((item) => (
              <li key={item.code} className={item.ok ? 'feedback__ok' : 'feedback__miss'}>
                <strong>
                  {item.ok ? '✓' : '✗'} {item.title}
                </strong>
                ：{item.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="drill__layout">
        <aside className="drill__card" id="task-card">
          <DrillMaterials brief={scenario.brief} materials={view.materials} />
          {chosenStep ? (
            <InPageLink className="only-narrow small" target="step-form" data-testid="to-step-form">
              返回“{chosenStep.title}”表单 ↑
            </InPageLink>
          ) : null}
          {view.documents.length > 0 ? (
            <section>
              <h2>已开具文书</h2>
              <ul className="plain-list" data-testid="issued-documents">
                {view.documents.map((d) => (
                  <li key={d.number}>{d.number}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>

        <div className="drill__work">
          <nav className="system-modules" aria-label="系统模块">
            {view.modules.map((module) => (
              <section key={module.name} className="system-module">
                <h2>{module.name}</h2>
                <ul>
                  {module.steps.map((step) => (
                    <li key={step.id} className={step.id === chosenStep?.id ? 'is-current' : undefined}>
                      {step.available ? (
                        <Link to={`?step=${step.id}#step-form`} preventScrollReset>
                          {step.title}
                        </Link>
                      ) : (
                        <span className="muted">{step.title}</span>
                      )}
                      {step.completed ? <span className="tag tag--done">已办理</span> : null}
                      {!step.available && !step.completed ? <span className="tag">当前不可办理</span> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </nav>

          {chosenStep ? (
            <section className="form-card step-card" aria-labelledby="step-title" id="step-form">
              <p className="page-kicker">{chosenStep.module}</p>
              <h2 id="step-title">{chosenStep.title}</h2>
              <InPageLink className="only-narrow small" target="task-card" data-testid="to-task-card">
                查看任务卡 ↓
              </InPageLink>
              <StepForm
                key={`${chosenStep.id}-${attempt.version}`}
                step={chosenStep}
                version={attempt.version}
                values={errorsForStep?.values}
                fieldErrors={errorsForStep?.fieldErrors}
                reason={errorsForStep?.reason}
                draft={draftKey(attempt.id, attempt.version, chosenStep.id)}
              />
              {view.hints.length > 0 ? (
                <div className="hints">
                  <h3>提示（练习模式）</h3>
                  {view.hintsClosed ? (
                    <p className="muted" data-testid="hints-closed">
                      {view.hintsClosed}
                    </p>
                  ) : null}
                  {view.hints.map((hint) =>
                    hint.text ? (
                      <p key={hint.id} className="hint">
                        💡 {hint.text}
                      </p>
                    ) : view.hintsClosed ? null : (
                      <Form key={hint.id} method="post" action={`?step=${chosenStep.id}`}>
                        <input type="hidden" name="_intent" value="hint" />
                        <input type="hidden" name="_hint" value={hint.id} />
                        <input type="hidden" name="_version" value={attempt.version} />
                        <button type="submit" className="button button--small">
                          查看提示（扣 {hint.cost} 分）
                        </button>
                      </Form>
                    ),
                  )}
                </div>
              ) : null}
            </section>
          ) : (
            <p className="empty">
              {searchParams.get('step')
                ? '该表单在当前阶段不可办理，请从上方选择可办理的业务。'
                : '请从上方的系统模块中选择要办理的业务。'}
            </p>
          )}

          <details className="hand-in">
            <summary>结束练兵（交卷）</summary>
            <Form method="post">
              <input type="hidden" name="_intent" value="handIn" />
              <input type="hidden" name="_version" value={attempt.version} />
              <p>
                交卷后按当前完成情况评分，不能再继续。
                {view.hintDeduction > 0 ? `已使用提示扣 ${view.hintDeduction} 分。` : ''}
              </p>
              <button type="submit" className="button button--danger">
                确认交卷
              </button>
            </Form>
          </details>
        </div>
      </div>
    </div>
  );
}
