import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { importScenario } from '../models/scenario-library.server';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';
import { readMultipartUpload, type UploadLimits } from '../utils/upload.server';
import { MAX_SCENARIO_FILE_BYTES } from '../validation/scenario-library';

export const meta: MetaFunction = () => [{ title: '导入场景 · 场景目录 · 执法练兵平台' }];

const LIMITS: UploadLimits = {
  file: { name: 'file', label: '场景文件', maxBytes: MAX_SCENARIO_FILE_BYTES, extensions: ['json'] },
  fields: {},
  maxFieldBytes: 1024,
  maxParts: 4,
};
const TOO_LARGE = `场景文件不能超过 ${MAX_SCENARIO_FILE_BYTES / 1024} KB`;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['trainer']);
  return null;
}

type Failure = { message: string; errors: string[] };

/** 导入: the file becomes a new draft of the trainer's unit, checked by the editor's schema; then its page. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ['trainer']);
  // Remix's unstable_parseMultipartFormData bounds only each part; this reads the whole body bounded.
  const upload = await readMultipartUpload(request, LIMITS);
  if (!upload.ok)
    return data<Failure>(
      { message: upload.status === 413 ? TOO_LARGE : upload.message, errors: [] },
      { status: upload.status },
    );
  if (!upload.file) return data<Failure>({ message: '请选择要导入的场景文件（.json）', errors: [] }, { status: 400 });
  const imported = await importScenario(getDb(), user, upload.file.name, await upload.file.text());
  if (!imported.ok) {
    invariantResponse(imported.status !== 403, imported.message, { status: 403 });
    return data<Failure>({ message: imported.message, errors: imported.errors ?? [] }, { status: 400 });
  }
  throw redirect(`/catalogue/${imported.id}`);
}

export default function ImportScenario() {
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <>
      <nav className="breadcrumb">
        <Link to="/catalogue">场景目录</Link> › <span aria-current="page">导入场景</span>
      </nav>
      <h1>导入场景</h1>
      <p className="lead">
        导入其他单位用“导出
        JSON”共享的场景文件。文件按编辑页相同的规则检查，通过后成为本单位的一份新草稿，须经引擎检查后才能发布。文件不能超过{' '}
        {MAX_SCENARIO_FILE_BYTES / 1024} KB。
      </p>
      <Form method="post" encType="multipart/form-data" className="form-card" noValidate>
        <div className="field">
          <label htmlFor="field-file">场景文件</label>
          <input
            id="field-file"
            name="file"
            type="file"
            accept="application/json,.json"
            aria-invalid={failed ? true : undefined}
            aria-describedby={failed ? 'field-file-error' : undefined}
          />
          {failed ? (
            <div id="field-file-error" className="error-list" role="alert" data-testid="import-errors">
              <p>{failed.message}</p>
              {failed.errors.length > 0 ? (
                <ul>
                  {failed.errors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? '正在导入…' : '导入'}
        </button>
      </Form>
    </>
  );
}
