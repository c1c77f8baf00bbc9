// Session lookups on a real SQLite file: the loaders of one page share one lookup, and the sharing
// never outlives it (a logout is seen by the very next request); verified cookies are remembered,
// forged ones never pass. Idle timeout, purge and the Secure flag (issue 12 point 7).
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createUserSession, getCurrentUser, logout, purgeExpiredSessions } from '../../app/models/auth.server';
import { onPostgres, useSqliteTestDatabase, useTestDatabase } from '../support/db';

process.env.SESSION_SECRET ??= 'sessions-test-secret-0123456789';

async function signedInCookie(userId: number): Promise<string> {
  const response = await createUserSession(new Request('http://localhost/login', { method: 'POST' }), userId, '/');
  return response.headers.get('Set-Cookie')!.split(';')[0]!;
}

const pageRequest = (cookie: string) => new Request('http://localhost/drills/1', { headers: { Cookie: cookie } });

describe('getCurrentUser', () => {
  it('shares a lookup under way between the loaders of one request, and looks up afresh afterwards', async () => {
    const { db } = useTestDatabase();
    (globalThis as { __drillDb?: unknown }).__drillDb = db;
    const officer = await db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', '=', 'changli.officer')
      .executeTakeFirstOrThrow();
    const cookie = await signedInCookie(officer.id);

    const layout = getCurrentUser(pageRequest(cookie));
    const page = getCurrentUser(pageRequest(cookie));
    expect(page).toBe(layout);
    expect((await page)?.username).toBe(officer.username);

    const other = await signedInCookie(officer.id);
    expect(getCurrentUser(pageRequest(other))).not.toBe(getCurrentUser(pageRequest(cookie)));

    // A header with a broken signature is refused, however often the genuine one was read before.
    const [name, value] = cookie.split('=') as [string, string];
    const forged = `${name}=${value.slice(0, -3)}${value.slice(-3) === 'AAA' ? 'BBB' : 'AAA'}`;
    expect(await getCurrentUser(pageRequest(forged))).toBeNull();
    expect((await getCurrentUser(pageRequest(`theme=dark; ${cookie}`)))?.id).toBe(officer.id);

    await logout(pageRequest(cookie));
    expect(await getCurrentUser(pageRequest(cookie))).toBeNull();
    expect((await getCurrentUser(pageRequest(other)))?.id).toBe(officer.id);
    expect(await getCurrentUser(new Request('http://localhost/'))).toBeNull();
  });
});

const MINUTE = 60_000;
const rowOf = (db: ReturnType<typeof useTestDatabase>['db'], cookieUserId: number) =>
  db
    .selectFrom('sessions')
    .select(['id', 'last_seen_at'])
    .where('user_id', '=', cookieUserId)
    .executeTakeFirstOrThrow();

describe('the idle timeout (SESSION_IDLE_MINUTES, 120 by default)', () => {
  it('ends a session unused for longer than the idle time, before its absolute expiry', async () => {
    const { db } = useTestDatabase();
    (globalThis as { __drillDb?: unknown }).__drillDb = db;
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => void vi.useRealTimers());
    vi.setSystemTime(new Date('2026-12-01T08:00:00Z'));
    const officer = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'changli.officer')
      .executeTakeFirstOrThrow();
    const cookie = await signedInCookie(officer.id);

    // Used every 100 minutes, it lives on past the idle time counted from login.
    for (const at of ['09:40', '11:20', '13:00']) {
      vi.setSystemTime(new Date(`2026-12-01T${at}:00Z`));
      expect((await getCurrentUser(pageRequest(cookie)))?.id).toBe(officer.id);
    }
    vi.setSystemTime(new Date('2026-12-01T15:01:00Z')); // 121 minutes after the last use
    expect(await getCurrentUser(pageRequest(cookie))).toBeNull();
  });

  // SQLite only: counted by SQLite's total_changes(); the stamp itself is checked on both below.
  it.skipIf(onPostgres)(
    'moves the last-seen stamp at most once every five minutes, so most requests write nothing (SQLite only)',
    async () => {
      const { db, sqlite } = useSqliteTestDatabase();
      (globalThis as { __drillDb?: unknown }).__drillDb = db;
      vi.useFakeTimers({ toFake: ['Date'] });
      onTestFinished(() => void vi.useRealTimers());
      vi.setSystemTime(new Date('2026-12-01T08:00:00Z'));
      const officer = await db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'changli.officer')
        .executeTakeFirstOrThrow();
      const cookie = await signedInCookie(officer.id);
      const changes = () => (sqlite.prepare('select total_changes() as n').get() as { n: number }).n;

      const before = changes();
      for (const at of ['08:01:00', '08:02:30', '08:04:59']) {
        vi.setSystemTime(new Date(`2026-12-01T${at}Z`));
        expect(await getCurrentUser(pageRequest(cookie))).not.toBeNull();
      }
      expect(changes()).toBe(before);
      expect((await rowOf(db, officer.id)).last_seen_at).toBe('2026-12-01T08:00:00.000Z');

      vi.setSystemTime(new Date('2026-12-01T08:05:00Z'));
      expect(await getCurrentUser(pageRequest(cookie))).not.toBeNull();
      expect(changes()).toBe(before + 1);
      expect((await rowOf(db, officer.id)).last_seen_at).toBe('2026-12-01T08:05:00.000Z');
    },
  );

  it('counts a session without a stamp (older rows) from its creation', async () => {
    const { db } = useTestDatabase();
    (globalThis as { __drillDb?: unknown }).__drillDb = db;
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => void vi.useRealTimers());
    vi.setSystemTime(new Date('2026-12-01T08:00:00Z'));
    const officer = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'changli.officer')
      .executeTakeFirstOrThrow();
    const cookie = await signedInCookie(officer.id);
    await db.updateTable('sessions').set({ last_seen_at: null, created_at: '2026-12-01T07:00:00.000Z' }).execute();

    vi.setSystemTime(new Date('2026-12-01T08:59:00Z'));
    expect(await getCurrentUser(pageRequest(cookie))).not.toBeNull();
    vi.setSystemTime(new Date('2026-12-01T11:00:00Z'));
    expect(await getCurrentUser(pageRequest(cookie))).toBeNull();
  });
});

describe('purging expired sessions', () => {
  it('deletes rows past their absolute expiry or idle time and keeps live ones; login purges too', async () => {
    const { db } = useTestDatabase();
    (globalThis as { __drillDb?: unknown }).__drillDb = db;
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => void vi.useRealTimers());
    vi.setSystemTime(new Date('2026-12-01T08:00:00Z'));
    const officer = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'changli.officer')
      .executeTakeFirstOrThrow();
    const row = (id: string, lastSeen: string | null, expires = '2026-12-10T00:00:00.000Z') => ({
      id,
      user_id: officer.id,
      created_at: '2026-12-01T06:00:00.000Z',
      expires_at: expires,
      last_seen_at: lastSeen,
    });
    await db
      .insertInto('sessions')
      .values([
        row('live', '2026-12-01T07:30:00.000Z'),
        row('idle', '2026-12-01T05:59:00.000Z'),
        row('never-seen-idle', null),
        row('expired', '2026-12-01T07:59:00.000Z', '2026-12-01T07:59:59.000Z'),
      ])
      .execute();

    expect(await purgeExpiredSessions(db)).toBe(3);
    expect((await db.selectFrom('sessions').select('id').execute()).map((r) => r.id)).toEqual(['live']);

    // A login a day later clears what has run out meanwhile (at most every ten minutes per process).
    vi.setSystemTime(new Date('2026-12-02T08:00:00Z'));
    await signedInCookie(officer.id);
    const left = await db.selectFrom('sessions').select('id').execute();
    expect(left).toHaveLength(1);
    expect(left[0]!.id).not.toBe('live');
  });
});

describe('createUserSession', () => {
  it('leaves no session row behind for a target that cannot be redirected to', async () => {
    const { db } = useTestDatabase();
    (globalThis as { __drillDb?: unknown }).__drillDb = db;
    const officer = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'changli.officer')
      .executeTakeFirstOrThrow();
    const response = await createUserSession(
      new Request('http://localhost/login', { method: 'POST' }),
      officer.id,
      '/officer\r\nSet-Cookie: x=y',
    );
    expect(response.headers.get('Location')).toBe('/');
    expect(await db.selectFrom('sessions').select('id').execute()).toHaveLength(1);
  });

  it('marks the cookie Secure from X-Forwarded-Proto only behind a trusted proxy (TRUST_PROXY unset here)', async () => {
    const { db } = useTestDatabase();
    (globalThis as { __drillDb?: unknown }).__drillDb = db;
    const officer = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'changli.officer')
      .executeTakeFirstOrThrow();
    const forged = new Request('http://localhost/login', { method: 'POST', headers: { 'X-Forwarded-Proto': 'https' } });
    expect((await createUserSession(forged, officer.id, '/')).headers.get('Set-Cookie')).not.toMatch(/Secure/i);
    const direct = new Request('https://localhost/login', { method: 'POST' });
    expect((await createUserSession(direct, officer.id, '/')).headers.get('Set-Cookie')).toMatch(/; Secure/);
  });
});
