/**
 * Trainers' own scenarios through the services (issue 16): copy → draft → save → publish through the gate
 * → visible by unit → drilled and replayed → version 2 beside version 1 → retired; export/import; drafts
 * the gate refuses (rubric not losable item by item, model answer short of 100) with their reasons; 403s.
 */
import { describe, expect, it } from 'vitest';
import {
  getAttemptResult,
  loadAttemptState,
  scenarioCatalogue,
  startDrill,
  submitDrillStep,
} from '../../app/models/attempt.server';
import { exportForDownload, getCatalogueEntryFor, getCataloguePage } from '../../app/models/catalogue.server';
import {
  copyToDraft,
  exportScenario,
  getAuthored,
  importScenario,
  publishDraft,
  retireScenario,
  saveDraft,
  scenarioOf,
  usableScenario,
  type LibraryActor,
} from '../../app/models/scenario-library.server';
import { scoreAttempt } from '../../scenarios/engine';
import type { ScenarioSpecInput } from '../../scenarios/authoring/spec';
import { useTestDatabase } from '../support/db';

type Db = ReturnType<typeof useTestDatabase>['db'];

const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function actor(db: Db, username: string): Promise<LibraryActor> {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.role', 'units.id as unitId', 'units.path'])
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();
  return { id: row.id, role: row.role, unit: { id: row.unitId, path: row.path } };
}

/** A user of the given role in the unit with that code (the seed has one trainer, at the province). */
async function addUser(db: Db, username: string, role: 'trainer' | 'officer' | 'manager', unitCode: string) {
  const unit = await db.selectFrom('units').select('id').where('code', '=', unitCode).executeTakeFirstOrThrow();
  await db
    .insertInto('users')
    .values({ username, display_name: username, role, unit_id: unit.id, password_hash: null })
    .execute();
  return actor(db, username);
}

/** The people of the story: a trainer of 秦皇岛市 owns the scenario; 昌黎县 is inside, 唐山 outside. */
async function cast(db: Db) {
  return {
    qhdTrainer: await addUser(db, 'qhd.trainer', 'trainer', '130300'),
    tsTrainer: await addUser(db, 'ts.trainer', 'trainer', '130200'),
    provinceTrainer: await actor(db, 'trainer'),
    manager: await actor(db, 'qhd.manager'),
    officer: await actor(db, 'changli.officer'),
    outsider: await addUser(db, 'ts.officer', 'officer', '130200'),
  };
}

/** Plays the scenario's model answer in an attempt of the officer; returns the attempt id. */
async function drill(db: Db, officerId: number, scenarioId: string, seed: string) {
  const started = await startDrill(db, officerId, { scenarioId, mode: 'practice', seed, now: T0 });
  if (!started.ok) throw new Error(started.reason);
  const scenario = (await usableScenario(db, (await unitOf(db, officerId))!, scenarioId))!;
  const answer = scenario.modelAnswer(scenario.fixture(seed));
  for (const [version, step] of answer.entries()) {
    const result = await submitDrillStep(db, officerId, started.attemptId, {
      stepId: step.stepId,
      values: step.values,
      version,
      now: at(version + 1),
    });
    if (!result.ok) throw new Error(result.reason);
  }
  return started.attemptId;
}

async function unitOf(db: Db, userId: number) {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['units.id', 'units.path'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row ? { unit: row } : undefined;
}

/** Drops the cached state so that the next load replays the event log under the recorded version. */
async function replayed(db: Db, attemptId: number) {
  const attempt = await db.selectFrom('attempts').selectAll().where('id', '=', attemptId).executeTakeFirstOrThrow();
  const initial = { ...JSON.parse(attempt.state_json), events: [] };
  return loadAttemptState(db, { ...attempt, state_json: JSON.stringify(initial) });
}

async function draftOf(db: Db, who: LibraryActor, id: string): Promise<ScenarioSpecInput> {
  const found = await getAuthored(db, who, id);
  if (!found.found || !found.allowed || !found.scenario.draft) throw new Error(`no draft of ${id}`);
  return found.scenario.draft;
}

async function copied(db: Db, who: LibraryActor, from: string) {
  const result = await copyToDraft(db, who, from, T0);
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

describe('a trainer’s scenario from copy to retirement', () => {
  it('is copied, saved, published, drilled, versioned and retired, visible only in the owner’s subtree', async () => {
    const { db } = useTestDatabase();
    const people = await cast(db);
    const id = await copied(db, people.qhdTrainer, 'summary-unit-on-spot');
    expect(id).toMatch(/^custom-/);

    // A draft: its managers see it, nobody drills it.
    const draft = await draftOf(db, people.qhdTrainer, id);
    expect(draft).toMatchObject({ id, version: 1, workflow: 'summary', title: expect.stringContaining('（副本）') });
    expect(await usableScenario(db, people.officer, id)).toBeUndefined();
    expect((await startDrill(db, people.officer.id, { scenarioId: id, mode: 'practice', now: T0 })).ok).toBe(false);

    // Save an edit (the title), then publish: version 1.
    const saved = await saveDraft(db, people.qhdTrainer, id, { ...draft, title: '秦皇岛：当场处罚练习' }, at(1));
    expect(saved.ok).toBe(true);
    expect(await publishDraft(db, people.qhdTrainer, id, at(2))).toEqual({ ok: true, version: 1 });

    // Visible inside 秦皇岛市 (昌黎县's officer: list, assignment form), not in 唐山.
    expect((await scenarioCatalogue(db, people.officer)).map((s) => s.id)).toContain(id);
    expect((await scenarioCatalogue(db, people.outsider)).map((s) => s.id)).not.toContain(id);
    const refused = await startDrill(db, people.outsider.id, { scenarioId: id, mode: 'practice', now: T0 });
    expect(refused).toMatchObject({ ok: false, status: 404 });
    expect(await getAuthored(db, people.tsTrainer, id)).toEqual({ found: true, allowed: false });
    expect(await getCatalogueEntryFor(db, people.tsTrainer, id)).toEqual({ found: true, allowed: false });
    // The manager of 秦皇岛市 sees it in the catalogue but does not manage it; the province's trainer does.
    const managerPage = await getCataloguePage(db, people.manager);
    expect(managerPage.authored.find((s) => s.id === id)).toMatchObject({
      statusLabel: '已发布',
      version: 1,
      manageable: false,
      copyable: false,
    });
    expect((await getAuthored(db, people.provinceTrainer, id)).found).toBe(true);
    expect(await getAuthored(db, people.provinceTrainer, id)).toMatchObject({ manageable: true });

    // Drilled on version 1 with the model answer: 100, and the replay reproduces it.
    const first = await drill(db, people.officer.id, id, 'lib-1');
    const result1 = await getAttemptResult(db, people.officer.id, first);
    expect(result1).toMatchObject({ kind: 'scored', score: { total: 100 }, passed: true });
    const attemptRow = await db.selectFrom('attempts').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
    expect(attemptRow).toMatchObject({ scenario_version: 1, status: 'finished', score: 100 });
    expect(scoreAttempt(await replayed(db, first)).total).toBe(100);

    // Edited: version 2 goes live; the first attempt keeps version 1, replays under it and shows its result.
    const live = await exportScenario(db, people.qhdTrainer, id);
    if (!live.ok) throw new Error(live.message);
    const v2 = JSON.parse(live.body).scenario as ScenarioSpecInput;
    const edited = await saveDraft(
      db,
      people.qhdTrainer,
      id,
      { ...v2, brief: `${v2.brief}（第二版：强调告知权利）` },
      at(30),
    );
    expect(edited).toMatchObject({ ok: true, spec: { version: 2 } });
    // Until it is published, officers still get version 1.
    expect((await usableScenario(db, people.officer, id))?.version).toBe(1);
    expect(await publishDraft(db, people.qhdTrainer, id, at(31))).toEqual({ ok: true, version: 2 });
    expect((await usableScenario(db, people.officer, id))?.version).toBe(2);
    expect((await scenarioOf(db, id, 1))?.brief).not.toContain('第二版');
    expect((await scenarioOf(db, id, 2))?.brief).toContain('第二版');
    const second = await drill(db, people.officer.id, id, 'lib-2');
    expect(
      await db.selectFrom('attempts').select('scenario_version').where('id', '=', second).executeTakeFirstOrThrow(),
    ).toEqual({ scenario_version: 2 });
    expect(
      await db.selectFrom('attempts').select('scenario_version').where('id', '=', first).executeTakeFirstOrThrow(),
    ).toEqual({ scenario_version: 1 });
    expect(scoreAttempt(await replayed(db, first)).total).toBe(100);
    expect(await getAttemptResult(db, people.officer.id, first)).toMatchObject({
      kind: 'scored',
      score: { total: 100 },
      passed: true,
    });
    const page = await getCatalogueEntryFor(db, people.qhdTrainer, id);
    expect(page).toMatchObject({ kind: 'authored', library: { publishedVersion: 2 } });
    if (page.found && page.allowed && page.kind === 'authored')
      expect(page.library.versions.map((v) => v.version)).toEqual([2, 1]);

    // Retired: no new attempts, not offered in the assignment form; the history stays.
    expect(await retireScenario(db, people.manager, id, at(40))).toMatchObject({ ok: false, status: 403 });
    expect(await retireScenario(db, people.qhdTrainer, id, at(40))).toEqual({ ok: true });
    expect(await startDrill(db, people.officer.id, { scenarioId: id, mode: 'practice', now: at(41) })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect((await scenarioCatalogue(db, people.officer)).map((s) => s.id)).not.toContain(id);
    expect(await getAttemptResult(db, people.officer.id, first)).toMatchObject({
      kind: 'scored',
      score: { total: 100 },
      passed: true,
    });
    expect(await getAttemptResult(db, people.officer.id, second)).toMatchObject({
      kind: 'scored',
      score: { total: 100 },
      passed: true,
    });
    expect(scoreAttempt(await replayed(db, second)).total).toBe(100);
    expect((await getCataloguePage(db, people.qhdTrainer)).authored.find((s) => s.id === id)).toMatchObject({
      statusLabel: '已停用',
    });
    expect(await publishDraft(db, people.qhdTrainer, id, at(42))).toMatchObject({ ok: false, status: 409 });
  }, 60_000);

  it('travels as a JSON file: export then import gives the same definition as a new draft', async () => {
    const { db } = useTestDatabase();
    const people = await cast(db);
    const id = await copied(db, people.qhdTrainer, 'onboard-dust-enterprise');
    expect(await publishDraft(db, people.qhdTrainer, id, at(1))).toEqual({ ok: true, version: 1 });
    // Outside its subtree it cannot even be exported.
    expect(await exportScenario(db, people.tsTrainer, id)).toMatchObject({ ok: false, status: 403 });
    const exported = await exportScenario(db, people.qhdTrainer, id);
    if (!exported.ok) throw new Error(exported.message);

    const imported = await importScenario(db, people.tsTrainer, `${id}.json`, exported.body, at(2));
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.id).not.toBe(id);
    const original = JSON.parse(exported.body).scenario as ScenarioSpecInput;
    const copy = await draftOf(db, people.tsTrainer, imported.id);
    expect({ ...copy, id: original.id }).toEqual(original);
    const row = await getAuthored(db, people.tsTrainer, imported.id);
    expect(row).toMatchObject({ manageable: true, scenario: { status: 'draft', published_version: null } });
    // A draft of 唐山's, not visible in 秦皇岛, and publishable there like any draft.
    expect(await getAuthored(db, people.qhdTrainer, imported.id)).toEqual({ found: true, allowed: false });
    expect(await publishDraft(db, people.tsTrainer, imported.id, at(3))).toEqual({ ok: true, version: 1 });
  }, 60_000);

  it('names the exported file by the title, without characters a file name may not hold', async () => {
    const { db } = useTestDatabase();
    const { qhdTrainer, tsTrainer } = await cast(db);
    const id = await copied(db, qhdTrainer, 'summary-unit-on-spot');
    const draft = await draftOf(db, qhdTrainer, id);
    expect((await saveDraft(db, qhdTrainer, id, { ...draft, title: '当场处罚/简易程序:秦皇岛*版' }, at(1))).ok).toBe(
      true,
    );
    const exported = await exportForDownload(db, qhdTrainer, id);
    expect(exported).toMatchObject({
      ok: true,
      asciiName: `${id}.json`,
      displayName: '当场处罚_简易程序_秦皇岛_版.json',
    });
    expect(await exportForDownload(db, tsTrainer, id)).toMatchObject({ ok: false, status: 403 });
    expect(await exportForDownload(db, tsTrainer, 'custom-00000000')).toMatchObject({ ok: false, status: 404 });
  });

  it('refuses an import with a bad definition, naming the field, and writes nothing', async () => {
    const { db } = useTestDatabase();
    const people = await cast(db);
    const id = await copied(db, people.qhdTrainer, 'summary-unit-on-spot');
    const exported = await exportScenario(db, people.qhdTrainer, id);
    if (!exported.ok) throw new Error(exported.message);
    const file = JSON.parse(exported.body) as { scenario: ScenarioSpecInput };
    file.scenario.rubric[0]!.weight += 7;
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('authored_scenarios')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const refused = await importScenario(db, people.tsTrainer, 'bad.json', JSON.stringify(file), at(1));
    expect(refused).toMatchObject({ ok: false, status: 400 });
    expect(refused.ok ? [] : refused.errors).toEqual(['rubric：评分项权重合计为107，应为100']);
    expect(await importScenario(db, people.tsTrainer, 'bad.json', '{"format":', at(1))).toMatchObject({
      ok: false,
      status: 400,
      errors: ['file：文件内容无法按JSON解析'],
    });
    expect(await count()).toBe(before);
  });

  it('answers 403 to those who may not write scenarios', async () => {
    const { db } = useTestDatabase();
    const people = await cast(db);
    expect(await copyToDraft(db, people.officer, 'summary-unit-on-spot', T0)).toMatchObject({ ok: false, status: 403 });
    expect(await copyToDraft(db, people.manager, 'summary-unit-on-spot', T0)).toMatchObject({ ok: false, status: 403 });
    expect(await importScenario(db, people.manager, 'x.json', '{}', T0)).toMatchObject({ ok: false, status: 403 });
    const id = await copied(db, people.qhdTrainer, 'summary-unit-on-spot');
    // 唐山's trainer neither sees nor manages 秦皇岛's draft; a manager of 秦皇岛 does not manage it.
    expect(await publishDraft(db, people.tsTrainer, id, T0)).toMatchObject({ ok: false, status: 403 });
    expect(await publishDraft(db, people.manager, id, T0)).toMatchObject({ ok: false, status: 403 });
    expect(await copyToDraft(db, people.tsTrainer, id, T0)).toMatchObject({ ok: false, status: 403 });
    expect(await publishDraft(db, people.qhdTrainer, 'custom-00000000', T0)).toMatchObject({ ok: false, status: 404 });
    expect(await getCatalogueEntryFor(db, people.qhdTrainer, 'custom-00000000')).toEqual({ found: false });
    expect(await getAuthored(db, people.tsTrainer, id)).toEqual({ found: true, allowed: false });
  });
});

describe('the publish gate refuses, with the reasons per rubric item', () => {
  /** A copy of the built-in with one more rubric item from its workflow's library (5 points taken from another). */
  async function draftWithItem(db: Db, who: LibraryActor, from: string, item: string) {
    const id = await copied(db, who, from);
    const draft = structuredClone(await draftOf(db, who, id));
    draft.rubric.find((r) => r.weight >= 10)!.weight -= 5;
    draft.rubric.push({ item, weight: 5 });
    const saved = await saveDraft(db, who, id, draft, at(1));
    if (!saved.ok) throw new Error(`${saved.message}: ${saved.errors?.join('；')}`);
    return id;
  }

  it('refuses a rubric that cannot be lost item by item (a hearing item in a case without a hearing)', async () => {
    const { db } = useTestDatabase();
    const { qhdTrainer } = await cast(db);
    const id = await draftWithItem(db, qhdTrainer, 'case-alarm-disabled', 'hearingProcedure');
    const result = await publishDraft(db, qhdTrainer, id, at(2));
    expect(result.ok).toBe(false);
    const failures = 'failures' in result ? result.failures : [];
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((f) => f.check === 'mistake' && f.item === 'HEARING_PROCEDURE')).toBe(true);
    expect(failures[0]!.reason).toBe(
      '评分项"听证程序"（HEARING_PROCEDURE）没有一条只丢该项分数的路径：其错误答案不丢分（种子publish-1）',
    );
    // Nothing published; the verdict is kept with the draft and shown grouped by item on its page.
    const row = await getAuthored(db, qhdTrainer, id);
    expect(row).toMatchObject({ scenario: { status: 'draft', published_version: null, check: { ok: false } } });
    const page = await getCatalogueEntryFor(db, qhdTrainer, id);
    if (!page.found || !page.allowed || page.kind !== 'authored') throw new Error('no page');
    expect(page.library.check?.groups).toEqual([
      {
        item: 'HEARING_PROCEDURE',
        title: '评分项“听证程序”（HEARING_PROCEDURE）',
        reasons: failures.map((f) => f.reason),
      },
    ]);
    expect(await usableScenario(db, qhdTrainer, id)).toBeUndefined();
  }, 60_000);

  it('refuses a model answer that does not score 100 (a transfer item in a case the answer does not transfer)', async () => {
    const { db } = useTestDatabase();
    const { qhdTrainer } = await cast(db);
    const id = await draftWithItem(db, qhdTrainer, 'case-alarm-disabled', 'transfer');
    const result = await publishDraft(db, qhdTrainer, id, at(2));
    const failures = 'failures' in result ? result.failures : [];
    expect(result.ok).toBe(false);
    expect(failures).toContainEqual({
      check: 'modelAnswer',
      reason: '参考答案得95分，不是100分（种子publish-1），失分项："涉嫌犯罪案件移送"（CRIME_NOT_TRANSFERRED）',
    });
    expect(failures).toContainEqual({
      check: 'modelAnswer',
      item: 'CRIME_NOT_TRANSFERRED',
      reason: '参考答案丢失了评分项"涉嫌犯罪案件移送"（CRIME_NOT_TRANSFERRED）的分数（种子publish-1）',
    });
    expect(await getAuthored(db, qhdTrainer, id)).toMatchObject({ scenario: { published_version: null } });
    // Fixing the draft (the built-in's rubric again) publishes it, and the stored refusal goes away.
    const draft = structuredClone(await draftOf(db, qhdTrainer, id));
    const original = structuredClone(
      await draftOf(db, qhdTrainer, await copied(db, qhdTrainer, 'case-alarm-disabled')),
    );
    expect((await saveDraft(db, qhdTrainer, id, { ...draft, rubric: original.rubric }, at(3))).ok).toBe(true);
    expect(await publishDraft(db, qhdTrainer, id, at(4))).toEqual({ ok: true, version: 1 });
    expect(await getAuthored(db, qhdTrainer, id)).toMatchObject({ scenario: { check: null, draft: null } });
  }, 120_000);
});

describe('a published version is frozen', () => {
  it('still runs when today’s schema would refuse it, and is unavailable (not an exception) when the kit cannot build it', async () => {
    const { db } = useTestDatabase();
    const { qhdTrainer } = await cast(db);
    const id = await copied(db, qhdTrainer, 'summary-unit-on-spot');
    expect(await publishDraft(db, qhdTrainer, id, at(1))).toEqual({ ok: true, version: 1 });
    const stored = (await db
      .selectFrom('scenario_versions')
      .select('spec_json')
      .where('scenario_id', '=', id)
      .executeTakeFirstOrThrow()) as { spec_json: string };
    const spec = JSON.parse(stored.spec_json);
    // As if a later release made a rule stricter: weights that no longer sum to 100 under today's check.
    const stricter = {
      ...spec,
      version: 2,
      rubric: spec.rubric.map((r: object, i: number) => (i === 0 ? { ...r, weight: 1 } : r)),
    };
    const broken = { ...spec, version: 3, workflow: 'no-such-workflow' };
    for (const [version, json] of [
      [2, stricter],
      [3, broken],
    ] as const)
      await db
        .insertInto('scenario_versions')
        .values({
          scenario_id: id,
          version,
          spec_json: JSON.stringify(json),
          published_at: at(2).toISOString(),
          published_by: qhdTrainer.id,
        })
        .execute();
    expect((await scenarioOf(db, id, 2))?.version).toBe(2);
    await expect(scenarioOf(db, id, 3)).resolves.toBeUndefined();
  });
});
