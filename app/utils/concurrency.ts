/**
 * A limit on how many of some async jobs run at once; the others wait their turn in order.
 * Used for password hashing (app/utils/password.server.ts).
 */
export function concurrencyLimit(max: number) {
  if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive integer');
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(job: () => Promise<T>): Promise<T> {
    if (running < max) running++;
    // A finishing job hands its slot straight to the next in line, so `running` never exceeds max.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
