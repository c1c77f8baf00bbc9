// `node cluster-serve.cjs <remix-serve cli> <build>` with WORKERS=n: n remix-serve processes sharing
// one port through node:cluster (the primary accepts and hands connections round-robin to the
// workers). The bench's stand-in for `WORKERS=n npm start` until the app has its own launcher:
// every process is the unchanged `remix-serve build/index.js` on the same DATABASE_URL.
const cluster = require('node:cluster');

const [cli, build] = process.argv.slice(2);
const workers = Number(process.env.WORKERS || 2);
cluster.setupPrimary({ exec: cli, args: [build] });
let stopping = false;
for (let i = 0; i < workers; i++) cluster.fork();
cluster.on('exit', (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers).length === 0) process.exit(0);
    return;
  }
  process.stderr.write(`cluster-serve: worker ${worker.process.pid} exited (${signal ?? code})\n`);
  stopping = true;
  for (const w of Object.values(cluster.workers)) w.process.kill('SIGTERM');
  process.exitCode = 1;
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    stopping = true;
    const alive = Object.values(cluster.workers);
    if (alive.length === 0) process.exit(0);
    for (const w of alive) w.process.kill('SIGTERM');
  });
}
