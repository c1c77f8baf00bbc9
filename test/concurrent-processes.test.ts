// The write guarantees under real concurrency: two OS processes (test/support/process-submitter.ts)
// open the same database and submit through the real service at once, released together by a
// barrier line on their stdin. On SQLite always, on PostgreSQL with TEST_DATABASE_URL.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startDrill, submitDrillStep } from '../app/models/attempt.server';
import { rebuildRollups } from '../app/models/rollups.server';
import { replayAttempt, scoreAttempt } from '../scenarios/engine';
import { getScenario, listScenarios } from '../scenarios/index';
import type { AnswerStep } from '../scenarios/types';
import { onPostgres, useTestDatabase } from './support/db';
import type { SubmitJob, SubmitOutcome } from './support/process-submitter';

type Db = ReturnType<typeof useTestDatabase>['db'];
const SUBMITTER = join(import.meta.dirname, 'support/process-submitter.ts');
const MINUTE = 60_000;

/** One submitter process and its replies, line by line. */
class Submitter {
  private readonly replies: AsyncIterator<string>;
  private stderr = '';
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    child.stderr.on('data', (chunk) => (this.stderr += chunk));
  }

  static async start(location: string): Promise<Submitter> {
    const child = spawn(process.execPath, ['--import', 'tsx', SUBMITTER, location]);
    const submitter = new Submitter(child);
    onTestFinished(() => submitter.stop());
    expect(await submitter.reply()).toEqual({ ready: true });
    return submitter;
  }

  async reply(): Promise<Record<string, unknown>> {
    const next = await this.replies.next();
    if (next.done) throw new Error(`提交进程已退出（${this.child.exitCode}）：${this.stderr}`);
    return JSON.parse(next.value) as Record<string, unknown>;
  }

  send(line: string) {
    this.child.stdin.write(`${line}\n`);
  }

  async stop() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.send('exit');
    this.child.stdin.end();
    await exited;
  }
}

/** Arms every process with its jobs, then releases them together; their outcomes, per process. */
async function together(submitters: Submitter[], jobs: SubmitJob[][]): Promise<SubmitOutcome[][]> {
  submitters.forEach((s, i) => s.send(JSON.stringify({ jobs: jobs[i] })));
  for (const s of submitters) expect(await s.reply()).toEqual({ armed: true });
  for (const s of submitters) s.send('go');
  return Promise.all(submitters.map(async (s) => (await s.reply()).results as SubmitOutcome[]));
}

/**
 * A submission that lost the race: refused as stale (409), or — on SQLite, where a transaction that
 * read before another process committed cannot write any more — failed with SQLITE_BUSY (nothing
 * written; the reason several app processes on SQLite are refused, docs/decisions/200).
 */
function lostRace(outcome: SubmitOutcome): boolean {
  if ('error' in outcome) return !onPostgres && /^SQLITE_BUSY/.test(outcome.code ?? '');
  return !outcome.ok && outcome.status === 409;
}

async function userIdOf(db: Db, username: string) {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** The four rollups, rows in a fixed order; passes_json as a set (its order is the order of commits). */
async function rollups(db: Db) {
  const mastery = await db.selectFrom('skill_mastery').selectAll().orderBy('user_id').orderBy('skill').execute();
  return {
    officer_activity: await db.selectFrom('officer_activity').selectAll().orderBy('user_id').orderBy('day').execute(),
    skill_passes: await db.selectFrom('skill_passes').selectAll().orderBy('attempt_id').execute(),
    mistake_counts: await db.selectFrom('mistake_counts').selectAll().orderBy('user_id').orderBy('code').execute(),
    skill_mastery: mastery.map((m) => ({
      ...m,
      passes_json: (JSON.parse(m.passes_json) as { seed: string; at: string }[]).map((p) => `${p.at} ${p.seed}`).sort(),
    })),
  };
}

describe('two processes writing one database', () => {
  it(
    'the same step at the same version from both, every step of a drill: one applied, the other refused; the log replays to the stored state and score',
    { timeout: 120_000 },
    async () => {
      const { db, location } = useTestDatabase();
      const user = await userIdOf(db, 'changli.officer');
      // The scenario with the longest model answer: the most rounds.
      const scenario = listScenarios()
        .map((s) => ({ s, n: s.modelAnswer(s.fixture('race')).length }))
        .sort((a, b) => b.n - a.n)[0]!.s;
      const answer = scenario.modelAnswer(scenario.fixture('race'));
      const start = Date.parse('2025-03-03T02:00:00.000Z');
      const started = await startDrill(db, user, {
        scenarioId: scenario.id,
        mode: 'practice',
        seed: 'race',
        now: new Date(start),
      });
      if (!started.ok) throw new Error(started.reason);
      const submitters = [await Submitter.start(location), await Submitter.start(location)];

      const tally = { stale: 0, busy: 0 };
      for (const [round, step] of answer.entries()) {
        const attempt = await db
          .selectFrom('attempts')
          .select(['event_count', 'status'])
          .where('id', '=', started.attemptId)
          .executeTakeFirstOrThrow();
        expect(attempt.event_count, `round ${round}`).toBe(round);
        const job: SubmitJob = {
          userId: user,
          attemptId: started.attemptId,
          stepId: step.stepId,
          values: step.values,
          version: attempt.event_count,
          now: new Date(start + (round + 1) * MINUTE).toISOString(),
        };
        const [[a], [b]] = (await together(submitters, [[job], [job]])) as [[SubmitOutcome], [SubmitOutcome]];
        const applied = [a, b].filter((o) => 'ok' in o && o.ok);
        expect(applied, `round ${round}: ${JSON.stringify([a, b])}`).toHaveLength(1);
        const loser = applied[0] === a ? b : a;
        expect(lostRace(loser), `round ${round}: ${JSON.stringify(loser)}`).toBe(true);
        if ('error' in loser) tally.busy++;
        else tally.stale++;
      }
      expect(tally.stale + tally.busy).toBe(answer.length);

      const stored = await db
        .selectFrom('attempts')
        .selectAll()
        .where('id', '=', started.attemptId)
        .executeTakeFirstOrThrow();
      const events = await db
        .selectFrom('attempt_events')
        .select(['seq', 'event_json'])
        .where('attempt_id', '=', started.attemptId)
        .orderBy('seq')
        .execute();
      // No gap and no duplicate: seq 1…n, n = the stored version.
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: stored.event_count }, (_, i) => i + 1));
      expect(stored.event_count).toBe(answer.length);
      expect(stored.status).toBe('finished');
      const replayed = replayAttempt({
        scenarioId: stored.scenario_id,
        seed: stored.seed,
        mode: stored.mode,
        startedAt: stored.started_at,
        scenarioVersion: stored.scenario_version,
        events: events.map((e) => JSON.parse(e.event_json)),
        home: null,
      });
      expect(replayed).toEqual(JSON.parse(stored.state_json));
      expect(stored.score).toBe(scoreAttempt(replayed).total);
      expect(stored.score).toBe(100);
    },
  );

  it(
    'both finish different attempts of the same officers at once: the rollups equal a full rebuild',
    { timeout: 180_000 },
    async () => {
      const { db, location } = useTestDatabase();
      const officers = await Promise.all(['changli.officer', 'zf130322002', 'zf130322003'].map((u) => userIdOf(db, u)));
      // Assessments of one skill, so both processes fold passes into the same skill_mastery rows;
      // one scenario answered with a rubric mistake, so mistake_counts are shared too.
      const skillScenarios = listScenarios({ skill: 'inspection' });
      const start = Date.parse('2025-03-03T02:00:00.000Z');
      let seed = 0;

      /** An assessment played through the service up to its last step; the last step as a job. */
      async function upToLastStep(user: number, scenarioId: string, at: number, mistake: boolean): Promise<SubmitJob> {
        const scenario = getScenario(scenarioId)!;
        const attemptSeed = `p${seed++}`;
        const fixture = scenario.fixture(attemptSeed);
        const model = scenario.modelAnswer(fixture);
        const steps: AnswerStep[] = mistake ? scenario.rubric[0]!.mistake.apply(model, fixture) : model;
        const started = await startDrill(db, user, {
          scenarioId,
          mode: 'assessment',
          seed: attemptSeed,
          now: new Date(at),
        });
        if (!started.ok) throw new Error(started.reason);
        for (const [i, step] of steps.slice(0, -1).entries()) {
          const r = await submitDrillStep(db, user, started.attemptId, {
            stepId: step.stepId,
            values: step.values,
            version: i,
            now: new Date(at + (i + 1) * 1000),
          });
          if (!r.ok || r.finished) throw new Error(`${scenarioId} ${step.stepId}: ${JSON.stringify(r)}`);
        }
        const last = steps.at(-1)!;
        return {
          userId: user,
          attemptId: started.attemptId,
          stepId: last.stepId,
          values: last.values,
          version: steps.length - 1,
          // Both processes finish at the same instant: which commits first is up to the database.
          now: new Date(at + 10 * MINUTE).toISOString(),
        };
      }

      const submitters = [await Submitter.start(location), await Submitter.start(location)];
      const attemptIds: number[] = [];
      let finished = 0;
      let busy = 0;
      for (let round = 0; round < 4; round++) {
        const at = start + round * 2 * 24 * 60 * MINUTE;
        const jobs: SubmitJob[][] = [[], []];
        for (const [i, user] of officers.entries()) {
          for (const side of [0, 1]) {
            const scenario = skillScenarios[(round + side + i) % skillScenarios.length]!;
            jobs[side]!.push(await upToLastStep(user, scenario.id, at, side === 1 && round % 2 === 1));
          }
        }
        attemptIds.push(...jobs.flat().map((j) => j.attemptId));
        const outcomes = (await together(submitters, jobs)).flat();
        for (const outcome of outcomes) {
          if ('ok' in outcome && outcome.ok) {
            expect(outcome.finished).toBe(true);
            finished++;
          } else {
            // Different attempts never conflict as versions; on SQLite a process may still lose the write lock.
            expect(lostRace(outcome) && 'error' in outcome, JSON.stringify(outcome)).toBe(true);
            busy++;
          }
        }
      }
      expect(finished + busy).toBe(4 * officers.length * 2);
      if (onPostgres) expect(busy).toBe(0);
      // A finish that failed left nothing behind: exactly the applied ones are finished.
      const finishedRows = await db
        .selectFrom('attempts')
        .select('id')
        .where('id', 'in', attemptIds)
        .where('status', '=', 'finished')
        .execute();
      expect(finishedRows).toHaveLength(finished);

      const incremental = await rollups(db);
      expect(incremental.skill_passes.length).toBeGreaterThan(0);
      await rebuildRollups(db);
      expect(incremental).toEqual(await rollups(db));
    },
  );
});
