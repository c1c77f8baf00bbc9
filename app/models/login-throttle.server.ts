import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { getEnv } from '../utils/env.server';
import { verifyLogin } from './auth.server';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Every number of the login throttle (reasons: docs/security.md). A rule counts failures
 * in its window: up to `free` cost nothing, then each one makes the next attempt wait twice as long
 * as the last (from `backoffBaseMs`), and from `lockAt` on each failure locks for `lockMs`.
 */
export const LOGIN_THROTTLE = {
  lockMs: 15 * MINUTE,
  backoffBaseMs: 1 * SECOND,
  /** One username from one address: the usual guesser. Free 1, waits 1 s, 2 s, 4 s, locked at 5. */
  accountAtAddress: { windowMs: 24 * HOUR, free: 1, lockAt: 5 },
  /** One username from all addresses: guessing spread over many addresses. */
  account: { windowMs: 24 * HOUR, free: 10, lockAt: 20 },
  /**
   * One address, all usernames: one password tried on many accounts. High: offices share a NAT
   * address. `free` is the LOGIN_ADDRESS_FREE_FAILURES setting (default 30); the lock comes 10 later.
   */
  address: { windowMs: 15 * MINUTE, free: 30, lockAt: 40 },
  /** Rows kept at most whatever their age (a flood from many addresses within a day). */
  maxRows: 100_000,
} as const;

export type ThrottleRule = { windowMs: number; free: number; lockAt: number };
type Scope = 'accountAtAddress' | 'account' | 'address';
type Count = { scope: Scope; failures: number; last: string | null };

/** How long the attempt after the nth failure in a rule's window must wait, in ms. */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  if (failures <= rule.free) return 0;
  if (failures >= rule.lockAt) return LOGIN_THROTTLE.lockMs;
  return Math.min(LOGIN_THROTTLE.backoffBaseMs * 2 ** (failures - rule.free - 1), LOGIN_THROTTLE.lockMs);
}

const since = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

/** An account's failures in the account window, per address: how many, and the latest. */
function failuresByAddress(db: Kysely<Database>, username: string, now: Date) {
  return db
    .selectFrom('login_failures')
    .select(['address', sql<number>`count(*)`.as('n'), sql<string>`max(created_at)`.as('last')])
    .where('username', '=', username)
    .where('created_at', '>', since(now, LOGIN_THROTTLE.account.windowMs))
    .groupBy('address')
    .execute();
}

async function countFailures(
  db: Kysely<Database>,
  username: string,
  address: string | null,
  now: Date,
): Promise<Count[]> {
  const byAddress = await failuresByAddress(db, username, now);
  const own = byAddress.find((r) => r.address === address);
  const counts: Count[] = [
    { scope: 'accountAtAddress', failures: own?.n ?? 0, last: own?.last ?? null },
    {
      scope: 'account',
      failures: accountFailures(byAddress),
      last: byAddress.reduce<string | null>((max, r) => (max === null || r.last > max ? r.last : max), null),
    },
  ];
  if (address !== null) {
    const fromAddress = await db
      .selectFrom('login_failures')
      .select([sql<number>`count(*)`.as('n'), sql<string | null>`max(created_at)`.as('last')])
      .where('address', '=', address)
      .where('created_at', '>', since(now, LOGIN_THROTTLE.address.windowMs))
      .executeTakeFirstOrThrow();
    counts.push({ scope: 'address', failures: fromAddress.n, last: fromAddress.last });
  }
  return counts;
}

/**
 * The account-wide count: each address counts up to its own lock threshold only, so one address
 * failing once every 15 minutes all day cannot lock the account for everybody else.
 */
function accountFailures(byAddress: { n: number }[]): number {
  return byAddress.reduce((sum, r) => sum + Math.min(r.n, LOGIN_THROTTLE.accountAtAddress.lockAt), 0);
}

/** Until when each count holds the next attempt back (ms since epoch), and whether that is a lock. */
/** The per-address rule with the operator's setting. */
export function addressRule(free = getEnv().LOGIN_ADDRESS_FREE_FAILURES): ThrottleRule {
  return {
    ...LOGIN_THROTTLE.address,
    free,
    lockAt: free + (LOGIN_THROTTLE.address.lockAt - LOGIN_THROTTLE.address.free),
  };
}

function holdOf(count: Count) {
  const rule = count.scope === 'address' ? addressRule() : LOGIN_THROTTLE[count.scope];
  const delay = delayAfter(rule, count.failures);
  const until = count.last === null || delay === 0 ? 0 : Date.parse(count.last) + delay;
  return { until, locked: count.failures >= rule.lockAt };
}

function longestHold(counts: Count[], now: Date) {
  let wait = 0;
  let locked = false;
  for (const count of counts) {
    const hold = holdOf(count);
    if (hold.until - now.getTime() > wait) {
      wait = hold.until - now.getTime();
      locked = hold.locked;
    }
  }
  return { waitMs: wait, locked };
}

/** "5 秒", "15 分钟": always rounded up, so waiting that long is enough. */
export function formatWait(ms: number): string {
  return ms < MINUTE ? `${Math.max(1, Math.ceil(ms / SECOND))} 秒` : `${Math.ceil(ms / MINUTE)} 分钟`;
}

function holdMessage(waitMs: number, locked: boolean): string {
  return locked
    ? `登录失败次数过多，已暂时锁定，请 ${formatWait(waitMs)}后再试；如需立即登录，请联系系统管理员解除锁定。`
    : `登录尝试过于频繁，请 ${formatWait(waitMs)}后再试。`;
}

export const WRONG_CREDENTIALS = '用户名或密码错误';

export type LoginAttempt =
  | { ok: true; user: { id: number; role: Database['users']['role'] } }
  /** `held`: refused before the password was checked; `retryAfterSeconds`: the wait from now on. */
  | { ok: false; held: boolean; messages: string[]; retryAfterSeconds: number | null };

/**
 * A login attempt with throttling. Known and unknown usernames take the same path (the name as
 * typed is the key), so neither the messages, the lock nor the timing tells whether a user exists.
 * An attempt held back is refused before the password is checked, even a right one, and is not
 * counted, so hammering a locked account does not lengthen its lock.
 */
export async function attemptLogin(
  db: Kysely<Database>,
  input: { username: string; password: string; address: string | null },
  clock: () => Date = () => new Date(),
): Promise<LoginAttempt> {
  const { username, password, address } = input;
  const before = longestHold(await countFailures(db, username, address, clock()), clock());
  if (before.waitMs > 0) {
    return {
      ok: false,
      held: true,
      messages: [holdMessage(before.waitMs, before.locked)],
      retryAfterSeconds: Math.ceil(before.waitMs / SECOND),
    };
  }
  const user = await verifyLogin(db, username, password);
  if (user) {
    // A success forgives this address's failures on the account, not other addresses' (an attacker's).
    await db
      .deleteFrom('login_failures')
      .where('username', '=', username)
      .where(address === null ? sql<boolean>`address is null` : sql<boolean>`address = ${address}`)
      .execute();
    return { ok: true, user };
  }
  const after = await recordLoginFailure(db, username, address, clock());
  const messages = [WRONG_CREDENTIALS];
  if (after.waitMs > 0) messages.push(holdMessage(after.waitMs, after.locked));
  return {
    ok: false,
    held: false,
    messages,
    retryAfterSeconds: after.waitMs > 0 ? Math.ceil(after.waitMs / SECOND) : null,
  };
}

/** Stores one failure, purges old rows, and audits each lock it starts; returns the hold that follows. */
export async function recordLoginFailure(db: Kysely<Database>, username: string, address: string | null, now: Date) {
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('login_failures').values({ username, address, created_at: now.toISOString() }).execute();
    await purgeLoginFailures(trx, now);
    const counts = await countFailures(trx, username, address, now);
    const locks = counts.filter((c) => c.failures >= LOGIN_THROTTLE[c.scope].lockAt);
    if (locks.length > 0) {
      const user = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      const until = new Date(now.getTime() + LOGIN_THROTTLE.lockMs).toISOString();
      for (const lock of locks) {
        const target =
          lock.scope === 'address'
            ? { target_type: 'address', target_id: address ?? '' }
            : user
              ? { target_type: 'user', target_id: String(user.id) }
              : { target_type: 'username', target_id: username };
        await trx
          .insertInto('audit_log')
          .values({
            actor_user_id: null,
            action: 'login.lock',
            ...target,
            detail: JSON.stringify({ scope: lock.scope, username, address, failures: lock.failures, until }),
          })
          .execute();
      }
    }
    return longestHold(counts, now);
  });
}

/** Drops failures older than the longest window, and the oldest beyond `maxRows`. */
export async function purgeLoginFailures(db: Kysely<Database>, now: Date) {
  const longest = Math.max(
    LOGIN_THROTTLE.accountAtAddress.windowMs,
    LOGIN_THROTTLE.account.windowMs,
    LOGIN_THROTTLE.address.windowMs,
  );
  await db.deleteFrom('login_failures').where('created_at', '<=', since(now, longest)).execute();
  await db
    .deleteFrom('login_failures')
    .where('id', '<=', sql<number>`(select max(id) from login_failures) - ${LOGIN_THROTTLE.maxRows}`)
    .execute();
}

/** What the admin sees of an account's login failures: count in the last day, and any lock still running. */
export async function loginLockStatus(db: Kysely<Database>, username: string, now = new Date()) {
  const rows = await failuresByAddress(db, username, now);
  const counts: Count[] = rows.map((r) => ({ scope: 'accountAtAddress', failures: r.n, last: r.last }));
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  const latest = rows.reduce<string | null>((max, r) => (max === null || r.last > max ? r.last : max), null);
  counts.push({ scope: 'account', failures: accountFailures(rows), last: latest });
  const lockedUntil = counts
    .map(holdOf)
    .filter((h) => h.locked && h.until > now.getTime())
    .reduce((max, h) => Math.max(max, h.until), 0);
  return { failures: total, lockedUntil: lockedUntil > 0 ? new Date(lockedUntil).toISOString() : null };
}

/** Forgets every recorded failure of a username (the admin's unlock); returns how many there were. */
export async function clearLoginFailures(db: Kysely<Database>, username: string): Promise<number> {
  const result = await db.deleteFrom('login_failures').where('username', '=', username).executeTakeFirst();
  return Number(result.numDeletedRows);
}
