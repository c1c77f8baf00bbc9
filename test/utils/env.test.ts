// The settings issue 12 adds are validated at boot, with Chinese messages.
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../app/utils/env.server';

describe('parseEnv', () => {
  it('defaults: 120 idle minutes, no proxy trusted, no secret (the generated file is used)', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ SESSION_IDLE_MINUTES: 120, TRUST_PROXY: false });
    expect(env.SESSION_SECRET).toBeUndefined();
  });

  it('reads TRUST_PROXY as 1/0 or true/false', () => {
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ TRUST_PROXY: 'TRUE' }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: '' }).TRUST_PROXY).toBe(false);
    expect(() => parseEnv({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY 只能是 1（开启）或 0（关闭）/);
  });

  it('reads SESSION_IDLE_MINUTES as whole minutes between 10 and 14 days', () => {
    expect(parseEnv({ SESSION_IDLE_MINUTES: '30' }).SESSION_IDLE_MINUTES).toBe(30);
    expect(() => parseEnv({ SESSION_IDLE_MINUTES: 'two hours' })).toThrow(/SESSION_IDLE_MINUTES 须为整数/);
    expect(() => parseEnv({ SESSION_IDLE_MINUTES: '7.5' })).toThrow(/SESSION_IDLE_MINUTES 须为整数/);
    expect(() => parseEnv({ SESSION_IDLE_MINUTES: '5' })).toThrow(/不能少于 10 分钟/);
    expect(() => parseEnv({ SESSION_IDLE_MINUTES: '30000' })).toThrow(/不能超过 14 天/);
  });

  it('still refuses a short SESSION_SECRET', () => {
    expect(() => parseEnv({ SESSION_SECRET: 'short' })).toThrow(/环境变量无效[\s\S]*SESSION_SECRET 至少 16 个字符/);
  });

  it('reads DATABASE_URL only as a PostgreSQL connection string, and the pool size as a whole number', () => {
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: 'postgres://drill@db:5432/drill' }).DATABASE_URL).toBe(
      'postgres://drill@db:5432/drill',
    );
    expect(() => parseEnv({ DATABASE_URL: 'mysql://db/drill' })).toThrow(/DATABASE_URL 须为 PostgreSQL 连接串/);
    expect(parseEnv({ DATABASE_POOL_SIZE: '20' }).DATABASE_POOL_SIZE).toBe(20);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE 不能少于 1/);
  });

  it('reads WORKERS as a whole number of processes; more than one only on PostgreSQL', () => {
    expect(parseEnv({}).WORKERS).toBe(1);
    expect(parseEnv({ WORKERS: ' 1 ' }).WORKERS).toBe(1);
    expect(parseEnv({ WORKERS: '4', DATABASE_URL: 'postgres://drill@db:5432/drill' }).WORKERS).toBe(4);
    expect(() => parseEnv({ WORKERS: '2' })).toThrow(
      /WORKERS 大于 1（多个进程）须使用 PostgreSQL（设置 DATABASE_URL）/,
    );
    expect(() => parseEnv({ WORKERS: '0' })).toThrow(/WORKERS 不能少于 1/);
    expect(() => parseEnv({ WORKERS: 'two' })).toThrow(/WORKERS 须为整数/);
    expect(() => parseEnv({ WORKERS: '1.5', DATABASE_URL: 'postgres://db/drill' })).toThrow(/WORKERS 须为整数/);
    // The benchmark that measured why (scripts/bench/processes.ts) may still run two on SQLite.
    expect(parseEnv({ WORKERS: '2', WORKERS_ON_SQLITE_FOR_BENCHMARK: '1' }).WORKERS).toBe(2);
  });
});
