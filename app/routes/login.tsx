import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { createUserSession, getCurrentUser, verifyLogin } from '../models/auth.server';
import { ErrorList, Field } from '../ui/field';
import { getDb } from '../utils/db.server';
import { parseForm } from '../utils/forms';
import { safeRedirectPath } from '../utils/http.server';
import { ROLE_HOME } from '../utils/roles';
import { loginSchema } from '../validation/auth';

export const meta: MetaFunction = () => [{ title: '登录 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(ROLE_HOME[user.role]);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(loginSchema, await request.formData());
  if (!form.success) {
    return data({ fieldErrors: form.fieldErrors, formErrors: form.formErrors, username: form.values.username ?? '' }, { status: 400 });
  }
  const found = await verifyLogin(getDb(), form.data.username, form.data.password);
  if (!found) {
    return data(
      { fieldErrors: {} as Record<string, string[] | undefined>, formErrors: ['用户名或密码错误'], username: form.data.username },
      { status: 400 },
    );
  }
  return createUserSession(request, found.id, safeRedirectPath(form.data.redirectTo, ROLE_HOME[found.role]));
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  return (
    <main className="page page--bare">
      <section className="login-card">
        <h1>执法练兵平台</h1>
        <p className="login-card__lead">“互联网+执法”系统岗位练兵 · 请登录</p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          <ErrorList errors={actionData?.formErrors} />
          <Field
            label="用户名"
            name="username"
            autoComplete="username"
            autoFocus
            defaultValue={actionData?.username}
            errors={actionData?.fieldErrors.username}
          />
          <Field
            label="密码"
            name="password"
            type="password"
            autoComplete="current-password"
            errors={actionData?.fieldErrors.password}
          />
          <button type="submit" className="button button--primary button--block" disabled={submitting}>
            {submitting ? '正在登录…' : '登录'}
          </button>
        </Form>
      </section>
    </main>
  );
}
