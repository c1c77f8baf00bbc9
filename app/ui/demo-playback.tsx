import type { ReactNode } from 'react';
import type { FieldDescriptor } from '../../scenarios/lib/form';
import type { MaterialSection } from '../../scenarios/types';
import { DrillMaterials } from './drill';
import { StepForm, type StepValues } from './step-form';

/** What the demo of a model answer shows at one step (the shape of `demoViewOf`, app/models/demo.server.ts). */
export interface DemoPlaybackView {
  scenario: { id: string; title: string; brief: string };
  materials: MaterialSection[];
  index: number;
  total: number;
  outline: string[];
  step: { id: string; title: string; module: string; intro?: string | undefined; fields: FieldDescriptor[] };
  values: StepValues;
  stageBefore: string;
  stageAfter: string;
  feedback: { code: string; title: string; ok: boolean; message: string }[];
  finished: boolean;
}

/**
 * The model answer step by step beside the task card, as the demo page and the scenario editor's
 * preview show it. `stepLink(n, label)` renders the way to step n (1-based): a link, or a button.
 */
export function DemoPlayback({
  view,
  stepLink,
  end,
}: {
  view: DemoPlaybackView;
  stepLink: (step: number, label: ReactNode) => ReactNode;
  /** What replaces 下一步 at the last step (the way back). */
  end: ReactNode;
}) {
  const number = view.index + 1;
  return (
    <div className="drill__layout">
      <aside className="drill__card" data-testid="demo-card">
        <DrillMaterials brief={view.scenario.brief} materials={view.materials} />
        <section>
          <h2>办理步骤</h2>
          <ol className="demo-outline">
            {view.outline.map((title, i) => (
              <li key={i} className={i === view.index ? 'is-current' : undefined}>
                {stepLink(i + 1, title)}
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
          {view.index > 0 ? stepLink(number - 1, '上一步') : <span />}
          {view.finished ? end : stepLink(number + 1, '下一步')}
        </nav>
      </div>
    </div>
  );
}
