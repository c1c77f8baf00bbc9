// zod configured (Chinese messages, jitless) before any module builds a schema (docs/decisions/170).
import '../scenarios/lib/zod';
import { randomBytes } from 'node:crypto';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { sendDueReminders } from './models/assignment/due-reminders.server';
import { issueScheduledBulletins } from './models/bulletin.server';
import stylesHref from './styles/app.css';
import { getDb } from './utils/db.server';
import { streamDocument } from './utils/document-stream.server';
import { getEnv } from './utils/env.server';
import { documentPolicy, installFrontDoor } from './utils/front-door.server';
import { registerJob, schedulesJobsHere, startScheduler } from './utils/scheduler.server';
import { NonceContext } from './utils/nonce';

const ABORT_DELAY = 5_000;

// Runs when remix-serve imports the build, before it creates its HTTP server.
installFrontDoor(stylesHref);

// Periodic jobs (app/utils/scheduler.server.ts): shortly after start, then every few minutes.
// Both are idempotent; SCHEDULED_JOBS=0 turns them off (the e2e suite does). Of several worker
// processes (WORKERS=n) only the first runs them.
if (getEnv().SCHEDULED_JOBS && schedulesJobsHere()) {
  registerJob('assignment-due-reminders', 5 * 60_000, (now) => sendDueReminders(getDb(), now));
  registerJob('weekly-bulletins', 15 * 60_000, (now) => issueScheduledBulletins(getDb(), now));
  startScheduler();
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  // One per response: Remix's and React's inline scripts carry it, nothing else inline may run.
  const nonce = randomBytes(16).toString('base64');
  responseHeaders.set('Content-Security-Policy', documentPolicy(nonce));
  return streamDocument(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceContext.Provider>,
    {
      status: responseStatusCode,
      headers: responseHeaders,
      nonce,
      // Bots and no-JS clients get the whole document at once; browsers get it streamed.
      waitForAll: isbot(request.headers.get('user-agent') ?? ''),
      abortDelayMs: ABORT_DELAY,
    },
  );
}
