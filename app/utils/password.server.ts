import { hash, verify } from '@node-rs/argon2';

// argon2id (the const enum Algorithm.Argon2id = 2 cannot be imported under isolatedModules),
// 19 MiB, t=2, p=1: OWASP's minimum recommendation. Hashing runs on libuv's thread pool, so a
// login burst does not block the event loop.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password as an argon2id PHC string. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when `password` matches the PHC string; false (never throws) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
