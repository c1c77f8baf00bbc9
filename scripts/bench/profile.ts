// `npx tsx scripts/bench/profile.ts <post|get> [seconds] [top] [--runs n] [--no-profile] [--preload file.cjs]`:
// one throughput case of the bench against the built app under `node --cpu-prof`, nothing else
// running, then where the server's CPU went (self and inclusive time per function, idle left out),
// and per run the server's event-loop delay and GC pauses (scripts/bench/loop-delay.cjs). `--preload`
// loads a script into the server first (an experiment: e.g. a pragma changed). For finding what
// dominates a request; the figures to record come from `npm run bench`. Needs `npm run build` first.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pageGetter, startApp, stepSubmitter, type Settings } from './cases';
import { describeRun, log, withLoopWindow } from './lib';
import { RUN_DIR, copyDb, createAttempts, createTemplate, listOfficers, mintSessions, resetRunDir } from './setup';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and inclusive shares of the busy (non-idle) time, per function. */
export function summarizeProfile(profile: CpuProfile, top = 30): string {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url
      .replace(/.*node_modules\//, '')
      .replace(/.*\/build\//, 'build/')
      .replace(/\?t=[\d.]+/, '')}:${n.callFrame.lineNumber}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = nodes.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    busy += dt;
    self.set(name(node), (self.get(name(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(nodes.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  });
  // Self time by who owns the code: ours (the app build, scenarios, zod, XState), the database
  // (Kysely, and better-sqlite3's native work, which shows as Kysely's executeQuery), the framework
  // (Remix, React, Express and Node's HTTP/streams), garbage collection.
  // Built-ins (JSON.parse, native calls) count for the nearest caller with a source file.
  const areas = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    let node = nodes.get(id)!;
    const fn = node.callFrame.functionName;
    if (fn === '(idle)') return;
    let cur: number | undefined = id;
    while (cur !== undefined && !nodes.get(cur)!.callFrame.url) cur = parent.get(cur);
    if (cur !== undefined) node = nodes.get(cur)!;
    const url = node.callFrame.url;
    const area =
      fn === '(garbage collector)'
        ? 'garbage collection'
        : /kysely|better-sqlite3/.test(url)
          ? 'database (Kysely, SQLite)'
          : /\/build\/index\.js|\/scenarios\/|\/zod\/|\/xstate\//.test(url)
            ? 'ours (routes, models, engine, zod, XState)'
            : 'framework and Node (Remix, React, Express, HTTP)';
    areas.set(area, (areas.get(area) ?? 0) + dt);
  });
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => `${((100 * t) / busy).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  return `busy ${(busy / 1000).toFixed(0)} ms\n-- by area (self)\n${list(areas)}\n-- self\n${list(self)}\n-- inclusive\n${list(inclusive)}`;
}

const PROFILE_SETTINGS: Settings = {
  quick: true,
  seconds: 10,
  warmupSeconds: 0,
  runs: 1,
  connections: 50,
  provincialSeconds: 0,
  logins: 0,
  profile: false,
};

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '1' },
      'no-profile': { type: 'boolean', default: false },
      preload: { type: 'string' },
    },
  });
  const [which, secondsArg, topArg] = positionals;
  const seconds = Number(secondsArg ?? 10);
  const runs = Number(values.runs);
  if (which !== 'post' && which !== 'get') throw new Error('usage: profile.ts <post|get> [seconds] [top] [--runs n]');
  resetRunDir();
  const db = copyDb(await createTemplate(), 'profile');
  const ids = (await listOfficers(db, 50)).map((o) => o.id);
  const cookies = await mintSessions(db, ids);
  const dir = join(RUN_DIR, 'profiles');
  const app = await startApp(db, {
    profile: values['no-profile'] ? undefined : dir,
    preload: values.preload ? resolve(values.preload) : undefined,
  });
  // The bench's own cases: posters that top up their attempts between runs, or page reloads.
  const settings: Settings = { ...PROFILE_SETTINGS, seconds, runs };
  const run =
    which === 'post'
      ? stepSubmitter(app.base, db, ids, cookies, settings)
      : pageGetter(app.base, ids, cookies, await createAttempts(db, ids, 1), settings);
  for (let r = 1; r <= runs; r++) {
    log(`${values['no-profile'] ? 'measuring' : 'profiling'} ${which} for ${seconds} s (run ${r}/${runs})…`);
    log(describeRun(await withLoopWindow(app, () => run(seconds))));
  }
  await app.stop();
  if (values['no-profile']) return;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
  console.log(summarizeProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, Number(topArg ?? 40)));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
