// B-write and B-read: the bare limit of this machine for the drill's write and read. A minimal
// node:http server over better-sqlite3 with the app's pragmas, on a copy of the bench database.
//   POST /drills/:id  parses the urlencoded body, then in one transaction SELECTs the attempt,
//                     INSERTs the event and UPDATEs the attempt's state (version checked); 303.
//   GET  /drills/:id  the same SELECT, then the drill page's HTML bytes (PAGE_FILE) as captured from the app.
import SQLite from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const db = new SQLite(process.env.DATABASE_PATH!);
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma(`synchronous = ${process.env.SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`);
const page = readFileSync(process.env.PAGE_FILE!);

const selectAttempt = db.prepare<[number], { id: number; event_count: number; state_json: string }>(
  'SELECT id, event_count, state_json FROM attempts WHERE id = ?',
);
const insertEvent = db.prepare(
  'INSERT INTO attempt_events (attempt_id, seq, at, event_json, form_values_json) VALUES (?, ?, ?, ?, ?)',
);
const updateAttempt = db.prepare(
  'UPDATE attempts SET event_count = ?, state_json = ? WHERE id = ? AND event_count = ?',
);

const submit = db.transaction((id: number, values: Record<string, string>) => {
  const attempt = selectAttempt.get(id);
  if (!attempt) return false;
  const state = JSON.parse(attempt.state_json) as { events: unknown[] };
  const at = new Date().toISOString();
  const event = {
    seq: attempt.event_count + 1,
    kind: 'workflow',
    at,
    stepId: values._step,
    event: { type: 'bench', values },
  };
  state.events.push(event);
  // A drill's state holds its few events; keep the baseline's the same size however long it runs.
  if (state.events.length > 8) state.events.splice(0, state.events.length - 8);
  insertEvent.run(id, event.seq, at, JSON.stringify(event), JSON.stringify(values));
  return updateAttempt.run(attempt.event_count + 1, JSON.stringify(state), id, attempt.event_count).changes === 1;
});

const server = createServer((req, res) => {
  const match = /^\/drills\/(\d+)/.exec(req.url ?? '');
  if (req.url === '/health') return res.end('ok');
  if (!match) {
    res.statusCode = 404;
    return res.end();
  }
  const id = Number(match[1]);
  if (req.method === 'POST') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const values = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      try {
        const ok = submit(id, values);
        res.writeHead(ok ? 303 : 409, { Location: `/drills/${id}` });
      } catch (error) {
        console.error(error);
        res.statusCode = 500;
      }
      res.end();
    });
    return;
  }
  const attempt = selectAttempt.get(id);
  if (!attempt) {
    res.statusCode = 404;
    return res.end();
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': page.length });
  res.end(page);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
