// `npx tsx scripts/security/attack.ts [--no-build]`: issue 12's attack list, re-run from outside
// against the built app on a temporary demo database (the uploads have their own script,
// scripts/security/uploads.ts). Sends: the open redirect, 200 wrong passwords, TRACE, a CR/LF
// redirectTo, a cross-origin POST, ten reminders, a double-submitted new assignment, and an online
// backup (and a plain cp) taken while officers' steps are being written. Meanwhile it samples the
// server's RSS and another client's GET /login latency, then prints every outcome and pass/fail
// against the bar: no 5xx, RSS < 600 MB, /login p99 < 1 s, nothing lost.
// A script, not a test: the figures depend on the machine.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { backupDatabase } from '../../db/backup';
import { openDatabase } from '../../db/connection';
import { prepareDatabase } from '../../db/seed';
import { attemptFixture } from '../../scenarios/engine';
import { getScenario } from '../../scenarios/index';
import type { AnswerStep, PracticeHome } from '../../scenarios/types';
import { log, sleep, startServer } from '../bench/lib';
import { loginProbe, reportBar, resourceChecks, rssSampler, type Check } from './probes';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVE = join(ROOT, 'node_modules/@remix-run/serve/dist/cli.js');
const PASSWORD = 'Drill@2023';

/** A browser-like client: a cookie jar, no automatic redirects, every status recorded. */
class Client {
  cookie = '';
  statuses: number[] = [];
  constructor(readonly base: string) {}

  async send(path: string, init: RequestInit & { form?: Record<string, string | string[]> } = {}) {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('Cookie', this.cookie);
    let body = init.body;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form))
        for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
      body = params;
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
      if (!headers.has('Origin')) headers.set('Origin', this.base);
    }
    const response = await fetch(this.base + path, {
      ...init,
      body,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    this.statuses.push(response.status);
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    return { status: response.status, text, location: response.headers.get('location') ?? '' };
  }

  async logIn(username: string, password = PASSWORD, redirectTo = '') {
    return this.send(`/login${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ''}`, {
      method: 'POST',
      form: { username, password, redirectTo },
    });
  }
}

const seedOf = (html: string) => /data-seed="([^"]+)"/.exec(html)?.[1] ?? '';
const versionOf = (html: string) => Number(/data-version="(\d+)"/.exec(html)?.[1] ?? NaN);
/** The drill's practice home (`data-home`, JSON in an HTML attribute), if it has one. */
const homeOf = (html: string): PracticeHome | undefined => {
  const raw = /data-home="([^"]+)"/.exec(html)?.[1];
  if (!raw) return undefined;
  const text = raw
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  return JSON.parse(text.replace(/&amp;/g, '&')) as PracticeHome;
};

/** An officer plays model answers step by step until stopped; returns every acknowledged step with its time. */
function drillWriter(client: Client, scenarioId: string) {
  const acknowledged: { attemptId: number; seq: number; at: number }[] = [];
  let running = true;
  let refused = 0;
  const loop = (async () => {
    while (running) {
      const started = await client.send('/drills/start', { method: 'POST', form: { scenarioId, mode: 'practice' } });
      const attemptId = Number(/\/drills\/(\d+)/.exec(started.location)?.[1]);
      if (!attemptId) throw new Error(`could not start a drill: ${started.status} ${started.text.slice(0, 200)}`);
      const page = await client.send(`/drills/${attemptId}`);
      const seed = seedOf(page.text);
      let version = versionOf(page.text);
      const scenario = getScenario(scenarioId)!;
      const home = homeOf(page.text);
      const answer: AnswerStep[] = scenario.modelAnswer(
        attemptFixture({ scenarioId, seed, ...(home ? { home } : {}) }),
      );
      for (const step of answer) {
        if (!running) break;
        const result = await client.send(`/drills/${attemptId}`, {
          method: 'POST',
          form: { _intent: 'step', _step: step.stepId, _version: String(version), ...step.values },
        });
        if (result.status === 302 || result.status === 303) {
          version += 1;
          acknowledged.push({ attemptId, seq: version, at: Date.now() });
        } else {
          refused++;
          break;
        }
      }
    }
  })();
  return {
    acknowledged,
    async stop() {
      running = false;
      await loop;
      return { acknowledged, refused };
    },
  };
}

/** Which of the acknowledged steps a copy of the database holds. */
function stepsIn(file: string, steps: { attemptId: number; seq: number }[]): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const has = db.prepare('select 1 from attempt_events where attempt_id = ? and seq = ?');
    return steps.filter((s) => has.get(s.attemptId, s.seq)).length;
  } finally {
    db.close();
  }
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    log('building the app (remix build)…');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/@remix-run/dev/dist/cli.js'), 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'drill-attack-'));
  const dbPath = join(dir, 'attack.db');
  const checks: Check[] = [];
  try {
    log('preparing a demo database…');
    const { db } = openDatabase(dbPath);
    await prepareDatabase(db);
    await db.destroy();
    const app = await startServer({
      args: [SERVE, join(ROOT, 'build/index.js')],
      env: {
        DATABASE_PATH: dbPath,
        SESSION_SECRET: 'security-session-secret-0123456789',
        NODE_ENV: 'production',
        SCHEDULED_JOBS: '0',
      },
      readyPath: '/login',
    });
    const clients: Client[] = [];
    const client = () => {
      const c = new Client(app.base);
      clients.push(c);
      return c;
    };
    try {
      const rss = rssSampler(app.child.pid!);
      const probe = loginProbe(app.base);

      log('1. open redirect');
      const victim = client();
      const hostile = [
        '/\t/evil.example/phish',
        '//evil.example',
        '/\\evil.example',
        'https://evil.example/',
        'javascript:alert(1)',
      ];
      const landed: string[] = [];
      const direct: number[] = [];
      for (const target of hostile) {
        // As a browser does: the phishing link opens the login page, whose form carries what the page kept.
        const page = await victim.send(`/login?redirectTo=${encodeURIComponent(target)}`);
        const kept = /name="redirectTo" value="([^"]*)"/.exec(page.text)?.[1] ?? '';
        const response = await victim.logIn('changli.officer', PASSWORD, kept);
        landed.push(response.location);
        await victim.send('/logout', { method: 'POST', form: {} });
        // A hand-made POST carrying the target itself.
        direct.push((await victim.logIn('changli.officer', PASSWORD, target)).status);
      }
      checks.push({
        name: 'login never redirects off the site (browser flow lands home; hand-made POSTs are refused)',
        pass:
          landed.every(
            (l) => l.startsWith('/') && !l.startsWith('//') && !l.startsWith('/\\') && !/[\t\r\n]/.test(l),
          ) && direct.every((status) => status === 400),
        figure: `landed ${landed.join(' · ')}; hand-made POSTs ${direct.join('/')}`,
      });

      log('4. 200 wrong passwords for trainer');
      const guesser = client();
      const wrong: number[] = [];
      for (let i = 0; i < 200; i++) wrong.push((await guesser.logIn('trainer', `wrong-${i}`)).status);
      const held = wrong.filter((s) => s === 429).length;
      checks.push({
        name: 'repeated wrong passwords are throttled (429 with a wait), none let in',
        pass: held > 150 && !wrong.some((s) => s === 302 || s >= 500),
        figure: `${held} of 200 held with 429; statuses ${[...new Set(wrong)].join('/')}`,
      });

      log('6. TRACE, CR/LF in redirectTo, cross-origin POST');
      const raw = client();
      // fetch refuses TRACE itself; a raw request is what an attacker sends.
      const trace = await new Promise<{ status: number }>((resolveTrace, reject) => {
        const req = httpRequest(`${app.base}/login`, { method: 'TRACE' }, (res) => {
          res.resume();
          res.on('end', () => resolveTrace({ status: res.statusCode ?? 0 }));
        });
        req.on('error', reject);
        req.end();
      });
      raw.statuses.push(trace.status);
      const sessionsBefore = new Database(dbPath, { readonly: true })
        .prepare('select count(*) as n from sessions')
        .get() as { n: number };
      const crlf = await raw.logIn('changli.officer', PASSWORD, '/officer\r\nSet-Cookie: x=1');
      const sessionsAfter = new Database(dbPath, { readonly: true })
        .prepare('select count(*) as n from sessions')
        .get() as { n: number };
      const foreign = client();
      await foreign.logIn('changli.officer');
      const crossOrigin = await foreign.send('/drills/start', {
        method: 'POST',
        headers: { Origin: 'https://evil.example' },
        form: { scenarioId: 'case-alarm-disabled', mode: 'practice' },
      });
      checks.push({ name: 'TRACE → 405', pass: trace.status === 405, figure: String(trace.status) });
      checks.push({
        name: 'CR/LF redirectTo → 400, no session row',
        pass: crlf.status === 400 && sessionsAfter.n === sessionsBefore.n,
        figure: `${crlf.status}, sessions ${sessionsBefore.n} → ${sessionsAfter.n}`,
      });
      checks.push({
        name: 'cross-origin POST → 403 (Chinese page)',
        pass: crossOrigin.status === 403 && /[\u4e00-\u9fff]/.test(crossOrigin.text),
        figure: String(crossOrigin.status),
      });

      log('8. ten reminders and a double-submitted assignment');
      const trainer = client();
      const trainerLogin = await trainer.logIn('trainer');
      if (trainerLogin.status !== 302) {
        // trainer may be locked by the guesses above (from this same address): that is the throttle working;
        // the admin unlocks it as an operator would.
        const admin = client();
        await admin.logIn('admin');
        const trainerId = (
          new Database(dbPath, { readonly: true }).prepare("select id from users where username = 'trainer'").get() as {
            id: number;
          }
        ).id;
        await admin.send(`/admin/users/${trainerId}`, { method: 'POST', form: { intent: 'unlockLogin' } });
        await trainer.logIn('trainer');
      }
      const form = await trainer.send('/assignments/new');
      const formToken = /name="formToken" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
      const fields = {
        formToken,
        title: '安全检查：秦皇岛市练兵（攻击复测）',
        scenarioIds: 'case-alarm-disabled',
        unitCodes: '130322',
        mode: 'practice',
        passMark: '80',
        opensAt: '2026-01-05T09:00',
        dueAt: '2099-01-12T18:00',
        attemptsAllowed: '2',
      };
      const [first, second] = await Promise.all([
        trainer.send('/assignments/new', { method: 'POST', form: fields }),
        trainer.send('/assignments/new', { method: 'POST', form: fields }),
      ]);
      const again = await trainer.send('/assignments/new', { method: 'POST', form: fields });
      const created = new Database(dbPath, { readonly: true })
        .prepare('select count(*) as n from assignments where title = ?')
        .get(fields.title) as { n: number };
      checks.push({
        name: 'a double-submitted new assignment creates one',
        pass: created.n === 1 && [first, second, again].every((r) => r.status === 302 || r.status === 303),
        figure: `${created.n} created; statuses ${first.status}/${second.status}/${again.status}`,
      });
      const assignmentPath = first.location || second.location;
      for (let i = 0; i < 10; i++)
        await trainer.send(assignmentPath, { method: 'POST', form: { intent: 'remind', message: '' } });
      const assignmentId = Number(/\/assignments\/(\d+)/.exec(assignmentPath)?.[1]);
      const reminders = new Database(dbPath, { readonly: true })
        .prepare(
          'select count(*) as n, count(distinct user_id) as people from assignment_reminders where assignment_id = ?',
        )
        .get(assignmentId) as { n: number; people: number };
      checks.push({
        name: 'ten reminders write one row per recipient',
        pass: reminders.n === reminders.people && reminders.n > 0,
        figure: `${reminders.n} rows for ${reminders.people} officers`,
      });

      log('5. online backup (and a plain cp) while officers write steps');
      const officer = client();
      await officer.logIn('changli.officer');
      const writer = drillWriter(officer, 'case-alarm-disabled');
      await sleep(1500);
      const backupStarted = Date.now();
      const plainCopy = join(dir, 'plain-cp.db');
      copyFileSync(dbPath, plainCopy);
      const backup = await backupDatabase(dbPath, { dir: join(dir, 'backups') });
      await sleep(1000);
      const { acknowledged, refused } = await writer.stop();
      const before = acknowledged.filter((s) => s.at < backupStarted);
      const inBackup = stepsIn(backup.file, before);
      let inCopy = 0;
      try {
        inCopy = stepsIn(plainCopy, before);
      } catch {
        inCopy = 0;
      }
      checks.push({
        name: 'the online backup holds every step acknowledged before it began',
        pass: before.length > 0 && inBackup === before.length,
        figure: `${inBackup} of ${before.length} (a plain cp of the live file: ${inCopy}); ${acknowledged.length} steps written, ${refused} refused`,
      });

      await sleep(500);
      const login = await probe.stop();
      const samples = rss.stop();
      const statuses = clients.flatMap((c) => c.statuses);
      const fiveXx = statuses.filter((s) => s >= 500);
      checks.push({
        name: 'no 5xx',
        pass: fiveXx.length === 0,
        figure: `${fiveXx.length} of ${statuses.length} responses`,
      });
      checks.push(...resourceChecks(samples, login));
      reportBar(checks);
    } finally {
      await app.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
