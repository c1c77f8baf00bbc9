import { z } from '../validation/zod';
import { DEFAULT_DATABASE_PATH, isPostgresUrl } from '../../db/connection';

const flag = (name: string, byDefault: '0' | '1' = '0') =>
  z
    .enum(['0', '1', 'true', 'false'], { error: `${name} 只能是 1（开启）或 0（关闭）` })
    .default(byDefault)
    .transform((v) => v === '1' || v === 'true');

/** The platform's address in learning records when XAPI_BASE_URL is unset. */
export const XAPI_PLATFORM_BASE = 'https://drill.example';

const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  /** Set: the app runs on this PostgreSQL database instead of the SQLite file (docs/deployment.md). */
  DATABASE_URL: z
    .string()
    .refine(isPostgresUrl, 'DATABASE_URL 须为 PostgreSQL 连接串（postgres://用户:密码@主机:端口/库名）')
    .optional(),
  /** PostgreSQL connections each app process keeps at most. */
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'DATABASE_POOL_SIZE 须为整数' })
    .int('DATABASE_POOL_SIZE 须为整数')
    .min(1, 'DATABASE_POOL_SIZE 不能少于 1')
    .max(200, 'DATABASE_POOL_SIZE 不能超过 200')
    .default(10),
  /** Unset: a random secret kept beside the database (app/utils/session-secret.server.ts). */
  SESSION_SECRET: z.string().min(16, 'SESSION_SECRET 至少 16 个字符').optional(),
  /** A session unused this long ends, whatever its absolute expiry. */
  SESSION_IDLE_MINUTES: z.coerce
    .number({ error: 'SESSION_IDLE_MINUTES 须为整数（分钟）' })
    .int('SESSION_IDLE_MINUTES 须为整数（分钟）')
    .min(10, 'SESSION_IDLE_MINUTES 不能少于 10 分钟')
    .max(14 * 24 * 60, 'SESSION_IDLE_MINUTES 不能超过 14 天（20160 分钟），即会话的绝对有效期')
    .default(120),
  /** A reverse proxy in front: believe its X-Forwarded-Proto and X-Forwarded-Host. */
  TRUST_PROXY: flag('TRUST_PROXY'),
  /**
   * Failed logins one address may make in 15 minutes, all usernames together, before it is slowed
   * down (locked 10 failures later). Raise it where many users share one address (an office's NAT).
   */
  LOGIN_ADDRESS_FREE_FAILURES: z.coerce
    .number({ error: 'LOGIN_ADDRESS_FREE_FAILURES 须为整数' })
    .int('LOGIN_ADDRESS_FREE_FAILURES 须为整数')
    .min(5, 'LOGIN_ADDRESS_FREE_FAILURES 不能少于 5')
    .max(100_000, 'LOGIN_ADDRESS_FREE_FAILURES 不能超过 100000')
    .default(30),
  /** The platform's address as learning records name it (xAPI activity and account IRIs, statement ids). */
  XAPI_BASE_URL: z.url('XAPI_BASE_URL 须为网址').default(XAPI_PLATFORM_BASE),
  /**
   * The app's own periodic jobs (automatic due reminders, the weekly 通报 on Monday 08:00). On by
   * default; the e2e suite turns them off so that no job issues a 通报 or a reminder under a test.
   */
  SCHEDULED_JOBS: flag('SCHEDULED_JOBS', '1'),
  /** App processes `npm start` runs on one port (scripts/serve.ts; docs/decisions/200-several-processes.md). */
  WORKERS: z.coerce
    .number({ error: 'WORKERS 须为整数（进程数）' })
    .int('WORKERS 须为整数（进程数）')
    .min(1, 'WORKERS 不能少于 1')
    .max(64, 'WORKERS 不能超过 64')
    .default(1),
  /** Only scripts/bench/processes.ts sets it: several processes on one SQLite file, to measure why not. */
  WORKERS_ON_SQLITE_FOR_BENCHMARK: flag('WORKERS_ON_SQLITE_FOR_BENCHMARK'),
});

// Measured (docs/decisions/200-several-processes.md): on one SQLite file a second process makes the app
// slower and its writes fail with SQLITE_BUSY_SNAPSHOT; several processes need PostgreSQL.
const checkedEnvSchema = envSchema.refine(
  (env) => env.WORKERS === 1 || env.DATABASE_URL !== undefined || env.WORKERS_ON_SQLITE_FOR_BENCHMARK,
  {
    path: ['WORKERS'],
    message:
      'WORKERS 大于 1（多个进程）须使用 PostgreSQL（设置 DATABASE_URL）：SQLite 数据库文件只支持一个应用进程，' +
      '多进程写同一文件会相互冲突且更慢（见 docs/decisions/200-several-processes.md）',
  },
);

export type Env = z.infer<typeof envSchema>;

/** Where the app's data lives: DATABASE_URL when set (PostgreSQL), else the SQLite file. */
export const databaseLocation = (env: Env) => env.DATABASE_URL ?? env.DATABASE_PATH;

/** Validates an environment (unset and empty values take the defaults); throws in Chinese. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = checkedEnvSchema.safeParse({
    NODE_ENV: source.NODE_ENV || undefined,
    DATABASE_PATH: source.DATABASE_PATH || undefined,
    DATABASE_URL: source.DATABASE_URL?.trim() || undefined,
    DATABASE_POOL_SIZE: source.DATABASE_POOL_SIZE?.trim() || undefined,
    SESSION_SECRET: source.SESSION_SECRET || undefined,
    SESSION_IDLE_MINUTES: source.SESSION_IDLE_MINUTES?.trim() || undefined,
    TRUST_PROXY: source.TRUST_PROXY?.trim().toLowerCase() || undefined,
    LOGIN_ADDRESS_FREE_FAILURES: source.LOGIN_ADDRESS_FREE_FAILURES?.trim() || undefined,
    XAPI_BASE_URL: source.XAPI_BASE_URL?.replace(/\/+$/, '') || undefined,
    SCHEDULED_JOBS: source.SCHEDULED_JOBS?.trim().toLowerCase() || undefined,
    WORKERS: source.WORKERS?.trim() || undefined,
    WORKERS_ON_SQLITE_FOR_BENCHMARK: source.WORKERS_ON_SQLITE_FOR_BENCHMARK?.trim().toLowerCase() || undefined,
  });
  if (!parsed.success) {
    throw new Error(`环境变量无效：\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/**
 * The configuration for a command-line entry point (`npm start`'s scripts): an invalid environment
 * prints its Chinese message alone — no stack trace — and exits with code 1.
 */
export function getEnvOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

/** The server's configuration, validated once at first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
