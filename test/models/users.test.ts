import { describe, expect, it } from 'vitest';
import { verifyLogin } from '../../app/models/auth.server';
import { findUnitByCode } from '../../app/models/unit.server';
import { createUser, findUserInScope, listUsers, updateUser } from '../../app/models/user.server';
import { useTestDatabase } from '../support/db';

async function actor(db: ReturnType<typeof useTestDatabase>['db'], username: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'unit_id'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const unit = await db.selectFrom('units').select('path').where('id', '=', user.unit_id).executeTakeFirstOrThrow();
  return { id: user.id, unit };
}

const newOfficer = {
  username: 'li.qiang',
  displayName: '李强',
  password: 'secret-pass-1',
  role: 'officer',
  unitCode: '130322',
} as const;

describe('user administration', () => {
  it('creates an account that can log in, and writes an audit entry', async () => {
    const { db } = useTestDatabase();
    const admin = await actor(db, 'admin');
    const result = await createUser(db, admin, newOfficer);
    expect(result).toMatchObject({ ok: true });
    const login = await verifyLogin(db, 'li.qiang', 'secret-pass-1');
    expect(login).toMatchObject({ role: 'officer' });
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'user.create').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toEqual({ username: 'li.qiang', role: 'officer', unit: '130322' });
  });

  it('refuses a taken username or a unit outside the actor’s subtree, and stores nothing', async () => {
    const { db } = useTestDatabase();
    const admin = await actor(db, 'admin');
    const manager = await actor(db, 'qhd.manager');
    const before = await db.selectFrom('users').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

    expect(await createUser(db, admin, { ...newOfficer, username: 'trainer' })).toEqual({
      ok: false,
      field: 'username',
      message: '该用户名已被使用',
    });
    expect(await createUser(db, manager, { ...newOfficer, unitCode: '130203' })).toEqual({
      ok: false,
      field: 'unitCode',
      message: '所属单位不存在或不在您的管辖范围内',
    });
    expect(await createUser(db, admin, { ...newOfficer, unitCode: 'nope' })).toMatchObject({
      ok: false,
      field: 'unitCode',
    });

    const after = await db.selectFrom('users').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
  });

  it('re-assigns a user to another unit and role', async () => {
    const { db } = useTestDatabase();
    const admin = await actor(db, 'admin');
    const officer = await actor(db, 'changli.officer');
    const result = await updateUser(db, admin, officer.id, {
      intent: 'reassign',
      displayName: '王建国',
      role: 'trainer',
      unitCode: '130324',
    });
    expect(result).toEqual({ ok: true, message: '已保存' });
    const lulong = (await findUnitByCode(db, '130324'))!;
    const user = await findUserInScope(db, admin.unit, officer.id);
    expect(user).toMatchObject({ display_name: '王建国', role: 'trainer', unit_code: lulong.code });
  });

  it('disabling signs the user out everywhere and blocks login; enabling restores it', async () => {
    const { db } = useTestDatabase();
    const admin = await actor(db, 'admin');
    const officer = await actor(db, 'changli.officer');
    await db
      .insertInto('sessions')
      .values({ id: 's1', user_id: officer.id, expires_at: '2099-01-01T00:00:00.000Z' })
      .execute();

    expect(await updateUser(db, admin, officer.id, { intent: 'disable' })).toEqual({ ok: true, message: '账号已停用' });
    expect(await db.selectFrom('sessions').selectAll().where('user_id', '=', officer.id).execute()).toEqual([]);
    expect(await verifyLogin(db, 'changli.officer', 'Drill@2023')).toBeNull();

    await updateUser(db, admin, officer.id, { intent: 'enable' });
    expect(await verifyLogin(db, 'changli.officer', 'Drill@2023')).not.toBeNull();
  });

  it('resets a password: the old one stops working, the new one works', async () => {
    const { db } = useTestDatabase();
    const admin = await actor(db, 'admin');
    const officer = await actor(db, 'changli.officer');
    await updateUser(db, admin, officer.id, { intent: 'resetPassword', password: 'brand-new-pass' });
    expect(await verifyLogin(db, 'changli.officer', 'Drill@2023')).toBeNull();
    expect(await verifyLogin(db, 'changli.officer', 'brand-new-pass')).not.toBeNull();
  });

  it('never lets an admin disable themselves or act outside their subtree', async () => {
    const { db } = useTestDatabase();
    const admin = await actor(db, 'admin');
    const manager = await actor(db, 'qhd.manager');
    expect(await updateUser(db, admin, admin.id, { intent: 'disable' })).toEqual({
      ok: false,
      message: '不能停用自己的账号',
    });
    const tangshanOfficer = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'zf130203001')
      .executeTakeFirstOrThrow();
    expect(await updateUser(db, manager, tangshanOfficer.id, { intent: 'disable' })).toEqual({
      ok: false,
      message: '用户不存在或不在您的管辖范围内',
    });
  });

  it('lists users within the scope only, filtered by name, role and unit', async () => {
    const { db } = useTestDatabase();
    const manager = await actor(db, 'qhd.manager');
    const all = await listUsers(db, manager.unit, { page: 1 });
    expect(all.total).toBe(322 + 1); // officers on record plus the manager
    const changli = await listUsers(db, manager.unit, { page: 1, unit: '130322', role: 'officer' });
    expect(changli.total).toBe(46);
    const outside = await listUsers(db, manager.unit, { page: 1, unit: '130203' });
    expect(outside.total).toBe(0);
    const byName = await listUsers(db, manager.unit, { page: 1, q: 'changli' });
    expect(byName.users.map((u) => u.username)).toEqual(['changli.officer']);
    // LIKE wildcards in the search are taken literally.
    expect((await listUsers(db, manager.unit, { page: 1, q: '%' })).total).toBe(0);
  });
});
