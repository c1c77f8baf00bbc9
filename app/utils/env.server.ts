import { z } from 'zod';
import { DEFAULT_DATABASE_PATH } from '../../db/connection';

const DEFAULT_SESSION_SECRET = 'drill-dev-secret-change-me';

const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  SESSION_SECRET: z.string().min(16, 'SESSION_SECRET 至少 16 个字符').default(DEFAULT_SESSION_SECRET),
  /** The platform's address as learning records name it (xAPI activity and account IRIs, statement ids). */
  XAPI_BASE_URL: z.url('XAPI_BASE_URL 须为网址').default('https://drill.example'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The server's configuration, validated once at first use. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse({
    NODE_ENV: process.env.NODE_ENV || undefined,
    DATABASE_PATH: process.env.DATABASE_PATH || undefined,
    SESSION_SECRET: process.env.SESSION_SECRET || undefined,
    XAPI_BASE_URL: process.env.XAPI_BASE_URL?.replace(/\/+$/, '') || undefined,
  });
  if (!parsed.success) {
    throw new Error(`环境变量无效：\n${z.prettifyError(parsed.error)}`);
  }
  cached = parsed.data;
  if (cached.SESSION_SECRET === DEFAULT_SESSION_SECRET) {
    console.warn(
      '\n⚠️  警告：未设置 SESSION_SECRET，正在使用公开的默认密钥。任何人都能伪造登录会话。\n' +
        '    部署前请设置环境变量 SESSION_SECRET（至少 16 个随机字符）。\n',
    );
  }
  return cached;
}
