import { describe, expect, it } from 'vitest';
import {
  findOwnAttempt,
  getAttemptResult,
  handIn,
  startDrill,
  submitDrillStep,
  takeHint,
} from '../../app/models/attempt.server';
import { getReadinessReport } from '../../app/models/readiness.server';
import { applyRegrade, previewRegrade, regradeChoices, type RegradeParams } from '../../app/models/regrade.server';
import { rebuildRollups } from '../../app/models/rollups.server';
import {
  copyToDraft,
  publishDraft,
  saveDraft,
  scenarioOf,
  versionSpec,
  type LibraryActor,
} from '../../app/models/scenario-library.server';
import { replayAttempt, scoreAttempt } from '../../scenarios/engine';
import type { AnyScenario } from '../../scenarios/types';
import { parseForm } from '../../app/utils/forms';
import { regradeApplySchema, regradePreviewSchema } from '../../app/validation/regrade';
import { useTestDatabase } from '../support/db';
import { allRollupRows } from '../support/rollups';

type Db = ReturnType<typeof useTestDatabase>['db'];

const DAY = 24 * 60 * 60 * 1000;
// 2026-03-02 09:00 China time.
const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (days: number, minutes = 0) => new Date(T0.getTime() + days * DAY + minutes * 60_000);
// The built-in the trainer copies: an onboarding scenario with hints and nine rubric items.
const SOURCE = 'onboard-dust-enterprise';
// Every assessment here is marked against 85, so that one lost item of 15 or 20 points decides pass or fail.
const PASS_MARK = 85;
const PERIOD = { from: '2026-03-01', to: '2026-03-10' };

async function actorOf(db: Db, username: string): Promise<LibraryActor & { name: string }> {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.role', 'users.display_name', 'units.id as unitId', 'units.path'])
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();
  return { id: row.id, role: row.role, name: row.display_name, unit: { id: row.unitId, path: row.path } };
}

/** A trainer (or manager) of the unit with this code, added for the test. */
async function addUser(db: Db, username: string, role: 'trainer' | 'manager', unitCode: string) {
  const unit = await db.selectFrom('units').select('id').where('code', '=', unitCode).executeTakeFirstOrThrow();
  await db
    .insertInto('users')
    .values({ username, display_name: username, role, unit_id: unit.id, password_hash: null })
    .execute();
  return actorOf(db, username);
}

/** The first `n` officers on record of a unit, by id. */
async function officersOf(db: Db, unitCode: string, n: number) {
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.display_name as name'])
    .where('units.code', '=', unitCode)
    .where('users.role', '=', 'officer')
    .orderBy('users.id')
    .limit(n)
    .execute();
}

/** Publishes a copy of the built-in as the trainer's scenario, version 1. */
async function publishCopy(db: Db, trainer: LibraryActor) {
  const copied = await copyToDraft(db, trainer, SOURCE, at(-30));
  if (!copied.ok) throw new Error(copied.message);
  const published = await publishDraft(db, trainer, copied.id, at(-30));
  if (!published.ok) throw new Error(JSON.stringify(published));
  return copied.id;
}

type Play = {
  seed: string;
  mode: 'practice' | 'assessment';
  /** A rubric item (by id) whose deliberate mistake the officer makes. */
  mistake?: string;
  hint?: string;
  start: Date;
};

/** One officer's drill through the real service: optionally a hint, then the model answer (or a mistake), a minute a step. */
async function play(db: Db, scenario: AnyScenario, userId: number, p: Play) {
  const started = await startDrill(db, userId, {
    scenarioId: scenario.id,
    mode: p.mode,
    seed: p.seed,
    now: p.start,
    passMark: p.mode === 'assessment' ? PASS_MARK : undefined,
  });
  if (!started.ok) throw new Error(started.reason);
  const id = started.attemptId;
  let version = 0;
  const minute = (n: number) => new Date(p.start.getTime() + n * 60_000);
  if (p.hint) {
    const hinted = await takeHint(db, userId, id, { hintId: p.hint, version, now: minute(1) });
    if (!hinted.ok) throw new Error(hinted.reason);
    version += 1;
  }
  const fixture = scenario.fixture(p.seed);
  let answer = scenario.modelAnswer(fixture);
  if (p.mistake) answer = scenario.rubric.find((r) => r.id === p.mistake)!.mistake.apply(answer, fixture);
  for (const step of answer) {
    const result = await submitDrillStep(db, userId, id, {
      stepId: step.stepId,
      values: step.values,
      version,
      now: minute(version + 2),
    });
    if (!result.ok) throw new Error(result.reason);
    version += 1;
    if (result.finished) break;
  }
  const row = (await findOwnAttempt(db, userId, id))!;
  if (row.status !== 'finished') await handIn(db, userId, id, { version: row.event_count, now: minute(40) });
  return (await findOwnAttempt(db, userId, id))!;
}

/**
 * Version 2: the rubric weighs 统一社会信用代码 10 (was 20) and 粉尘涉爆 25 (was 15), the 统一社会信用代码 hint
 * costs 10 (was 5) and the 重复入库 hint is gone — so a record that used it no longer replays.
 */
async function publishVersion2(db: Db, trainer: LibraryActor, id: string) {
  const v1 = (await versionSpec(db, id, 1))!;
  const v2 = structuredClone(v1) as typeof v1;
  v2.rubric = v2.rubric.map((r) => ({ ...r, weight: r.item === 'uscc' ? 10 : r.item === 'flags' ? 25 : r.weight }));
  v2.hints = v2.hints.filter((h) => h.id !== 'registry').map((h) => (h.id === 'uscc' ? { ...h, cost: 10 } : h));
  const saved = await saveDraft(db, trainer, id, v2, at(20));
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const published = await publishDraft(db, trainer, id, at(20));
  if (!published.ok) throw new Error(JSON.stringify(published));
  expect(published.version).toBe(2);
}

async function masteredUntil(db: Db, userId: number) {
  const row = await db
    .selectFrom('skill_mastery')
    .select('mastered_until')
    .where('user_id', '=', userId)
    .where('skill', '=', 'onboarding')
    .executeTakeFirst();
  return row?.mastered_until ?? null;
}

/** The whole cast: two counties of 秦皇岛市, one attempt before the period, one in 唐山市, one unfinished. */
async function setUp(db: Db) {
  const trainer = await actorOf(db, 'trainer');
  const id = await publishCopy(db, trainer);
  const v1 = (await scenarioOf(db, id, 1))!;
  const [a1, b1, f1] = await officersOf(db, '130322', 3); // 昌黎县
  const [c1, d1, e1, h1] = await officersOf(db, '130324', 4); // 卢龙县
  const [g1] = await officersOf(db, '130203', 1); // 唐山市路北区
  const a = await play(db, v1, a1!.id, { seed: 'a-1', mode: 'assessment', start: at(0) });
  // b1 has mastered the skill on two seeds; under version 2 the second pass (85, 粉尘涉爆 missed) fails.
  const bPass = await play(db, v1, b1!.id, { seed: 'b-1', mode: 'assessment', start: at(0, 60) });
  const b = await play(db, v1, b1!.id, { seed: 'b-2', mode: 'assessment', mistake: 'flags', start: at(1) });
  // c1 passed once; the 80 (统一社会信用代码 missed) fails against 85 now and passes (90) under version 2.
  const cPass = await play(db, v1, c1!.id, { seed: 'c-1', mode: 'assessment', start: at(0, 120) });
  const c = await play(db, v1, c1!.id, { seed: 'c-2', mode: 'assessment', mistake: 'uscc', start: at(1, 60) });
  const d = await play(db, v1, d1!.id, { seed: 'd-1', mode: 'practice', hint: 'registry', start: at(2) });
  const e = await play(db, v1, e1!.id, { seed: 'e-1', mode: 'practice', hint: 'uscc', start: at(2, 60) });
  const f = await play(db, v1, a1!.id, { seed: 'f-1', mode: 'assessment', mistake: 'flags', start: at(-10) });
  const g = await play(db, v1, g1!.id, { seed: 'g-1', mode: 'assessment', mistake: 'flags', start: at(3) });
  // Unfinished: never considered.
  const unfinished = await startDrill(db, h1!.id, { scenarioId: id, mode: 'assessment', seed: 'h-1', now: at(3) });
  if (!unfinished.ok) throw new Error(unfinished.reason);
  await publishVersion2(db, trainer, id);
  return {
    trainer,
    id,
    officers: { a1: a1!, b1: b1!, c1: c1!, d1: d1!, e1: e1!, f1: a1!, g1: g1!, h1: h1! },
    attempts: { a, bPass, b, cPass, c, d, e, f, g, unfinished: unfinished.attemptId },
  };
}

const params = (over: Partial<RegradeParams> = {}): RegradeParams => ({
  toVersion: 2,
  unitCode: '130300',
  ...PERIOD,
  ...over,
});

describe("regrading a trainer's scenario", () => {
  it('previews per unit who changes, newly passes or fails, and what cannot be regraded; the same every time', async () => {
    const { db } = useTestDatabase();
    const { trainer, id, officers, attempts } = await setUp(db);
    // The scores as version 1 gave them.
    expect([attempts.a.score, attempts.b.score, attempts.c.score, attempts.d.score, attempts.e.score]).toEqual([
      100, 85, 80, 97, 95,
    ]);
    expect([attempts.b.passed, attempts.c.passed]).toEqual([1, 0]);

    const preview = await previewRegrade(db, trainer, id, params());
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.units.map((u) => u.name)).toEqual(['昌黎县', '卢龙县']);
    const [changli, lulong] = preview.units;
    expect(changli).toMatchObject({ code: '130322', considered: 3, regradable: 3, changed: 1, cannotRegrade: [] });
    expect(changli!.newlyPassed).toEqual([]);
    expect(changli!.newlyFailed).toEqual([
      {
        attemptId: attempts.b.id,
        userId: officers.b1.id,
        name: officers.b1.name,
        fromVersion: 1,
        fromScore: 85,
        toScore: 75,
      },
    ]);
    expect(lulong).toMatchObject({ code: '130324', considered: 4, regradable: 3, changed: 2, newlyFailed: [] });
    expect(lulong!.newlyPassed).toEqual([
      {
        attemptId: attempts.c.id,
        userId: officers.c1.id,
        name: officers.c1.name,
        fromVersion: 1,
        fromScore: 80,
        toScore: 90,
      },
    ]);
    expect(lulong!.cannotRegrade).toHaveLength(1);
    expect(lulong!.cannotRegrade[0]).toMatchObject({ attemptId: attempts.d.id, name: officers.d1.name });
    expect(lulong!.cannotRegrade[0]!.reason).toContain('registry');
    expect(preview.totals).toEqual({
      considered: 7,
      regradable: 6,
      changed: 3,
      newlyPassed: 1,
      newlyFailed: 1,
      cannotRegrade: 1,
    });
    // Pure function of the data.
    expect(await previewRegrade(db, trainer, id, params())).toEqual(preview);

    // The period: from February on, the attempt of 2026-02-20 counts too.
    const longer = await previewRegrade(db, trainer, id, params({ from: '2026-02-01' }));
    if (!longer.ok) throw new Error(longer.message);
    expect(longer.units[0]).toMatchObject({ code: '130322', considered: 4, changed: 2 });
    expect(longer.fingerprint).not.toBe(preview.fingerprint);
    // The last day is included; a period after the attempts holds none.
    const oneDay = await previewRegrade(db, trainer, id, params({ from: '2026-03-03', to: '2026-03-03' }));
    if (!oneDay.ok) throw new Error(oneDay.message);
    expect(oneDay.units.map((u) => [u.code, u.considered])).toEqual([
      ['130322', 1],
      ['130324', 1],
    ]);
    const later = await previewRegrade(db, trainer, id, params({ from: '2026-03-06', to: '2026-03-31' }));
    expect(later).toMatchObject({ ok: true, units: [], totals: { considered: 0 } });

    // The subtree: one county alone; the province adds 唐山市路北区.
    const county = await previewRegrade(db, trainer, id, params({ unitCode: '130322' }));
    if (!county.ok) throw new Error(county.message);
    expect(county.units.map((u) => u.code)).toEqual(['130322']);
    const province = await previewRegrade(db, trainer, id, params({ unitCode: '130000' }));
    if (!province.ok) throw new Error(province.message);
    expect(province.units.map((u) => u.name)).toEqual(['路北区', '昌黎县', '卢龙县']);
    expect(province.units[0]!.newlyFailed.map((p) => p.name)).toEqual([officers.g1.name]);

    // Nothing was written by previewing.
    expect((await findOwnAttempt(db, officers.b1.id, attempts.b.id))!.scenario_version).toBe(1);
    expect(await db.selectFrom('scenario_regrades').selectAll().execute()).toEqual([]);
  });

  it('applies: attempts move to the new version with history and audit, the rollups and the report follow; twice is a no-op', async () => {
    const { db } = useTestDatabase();
    const { trainer, id, officers, attempts } = await setUp(db);
    const preview = await previewRegrade(db, trainer, id, params());
    if (!preview.ok) throw new Error(preview.message);
    const reportAt = at(5);
    const report = () =>
      getReadinessReport(db, { path: '/' }, { period: PERIOD, now: reportAt }).then((r) =>
        Object.fromEntries(
          r.rows.filter((row) => ['130322', '130324'].includes(row.code)).map((row) => [row.code, row]),
        ),
      );
    const reportBefore = await report();
    expect(await masteredUntil(db, officers.b1.id)).not.toBeNull();
    expect(await masteredUntil(db, officers.c1.id)).toBeNull();
    const logBefore = await db.selectFrom('attempt_events').selectAll().orderBy('attempt_id').orderBy('seq').execute();

    // A stale fingerprint is refused and changes nothing.
    expect(await applyRegrade(db, trainer, id, { ...params(), fingerprint: '0'.repeat(64) }, at(21))).toMatchObject({
      ok: false,
      status: 409,
    });
    expect((await findOwnAttempt(db, officers.b1.id, attempts.b.id))!.scenario_version).toBe(1);

    const applied = await applyRegrade(db, trainer, id, { ...params(), fingerprint: preview.fingerprint }, at(21));
    if (!applied.ok) throw new Error(applied.message);
    expect(applied).toMatchObject({ moved: 6, totals: preview.totals });

    // The attempts: the regradable ones on version 2 with their new result; the others as they were.
    const b = (await findOwnAttempt(db, officers.b1.id, attempts.b.id))!;
    expect(b).toMatchObject({ scenario_version: 2, score: 75, passed: 0, event_count: attempts.b.event_count });
    expect(JSON.parse(b.error_codes)).toEqual(JSON.parse(attempts.b.error_codes));
    expect((await findOwnAttempt(db, officers.c1.id, attempts.c.id))!).toMatchObject({
      scenario_version: 2,
      score: 90,
      passed: 1,
    });
    expect((await findOwnAttempt(db, officers.e1.id, attempts.e.id))!).toMatchObject({
      scenario_version: 2,
      score: 90,
    });
    expect((await findOwnAttempt(db, officers.a1.id, attempts.a.id))!).toMatchObject({
      scenario_version: 2,
      score: 100,
    });
    expect((await findOwnAttempt(db, officers.d1.id, attempts.d.id))!).toEqual(attempts.d);
    expect((await findOwnAttempt(db, officers.f1.id, attempts.f.id))!).toEqual(attempts.f);
    expect((await findOwnAttempt(db, officers.g1.id, attempts.g.id))!).toEqual(attempts.g);
    // The event log never changes.
    expect(await db.selectFrom('attempt_events').selectAll().orderBy('attempt_id').orderBy('seq').execute()).toEqual(
      logBefore,
    );

    // History and audit.
    const regrades = await db.selectFrom('scenario_regrades').selectAll().execute();
    expect(regrades).toMatchObject([
      {
        id: applied.regradeId,
        scenario_id: id,
        to_version: 2,
        period_from: PERIOD.from,
        period_to: PERIOD.to,
        applied_by: trainer.id,
        applied_at: at(21).toISOString(),
      },
    ]);
    const moved = await db.selectFrom('scenario_regrade_attempts').selectAll().orderBy('attempt_id').execute();
    expect(moved.map((m) => m.attempt_id)).toEqual(
      [attempts.a, attempts.bPass, attempts.b, attempts.cPass, attempts.c, attempts.e]
        .map((a) => a.id)
        .sort((x, y) => x - y),
    );
    expect(moved.find((m) => m.attempt_id === attempts.b.id)).toEqual({
      regrade_id: applied.regradeId,
      attempt_id: attempts.b.id,
      from_version: 1,
      from_score: 85,
      from_passed: 1,
      to_score: 75,
      to_passed: 0,
    });
    const choices = await regradeChoices(db, trainer, id);
    expect(choices.ok && choices.history).toMatchObject([
      { id: applied.regradeId, to_version: 2, unit_name: '秦皇岛市', applied_by: '省厅培训员', totals: preview.totals },
    ]);
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'scenario.regrade').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: trainer.id, target_type: 'scenario', target_id: id });
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({
      toVersion: 2,
      moved: 6,
      newlyPassed: 1,
      newlyFailed: 1,
      cannotRegrade: 1,
    });

    // The rollups follow: b1 no longer masters the skill, c1 now does; and they equal a full rebuild.
    expect(await masteredUntil(db, officers.b1.id)).toBeNull();
    expect(await masteredUntil(db, officers.c1.id)).not.toBeNull();
    const incremental = await allRollupRows(db);
    await rebuildRollups(db);
    expect(await allRollupRows(db)).toEqual(incremental);
    const reportAfter = await report();
    expect(reportAfter['130322']!.masteryPct.onboarding).toBeLessThan(reportBefore['130322']!.masteryPct.onboarding);
    expect(reportAfter['130324']!.masteryPct.onboarding).toBeGreaterThan(reportBefore['130324']!.masteryPct.onboarding);

    // A moved attempt replays under its new version to its new score, and its result page shows it.
    const events = await db
      .selectFrom('attempt_events')
      .select('event_json')
      .where('attempt_id', '=', b.id)
      .orderBy('seq')
      .execute();
    const replayed = replayAttempt({
      scenarioId: id,
      seed: b.seed,
      mode: b.mode,
      startedAt: b.started_at,
      scenarioVersion: 2,
      events: events.map((e) => JSON.parse(e.event_json)),
    });
    expect(scoreAttempt(replayed).total).toBe(75);
    const result = (await getAttemptResult(db, officers.b1.id, b.id))!;
    expect(result).toMatchObject({
      kind: 'scored',
      score: { total: 75 },
      passed: false,
      regraded: { version: 2, fromVersion: 1, fromScore: 85 },
    });
    // An attempt left on its version is not marked.
    expect((await getAttemptResult(db, officers.d1.id, attempts.d.id))!).toMatchObject({
      kind: 'scored',
      regraded: null,
    });

    // Applying again (the same form twice, or a fresh preview) changes nothing.
    const state = {
      attempts: await db.selectFrom('attempts').selectAll().orderBy('id').execute(),
      rollups: await allRollupRows(db),
    };
    expect(
      await applyRegrade(db, trainer, id, { ...params(), fingerprint: preview.fingerprint }, at(22)),
    ).toMatchObject({
      ok: true,
      regradeId: null,
      moved: 0,
    });
    const again = await previewRegrade(db, trainer, id, params());
    if (!again.ok) throw new Error(again.message);
    expect(again.totals).toMatchObject({ considered: 1, regradable: 0, cannotRegrade: 1 });
    expect(await applyRegrade(db, trainer, id, { ...params(), fingerprint: again.fingerprint }, at(22))).toMatchObject({
      ok: true,
      moved: 0,
    });
    expect({
      attempts: await db.selectFrom('attempts').selectAll().orderBy('id').execute(),
      rollups: await allRollupRows(db),
    }).toEqual(state);
    expect(await db.selectFrom('scenario_regrades').selectAll().execute()).toHaveLength(1);
    expect(
      await db.selectFrom('audit_log').selectAll().where('action', '=', 'scenario.regrade').execute(),
    ).toHaveLength(1);
  });

  it('a new attempt finished after the preview makes the preview stale (409)', async () => {
    const { db } = useTestDatabase();
    const { trainer, id, officers, attempts } = await setUp(db);
    const preview = await previewRegrade(db, trainer, id, params());
    if (!preview.ok) throw new Error(preview.message);
    // An attempt of version 1 handed in after the preview (the unfinished one, by its officer).
    await handIn(db, officers.h1.id, attempts.unfinished, { version: 0, now: at(4) });
    expect(
      await applyRegrade(db, trainer, id, { ...params(), fingerprint: preview.fingerprint }, at(21)),
    ).toMatchObject({
      ok: false,
      status: 409,
      field: 'fingerprint',
    });
    expect((await findOwnAttempt(db, officers.b1.id, attempts.b.id))!.scenario_version).toBe(1);
  });

  it('refuses those who do not manage the scenario, units out of scope, unknown versions and built-ins', async () => {
    const { db } = useTestDatabase();
    const trainer = await actorOf(db, 'trainer');
    const id = await publishCopy(db, trainer);
    const tangshan = await addUser(db, 'ts.trainer', 'trainer', '130200');
    const manager = await actorOf(db, 'qhd.manager');
    expect(await previewRegrade(db, tangshan, id, params())).toMatchObject({ ok: false, status: 403 });
    expect(await applyRegrade(db, tangshan, id, { ...params(), fingerprint: 'x' })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await regradeChoices(db, tangshan, id)).toMatchObject({ ok: false, status: 403 });
    expect(await previewRegrade(db, manager, id, params())).toMatchObject({ ok: false, status: 403 });
    expect(await previewRegrade(db, trainer, 'custom-00000000', params())).toMatchObject({ ok: false, status: 404 });
    expect(await previewRegrade(db, trainer, id, params({ toVersion: 3 }))).toMatchObject({
      ok: false,
      status: 400,
      field: 'toVersion',
    });
    expect(await previewRegrade(db, trainer, id, params({ toVersion: 1, unitCode: '999999' }))).toMatchObject({
      ok: false,
      status: 404,
    });
    const builtIn = await previewRegrade(db, trainer, SOURCE, params());
    expect(builtIn).toMatchObject({ ok: false, status: 409 });
    expect(!builtIn.ok && builtIn.message).toContain('内置场景');
    expect(await regradeChoices(db, trainer, SOURCE)).toMatchObject({ ok: false, status: 409 });

    // A city's trainer manages the city's own scenario, but regrades only within the city.
    const qhd = await addUser(db, 'qhd.trainer', 'trainer', '130300');
    const own = await publishCopy(db, qhd);
    expect(await previewRegrade(db, qhd, own, params({ toVersion: 1 }))).toMatchObject({ ok: true });
    expect(await previewRegrade(db, qhd, own, params({ toVersion: 1, unitCode: '130203' }))).toMatchObject({
      ok: false,
      status: 403,
      field: 'unit',
    });
    const choices = await regradeChoices(db, qhd, own);
    if (!choices.ok) throw new Error(choices.message);
    expect(choices.versions.map((v) => v.version)).toEqual([1]);
    expect(choices.units[0]).toMatchObject({ code: '130300' });
    expect(choices.units.some((u) => u.code === '130203')).toBe(false);
  });
});

describe('the regrade forms', () => {
  const form = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(values)) data.append(k, v);
    return data;
  };
  const good = { toVersion: '2', unit: '130300', from: '2026-03-01', to: '2026-03-10' };

  it('parses a preview and refuses bad input with Chinese messages naming the field', () => {
    expect(parseForm(regradePreviewSchema, form(good))).toMatchObject({
      success: true,
      data: { ...good, toVersion: 2 },
    });
    expect(parseForm(regradePreviewSchema, form({ ...good, from: '2026-03-10', to: '2026-03-09' }))).toMatchObject({
      success: false,
      fieldErrors: { to: ['结束日期不能早于开始日期'] },
    });
    expect(parseForm(regradePreviewSchema, form({ ...good, from: '2026-02-30', to: '' }))).toMatchObject({
      success: false,
      fieldErrors: { from: ['开始日期不是有效日期（格式：年-月-日）'], to: ['请填写结束日期'] },
    });
    expect(parseForm(regradePreviewSchema, form({ ...good, toVersion: 'x', unit: '' }))).toMatchObject({
      success: false,
      fieldErrors: { toVersion: ['请选择按哪一版重新评分'], unit: ['请选择单位'] },
    });
  });

  it('applies only with the confirmation and a fingerprint', () => {
    const fingerprint = 'a'.repeat(64);
    expect(parseForm(regradeApplySchema, form({ ...good, fingerprint, confirm: 'on' }))).toMatchObject({
      success: true,
    });
    expect(parseForm(regradeApplySchema, form({ ...good, fingerprint }))).toMatchObject({
      success: false,
      fieldErrors: { confirm: ['请先勾选“我已核对上述预览”，再应用重新评分'] },
    });
    expect(parseForm(regradeApplySchema, form({ ...good, fingerprint: 'nope', confirm: 'on' }))).toMatchObject({
      success: false,
      fieldErrors: { fingerprint: ['预览标识无效，请重新预览后再应用'] },
    });
  });
});
