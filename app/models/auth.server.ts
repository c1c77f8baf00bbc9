import { createCookieSessionStorage, redirect } from '@remix-run/node';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { arg, precompiled } from '../../db/precompiled';
import type { Database, Role } from '../../db/schema';
import { CACHE_SIZES, Lru } from '../../scenarios/lib/lru';
import { getDb } from '../utils/db.server';
import { getEnv } from '../utils/env.server';
import { isHttps, safeRedirectPath } from '../utils/http.server';
import { hashPassword, verifyPassword } from '../utils/password.server';
import { sessionSecret } from '../utils/session-secret.server';

const SESSION_DAYS = 14;
const MINUTE = 60 * 1000;
// The idle clock is kept in the row, but a GET must not become a write: the stamp moves at most this
// often per session, so a session ends between idle and idle + this much after its last use.
const LAST_SEEN_RESOLUTION_MS = 5 * MINUTE;
// Expired rows are deleted on login, no more often than this per process.
const PURGE_EVERY_MS = 10 * MINUTE;

type SessionData = { sessionId: string };

let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | undefined;
function sessionStorage() {
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: '__drill_session',
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secrets: [sessionSecret()],
      maxAge: SESSION_DAYS * 24 * 60 * 60,
    },
  });
  return storage;
}

/** The signed-in user as every page sees it. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unit: { id: number; code: string; name: string; level: 'province' | 'city' | 'county'; path: string };
}

// A real argon2id hash of a random string: verifying against it when the username is unknown
// makes "no such user" take as long as "wrong password", so timing reveals no usernames.
let dummyHash: Promise<string> | undefined;

/** Checks a username and password; null when either is wrong or the account is disabled. */
export async function verifyLogin(db: Kysely<Database>, username: string, password: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'role', 'password_hash', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user?.password_hash) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(await dummyHash, password);
    return null;
  }
  const ok = await verifyPassword(user.password_hash, password);
  return ok && user.disabled === 0 ? { id: user.id, role: user.role } : null;
}

/** Deletes sessions past their absolute expiry or idle for longer than SESSION_IDLE_MINUTES; returns how many. */
export async function purgeExpiredSessions(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now.toISOString()),
        eb(sql<string>`coalesce(last_seen_at, created_at)`, '<=', idleCutoff(now)),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

function idleCutoff(now: Date): string {
  return new Date(now.getTime() - getEnv().SESSION_IDLE_MINUTES * MINUTE).toISOString();
}

let lastPurge = 0;

/** Stores a new session for the user and redirects with its cookie set. */
export async function createUserSession(request: Request, userId: number, redirectTo: string) {
  const db = getDb();
  // Checked before the row is written: a target that cannot be redirected to leaves no session behind.
  const target = safeRedirectPath(redirectTo);
  const now = new Date();
  if (now.getTime() - lastPurge >= PURGE_EVERY_MS) {
    lastPurge = now.getTime();
    await purgeExpiredSessions(db, now);
  }
  const id = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 60 * MINUTE).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
    })
    .execute();
  const session = await sessionStorage().getSession();
  session.set('sessionId', id);
  return redirect(target, {
    headers: { 'Set-Cookie': await sessionStorage().commitSession(session, { secure: isHttps(request) }) },
  });
}

// Cookie headers whose signature verified → their session id. Reading a signed cookie (parse, HMAC,
// base64, JSON) cost more than the session query; only verified headers are kept, and the session
// row is still read on every request, so a logout, an expiry or an idle timeout takes effect at once.
const verifiedCookies = new Lru<string, string>(CACHE_SIZES.verifiedCookies);

async function sessionIdOf(cookieHeader: string | null): Promise<string | undefined> {
  if (!cookieHeader) return undefined;
  const known = verifiedCookies.get(cookieHeader);
  if (known) return known;
  const session = await sessionStorage().getSession(cookieHeader);
  const id = session.get('sessionId');
  if (typeof id !== 'string') return undefined;
  verifiedCookies.set(cookieHeader, id);
  return id;
}

function readSessionId(request: Request): Promise<string | undefined> {
  return sessionIdOf(request.headers.get('Cookie'));
}

// A page's loaders run together and each asks for the user (the `_app` layout and the page itself):
// a lookup for the same cookie already under way is shared rather than repeated.
const lookupsUnderWay = new Map<string, Promise<CurrentUser | null>>();

/** The signed-in user, or null (no cookie, expired or revoked session, disabled account). */
export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  const cookieHeader = request.headers.get('Cookie');
  if (!cookieHeader) return Promise.resolve(null);
  let lookup = lookupsUnderWay.get(cookieHeader);
  if (!lookup) {
    lookup = lookUpUser(cookieHeader).finally(() => lookupsUnderWay.delete(cookieHeader));
    lookupsUnderWay.set(cookieHeader, lookup);
  }
  return lookup;
}

// The one session read of every request (compiled once: db/precompiled.ts): the live session, its
// officer (not disabled) and the officer's unit.
const selectSessionUser = precompiled<[sessionId: string, nowIso: string, idleCutoffIso: string]>()(
  (db: Kysely<Database>) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .where('sessions.id', '=', arg<string>(0))
      .where('sessions.expires_at', '>', arg<string>(1))
      .where(sql<string>`coalesce(sessions.last_seen_at, sessions.created_at)`, '>', arg<string>(2))
      .where('users.disabled', '=', 0)
      .select([
        sql<string>`coalesce(sessions.last_seen_at, sessions.created_at)`.as('last_seen_at'),
        'users.id',
        'users.username',
        'users.display_name',
        'users.role',
        'units.id as unit_id',
        'units.code as unit_code',
        'units.name as unit_name',
        'units.level as unit_level',
        'units.path as unit_path',
      ]),
);

async function lookUpUser(cookieHeader: string): Promise<CurrentUser | null> {
  const sessionId = await sessionIdOf(cookieHeader);
  if (!sessionId) return null;
  const db = getDb();
  const now = new Date();
  const {
    rows: [row],
  } = await selectSessionUser(db, sessionId, now.toISOString(), idleCutoff(now));
  if (!row) return null;
  if (Date.parse(row.last_seen_at) <= now.getTime() - LAST_SEEN_RESOLUTION_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', sessionId).execute();
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name, level: row.unit_level, path: row.unit_path },
  };
}

/** The signed-in user; otherwise a redirect to the login page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
    throw redirect(`/login?${params}`);
  }
  return user;
}

/** The signed-in user if they hold one of `roles`; otherwise 403. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) {
    throw new Response('您的角色无权访问此页面', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return user;
}

/** Revokes the session in the database and clears the cookie. */
export async function logout(request: Request) {
  const sessionId = await readSessionId(request);
  if (sessionId) await getDb().deleteFrom('sessions').where('id', '=', sessionId).execute();
  const session = await sessionStorage().getSession(request.headers.get('Cookie'));
  return redirect('/login', {
    headers: { 'Set-Cookie': await sessionStorage().destroySession(session, { secure: isHttps(request) }) },
  });
}
