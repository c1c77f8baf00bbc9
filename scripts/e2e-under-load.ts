// `npm run test:e2e:loaded [-- --hogs N]`: the Playwright suite twice over (--repeat-each 2) while N
// CPU-bound busy loops run beside it (default: half the cores, at least one), to prove the suite does
// not depend on an idle machine. Exits with Playwright's status; no retries (playwright.config.ts).
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const flag = process.argv.indexOf('--hogs');
const hogs = flag > 0 ? Number(process.argv[flag + 1]) : Math.max(1, Math.floor(availableParallelism() / 2));
const extra = process.argv.slice(2).filter((a, i, all) => a !== '--hogs' && all[i - 1] !== '--hogs');

// Each hog is a thread spinning on arithmetic until told to stop: a stress-like CPU load of our own.
const workers = Array.from(
  { length: hogs },
  () =>
    new Worker(
      `const { parentPort } = require('node:worker_threads'); let on = true; parentPort.on('message', () => (on = false));
       (function spin() { const end = Date.now() + 50; let x = 0; while (Date.now() < end) x += Math.sqrt(x + 1); if (on) setImmediate(spin); })();`,
      { eval: true },
    ),
);
console.log(
  `[loaded] ${hogs} CPU hog(s) on ${availableParallelism()} cores; running playwright test --repeat-each 2 ${extra.join(' ')}`,
);
const started = Date.now();
const child = spawn(
  process.execPath,
  ['node_modules/@playwright/test/cli.js', 'test', '--repeat-each', '2', ...extra],
  { stdio: 'inherit' },
);
child.on('exit', async (code) => {
  for (const w of workers) {
    w.postMessage('stop');
    await w.terminate();
  }
  console.log(`[loaded] finished in ${((Date.now() - started) / 60_000).toFixed(1)} min with exit code ${code}`);
  process.exit(code ?? 1);
});
