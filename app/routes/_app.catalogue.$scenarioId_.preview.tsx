import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { practiceHomeOfUnit } from '../models/practice-home.server';
import { previewForm, previewSaved, type EditorPreview } from '../models/scenario-editor.server';
import { DemoPlayback } from '../ui/demo-playback';
import { getDb } from '../utils/db.server';
import { parseForm } from '../utils/forms';
import { fieldLabel, scenarioEditorSchema } from '../validation/scenario-editor';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `预览 · ${data?.scenario.title ?? '练兵场景'} · 场景目录 · 执法练兵平台` },
];

const refused = (r: { status: number; message: string }) =>
  new Response(r.message, { status: r.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

const stepIndex = (raw: FormDataEntryValue | string | null) => {
  const n = Number(typeof raw === 'string' ? raw : '1');
  return Number.isSafeInteger(n) ? n - 1 : 0;
};

/** The saved draft (or the latest version): task card and model answer step by step, or why it cannot run. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['trainer']);
  const db = getDb();
  const home = await practiceHomeOfUnit(db, user.unit);
  const index = stepIndex(new URL(request.url).searchParams.get('step'));
  const result = await previewSaved(db, user, params.scenarioId ?? '', index, home);
  if (!result.ok) throw refused(result);
  return { scenario: result.scenario, preview: result.preview };
}

/** The editor's live preview: the form as typed, parsed like a save, run in memory; nothing is stored. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ['trainer']);
  const db = getDb();
  const formData = await request.formData();
  const index = stepIndex(formData.get('step'));
  formData.delete('step');
  formData.delete('intent');
  const parsed = parseForm(scenarioEditorSchema, formData);
  if (!parsed.success) {
    const errors = [
      ...parsed.formErrors,
      ...Object.entries(parsed.fieldErrors).flatMap(([name, e]) => (e ?? []).map((m) => `${fieldLabel(name)}：${m}`)),
    ];
    return { preview: { ok: false, errors } as EditorPreview };
  }
  const home = await practiceHomeOfUnit(db, user.unit);
  const result = await previewForm(db, user, params.scenarioId ?? '', parsed.data, index, home);
  if (!result.ok) throw refused(result);
  return { preview: result.preview };
}

export default function ScenarioPreviewPage() {
  const { scenario, preview } = useLoaderData<typeof loader>();
  const edit = `/catalogue/${scenario.id}/edit`;
  return (
    <div className="drill">
      <nav className="breadcrumb">
        <Link to="/catalogue">场景目录</Link> › <Link to={edit}>编辑</Link> › <span aria-current="page">预览</span>
      </nav>
      <p className="page-kicker">
        <span className="badge badge--practice">预览</span>{' '}
        {scenario.fromPublished
          ? `已发布的第 ${scenario.publishedVersion} 版`
          : `第 ${scenario.nextVersion} 版草稿（已保存的内容）`}
        ：执法人员开始时看到的任务卡，和参考答案逐步演示（不计成绩）
      </p>
      <h1>{preview.ok ? preview.scenario.title : scenario.title}</h1>
      <p>
        <Link to={edit}>返回编辑</Link>
      </p>
      {preview.ok ? (
        <DemoPlayback
          view={preview}
          stepLink={(step, label) => <Link to={`?step=${step}`}>{label}</Link>}
          end={<Link to={edit}>演示结束，返回编辑</Link>}
        />
      ) : (
        <div className="alert" role="alert" data-testid="preview-errors">
          <h2>该草稿无法生成预览</h2>
          <ul>
            {preview.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          <p>
            <Link to={edit}>返回编辑修改</Link>
          </p>
        </div>
      )}
    </div>
  );
}
