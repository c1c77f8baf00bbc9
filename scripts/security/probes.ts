// What the security scripts watch while they attack: the server's memory and another user's /login.
import { readFileSync } from 'node:fs';
import { sleep } from '../bench/lib';

/** Samples VmRSS of `pid` every 50 ms until stopped. */
export function rssSampler(pid: number) {
  const samples: number[] = [];
  const timer = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
      if (kb) samples.push(kb / 1024);
    } catch {
      // the process is gone
    }
  }, 50);
  return {
    stop: () => (clearInterval(timer), samples),
  };
}

/** Another user's GET /login, one after another with 20 ms between, until stopped. */
export function loginProbe(base: string) {
  const latencies: number[] = [];
  let errors = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${base}/login`, { signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        if (response.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
      await sleep(20);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { latencies, errors };
    },
  };
}
