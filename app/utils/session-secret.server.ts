import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { getEnv } from './env.server';

/** Where the generated secret lives: beside the database, so a backup of the folder keeps sessions valid. */
export function secretFilePath(databasePath: string): string {
  return join(dirname(resolve(databasePath)), 'session-secret');
}

/**
 * The secret in `path`, created (random, mode 0600) when missing. `wx` makes the first writer win
 * when `prepare-db` and the server start together; everyone else reads what it wrote.
 */
export function readOrCreateSecretFile(path: string): { secret: string; created: boolean } {
  try {
    const secret = readFileSync(path, 'utf8').trim();
    if (secret.length < 32) throw new Error(`会话密钥文件 ${path} 内容过短（少于 32 个字符），请删除后重启以重新生成`);
    if ((statSync(path).mode & 0o077) !== 0) {
      // Readable by others: anyone who can read it can forge a session.
      chmodSync(path, 0o600);
      console.warn(`会话密钥文件 ${path} 的权限过宽，已改为仅属主可读写（0600）。`);
    }
    return { secret, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateSecretFile(path);
    throw error;
  }
  return { secret, created: true };
}

let cached: string | undefined;

/**
 * The key that signs session cookies: SESSION_SECRET when set; otherwise the generated file beside
 * the database (never a public default). Tests without one get a random key for the process.
 */
export function sessionSecret(): string {
  if (cached) return cached;
  const env = getEnv();
  if (env.SESSION_SECRET) cached = env.SESSION_SECRET;
  else if (env.NODE_ENV === 'test') cached = randomBytes(32).toString('base64url');
  else {
    const path = secretFilePath(env.DATABASE_PATH);
    const { secret, created } = readOrCreateSecretFile(path);
    if (created) console.log(`未设置 SESSION_SECRET：已生成随机会话密钥并保存在 ${path}（仅属主可读）。`);
    cached = secret;
  }
  return cached;
}
