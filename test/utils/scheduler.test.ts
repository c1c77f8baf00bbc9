import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  registerJob,
  registeredJobs,
  schedulesJobsHere,
  startScheduler,
  stopScheduler,
  WORKER_ID_VARIABLE,
} from '../../app/utils/scheduler.server';

afterEach(() => {
  stopScheduler();
  vi.useRealTimers();
});

describe('the in-process scheduler', () => {
  it('is not started under Vitest unless forced', async () => {
    vi.useFakeTimers();
    const runs: Date[] = [];
    registerJob('test-not-started', 60_000, (now) => void runs.push(now), { firstDelayMs: 10 });
    startScheduler();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(runs).toEqual([]);
  });

  it('runs a job shortly after start and then every interval; a job that fails is logged and runs again; re-registering replaces it', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T01:00:00Z') });
    const logged: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    const runs: string[] = [];
    let failures = 0;
    registerJob('test-ok', 60_000, (now) => void runs.push(now.toISOString()), { firstDelayMs: 1_000 });
    registerJob(
      'test-failing',
      60_000,
      async () => {
        failures += 1;
        throw new Error('boom');
      },
      { firstDelayMs: 1_000 },
    );
    startScheduler({ force: true });
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual(['2026-03-02T01:00:01.000Z']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toEqual(['2026-03-02T01:00:01.000Z', '2026-03-02T01:01:01.000Z']);
    expect(failures).toBe(2);
    expect(logged).toHaveLength(2);
    expect(String(logged[0]![0])).toContain('test-failing');

    // The same name again (a dev rebuild): one job, not two.
    registerJob('test-ok', 60_000, (now) => void runs.push(`again ${now.toISOString()}`), { firstDelayMs: 0 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs.slice(2)).toEqual(['again 2026-03-02T01:01:01.000Z', 'again 2026-03-02T01:02:01.000Z']);
    expect(registeredJobs().filter((n) => n === 'test-ok')).toHaveLength(1);
    vi.spyOn(console, 'error').mockRestore();
  });
});

describe('schedulesJobsHere', () => {
  it('a single process schedules; of several workers (scripts/serve.ts) only worker 1', () => {
    expect(schedulesJobsHere({})).toBe(true);
    expect(schedulesJobsHere({ [WORKER_ID_VARIABLE]: '1' })).toBe(true);
    expect(schedulesJobsHere({ [WORKER_ID_VARIABLE]: '2' })).toBe(false);
    expect(schedulesJobsHere({ [WORKER_ID_VARIABLE]: '12' })).toBe(false);
  });
});
