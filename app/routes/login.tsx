import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
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
  // A target that is not a same-site path is dropped here, so the form never carries it.
  return { redirectTo: safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), '') };
}

const BAD_TARGET = '登录后要打开的地址无效。请从首页重新登录。';

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(loginSchema, await request.formData());
  if (!form.success) {
    return data(
      { fieldErrors: form.fieldErrors, formErrors: form.formErrors, username: form.values.username ?? '' },
      { status: 400 },
    );
  }
  // Only a hand-made request carries one (the page drops them): refuse it before any session is made.
  if (form.data.redirectTo && !safeRedirectPath(form.data.redirectTo, '')) {
    return data(
      {
        fieldErrors: {} as Record<string, string[] | undefined>,
        formErrors: [BAD_TARGET],
        username: form.data.username,
      },
      { status: 400 },
    );
  }
  const attempt = await attemptLogin(getDb(), { ...form.data, address: clientAddress(request) });
  if (!attempt.ok) {
    const { held, retryAfterSeconds } = attempt;
    return data(
      {
        fieldErrors: {} as Record<string, string[] | undefined>,
        formErrors: attempt.messages,
        username: form.data.username,
      },
      {
        status: held ? 429 : 400,
        headers: retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : undefined,
      },
    );
  }
  return createUserSession(
    request,
    attempt.user.id,
    safeRedirectPath(form.data.redirectTo, ROLE_HOME[attempt.user.role]),
  );
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const { redirectTo } = useLoaderData<typeof loader>();
  const submitting = useNavigation().state === 'submitting';
  return (
    <main className="page page--bare">
      <section className="login-card">
        <h1>执法练兵平台</h1>
        <p className="login-card__lead">“互联网+执法”系统岗位练兵 · 请登录</p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
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
