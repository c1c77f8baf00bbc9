import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { createUserSession, getCurrentUser } from '../models/auth.server';
import { attemptLogin } from '../models/login-throttle.server';
import { ErrorList, Field } from '../ui/field';
import { clientAddress } from '../utils/client-address.server';
import { getDb } from '../utils/db.server';
import { parseForm } from '../utils/forms';
import { safeRedirectPath } from '../utils/http.server';
import { ROLE_HOME } from '../utils/roles';
import { loginSchema } from '../validation/auth';

export const meta: MetaFunction = () => [{ title: '登录 · 执法练兵平台' }];

// Without this, a document response would drop the action's Retry-After (Remix keeps only cookies).
export const headers: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return headers;
};

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
  const attempt = await attemptLogin(getDb(), { ...form.data, address: clientAddress(request) });
  if (!attempt.ok) {
    const { held, retryAfterSeconds } = attempt;
    return data(
      { fieldErrors: {} as Record<string, string[] | undefined>, formErrors: attempt.messages, username: form.data.username },
      { status: held ? 429 : 400, headers: retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : undefined },
    );
  }
  return createUserSession(request, attempt.user.id, safeRedirectPath(form.data.redirectTo, ROLE_HOME[attempt.user.role]));
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
