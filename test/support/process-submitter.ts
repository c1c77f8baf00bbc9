// A second (or third) process for test/concurrent-processes.test.ts: it opens the database at argv[2]
// and submits drill steps through the real service when told to. Protocol, one JSON line each way:
//   in  {"jobs":[{userId, attemptId, stepId, values, version, now}, …]}  → out {"armed":true}
//   in  "go"  (the barrier: the parent sends it to every process once all are armed)
//   out {"results":[{ok:true, finished} | {ok:false, status, reason} | {error, code}, …]}
//   in  "exit"
// A submission that throws is reported with its error code (SQLite's SQLITE_BUSY_SNAPSHOT, PostgreSQL's
// SQLSTATE), never retried: the parent judges what the database kept.
import { createInterface } from 'node:readline';
import { submitDrillStep } from '../../app/models/attempt.server';
import { connectDatabase } from '../../db/connection';

export interface SubmitJob {
  userId: number;
  attemptId: number;
  stepId: string;
  values: Record<string, unknown>;
  version: number;
  now: string;
}

export type SubmitOutcome =
  | { ok: true; finished: boolean }
  | { ok: false; status: number; reason: string }
  | { error: string; code: string | null };

const location = process.argv[2];
if (!location) throw new Error('用法：tsx test/support/process-submitter.ts <数据库位置>');
const db = connectDatabase(location, { poolSize: 8 });
// Connected (and, on PostgreSQL, a pooled connection opened) before the parent hears "ready".
await db.selectFrom('attempts').select('id').limit(1).execute();

const send = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);
let jobs: SubmitJob[] = [];

async function run(job: SubmitJob): Promise<SubmitOutcome> {
  try {
    const result = await submitDrillStep(db, job.userId, job.attemptId, {
      stepId: job.stepId,
      values: job.values,
      version: job.version,
      now: new Date(job.now),
    });
    return result.ok
      ? { ok: true, finished: result.finished }
      : { ok: false, status: result.status, reason: result.reason };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { error: (error as Error).message, code: typeof code === 'string' ? code : null };
  }
}

send({ ready: true });
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'exit') break;
  if (line === 'go') {
    send({ results: await Promise.all(jobs.map(run)) });
    jobs = [];
    continue;
  }
  jobs = (JSON.parse(line) as { jobs: SubmitJob[] }).jobs;
  send({ armed: true });
}
await db.destroy();
process.exit(0);
