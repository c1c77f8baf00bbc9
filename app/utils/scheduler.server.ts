/**
 * A small in-process scheduler for periodic jobs (automatic reminders, the weekly bulletin): each
 * job runs once shortly after the server starts and then every `everyMs`. Timers are `unref()`ed,
 * so they never keep a process alive; a job that throws (or rejects) is logged and runs again at
 * its next turn; a job still running when its turn comes is skipped, never run twice at once.
 * Jobs must be idempotent: a restart runs them again. With several app processes on one machine
 * (`WORKERS=n`, scripts/serve.ts) only the first worker schedules them (`schedulesJobsHere`); several
 * machines each have a first worker, so the jobs guard themselves in the database too (unique indexes:
 * one reminder per recipient and day, one 通报 per unit and week). Not started under Vitest (tests
 * call the job functions themselves).
 */

export type JobFn = (now: Date) => unknown;

interface Job {
  name: string;
  everyMs: number;
  firstDelayMs: number;
  fn: JobFn;
  timer: NodeJS.Timeout | null;
  running: boolean;
}

interface SchedulerState {
  jobs: Map<string, Job>;
  started: boolean;
}

// Kept on globalThis so that a dev rebuild (which re-imports the server build) replaces jobs
// instead of doubling their timers.
const globalForScheduler = globalThis as typeof globalThis & { __drillScheduler?: SchedulerState };
const state: SchedulerState = (globalForScheduler.__drillScheduler ??= { jobs: new Map(), started: false });

/** The variable through which scripts/serve.ts tells each cluster worker its number (1…n). */
export const WORKER_ID_VARIABLE = 'DRILL_WORKER_ID';
/** The one worker of a machine that runs the periodic jobs. */
export const SCHEDULING_WORKER = 1;

/**
 * Whether this process runs the periodic jobs: a single process (no worker number) does; of
 * several workers on one machine only worker 1 (restarted under the same number if it dies).
 */
export function schedulesJobsHere(environment: Record<string, string | undefined> = process.env): boolean {
  const id = environment[WORKER_ID_VARIABLE];
  return id === undefined || id === '' || Number(id) === SCHEDULING_WORKER;
}

/** How soon after start a job first runs, unless registered with its own delay. */
export const FIRST_RUN_DELAY_MS = 15_000;

async function runJob(job: Job) {
  if (job.running) return;
  job.running = true;
  try {
    await job.fn(new Date());
  } catch (error) {
    console.error(`定时任务 ${job.name} 运行失败`, error);
  } finally {
    job.running = false;
  }
}

function schedule(job: Job) {
  const first = setTimeout(() => {
    void runJob(job);
    const every = setInterval(() => void runJob(job), job.everyMs);
    every.unref();
    job.timer = every;
  }, job.firstDelayMs);
  first.unref();
  job.timer = first;
}

function unschedule(job: Job) {
  if (job.timer) {
    clearTimeout(job.timer);
    clearInterval(job.timer);
  }
  job.timer = null;
}

/**
 * Registers (or replaces, by name) a periodic job: `fn(now)` runs `firstDelayMs` after the
 * scheduler starts (or at once if it has started: after that delay from now) and then every
 * `everyMs`.
 */
export function registerJob(name: string, everyMs: number, fn: JobFn, options: { firstDelayMs?: number } = {}) {
  if (!(everyMs >= 1000)) throw new Error(`定时任务 ${name} 的间隔须至少 1 秒`);
  const existing = state.jobs.get(name);
  if (existing) unschedule(existing);
  const job: Job = {
    name,
    everyMs,
    firstDelayMs: options.firstDelayMs ?? FIRST_RUN_DELAY_MS,
    fn,
    timer: null,
    running: false,
  };
  state.jobs.set(name, job);
  if (state.started) schedule(job);
}

/**
 * Starts every registered job's timers (once; later registrations start at once). Does nothing under
 * Vitest unless `force` (the scheduler's own test).
 */
export function startScheduler(options: { force?: boolean } = {}) {
  if (state.started || (process.env.VITEST && !options.force)) return;
  state.started = true;
  for (const job of state.jobs.values()) schedule(job);
}

/** Stops every job's timers (jobs stay registered). */
export function stopScheduler() {
  for (const job of state.jobs.values()) unschedule(job);
  state.started = false;
}

/** The registered jobs' names (for tests and diagnostics). */
export function registeredJobs(): string[] {
  return [...state.jobs.keys()];
}
