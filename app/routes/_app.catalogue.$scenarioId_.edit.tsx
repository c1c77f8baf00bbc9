import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useFetcher, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { requireRole } from '../models/auth.server';
import {
  editorChoices,
  editorFieldNames,
  editorValuesOf,
  openEditor,
  saveEditorForm,
} from '../models/scenario-editor.server';
import { DemoPlayback } from '../ui/demo-playback';
import { EditorErrorSummary, FORM_COMPLETE, ScenarioEditorForm } from '../ui/scenario-editor';
import { getDb } from '../utils/db.server';
import { parseForm } from '../utils/forms';
import { invariantResponse } from '../utils/http.server';
import {
  changeRows,
  editorIntent,
  errorsByField,
  formValues,
  scenarioEditorSchema,
} from '../validation/scenario-editor';
import type { action as previewAction } from './_app.catalogue.$scenarioId_.preview';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `编辑 · ${data?.scenario.title ?? '练兵场景'} · 场景目录 · 执法练兵平台` },
];

async function opened(request: Request, id: string) {
  const user = await requireRole(request, ['trainer']);
  const editor = await openEditor(getDb(), user, id);
  if (!editor.ok)
    throw new Response(editor.message, {
      status: editor.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  return { user, editor };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { editor } = await opened(request, params.scenarioId ?? '');
  return {
    scenario: editor.scenario,
    choices: editorChoices(editor.scenario.workflow),
    values: editorValuesOf(editor.spec),
    saved: new URL(request.url).searchParams.has('saved'),
  };
}

/** The live preview's posts store nothing: the page's data need not be reloaded after each. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction?.endsWith('/preview') ? false : defaultShouldRevalidate;

const stamp = () => Math.random().toString(36).slice(2);

export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.scenarioId ?? '';
  const { user, editor } = await opened(request, id);
  const formData = await request.formData();
  // A form sent before the page finished loading holds only the fields parsed so far: acting on it
  // would drop the rest (rows re-rendered without them, or saved without them). Nothing is done.
  if (formData.get(FORM_COMPLETE) !== '1')
    return data(
      {
        values: editorValuesOf(editor.spec),
        fieldErrors: {},
        formErrors: ['表单没有完整提交（页面尚未加载完就点了按钮），未作任何修改。下面是已保存的草稿，请再操作一次。'],
        stamp: stamp(),
      },
      { status: 400 },
    );
  const intent = editorIntent(formData.get('intent'));
  const values = formValues(formData);
  // Row buttons and 更新可选项 re-render the form as typed (rows added or removed); nothing is saved.
  if (intent.kind === 'add' || intent.kind === 'remove' || intent.kind === 'refresh')
    return { values: changeRows(values, intent), fieldErrors: {}, formErrors: [], stamp: stamp() };
  const parsed = parseForm(scenarioEditorSchema, formData);
  if (!parsed.success)
    return data(
      { values, fieldErrors: parsed.fieldErrors, formErrors: parsed.formErrors, stamp: stamp() },
      { status: 400 },
    );
  const saved = await saveEditorForm(getDb(), user, id, parsed.data);
  if (!saved.ok) {
    invariantResponse(saved.status === 400, saved.message, { status: saved.status });
    const mapped = errorsByField(saved.errors ?? [], editorFieldNames(values));
    return data(
      {
        values,
        fieldErrors: mapped.fieldErrors,
        formErrors: saved.errors?.length ? mapped.formErrors : [saved.message],
        stamp: stamp(),
      },
      { status: 400 },
    );
  }
  return redirect(intent.kind === 'preview' ? `/catalogue/${id}/preview` : `/catalogue/${id}/edit?saved=1#preview`);
}

/** With JavaScript: the preview of the form as typed, refreshed (debounced) as the trainer edits. */
function LivePreview({ scenarioId }: { scenarioId: string }) {
  const fetcher = useFetcher<typeof previewAction>();
  const [step, setStep] = useState(1);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const submit = useFetcherSubmit(fetcher, scenarioId);
  useEffect(() => {
    submit(step);
  }, [step, submit]);
  useEffect(() => {
    // On the document: the form is re-mounted after a refused save or a row button.
    const onEdit = (event: Event) => {
      if (!(event.target instanceof Element) || !event.target.closest('#scenario-editor')) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => submit(step), 600);
    };
    document.addEventListener('input', onEdit);
    document.addEventListener('change', onEdit);
    return () => {
      document.removeEventListener('input', onEdit);
      document.removeEventListener('change', onEdit);
      clearTimeout(timer.current);
    };
  }, [step, submit]);
  const preview = fetcher.data?.preview;
  return (
    <div data-testid="live-preview" aria-busy={fetcher.state !== 'idle'} aria-live="polite">
      <p className="muted small">按表单当前内容生成（尚未保存）{fetcher.state !== 'idle' ? '，正在更新…' : ''}</p>
      {!preview ? null : preview.ok ? (
        <DemoPlayback
          view={preview}
          stepLink={(n, label) => (
            <button type="button" className="link-button" onClick={() => setStep(n)}>
              {label}
            </button>
          )}
          end={<span className="muted">演示结束</span>}
        />
      ) : (
        <div className="alert" data-testid="preview-errors">
          <p>当前内容无法生成预览：</p>
          <ul>
            {preview.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function useFetcherSubmit(fetcher: ReturnType<typeof useFetcher>, scenarioId: string) {
  const { submit } = fetcher;
  return useCallback(
    (step: number) => {
      const form = document.getElementById('scenario-editor') as HTMLFormElement | null;
      if (!form) return;
      const body = new FormData(form);
      body.set('step', String(step));
      submit(body, { method: 'post', action: `/catalogue/${scenarioId}/preview` });
    },
    [submit, scenarioId],
  );
}

export default function ScenarioEditPage() {
  const { scenario, choices, values, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const shown = result?.values ?? values;
  return (
    <>
      <nav className="breadcrumb">
        <Link to="/catalogue">场景目录</Link> › <Link to={`/catalogue/${scenario.id}`}>{scenario.title}</Link> ›{' '}
        <span aria-current="page">编辑</span>
      </nav>
      <h1>编辑场景：{scenario.title}</h1>
      <p className="muted">
        {choices.workflowLabel} · {scenario.unitName} · {scenario.statusLabel}
      </p>
      {scenario.fromPublished ? (
        <p className="alert" data-testid="next-version-note">
          以下是已发布的第 {scenario.publishedVersion} 版。保存后将成为第 {scenario.nextVersion}{' '}
          版的草稿；发布前，练兵仍使用第 {scenario.publishedVersion} 版。
        </p>
      ) : (
        <p className="muted" data-testid="next-version-note">
          这是第 {scenario.nextVersion} 版的草稿（未发布）
          {scenario.publishedVersion ? `；发布前，练兵仍使用第 ${scenario.publishedVersion} 版` : ''}。
        </p>
      )}
      {saved && !result ? (
        <p className="notice" role="status" data-testid="saved-notice">
          草稿已保存。
        </p>
      ) : null}
      {result ? <EditorErrorSummary fieldErrors={result.fieldErrors} formErrors={result.formErrors} /> : null}
      <div className="editor-layout">
        <ScenarioEditorForm
          key={result?.stamp ?? 'saved'}
          workflow={scenario.workflow}
          values={shown}
          errors={result?.fieldErrors ?? {}}
          choices={choices}
        />
        <section id="preview" className="editor-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">预览</h2>
          <p>
            <Link to={`/catalogue/${scenario.id}/preview`}>打开预览页（已保存的内容：任务卡和参考答案逐步演示）</Link>
          </p>
          {hydrated ? (
            <LivePreview scenarioId={scenario.id} />
          ) : (
            <p className="muted small">启用 JavaScript 后，这里随输入实时显示预览；否则请点“预览（先保存）”。</p>
          )}
        </section>
      </div>
    </>
  );
}
