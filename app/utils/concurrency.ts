/** Thrown by a limit whose waiting line is full: the caller answers "busy" instead of queueing more. */
export class QueueFullError extends Error {}

/**
 * A limit on how many of some async jobs run at once; the others wait their turn in order.
 * Used for password hashing (app/utils/password.server.ts) and for reading uploaded statistics files
 * (app/models/statistics-import.server.ts). With `maxWaiting`, a job that would wait behind that many
 * others is refused with QueueFullError (each waiting upload holds its file in memory).
 */
export function concurrencyLimit(max: number, options: { maxWaiting?: number } = {}) {
  if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive integer');
  const maxWaiting = options.maxWaiting ?? Infinity;
  let running = 0;
  const waiting: (() => void)[] = [];
  async function run<T>(job: () => Promise<T>): Promise<T> {
    if (running < max) running++;
    else if (waiting.length >= maxWaiting) throw new QueueFullError('queue full');
    // A finishing job hands its slot straight to the next in line, so `running` never exceeds max.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  }
  return Object.assign(run, {
    /** Jobs running and waiting now (for tests and diagnostics). */
    state: () => ({ running, waiting: waiting.length }),
  });
}
