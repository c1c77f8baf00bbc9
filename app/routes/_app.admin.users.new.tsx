import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ROLES } from '../../db/schema';
import { requireRole } from '../models/auth.server';
import { listUnitsInSubtree } from '../models/unit.server';
import { createUser } from '../models/user.server';
import { ErrorList, Field, SelectField } from '../ui/field';
import { unitOptions } from '../ui/unit-options';
import { getDb } from '../utils/db.server';
import { parseForm, refusal } from '../utils/forms';
import { ROLE_LABELS } from '../utils/roles';
import { createUserSchema } from '../validation/users';

export const meta: MetaFunction = () => [{ title: '新建用户 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin']);
  return { units: await listUnitsInSubtree(getDb(), admin.unit) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin']);
  const form = parseForm(createUserSchema, await request.formData());
  if (!form.success) return data(form, { status: 400 });
  const result = await createUser(getDb(), admin, form.data);
  if (!result.ok) return data(refusal(result, form.values), { status: 400 });
  throw redirect(`/admin/users/${result.id}?created=1`);
}

export default function NewUser() {
  const { units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.fieldErrors ?? {};
  const values = result?.values ?? {};
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>新建用户</h1>
      <Form method="post" className="form-card" noValidate>
        <ErrorList errors={result?.formErrors} />
        <Field
          label="用户名"
          name="username"
          defaultValue={values.username}
          errors={errors.username}
          help="小写字母、数字、点、下划线或连字符，3–32 个字符"
        />
        <Field label="姓名" name="displayName" defaultValue={values.displayName} errors={errors.displayName} />
        <Field
          label="初始密码"
          name="password"
          type="password"
          autoComplete="new-password"
          errors={errors.password}
          help="至少 8 个字符，请通过安全渠道告知本人"
        />
        <SelectField
          label="角色"
          name="role"
          defaultValue={values.role ?? 'officer'}
          errors={errors.role}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        <SelectField
          label="所属单位"
          name="unitCode"
          defaultValue={values.unitCode ?? ''}
          errors={errors.unitCode}
          placeholder="请选择单位"
          options={unitOptions(units)}
        />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? '正在保存…' : '创建用户'}
        </button>
      </Form>
    </>
  );
}
