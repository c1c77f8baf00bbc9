import { hash, verify } from '@node-rs/argon2';
import { availableParallelism } from 'node:os';
import { concurrencyLimit } from './concurrency';

// argon2id (the const enum Algorithm.Argon2id = 2 cannot be imported under isolatedModules),
// 19 MiB, t=2, p=1: OWASP's minimum recommendation. Hashing runs on libuv's thread pool, so a
// login burst does not block the event loop.
const ARGON2ID = 2;
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// …but four pool threads hashing on a 2-core server leave every other request almost no CPU: during
// a burst of logins, drill steps waited seconds (docs/benchmarks.md). Hashes use all cores but one.
export const MAX_CONCURRENT_HASHES = Math.max(1, availableParallelism() - 1);
const hashing = concurrencyLimit(MAX_CONCURRENT_HASHES);

/** Hashes a password as an argon2id PHC string. */
export function hashPassword(password: string): Promise<string> {
  return hashing(() => hash(password, ARGON2_OPTIONS));
}

/** True when `password` matches the PHC string; false (never throws) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await hashing(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}
