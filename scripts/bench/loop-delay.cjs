// Preloaded (node --require) into every server the benchmark starts, the app and the baselines alike:
// measures how long the event loop was blocked (perf_hooks.monitorEventLoopDelay) and what garbage
// collection paused, so that a latency tail can be told apart from plain queueing. The bench sends
// SIGUSR2 before a measured run (the figures so far are dropped) and after it: the process then writes
// the window's figures as one JSON line to LOOP_DELAY_FILE and starts a new window. Nothing else changes.
const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');

const file = process.env.LOOP_DELAY_FILE;
if (file) {
  // 10 ms sampling would miss nothing that matters for a p99 of tens of milliseconds, but the
  // histogram records the delay of each sample, so a finer resolution only costs timer wake-ups.
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let gcPauses = [];
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcPauses.push(entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  // Stalls: a 5 ms timer that fired more than 50 ms late. CPU the process used meanwhile tells what
  // the stall was: about as much CPU as wall time — a long task of the process itself (JavaScript, a
  // synchronous SQLite call, GC); much less — the process was waiting to be scheduled (other processes
  // had the cores).
  let stalls = [];
  let lastTick = performance.now();
  let lastCpu = process.cpuUsage();
  setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const wall = now - lastTick;
    if (wall > 50) {
      const used = (cpu.user + cpu.system - lastCpu.user - lastCpu.system) / 1000;
      stalls.push({ wall, cpu: used });
    }
    lastTick = now;
    lastCpu = cpu;
  }, 5).unref();
  let seq = 0;
  let windowStart = performance.now();
  let cpuStart = process.cpuUsage();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  process.on('SIGUSR2', () => {
    const sorted = gcPauses.sort((a, b) => a - b);
    const seconds = (performance.now() - windowStart) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const figures = {
      seq: ++seq,
      seconds,
      // CPU time the process used in the window (user + system, ms): per request, it does not depend on
      // what else the machine runs, as throughput and latency do.
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      heapMb: Math.round(process.memoryUsage().heapUsed / 1048576),
      loop: {
        p50: ms(loop.percentile(50)),
        p99: ms(loop.percentile(99)),
        max: ms(loop.max),
        mean: ms(loop.mean),
      },
      gc: {
        count: sorted.length,
        totalMs: Math.round(sorted.reduce((s, d) => s + d, 0)),
        maxMs: Math.round((sorted[sorted.length - 1] ?? 0) * 10) / 10,
        // Share of wall time the main thread spent paused for GC.
        share: seconds > 0 ? sorted.reduce((s, d) => s + d, 0) / 1000 / seconds : 0,
      },
      stalls: {
        count: stalls.length,
        // busy: the process used at least 70 % of the stall's wall time in CPU (all its threads).
        busy: stalls.filter((x) => x.cpu >= 0.7 * x.wall).length,
        longestMs: Math.round(Math.max(0, ...stalls.map((x) => x.wall))),
        longestCpuMs: Math.round(stalls.reduce((m, x) => (x.wall > m.wall ? x : m), { wall: 0, cpu: 0 }).cpu),
      },
    };
    writeFileSync(file, JSON.stringify(figures) + '\n');
    loop.reset();
    gcPauses = [];
    stalls = [];
    windowStart = performance.now();
    cpuStart = process.cpuUsage();
  });
}
