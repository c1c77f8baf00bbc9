// Preparing what the benchmark runs against: the builds and the bench databases (demo data,
// sessions and attempts created with the app's own code, never hand-written rows).
import { createCookieSessionStorage } from '@remix-run/node';
import type SQLite from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { startDrill } from '../../app/models/attempt.server';
import { hashPassword } from '../../app/utils/password.server';
import { isPostgresUrl, openDatabase, openPostgres } from '../../db/connection';
import type { Database } from '../../db/schema';
import type { Kysely } from 'kysely';
import { prepareDatabase } from '../../db/seed';
import { listScenarios, getScenario } from '../../scenarios/index';
import { log, withoutKnownNoise } from './lib';

export const ROOT = resolve(import.meta.dirname, '../..');
export const WORK = join(ROOT, '.cache/bench');
export const RUN_DIR = join(WORK, 'run');
export const BARE_DIR = join(ROOT, 'scripts/bench/bare-remix');
export const BARE_BUILD = join(WORK, 'bare-remix/build/index.js');
export const SESSION_SECRET = 'bench-session-secret-0123456789';
export const BENCH_PASSWORD = 'Bench@2025';

/**
 * esbuild's Go service can print "fatal error: all goroutines are asleep - deadlock!" and its goroutine
 * dump when the Remix CLI calls process.exit() while a request to the service is still in flight: the
 * service's stdin closes under a pending request (evanw/esbuild#2727, opened by the Remix team; also
 * #3635, #3636). The build itself has finished by then, so after a successful build that dump (and Vite's
 * CJS deprecation notice) is noise; anything else on stderr is shown, and a failed build shows it all.
 */
export function buildQuietly(args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/@remix-run/dev/dist/cli.js'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    throw new Error(`remix ${args.join(' ')} failed (exit ${run.status ?? run.signal})`);
  }
  const rest = withoutKnownNoise(run.stderr);
  if (rest) process.stderr.write(rest + '\n');
}

/** Builds the app (as `npm start` does) and the bare Remix app of B-remix. */
export function buildAll() {
  log('building the app (remix build)…');
  buildQuietly(['build']);
  log('building the bare Remix app of B-remix…');
  buildQuietly(['build', BARE_DIR]);
}

/** A fresh folder for this run's databases (on the project's disk, so fsync costs what it costs). */
export function resetRunDir() {
  rmSync(RUN_DIR, { recursive: true, force: true });
  mkdirSync(RUN_DIR, { recursive: true });
}

/**
 * The demo database (migrations + seed, exactly what `npm start` creates) with a login for every
 * officer: one argon2id hash of the bench password, computed once by the app's hashPassword.
 */
export async function createTemplate(location = join(RUN_DIR, 'template.db')): Promise<string> {
  const { db } = openLocation(location);
  await prepareDatabase(db);
  const hash = await hashPassword(BENCH_PASSWORD);
  await db.updateTable('users').set({ password_hash: hash }).where('role', '=', 'officer').execute();
  await db.destroy();
  return location;
}

/**
 * The bench's database at a location (a SQLite file path or a PostgreSQL URL), with the raw SQLite
 * handle when it is a file.
 */
export function openLocation(location: string): { db: Kysely<Database>; sqlite?: SQLite.Database } {
  return isPostgresUrl(location) ? { db: openPostgres(location, { poolSize: 4 }) } : openDatabase(location);
}

export function copyDb(template: string, name: string): string {
  const path = join(RUN_DIR, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  copyFileSync(template, path);
  if (existsSync(template + '-wal')) copyFileSync(template + '-wal', path + '-wal');
  return path;
}

export interface Officer {
  id: number;
  username: string;
}

export async function listOfficers(location: string, count: number): Promise<Officer[]> {
  const { db } = openLocation(location);
  try {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('role', '=', 'officer')
      .where('disabled', '=', 0)
      .where('username', 'like', 'zf%')
      .orderBy('id')
      .limit(count)
      .execute();
    if (rows.length < count) throw new Error(`only ${rows.length} officers in the bench database, ${count} needed`);
    return rows;
  } finally {
    await db.destroy();
  }
}

/**
 * Signed-in sessions without going through the password check (the login burst measures that
 * separately): a `sessions` row per user and the cookie the app's session storage would set.
 */
export async function mintSessions(location: string, userIds: number[]): Promise<Map<number, string>> {
  const storage = createCookieSessionStorage<{ sessionId: string }>({
    cookie: {
      name: '__drill_session',
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secrets: [SESSION_SECRET],
      maxAge: 14 * 24 * 60 * 60,
    },
  });
  const expiresAt = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000).toISOString();
  const ids = userIds.map((userId) => ({ userId, id: randomBytes(32).toString('base64url') }));
  const { db } = openLocation(location);
  try {
    for (let i = 0; i < ids.length; i += 500) {
      await db
        .insertInto('sessions')
        .values(ids.slice(i, i + 500).map((s) => ({ id: s.id, user_id: s.userId, expires_at: expiresAt })))
        .execute();
    }
  } finally {
    await db.destroy();
  }
  const cookies = new Map<number, string>();
  for (const s of ids) {
    const session = await storage.getSession();
    session.set('sessionId', s.id);
    cookies.set(s.userId, (await storage.commitSession(session)).split(';')[0]!);
  }
  return cookies;
}

export interface BenchAttempt {
  id: number;
  scenarioId: string;
  /** urlencoded body of each step of the model answer, the n-th posted at version n */
  bodies: string[];
  firstStepId: string;
}

/** The model answer of a scenario for a seed, as the urlencoded bodies the step forms post. */
export function answerBodies(scenarioId: string, seed: string): { bodies: string[]; firstStepId: string } {
  const scenario = getScenario(scenarioId)!;
  const answer = scenario.modelAnswer(scenario.fixture(seed));
  const bodies = answer.map((step, version) => {
    const form = new URLSearchParams({ _intent: 'step', _step: step.stepId, _version: String(version) });
    for (const [name, value] of Object.entries(step.values)) {
      for (const v of Array.isArray(value) ? value : [value ?? '']) form.append(name, String(v));
    }
    return form.toString();
  });
  return { bodies, firstStepId: answer[0]!.stepId };
}

let seedCounter = 0;

/** Starts `perUser` practice attempts for each user with the app's startDrill (scenarios round-robin). */
export async function createAttempts(
  location: string,
  userIds: number[],
  perUser: number,
): Promise<Map<number, BenchAttempt[]>> {
  const scenarios = listScenarios();
  const { db, sqlite } = openLocation(location);
  const byUser = new Map<number, BenchAttempt[]>();
  try {
    await db.transaction().execute(async (trx) => {
      for (let round = 0; round < perUser; round++) {
        for (const userId of userIds) {
          const scenario = scenarios[seedCounter % scenarios.length]!;
          const seed = `bench${(seedCounter++).toString(36)}`;
          const started = await startDrill(trx, userId, { scenarioId: scenario.id, mode: 'practice', seed });
          if (!started.ok) throw new Error(started.reason);
          const list = byUser.get(userId) ?? [];
          list.push({ id: started.attemptId, scenarioId: scenario.id, ...answerBodies(scenario.id, seed) });
          byUser.set(userId, list);
        }
      }
    });
    // Setup writes are not the measured load: checkpoint them now, or the server's first commit of
    // the next run copies this whole transaction into the database file (a one-off stall of up to 1 s).
    sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await db.destroy();
  }
  return byUser;
}
