// What the security scripts watch while they attack: the server's memory and another user's /login.
import { readFileSync } from 'node:fs';
import { percentile, sleep } from '../bench/lib';

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

/** The bar of issue 12 for every outside re-run. */
export const BAR = { rssMb: 600, loginP99Ms: 1000 };

export interface Check {
  name: string;
  pass: boolean;
  figure: string;
}

/** The bar's memory and other-user checks from what the probes saw. */
export function resourceChecks(samples: number[], login: { latencies: number[]; errors: number }): Check[] {
  const sorted = [...login.latencies].sort((a, b) => a - b);
  const peak = Math.max(...samples);
  const p99 = percentile(sorted, 99);
  return [
    {
      name: `server RSS below ${BAR.rssMb} MB throughout`,
      pass: peak < BAR.rssMb,
      figure: `peak ${peak.toFixed(0)} MB`,
    },
    {
      name: `other users' /login p99 below ${BAR.loginP99Ms} ms`,
      pass: p99 < BAR.loginP99Ms && login.errors === 0,
      figure: `p99 ${p99.toFixed(0)} ms over ${sorted.length} requests, ${login.errors} errors`,
    },
  ];
}

/** Prints every check as PASS/FAIL and sets the exit code. */
export function reportBar(checks: Check[]) {
  console.log('\nBar:');
  for (const c of checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.figure}`);
  process.exitCode = checks.every((c) => c.pass) ? 0 : 1;
}
