// A step while another process holds SQLite's write lock (the rollup rebuild CLI, scripts/rebuild-rollups.ts):
// the app's transactions begin IMMEDIATE (db/sqlite-immediate.ts), so the step waits for the lock within the
// busy timeout instead of failing at its first write with SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT (a 500).
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startDrill, submitDrillStep } from '../../app/models/attempt.server';
import { listScenarios } from '../../scenarios/index';
import { onPostgres, useSqliteTestDatabase } from '../support/db';

// Another connection, on its own thread as another process would be: takes the write lock, writes,
// tells the test, and commits a moment later.
const HOLDER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.module);
const db = new SQLite(workerData.path);
db.pragma('busy_timeout = 5000');
db.exec('BEGIN IMMEDIATE');
db.prepare("UPDATE units SET name = name || '' WHERE id = (SELECT min(id) FROM units)").run();
parentPort.postMessage('locked');
setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released'); }, 300);
`;

describe.skipIf(onPostgres)('a step while another connection holds the write lock (SQLite only)', () => {
  it('waits for the lock and is applied, not refused with SQLITE_BUSY', async () => {
    const { db, path } = useSqliteTestDatabase();
    const scenario = listScenarios()[0]!;
    const officer = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'changli.officer')
      .executeTakeFirstOrThrow();
    const now = new Date('2026-03-02T01:00:00.000Z');
    const started = await startDrill(db, officer.id, { scenarioId: scenario.id, mode: 'practice', seed: 's', now });
    if (!started.ok) throw new Error(started.reason);
    const [first] = scenario.modelAnswer(scenario.fixture('s'));

    const holder = new Worker(HOLDER, {
      eval: true,
      workerData: { path, module: require.resolve('better-sqlite3') },
    });
    const messages: string[] = [];
    const released = new Promise<void>((resolve, reject) => {
      holder.on('message', (m: string) => {
        messages.push(m);
        if (m === 'released') resolve();
      });
      holder.on('error', reject);
    });
    await new Promise<void>((resolve) => holder.once('message', () => resolve()));
    expect(messages).toEqual(['locked']);

    const result = await submitDrillStep(db, officer.id, started.attemptId, {
      stepId: first!.stepId,
      values: first!.values,
      version: 0,
      now: new Date(now.getTime() + 60_000),
    });
    await released;
    await holder.terminate();
    expect(result).toMatchObject({ ok: true });
    const row = await db
      .selectFrom('attempts')
      .select('event_count')
      .where('id', '=', started.attemptId)
      .executeTakeFirstOrThrow();
    expect(row.event_count).toBe(1);
  });
});
