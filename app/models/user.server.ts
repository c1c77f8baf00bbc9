import { sql, type Kysely } from 'kysely';
import type { Database, Role, Unit } from '../../db/schema';
import { hashPassword } from '../utils/password.server';
import type { CreateUserInput, UpdateUserInput } from '../validation/users';
import { clearLoginFailures } from './login-throttle.server';
import { findUnitByCode, isWithinSubtree } from './unit.server';

export const USERS_PAGE_SIZE = 50;

type Scope = Pick<Unit, 'path'>;
type Actor = { id: number; unit: Scope };

/** A service refusal that belongs beside a form field (or the whole form when `field` is absent). */
export type ServiceError = { ok: false; field?: string; message: string };

/** Users in the viewer's subtree, filtered and paged, with each one's unit. */
export async function listUsers(
  db: Kysely<Database>,
  scope: Scope,
  filters: { q?: string; role?: Role; unit?: string; page: number },
) {
  let query = db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .where('units.path', '>=', scope.path)
    .where('units.path', '<', `${scope.path}~`);
  if (filters.role) query = query.where('users.role', '=', filters.role);
  if (filters.unit) {
    const unit = await findUnitByCode(db, filters.unit);
    // A unit outside the scope filters to nothing rather than widening the view.
    query =
      unit && isWithinSubtree(scope, unit)
        ? query.where('units.path', '>=', unit.path).where('units.path', '<', `${unit.path}~`)
        : query.where(sql<boolean>`false`);
  }
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('users.username', 'like', sql<string>`${pattern} escape '\\'`),
        eb('users.display_name', 'like', sql<string>`${pattern} escape '\\'`),
      ]),
    );
  }
  const [{ total }, rows] = await Promise.all([
    query.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    query
      .select([
        'users.id',
        'users.username',
        'users.display_name',
        'users.role',
        'users.disabled',
        'users.password_hash',
        'units.code as unit_code',
        'units.name as unit_name',
      ])
      .orderBy('users.id')
      .limit(USERS_PAGE_SIZE)
      .offset((filters.page - 1) * USERS_PAGE_SIZE)
      .execute(),
  ]);
  return {
    total,
    users: rows.map(({ password_hash, ...row }) => ({ ...row, canLogIn: password_hash !== null })),
  };
}

/** One user with their unit, if they are within the viewer's subtree. */
export async function findUserInScope(db: Kysely<Database>, scope: Scope, userId: number) {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .where('users.id', '=', userId)
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.disabled',
      'users.password_hash',
      'users.created_at',
      'units.code as unit_code',
      'units.name as unit_name',
      'units.path as unit_path',
    ])
    .executeTakeFirst();
  if (!row || !isWithinSubtree(scope, { path: row.unit_path })) return undefined;
  const { password_hash, ...user } = row;
  return { ...user, canLogIn: password_hash !== null };
}

async function unitInScope(db: Kysely<Database>, scope: Scope, code: string) {
  const unit = await findUnitByCode(db, code);
  return unit && isWithinSubtree(scope, unit) ? unit : undefined;
}

function audit(db: Kysely<Database>, actorId: number, action: string, userId: number, detail: object = {}) {
  return db
    .insertInto('audit_log')
    .values({
      actor_user_id: actorId,
      action,
      target_type: 'user',
      target_id: String(userId),
      detail: JSON.stringify(detail),
    })
    .execute();
}

/** Creates an account in a unit of the actor's subtree (用户名 must be new). */
export async function createUser(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateUserInput,
): Promise<{ ok: true; id: number } | ServiceError> {
  const unit = await unitInScope(db, actor.unit, input.unitCode);
  if (!unit) return { ok: false, field: 'unitCode', message: '所属单位不存在或不在您的管辖范围内' };
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) return { ok: false, field: 'username', message: '该用户名已被使用' } as const;
    const { id } = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        unit_id: unit.id,
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor.id, 'user.create', id, { username: input.username, role: input.role, unit: unit.code });
    return { ok: true, id } as const;
  });
}

/** Applies one edit-page action (re-assign, disable, enable, reset password, unlock login) to a user in scope. */
export async function updateUser(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  input: UpdateUserInput,
): Promise<{ ok: true; message: string } | ServiceError> {
  const target = await findUserInScope(db, actor.unit, userId);
  if (!target) return { ok: false, message: '用户不存在或不在您的管辖范围内' };
  const now = new Date().toISOString();
  switch (input.intent) {
    case 'reassign': {
      const unit = await unitInScope(db, actor.unit, input.unitCode);
      if (!unit) return { ok: false, field: 'unitCode', message: '所属单位不存在或不在您的管辖范围内' };
      if (target.id === actor.id && input.role !== target.role) {
        return { ok: false, field: 'role', message: '不能修改自己的角色' };
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ display_name: input.displayName, role: input.role, unit_id: unit.id, updated_at: now })
          .where('id', '=', userId)
          .execute();
        await audit(trx, actor.id, 'user.reassign', userId, {
          from: { role: target.role, unit: target.unit_code, displayName: target.display_name },
          to: { role: input.role, unit: unit.code, displayName: input.displayName },
        });
      });
      return { ok: true, message: '已保存' };
    }
    case 'disable': {
      if (target.id === actor.id) return { ok: false, message: '不能停用自己的账号' };
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ disabled: 1, updated_at: now }).where('id', '=', userId).execute();
        // A disabled account is signed out everywhere at once.
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        await audit(trx, actor.id, 'user.disable', userId);
      });
      return { ok: true, message: '账号已停用' };
    }
    case 'enable': {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ disabled: 0, updated_at: now }).where('id', '=', userId).execute();
        await audit(trx, actor.id, 'user.enable', userId);
      });
      return { ok: true, message: '账号已启用' };
    }
    case 'resetPassword': {
      const passwordHash = await hashPassword(input.password);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, updated_at: now })
          .where('id', '=', userId)
          .execute();
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        await audit(trx, actor.id, 'user.resetPassword', userId);
      });
      return { ok: true, message: '密码已重置，该用户需用新密码重新登录' };
    }
    case 'unlockLogin': {
      await db.transaction().execute(async (trx) => {
        const failures = await clearLoginFailures(trx, target.username);
        await audit(trx, actor.id, 'user.unlockLogin', userId, { failures });
      });
      return { ok: true, message: '已解除登录锁定，登录失败记录已清除' };
    }
  }
}
