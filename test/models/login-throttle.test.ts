import { createServer, type IncomingMessage, type Server } from 'node:http';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { sql } from 'kysely';
import { connectDatabase } from '../../db/connection';
import {
  addressRule,
  attemptLogin,
  delayAfter,
  LOGIN_THROTTLE,
  loginLockStatus,
  type LoginAttempt,
} from '../../app/models/login-throttle.server';
import { updateUser } from '../../app/models/user.server';
import { clientAddress, normalizeAddress, PEER_HEADER, trustedProxyHops } from '../../app/utils/client-address.server';
import { frontDoor } from '../../app/utils/front-door.server';
import { parseEnv } from '../../app/utils/env.server';
import * as password from '../../app/utils/password.server';
import { useTestDatabase } from '../support/db';

// Counts the argon2 verifications, to show unknown usernames take the same path as known ones.
vi.mock('../../app/utils/password.server', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../app/utils/password.server')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const RIGHT = 'Drill@2023';
const WRONG = 'not-the-password';
const A = '203.0.113.7';

/** A clock the test moves by hand: nothing here depends on how fast the machine is. */
function fakeClock(start = '2026-12-01T02:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

type Db = ReturnType<typeof useTestDatabase>['db'];
const login = (db: Db, clock: () => Date, username: string, pass: string, address: string | null = A) =>
  attemptLogin(db, { username, password: pass, address }, clock);
const failureRows = (db: Db) => db.selectFrom('login_failures').selectAll().orderBy('id').execute();
const waitOf = (a: LoginAttempt) => (a.ok ? 0 : (a.retryAfterSeconds ?? 0) * 1000);

describe('login throttle: one account from one address', () => {
  it('backs off 1 s, 2 s, 4 s, then locks for 15 minutes at the 5th failure, refusing even the right password', async () => {
    const { db } = useTestDatabase();
    const clock = fakeClock();

    const first = await login(db, clock.now, 'trainer', WRONG);
    expect(first).toEqual({ ok: false, held: false, messages: ['用户名或密码错误'], retryAfterSeconds: null });

    const waits: number[] = [];
    for (let i = 2; i <= 4; i++) {
      const attempt = await login(db, clock.now, 'trainer', WRONG);
      expect(attempt).toMatchObject({ ok: false, held: false });
      waits.push(waitOf(attempt));
      // Too early: held back before the password is looked at, even the right one.
      clock.advance(waitOf(attempt) - 1);
      const early = await login(db, clock.now, 'trainer', RIGHT);
      expect(early).toEqual({
        ok: false,
        held: true,
        messages: ['登录尝试过于频繁，请 1 秒后再试。'],
        retryAfterSeconds: 1,
      });
      clock.advance(1);
    }
    expect(waits).toEqual([1000, 2000, 4000]);

    const fifth = await login(db, clock.now, 'trainer', WRONG);
    expect(fifth).toEqual({
      ok: false,
      held: false,
      messages: [
        '用户名或密码错误',
        '登录失败次数过多，已暂时锁定，请 15 分钟后再试；如需立即登录，请联系系统管理员解除锁定。',
      ],
      retryAfterSeconds: 15 * 60,
    });
    clock.advance(10 * 60 * 1000);
    const locked = await login(db, clock.now, 'trainer', RIGHT);
    expect(locked).toMatchObject({ ok: false, held: true, retryAfterSeconds: 5 * 60 });
    expect(locked.ok ? '' : locked.messages[0]).toContain('请 5 分钟后再试');
    expect(await loginLockStatus(db, 'trainer', clock.now())).toEqual({
      failures: 5,
      lockedUntil: '2026-12-01T02:15:07.000Z',
    });

    // Hammering a locked account is not counted, so it cannot lengthen the lock.
    for (let i = 0; i < 20; i++) await login(db, clock.now, 'trainer', WRONG);
    expect(await failureRows(db)).toHaveLength(5);

    clock.advance(5 * 60 * 1000);
    expect(await login(db, clock.now, 'trainer', RIGHT)).toMatchObject({ ok: true, user: { role: 'trainer' } });
    // The success forgives this address's failures.
    expect(await failureRows(db)).toEqual([]);
  });

  it('after a lock has run out, the next failure locks again (the day’s count stands)', async () => {
    const { db } = useTestDatabase();
    const clock = fakeClock();
    for (let i = 0; i < 5; i++) {
      clock.advance(10_000);
      await login(db, clock.now, 'trainer', WRONG);
    }
    clock.advance(LOGIN_THROTTLE.lockMs);
    const again = await login(db, clock.now, 'trainer', WRONG);
    expect(again).toMatchObject({ ok: false, held: false, retryAfterSeconds: 15 * 60 });
  });

  it('keeps the lock across a restart: the failures are in the database', async () => {
    const { db, location } = useTestDatabase();
    const clock = fakeClock();
    for (let i = 0; i < 5; i++) {
      clock.advance(10_000);
      await login(db, clock.now, 'trainer', WRONG);
    }
    const reopened = connectDatabase(location);
    onTestFinished(() => reopened.destroy());
    expect(await login(reopened, clock.now, 'trainer', RIGHT)).toMatchObject({ ok: false, held: true });
  });

  it('locks one address out of the account, not the account’s owner at another address', async () => {
    const { db } = useTestDatabase();
    const clock = fakeClock();
    for (let i = 0; i < 5; i++) {
      clock.advance(10_000);
      await login(db, clock.now, 'trainer', WRONG, A);
    }
    expect(await login(db, clock.now, 'trainer', RIGHT, A)).toMatchObject({ ok: false, held: true });
    expect(await login(db, clock.now, 'trainer', RIGHT, '198.51.100.20')).toMatchObject({ ok: true });
    // The owner's success does not forgive the attacker's address.
    expect(await login(db, clock.now, 'trainer', RIGHT, A)).toMatchObject({ ok: false, held: true });
    // An attacker keeping at it from that address all day never locks the account for the owner.
    for (let i = 0; i < 40; i++) {
      clock.advance(LOGIN_THROTTLE.lockMs);
      expect(await login(db, clock.now, 'trainer', WRONG, A)).toMatchObject({
        held: false,
        retryAfterSeconds: 15 * 60,
      });
    }
    expect(await failureRows(db)).toHaveLength(45);
    expect(await login(db, clock.now, 'trainer', RIGHT, '198.51.100.20')).toMatchObject({ ok: true });
  });
});

describe('login throttle: one account from many addresses', () => {
  it('locks the account everywhere at 20 failures in a day, with backoff from the 11th', async () => {
    const { db } = useTestDatabase();
    const clock = fakeClock();
    const results: LoginAttempt[] = [];
    for (let i = 1; i <= 20; i++) {
      clock.advance(20 * 60 * 1000); // slower than any backoff
      results.push(await login(db, clock.now, 'trainer', WRONG, `198.51.100.${i}`));
    }
    expect(results.slice(0, 10).every((r) => !r.ok && r.retryAfterSeconds === null)).toBe(true);
    expect(results.slice(10, 19).map(waitOf)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256].map((s) => s * 1000));
    expect(results[19]).toMatchObject({ retryAfterSeconds: 15 * 60 });
    expect(await login(db, clock.now, 'trainer', RIGHT, '192.0.2.99')).toMatchObject({ ok: false, held: true });
  });
});

describe('login throttle: one address, many usernames', () => {
  it('the free failures per address are a setting (an office behind one NAT address raises it), validated at boot', () => {
    expect(parseEnv({}).LOGIN_ADDRESS_FREE_FAILURES).toBe(30);
    expect(parseEnv({ LOGIN_ADDRESS_FREE_FAILURES: '1000' }).LOGIN_ADDRESS_FREE_FAILURES).toBe(1000);
    expect(() => parseEnv({ LOGIN_ADDRESS_FREE_FAILURES: '2' })).toThrow('LOGIN_ADDRESS_FREE_FAILURES 不能少于 5');
    expect(addressRule(1000)).toMatchObject({ free: 1000, lockAt: 1010 });
    expect(delayAfter(addressRule(1000), 999)).toBe(0);
    expect(delayAfter(addressRule(1000), 1001)).toBeGreaterThan(0);
    expect(addressRule(30)).toMatchObject(LOGIN_THROTTLE.address);
  });

  it('lets 30 failures pass, then backs off, and locks the address at 40 — for every username, not other addresses', async () => {
    const { db } = useTestDatabase();
    const clock = fakeClock();
    const results: LoginAttempt[] = [];
    for (let i = 1; i <= 40; i++) {
      clock.advance(1000);
      const result = await login(db, clock.now, `guess${i}`, WRONG);
      results.push(result);
      clock.advance(waitOf(result));
    }
    expect(results.slice(0, 30).every((r) => !r.ok && r.retryAfterSeconds === null)).toBe(true);
    expect(results.slice(30, 33).map(waitOf)).toEqual([1000, 2000, 4000]);
    expect(results[39]).toMatchObject({ retryAfterSeconds: 15 * 60 });

    clock.advance(-15 * 60 * 1000 + 60_000);
    expect(await login(db, clock.now, 'trainer', RIGHT)).toMatchObject({ ok: false, held: true });
    expect(await login(db, clock.now, 'trainer', RIGHT, '198.51.100.1')).toMatchObject({ ok: true });
  });

  it('stays out of the way of the e2e suite’s traffic: many successful logins and a few failures', async () => {
    const { db } = useTestDatabase();
    const clock = fakeClock();
    for (let i = 0; i < 10; i++) {
      clock.advance(100);
      await login(db, clock.now, `someone.${i}`, WRONG, '127.0.0.1');
      for (const user of ['admin', 'trainer', 'qhd.manager', 'changli.officer']) {
        expect(await login(db, clock.now, user, RIGHT, '127.0.0.1')).toMatchObject({ ok: true });
      }
    }
  });
});

describe('login throttle: no username enumeration', () => {
  it('gives an unknown username exactly the same answers, lock and password checks as a known one', async () => {
    const verify = vi.mocked(password.verifyPassword);
    const run = async (username: string) => {
      const { db } = useTestDatabase();
      const clock = fakeClock();
      verify.mockClear();
      const answers: LoginAttempt[] = [];
      for (const step of [0, 0, 500, 1000, 2000, 4000, 0, 15 * 60 * 1000]) {
        clock.advance(step);
        // During the lock the right password is tried too: it must not tell the two apart either.
        answers.push(await login(db, clock.now, username, answers.length === 6 ? RIGHT : WRONG));
      }
      return { answers, verifications: verify.mock.calls.length };
    };
    const known = await run('trainer');
    const unknown = await run('nobody.here');
    expect(unknown).toEqual(known);
    expect(known.verifications).toBe(6); // the two held attempts never reach argon2
    expect(known.answers[6]).toMatchObject({ held: true });
  });
});

describe('login throttle: audit, unlock and purge', () => {
  it('audits each lock (user, unknown username, address)', async () => {
    const { db } = useTestDatabase();
    const clock = fakeClock();
    const trainer = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'trainer')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 5; i++) {
      clock.advance(10_000);
      await login(db, clock.now, 'trainer', WRONG);
      await login(db, clock.now, 'nobody.here', WRONG, '192.0.2.5');
    }
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'login.lock')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.actor_user_id, a.target_type, a.target_id])).toEqual([
      [null, 'user', String(trainer.id)],
      [null, 'username', 'nobody.here'],
    ]);
    expect(JSON.parse(audit[0]!.detail)).toEqual({
      scope: 'accountAtAddress',
      username: 'trainer',
      address: A,
      failures: 5,
      until: '2026-12-01T02:15:50.000Z',
    });

    for (let i = 1; i <= 40; i++) {
      clock.advance(1);
      clock.advance(waitOf(await login(db, clock.now, `spray${i}`, WRONG, '192.0.2.77')));
    }
    const byAddress = await db.selectFrom('audit_log').selectAll().where('target_type', '=', 'address').execute();
    expect(byAddress.map((a) => a.target_id)).toEqual(['192.0.2.77']);
  });

  it('the admin unlocks an account: its failures are cleared, the unlock is audited, the right password works at once', async () => {
    const { db } = useTestDatabase();
    const clock = fakeClock(new Date().toISOString());
    for (let i = 0; i < 5; i++) {
      clock.advance(10_000);
      await login(db, clock.now, 'trainer', WRONG, A);
    }
    await login(db, clock.now, 'trainer', WRONG, null);
    await login(db, clock.now, 'trainer', WRONG, '192.0.2.1');
    expect(await login(db, clock.now, 'trainer', RIGHT, A)).toMatchObject({ ok: false, held: true });
    expect((await loginLockStatus(db, 'trainer', clock.now())).failures).toBe(7);

    const admin = await db
      .selectFrom('users')
      .select(['id', 'unit_id'])
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const unit = await db.selectFrom('units').select('path').where('id', '=', admin.unit_id).executeTakeFirstOrThrow();
    const trainer = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'trainer')
      .executeTakeFirstOrThrow();
    expect(await updateUser(db, { id: admin.id, unit }, trainer.id, { intent: 'unlockLogin' })).toEqual({
      ok: true,
      message: '已解除登录锁定，登录失败记录已清除',
    });
    expect(await failureRows(db)).toEqual([]);
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'user.unlockLogin').execute();
    expect(audit.map((a) => [a.actor_user_id, a.target_type, a.target_id, JSON.parse(a.detail)])).toEqual([
      [admin.id, 'user', String(trainer.id), { failures: 7 }],
    ]);
    expect(await login(db, clock.now, 'trainer', RIGHT, A)).toMatchObject({ ok: true });
  });

  it('purges failures older than a day, and keeps at most maxRows', async () => {
    const { db } = useTestDatabase();
    const clock = fakeClock();
    await login(db, clock.now, 'old.one', WRONG);
    clock.advance(24 * 60 * 60 * 1000 + 1);
    await login(db, clock.now, 'new.one', WRONG);
    expect((await failureRows(db)).map((r) => r.username)).toEqual(['new.one']);

    // A flood within the day: the table stays bounded, the oldest rows go first.
    await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${LOGIN_THROTTLE.maxRows + 10})
      insert into login_failures (username, address, created_at)
      select 'flood' || i, '192.0.2.' || (i % 250), ${clock.now().toISOString()} from n`.execute(db);
    await login(db, clock.now, 'last.one', WRONG, '198.51.100.3');
    const count = async (usernames?: string[]) =>
      (
        await db
          .selectFrom('login_failures')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .$if(!!usernames, (q) => q.where('username', 'in', usernames!))
          .executeTakeFirstOrThrow()
      ).n;
    expect(await count()).toBe(LOGIN_THROTTLE.maxRows);
    expect(await count(['new.one', 'last.one'])).toBe(1);
  });

  it('keeps the numbers consistent: each rule’s wait doubles from 1 s and never exceeds the lock', () => {
    for (const rule of [LOGIN_THROTTLE.accountAtAddress, LOGIN_THROTTLE.account, LOGIN_THROTTLE.address]) {
      expect(delayAfter(rule, rule.free)).toBe(0);
      expect(delayAfter(rule, rule.free + 1)).toBe(LOGIN_THROTTLE.backoffBaseMs);
      expect(delayAfter(rule, rule.lockAt - 1)).toBeLessThan(LOGIN_THROTTLE.lockMs);
      expect(delayAfter(rule, rule.lockAt)).toBe(LOGIN_THROTTLE.lockMs);
    }
  });
});

describe('client address', () => {
  it('is the TCP peer the front door stamped on the request; a client-sent peer header is never believed', async () => {
    // As remix-serve's adapter builds Remix's Request: from the Node request's headers object.
    const remixRequest = (req: IncomingMessage) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
      return new Request('http://x/login', { method: 'POST', headers });
    };
    const options = { trustProxy: false, stylesheetHref: '/app.css' };
    const serve = (withFrontDoor: boolean) =>
      createServer(async (req, res) => {
        if (withFrontDoor && frontDoor(req, res, options)) return;
        await new Promise((r) => setTimeout(r, 5));
        for await (const _ of req);
        res.end(String(clientAddress(remixRequest(req), 0)));
      });
    const post = async (server: Server, headers: Record<string, string> = {}) => {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      onTestFinished(() => new Promise<void>((r) => server.close(() => r())));
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'a=1', headers });
      return response.text();
    };
    expect(await post(serve(true))).toBe('127.0.0.1');
    expect(await post(serve(true), { [PEER_HEADER]: '10.9.9.9' })).toBe('127.0.0.1');
    // Without the front door (a server it did not wrap), what the client wrote is ignored.
    expect(await post(serve(false), { [PEER_HEADER]: '10.9.9.9' })).toBe('null');
    // Outside any request it is unknown.
    expect(clientAddress(new Request('http://x/login'), 0)).toBeNull();
  });

  it('takes X-Forwarded-For only with TRUST_PROXY, and then only the entries our proxies appended', () => {
    const request = new Request('http://x/login', { headers: { 'X-Forwarded-For': '6.6.6.6, 203.0.113.9, 10.0.0.2' } });
    expect(clientAddress(request, 0)).toBeNull();
    expect(clientAddress(request, 1)).toBe('10.0.0.2');
    expect(clientAddress(request, 2)).toBe('203.0.113.9');
    expect(clientAddress(request, 9)).toBe('6.6.6.6');
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops('')).toBe(0);
    expect(trustedProxyHops('false')).toBe(0);
    expect(trustedProxyHops('true')).toBe(1);
    expect(trustedProxyHops('2')).toBe(2);
  });

  it('keys IPv4-mapped addresses as IPv4 and IPv6 by its /64', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(normalizeAddress('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(normalizeAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(normalizeAddress('[::1]')).toBe('0:0:0:0::/64');
    expect(normalizeAddress('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(normalizeAddress('not-an-ip')).toBeNull();
  });
});
