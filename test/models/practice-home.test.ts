/** Drills in the officer's own name (issue 15, point 9): the home stored with the attempt. */
import { describe, expect, it } from 'vitest';
import { attemptFixture } from '../../scenarios/engine';
import { renderDocuments } from '../../scenarios/documents';
import { getScenario } from '../../scenarios/index';
import type { PracticeHome } from '../../scenarios/types';
import {
  findOwnAttempt,
  getAttemptDocuments,
  loadAttemptState,
  startDrill,
  submitDrillStep,
} from '../../app/models/attempt.server';
import { demoViewOf } from '../../app/models/demo.server';
import { practiceHomeOfUnit, practiceHomeOfUser } from '../../app/models/practice-home.server';
import { useTestDatabase } from '../support/db';

type Db = ReturnType<typeof useTestDatabase>['db'];
const T0 = new Date('2026-03-02T01:00:00.000Z');
const SCENARIO = 'case-alarm-disabled';

async function userId(db: Db, username: string) {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

async function play(db: Db, user: number, seed: string, ownName = true) {
  const started = await startDrill(db, user, { scenarioId: SCENARIO, mode: 'practice', seed, now: T0, ownName });
  if (!started.ok) throw new Error(started.reason);
  const attempt = (await findOwnAttempt(db, user, started.attemptId))!;
  const state = await loadAttemptState(db, attempt);
  const answer = getScenario(SCENARIO)!.modelAnswer(attemptFixture(state));
  for (const [version, step] of answer.entries()) {
    const result = await submitDrillStep(db, user, started.attemptId, {
      stepId: step.stepId,
      values: step.values,
      version,
      now: new Date(T0.getTime() + (version + 1) * 60_000),
    });
    if (!result.ok) throw new Error(result.reason);
  }
  return started.attemptId;
}

describe('practice home', () => {
  it('is derived from the unit: 昌黎县, a 唐山 county, 市本级, a zone, the province', async () => {
    const { db } = useTestDatabase();
    const unit = (code: string) =>
      db
        .selectFrom('units')
        .select(['id', 'code', 'name', 'level', 'path'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
    expect(await practiceHomeOfUnit(db, await unit('130322'))).toMatchObject({
      authority: '昌黎县应急管理局',
      abbreviation: '秦昌',
      division: { code: '130322', fullName: '河北省秦皇岛市昌黎县' },
    });
    expect(await practiceHomeOfUnit(db, await unit('130224'))).toMatchObject({
      authority: '滦南县应急管理局',
      abbreviation: '唐滦',
      division: { code: '130224', fullName: '河北省唐山市滦南县' },
    });
    expect(await practiceHomeOfUnit(db, await unit('130300-00'))).toMatchObject({
      authority: '秦皇岛市应急管理局',
      abbreviation: '冀秦',
    });
    expect(await practiceHomeOfUnit(db, await unit('130200-01'))).toMatchObject({
      authority: '芦台经济开发区应急管理局',
      division: { code: '130200', fullName: '河北省唐山市芦台经济开发区' },
    });
    expect(await practiceHomeOfUnit(db, await unit('130000'))).toMatchObject({
      authority: '河北省应急管理厅',
      abbreviation: '冀',
    });
  });

  it('is stored with the attempt, and its documents are issued in the officer’s own name', async () => {
    const { db } = useTestDatabase();
    const changli = await userId(db, 'changli.officer');
    const attemptId = await play(db, changli, 'own-name');
    const attempt = (await findOwnAttempt(db, changli, attemptId))!;
    expect(attempt.score).toBe(100);
    expect(JSON.parse(attempt.practice_home_json!)).toEqual(await practiceHomeOfUser(db, changli));
    const { documents } = (await getAttemptDocuments(db, changli, attemptId))!;
    const printed = JSON.stringify(documents);
    expect(printed).toContain('昌黎县应急管理局');
    expect(printed).toContain('（秦昌）应急');
    expect(printed.split(/应急管理[局厅]/).length).toBe(printed.split('昌黎县应急管理局').length);

    // An officer of 滦南县 (唐山市) on the same seed: the same case in their own name, the same score.
    const luannan = await userId(db, 'zf130224001');
    const otherId = await play(db, luannan, 'own-name');
    const other = (await findOwnAttempt(db, luannan, otherId))!;
    expect(other.score).toBe(100);
    const otherPrinted = JSON.stringify((await getAttemptDocuments(db, luannan, otherId))!.documents);
    expect(otherPrinted).toContain('滦南县应急管理局');
    expect(otherPrinted).toContain('（唐滦）应急');
    expect(otherPrinted).not.toContain('昌黎');
    expect(otherPrinted).not.toContain('秦皇岛');
  });

  it('replays from the log with the stored home when the cached state is stale', async () => {
    const { db } = useTestDatabase();
    const luannan = await userId(db, 'zf130224001');
    const attemptId = await play(db, luannan, 'replayed');
    const attempt = (await findOwnAttempt(db, luannan, attemptId))!;
    const cached = await loadAttemptState(db, attempt);
    // A cache that no longer matches the log forces the replay from attempt_events.
    const stale = { ...attempt, state_json: JSON.stringify({ ...cached, events: [] }) };
    const replayed = await loadAttemptState(db, stale);
    expect(replayed).toEqual(cached);
    expect(replayed.home?.authority).toBe('滦南县应急管理局');
    expect(JSON.stringify(renderDocuments(replayed))).toContain('（唐滦）应急');
  });

  it('keeps attempts without a home (all older ones) exactly as before', async () => {
    const { db } = useTestDatabase();
    const changli = await userId(db, 'changli.officer');
    const attemptId = await play(db, changli, 'no-home', false);
    const attempt = (await findOwnAttempt(db, changli, attemptId))!;
    expect(attempt.practice_home_json).toBeNull();
    const state = await loadAttemptState(db, { ...attempt, state_json: JSON.stringify({ events: [] }) });
    expect('home' in state).toBe(false);
    expect(attemptFixture(state)).toEqual(getScenario(SCENARIO)!.fixture('no-home'));
    const printed = JSON.stringify(renderDocuments(state));
    const original = getScenario(SCENARIO)!.fixture('no-home') as { authority: { name: string } };
    expect(printed).toContain(original.authority.name);
  });

  it('plays the demo in the viewer’s own name', () => {
    const home: PracticeHome = {
      authority: '滦南县应急管理局',
      abbreviation: '唐滦',
      city: '唐山市',
      division: { code: '130224', name: '滦南县', fullName: '河北省唐山市滦南县' },
    };
    const view = demoViewOf(getScenario(SCENARIO)!, 0, home);
    expect(JSON.stringify(view.materials)).toContain('滦南县应急管理局');
    expect(JSON.stringify(demoViewOf(getScenario(SCENARIO)!, 0).materials)).not.toContain('滦南县');
  });
});
