import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { createPendingImport, parseStatisticsFile, STATISTICS_UPLOAD_LIMITS } from '../models/statistics-import.server';
import { ErrorList, Field } from '../ui/field';
import { getDb } from '../utils/db.server';
import { parseForm } from '../utils/forms';
import { readMultipartUpload } from '../utils/upload.server';
import {
  MAX_STATISTICS_FILE_BYTES,
  MAX_STATISTICS_ROWS,
  STATISTICS_COLUMNS,
  statisticsUploadSchema,
} from '../validation/statistics';

export const meta: MetaFunction = () => [{ title: '导入系统统计 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['manager', 'admin']);
  return null;
}

type Failure = {
  fieldErrors: Record<string, string[] | undefined>;
  formErrors: string[];
  values: Record<string, string>;
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const upload = await readMultipartUpload(request, STATISTICS_UPLOAD_LIMITS);
  if (!upload.ok)
    return data<Failure>(
      { fieldErrors: { file: [upload.message] }, formErrors: [], values: {} },
      { status: upload.status },
    );
  const formData = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) formData.set(name, value);
  const form = parseForm(statisticsUploadSchema, formData);
  const fieldErrors: Record<string, string[] | undefined> = form.success ? {} : { ...form.fieldErrors };
  if (!upload.file) fieldErrors.file = ['请选择要导入的统计文件'];
  if (!form.success || !upload.file)
    return data<Failure>({ fieldErrors, formErrors: [], values: form.values }, { status: 400 });
  const { file } = upload;
  const parsed = await parseStatisticsFile(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!parsed.ok) {
    return data<Failure>(
      { fieldErrors: { file: parsed.errors }, formErrors: [], values: form.values },
      { status: parsed.status ?? 400, headers: parsed.status === 429 ? { 'Retry-After': '10' } : undefined },
    );
  }
  const id = await createPendingImport(getDb(), user, {
    fileName: file.name,
    periodYear: form.data.periodYear,
    rows: parsed.rows,
  });
  throw redirect(`/reports/import/${id}`);
}

export default function ImportPage() {
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <>
      <p className="page-kicker">
        <Link to="/reports">练兵达标情况</Link> › 导入系统统计
      </p>
      <h1>导入“互联网+执法”系统统计</h1>
      <p className="lead">
        上传从“互联网+执法”系统导出的各单位在线执法统计（TSV、CSV 或 XLSX），表头须与系统导出一致：
        {STATISTICS_COLUMNS.map((c) => `“${c.header}”`).join('、')}
        。导入后各单位的系统数据会显示在达标报表中。文件不能超过 {MAX_STATISTICS_FILE_BYTES /
          1024 /
          1024} MB，每次最多 {MAX_STATISTICS_ROWS} 行。
      </p>
      <Form method="post" encType="multipart/form-data" className="form-card" noValidate>
        <ErrorList errors={failed?.formErrors} />
        <Field
          label="统计年度"
          name="periodYear"
          inputMode="numeric"
          defaultValue={failed?.values.periodYear ?? String(new Date().getFullYear() - 1)}
          errors={failed?.fieldErrors.periodYear}
        />
        <Field
          label="统计文件"
          name="file"
          type="file"
          accept=".tsv,.csv,.txt,.xlsx"
          errors={failed?.fieldErrors.file}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? '正在读取…' : '读取文件'}
        </button>
      </Form>
    </>
  );
}
