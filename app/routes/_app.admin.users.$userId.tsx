import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { ROLES } from '../../db/schema';
import { requireRole } from '../models/auth.server';
import { listUnitsInSubtree } from '../models/unit.server';
import { loginLockStatus } from '../models/login-throttle.server';
import { findUserInScope, updateUser } from '../models/user.server';
import { ErrorList, Field, SelectField } from '../ui/field';
import { unitOptions } from '../ui/unit-options';
import { getDb } from '../utils/db.server';
import { parseForm, refusal } from '../utils/forms';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';
import { beijingTime } from '../utils/format';
import { ROLE_LABELS } from '../utils/roles';
import { updateUserSchema } from '../validation/users';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.display_name ?? '用户'} · 用户管理 · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin']);
  const db = getDb();
  const user = await findUserInScope(db, admin.unit, requireIdParam(params.userId, '用户'));
  invariantResponse(user, '用户不存在或不在您的管辖范围内', { status: 404 });
  const [units, loginLock] = await Promise.all([
    listUnitsInSubtree(db, admin.unit),
    loginLockStatus(db, user.username),
  ]);
  return { user, units, loginLock, isSelf: user.id === admin.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin']);
  const userId = requireIdParam(params.userId, '用户');
  const form = parseForm(updateUserSchema, await request.formData());
  if (!form.success) return data({ ...form, intent: form.values.intent ?? null, message: null }, { status: 400 });
  const result = await updateUser(getDb(), admin, userId, form.data);
  if (!result.ok)
    return data({ ...refusal(result, form.values), intent: form.data.intent, message: null }, { status: 400 });
  return {
    success: true as const,
    intent: form.data.intent,
    message: result.message,
    fieldErrors: {},
    formErrors: [],
    values: {},
  };
}

export default function EditUser() {
  const { user, units, loginLock, isSelf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errorsFor = (intent: string) => (result && !result.success && result.intent === intent ? result : undefined);
  const reassign = errorsFor('reassign');
  const reset = errorsFor('resetPassword');
  const toggle = errorsFor(user.disabled ? 'enable' : 'disable');
  const unlock = errorsFor('unlockLogin');
  return (
    <>
      <nav className="breadcrumb">
        <Link to="/admin">用户管理</Link> › <span aria-current="page">{user.display_name}</span>
      </nav>
      <h1>
        {user.display_name} <small className="muted">{user.username}</small>
      </h1>
      {searchParams.get('created') && !result ? (
        <p className="notice" role="status">
          用户已创建。
        </p>
      ) : null}
      {result?.success ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>角色</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
        </div>
        <div>
          <dt>单位</dt>
          <dd>
            <Link to={`/units/${user.unit_code}`}>{user.unit_name}</Link>
          </dd>
        </div>
        <div>
          <dt>状态</dt>
          <dd data-testid="user-status">{user.disabled ? '已停用' : user.canLogIn ? '正常' : '未开通登录'}</dd>
        </div>
      </dl>

      <section className="form-card">
        <h2>基本信息与所属单位</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="reassign" />
          <ErrorList errors={reassign?.formErrors} />
          <Field
            label="姓名"
            name="displayName"
            defaultValue={reassign?.values.displayName ?? user.display_name}
            errors={reassign?.fieldErrors.displayName}
          />
          <SelectField
            label="角色"
            name="role"
            defaultValue={reassign?.values.role ?? user.role}
            errors={reassign?.fieldErrors.role}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
          <SelectField
            label="所属单位"
            name="unitCode"
            defaultValue={reassign?.values.unitCode ?? user.unit_code}
            errors={reassign?.fieldErrors.unitCode}
            options={unitOptions(units)}
          />
          <button type="submit" className="button button--primary">
            保存
          </button>
        </Form>
      </section>

      <section className="form-card">
        <h2>重置密码</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="resetPassword" />
          <ErrorList errors={reset?.formErrors} />
          <Field
            label="新密码"
            name="password"
            type="password"
            autoComplete="new-password"
            errors={reset?.fieldErrors.password}
            help="至少 8 个字符。重置后该用户的所有登录会话失效。"
          />
          <button type="submit" className="button">
            重置密码
          </button>
        </Form>
      </section>

      {loginLock.failures > 0 ? (
        <section className="form-card">
          <h2>登录锁定</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="unlockLogin" />
            <ErrorList errors={unlock?.formErrors} />
            <p data-testid="login-lock">
              {loginLock.lockedUntil
                ? `登录已锁定，至 ${beijingTime(loginLock.lockedUntil)} 自动解除。`
                : '登录未锁定。'}
              过去 24 小时登录失败 {loginLock.failures} 次。
            </p>
            <p className="muted">解除后清除该账号的全部登录失败记录，用户可立即用正确的密码登录。</p>
            <button type="submit" className="button">
              解除登录锁定
            </button>
          </Form>
        </section>
      ) : null}

      {isSelf ? null : (
        <section className="form-card">
          <h2>{user.disabled ? '启用账号' : '停用账号'}</h2>
          <Form method="post">
            <input type="hidden" name="intent" value={user.disabled ? 'enable' : 'disable'} />
            <ErrorList errors={toggle?.formErrors} />
            <p className="muted">
              {user.disabled ? '启用后该用户可以重新登录。' : '停用后该用户立即退出登录且无法再登录，练兵记录保留。'}
            </p>
            <button type="submit" className={user.disabled ? 'button' : 'button button--danger'}>
              {user.disabled ? '启用账号' : '停用账号'}
            </button>
          </Form>
        </section>
      )}
    </>
  );
}
