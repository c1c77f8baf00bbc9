import { describe, expect, it } from 'vitest';
import { concurrencyLimit, QueueFullError } from '../app/utils/concurrency';
import { MAX_CONCURRENT_HASHES, hashPassword, verifyPassword } from '../app/utils/password.server';

describe('concurrencyLimit', () => {
  it('runs at most `max` jobs at once, the rest in order, and passes results and errors through', async () => {
    const run = concurrencyLimit(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const job = (i: number) => async () => {
      started.push(i);
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      if (i === 3) throw new Error('job 3 failed');
      return i * 10;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((i) => run(job(i))));
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      0,
      10,
      20,
      'job 3 failed',
      40,
      50,
    ]);
    // The slots are all free again afterwards.
    await Promise.all([run(job(6)), run(job(7))]);
    expect(peak).toBe(2);
  });

  it('with maxWaiting, refuses a job that would wait behind that many, and takes jobs again once the line moves', async () => {
    const run = concurrencyLimit(1, { maxWaiting: 1 });
    let release!: () => void;
    const first = run(() => new Promise<string>((r) => (release = () => r('first'))));
    const second = run(async () => 'second');
    expect(run.state()).toEqual({ running: 1, waiting: 1 });
    await expect(run(async () => 'third')).rejects.toBeInstanceOf(QueueFullError);
    release();
    expect(await Promise.all([first, second])).toEqual(['first', 'second']);
    expect(await run(async () => 'fourth')).toBe('fourth');
    expect(run.state()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a limit below one', () => {
    expect(() => concurrencyLimit(0)).toThrow(RangeError);
  });

  it('still hashes and verifies many passwords at once through the limit', async () => {
    expect(MAX_CONCURRENT_HASHES).toBeGreaterThanOrEqual(1);
    const hashes = await Promise.all(['a-1', 'b-2', 'c-3'].map((p) => hashPassword(p)));
    const checks = await Promise.all(
      hashes.flatMap((h, i) => [verifyPassword(h, ['a-1', 'b-2', 'c-3'][i]!), verifyPassword(h, 'wrong')]),
    );
    expect(checks).toEqual([true, false, true, false, true, false]);
  });
});
