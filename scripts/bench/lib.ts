// Shared helpers of the benchmark: child servers, a free port, load generation, statistics.
import autocannon, { type Result as AutocannonResult } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request as httpRequest } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';

export const HOST = '127.0.0.1';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface RunningServer {
  port: number;
  base: string;
  child: ChildProcess;
  stderr: () => string;
  /** SIGTERM and wait (a --cpu-prof profile is written on a clean exit). */
  stop(): Promise<void>;
  /** SIGKILL and wait. */
  kill(): Promise<void>;
  /**
   * Event-loop delay and GC pauses since the previous call (scripts/bench/loop-delay.cjs), for a
   * server started with `loopDelay: true`; undefined otherwise.
   */
  loopWindow?: () => Promise<LoopFigures>;
}

/** What scripts/bench/loop-delay.cjs writes for one window of a server's life. */
export interface LoopFigures {
  seq: number;
  seconds: number;
  /** CPU time (user + system) the server used in the window, ms */
  cpuMs: number;
  /** V8 heap in use at the window's end, MB */
  heapMb: number;
  /** event-loop delay, ms */
  loop: { p50: number; p99: number; max: number; mean: number };
  /** GC pauses: count, total and longest (ms), share of wall time */
  gc: { count: number; totalMs: number; maxMs: number; share: number };
  /** timer ticks more than 50 ms late: how many, how many with the process busy, the longest and its CPU */
  stalls: { count: number; busy: number; longestMs: number; longestCpuMs: number };
}

const LOOP_DELAY_PRELOAD = join(import.meta.dirname, 'loop-delay.cjs');

/** Spawns `node <args>` with `env` and waits until GET `readyPath` answers (any status below 500). */
export async function startServer(opts: {
  args: string[];
  env: Record<string, string>;
  readyPath: string;
  nodeArgs?: string[];
  cwd?: string;
  /** Preload scripts/bench/loop-delay.cjs (one process only: SIGUSR2 reaches the process started). */
  loopDelay?: boolean;
}): Promise<RunningServer> {
  const port = await freePort();
  const loopFile = opts.loopDelay ? join(tmpdir(), `bench-loop-${process.pid}-${port}.json`) : undefined;
  if (loopFile) rmSync(loopFile, { force: true });
  const child = spawn(
    process.execPath,
    [...(loopFile ? ['--require', LOOP_DELAY_PRELOAD] : []), ...(opts.nodeArgs ?? []), ...opts.args],
    {
      cwd: opts.cwd,
      env: {
        ...process.env,
        ...opts.env,
        PORT: String(port),
        HOST,
        ...(loopFile ? { LOOP_DELAY_FILE: loopFile } : {}),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://${HOST}:${port}`;
  const server: RunningServer = {
    port,
    base,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  if (loopFile) {
    let seq = 0;
    server.loopWindow = async () => {
      child.kill('SIGUSR2');
      // The handler runs when the server's loop next turns; a busy server may take a moment.
      for (let i = 0; i < 400; i++) {
        if (existsSync(loopFile)) {
          try {
            const figures = JSON.parse(readFileSync(loopFile, 'utf8')) as LoopFigures;
            if (figures.seq > seq) {
              seq = figures.seq;
              return figures;
            }
          } catch {
            // caught mid-write: read again
          }
        }
        await sleep(25);
      }
      throw new Error('the server did not report its event-loop delay (SIGUSR2) within 10 s');
    };
  }
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(base + opts.readyPath, { redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status < 500) return server;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  await server.kill();
  throw new Error(`server ${opts.args.join(' ')} did not start:\n${stderr}`);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface LoadResult {
  /** successful responses per second */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  seconds: number;
  /** The server's event-loop delay and GC pauses during the run (servers started with `loopDelay`). */
  loop?: {
    p99: number;
    max: number;
    gcShare: number;
    gcMaxMs: number;
    cpuPerRequestMs: number;
    stalls: LoopFigures['stalls'];
    heapMb: number;
  };
}

/** One run's figures as the bench's log shows them: throughput, latency, and the server's own figures if measured. */
export function describeRun(r: LoadResult): string {
  const server = r.loop
    ? `; server CPU ${r.loop.cpuPerRequestMs.toFixed(3)} ms per answer; event-loop delay p99 ${r.loop.p99} ms, max ${r.loop.max} ms;` +
      ` GC ${(r.loop.gcShare * 100).toFixed(1)} % of the time, longest pause ${r.loop.gcMaxMs} ms;` +
      ` stalls over 50 ms: ${r.loop.stalls.count} (${r.loop.stalls.busy} busy), longest ${r.loop.stalls.longestMs} ms with ${r.loop.stalls.longestCpuMs} ms CPU; heap ${r.loop.heapMb} MB`
    : '';
  return `${r.rps.toFixed(0)}/s p50 ${r.p50.toFixed(1)} ms p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}${server}`;
}

/** Runs one measured load against `server`, with the server's event-loop figures of that window. */
export async function withLoopWindow(server: RunningServer, run: () => Promise<LoadResult>): Promise<LoadResult> {
  if (!server.loopWindow) return run();
  await server.loopWindow();
  const result = await run();
  const w = await server.loopWindow();
  return {
    ...result,
    loop: {
      p99: w.loop.p99,
      max: w.loop.max,
      gcShare: w.gc.share,
      gcMaxMs: w.gc.maxMs,
      cpuPerRequestMs: result.requests > 0 ? w.cpuMs / result.requests : NaN,
      stalls: w.stalls,
      heapMb: w.heapMb,
    },
  };
}

export interface ClosedLoadOptions {
  base: string;
  connections: number;
  seconds: number;
  method: 'GET' | 'POST';
  /** One state per connection, handed out in order the first time a connection asks. */
  makeConnection: (index: number) => ConnectionScript;
}

/** What one simulated client (one keep-alive connection) sends next and how it takes the answer. */
export interface ConnectionScript {
  next(): { path: string; body?: string; headers?: Record<string, string> };
  /** true when the answer was the expected one */
  onResponse(status: number, headers: Record<string, string | string[]>): boolean;
}

/**
 * Closed-model load with autocannon: `connections` keep-alive connections, each sending its next
 * request as soon as the previous answer arrives. Latencies: every answer, whatever its status;
 * an error is a socket error, a timeout or an answer the script did not expect.
 */
export async function closedLoad(opts: ClosedLoadOptions): Promise<LoadResult> {
  let handedOut = 0;
  let unexpected = 0;
  let expected = 0;
  const statuses = new Map<number, number>();
  // autocannon deep-clones its options for every connection, so this one request's `holder` object
  // becomes one per connection: the place where the connection's script lives for the whole run
  // (its `context` is reset after every pass over the request list). onResponse is called as a
  // method of that connection's copy of the request.
  type Entry = { holder: { script?: ConnectionScript } };
  const requests = [
    {
      method: opts.method,
      holder: {},
      setupRequest(req: Record<string, unknown> & Entry) {
        req.holder.script ??= opts.makeConnection(handedOut++);
        const next = req.holder.script.next();
        req.path = next.path;
        req.body = next.body;
        req.headers = {
          ...(next.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...next.headers,
        };
        return req;
      },
      onResponse(
        this: Entry,
        status: number,
        _body: string,
        _context: unknown,
        headers: Record<string, string | string[]>,
      ) {
        if (this.holder.script?.onResponse(status, headers)) expected++;
        else {
          unexpected++;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      },
    },
  ];
  const latencies: number[] = [];
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const tracker = autocannon(
      { url: opts.base, connections: opts.connections, duration: opts.seconds, requests, timeout: 10 },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    tracker.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  const sorted = latencies.sort((a, b) => a - b);
  if (unexpected + result.errors + result.timeouts > 0) {
    const codes = [...statuses].map(([code, n]) => `${n}×${code}`).join(', ');
    log(`  unexpected answers: ${codes || 'none'}; socket errors ${result.errors}, timeouts ${result.timeouts}`);
  }
  return {
    rps: expected / opts.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    requests: sorted.length,
    errors: unexpected + result.errors + result.timeouts,
    seconds: opts.seconds,
  };
}

/** A small keep-alive HTTP client for open-model load (arrivals on a schedule, not on answers). */
export function makeClient(base: string, maxSockets = 256) {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets });
  type Answer = { status: number; headers: Record<string, string | string[] | undefined>; ms: number; body: string };
  const client = {
    agent,
    /** Requests that failed on a kept-alive socket the server had just closed, and were sent again. */
    resent: 0,
    /**
     * One request. A request on a reused keep-alive socket that the server closed at that very moment
     * (its idle timeout) fails with ECONNRESET before the server saw it; like a browser, the client
     * then sends it once more on a new connection (the pattern Node's http documentation gives).
     */
    async request(
      method: string,
      path: string,
      opts: { body?: string; headers?: Record<string, string> } = {},
    ): Promise<Answer> {
      try {
        return await client.send(method, path, opts);
      } catch (error) {
        if ((error as { resend?: boolean }).resend !== true) throw error;
        client.resent++;
        return client.send(method, path, opts);
      }
    },
    send(method: string, path: string, opts: { body?: string; headers?: Record<string, string> }) {
      return new Promise<Answer>((resolve, reject) => {
        const started = performance.now();
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            method,
            path,
            agent,
            headers: {
              ...(opts.body !== undefined
                ? {
                    'content-type': 'application/x-www-form-urlencoded',
                    'content-length': Buffer.byteLength(opts.body),
                  }
                : {}),
              ...opts.headers,
            },
            timeout: 30_000,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                ms: performance.now() - started,
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
            res.on('error', reject);
          },
        );
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', (error: NodeJS.ErrnoException) => {
          if (req.reusedSocket && error.code === 'ECONNRESET') Object.assign(error, { resend: true });
          reject(error);
        });
        if (opts.body !== undefined) req.write(opts.body);
        req.end();
      });
    },
    close() {
      agent.destroy();
    },
  };
  return client;
}

/** Counts failures by what they were (an HTTP status, or the socket error's code), for the log. */
export function failureTally() {
  const counts = new Map<string, number>();
  return {
    add(reason: string | number | undefined) {
      const key = String(reason ?? 'unknown');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    toString: () => [...counts].map(([k, n]) => `${n}×${k}`).join(', ') || 'none',
  };
}

/** Sorted latencies → the usual summary. */
export function summarize(latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    requests: latencies.length + errors,
    errors,
    seconds,
  };
}

/** Exponentially distributed delay with the given mean (Poisson arrivals). */
export function expDelay(meanMs: number): number {
  return -Math.log(1 - Math.random()) * meanMs;
}

/** Median of each numeric field over runs (errors: the sum, so that none hides). */
export function medianOf(runs: LoadResult[]): LoadResult & { runs: number } {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
    requests: median(runs.map((r) => r.requests)),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    seconds: median(runs.map((r) => r.seconds)),
    runs: runs.length,
    ...(runs.every((r) => r.loop)
      ? {
          loop: {
            p99: median(runs.map((r) => r.loop!.p99)),
            max: Math.max(...runs.map((r) => r.loop!.max)),
            gcShare: median(runs.map((r) => r.loop!.gcShare)),
            gcMaxMs: Math.max(...runs.map((r) => r.loop!.gcMaxMs)),
            cpuPerRequestMs: median(runs.map((r) => r.loop!.cpuPerRequestMs)),
            heapMb: Math.max(...runs.map((r) => r.loop!.heapMb)),
            stalls: {
              count: runs.reduce((n, r) => n + r.loop!.stalls.count, 0),
              busy: runs.reduce((n, r) => n + r.loop!.stalls.busy, 0),
              longestMs: Math.max(...runs.map((r) => r.loop!.stalls.longestMs)),
              longestCpuMs: runs.reduce((m, r) => (r.loop!.stalls.longestMs > m.longestMs ? r.loop!.stalls : m), {
                longestMs: 0,
                longestCpuMs: 0,
              }).longestCpuMs,
            },
          },
        }
      : {}),
  };
}

export function log(message: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** stderr of a successful build without the esbuild exit-time goroutine dump and Vite's CJS notice. */
export function withoutKnownNoise(stderr: string): string {
  const dump = stderr.indexOf('fatal error: all goroutines are asleep - deadlock!');
  const before = dump === -1 ? stderr : stderr.slice(0, dump);
  return before
    .split('\n')
    .filter((line) => line.trim() && !line.includes("The CJS build of Vite's Node API is deprecated"))
    .join('\n');
}
