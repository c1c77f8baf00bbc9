// Session lookups on a real SQLite file: the loaders of one page share one lookup, and the sharing
// never outlives it (a logout is seen by the very next request); verified cookies are remembered,
// forged ones never pass.
import { describe, expect, it } from 'vitest';
import { createUserSession, getCurrentUser, logout } from '../../app/models/auth.server';
import { useTestDatabase } from '../support/db';

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
    const officer = await db.selectFrom('users').select(['id', 'username']).where('username', '=', 'changli.officer').executeTakeFirstOrThrow();
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
