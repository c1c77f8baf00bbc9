import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findOwnAttempt, handIn, startDrill, submitDrillStep } from '../../app/models/attempt.server';
import {
  attemptStatements,
  isoDuration,
  listXapiStatements,
  resolveXapiPeriod,
  uuidV5,
  xapiExtensions,
  xapiJsonStream,
  xapiStatementId,
  xapiStatementPages,
  type XapiStatement,
} from '../../app/models/xapi.server';
import { XAPI_PLATFORM_BASE } from '../../app/utils/env.server';
import { getScenario, listScenarios } from '../../scenarios/index';
import { useTestDatabase } from '../support/db';

type Db = ReturnType<typeof useTestDatabase>['db'];

// The shape of an xAPI 1.0.3 statement as this platform sends it (spec sections 2.4.1–2.4.8).
const languageMap = z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().min(1));
const iri = z.url({ protocol: /^https?$/ });
const statementSchema = z
  .object({
    id: z.uuid(),
    version: z.literal('1.0.3'),
    actor: z
      .object({
        objectType: z.literal('Agent'),
        name: z.string().min(1),
        account: z.object({ homePage: iri, name: z.string().min(1) }).strict(),
      })
      .strict(),
    verb: z
      .object({
        id: z.enum([
          'http://adlnet.gov/expapi/verbs/attempted',
          'http://adlnet.gov/expapi/verbs/completed',
          'http://adlnet.gov/expapi/verbs/passed',
          'http://adlnet.gov/expapi/verbs/failed',
        ]),
        display: languageMap,
      })
      .strict(),
    object: z
      .object({
        objectType: z.literal('Activity'),
        id: iri,
        definition: z
          .object({
            name: languageMap,
            description: languageMap,
            type: z.literal('http://adlnet.gov/expapi/activities/simulation'),
          })
          .strict(),
      })
      .strict(),
    result: z
      .object({
        score: z
          .object({ raw: z.number(), min: z.number(), max: z.number(), scaled: z.number().min(-1).max(1) })
          .strict()
          .refine((s) => s.min <= s.raw && s.raw <= s.max, 'raw within [min, max]'),
        success: z.boolean(),
        completion: z.boolean(),
        duration: z.string().regex(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)$/),
      })
      .strict()
      .optional(),
    context: z
      .object({
        registration: z.uuid(),
        platform: z.string().min(1),
        language: z.string().min(2),
        contextActivities: z.object({
          category: z.array(
            z.object({ objectType: z.literal('Activity'), id: iri, definition: z.object({ name: languageMap }) }),
          ),
        }),
        // Extension keys must be IRIs.
        extensions: z.record(iri, z.union([z.string(), z.number(), z.array(z.string())])),
      })
      .strict(),
    timestamp: z.iso.datetime({ offset: true }),
  })
  .strict();

const verbOf = (s: XapiStatement) => s.verb.id.split('/').pop();
const ext = xapiExtensions();

async function userByName(db: Db, username: string) {
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'units.code', 'units.path'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
}

async function play(
  db: Db,
  userId: number,
  opts: {
    scenarioId: string;
    mode: 'practice' | 'assessment';
    seed: string;
    start: Date;
    upTo?: number;
    handIn?: boolean;
  },
) {
  const scenario = getScenario(opts.scenarioId)!;
  const started = await startDrill(db, userId, {
    scenarioId: scenario.id,
    mode: opts.mode,
    seed: opts.seed,
    now: opts.start,
  });
  if (!started.ok) throw new Error(started.reason);
  let t = opts.start.getTime();
  for (const step of scenario.modelAnswer(scenario.fixture(opts.seed)).slice(0, opts.upTo)) {
    t += 75_000;
    const version = (await findOwnAttempt(db, userId, started.attemptId))!.event_count;
    const r = await submitDrillStep(db, userId, started.attemptId, {
      stepId: step.stepId,
      values: step.values,
      version,
      now: new Date(t),
    });
    if (!r.ok) throw new Error(r.reason);
  }
  if (opts.handIn) {
    t += 75_000;
    const version = (await findOwnAttempt(db, userId, started.attemptId))!.event_count;
    const r = await handIn(db, userId, started.attemptId, { version, now: new Date(t) });
    if (!r.ok) throw new Error(r.reason);
  }
  return { attemptId: started.attemptId, finishedAt: new Date(t) };
}

describe('xAPI learning records', () => {
  it('ISO 8601 durations and version-5 UUIDs', () => {
    expect(isoDuration(12 * 60_000 + 30_000)).toBe('PT12M30S');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(5_250)).toBe('PT5.25S');
    expect(isoDuration(3_600_000 + 5_500)).toBe('PT1H0M5.5S');
    expect(isoDuration(2 * 3_600_000 + 3 * 60_000)).toBe('PT2H3M0S');
    // Reference values from Python's uuid.uuid5(uuid.NAMESPACE_URL, …).
    expect(uuidV5('http://www.example.com/')).toBe('fcde3c85-2270-590f-9e7c-ee003d65e0e2');
    expect(xapiStatementId(42, 'passed', 'https://drill.example')).toBe('d8c8c3e0-b323-5648-941e-508967d47e65');
    expect(xapiStatementId(42, 'passed')).not.toBe(xapiStatementId(42, 'failed'));
  });

  it('exports the subtree’s attempts as valid, stable statements: attempted, completed, passed / failed', async () => {
    const { db } = useTestDatabase();
    const officer = await userByName(db, 'changli.officer');
    const manager = await db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select(['units.path'])
      .where('username', '=', 'qhd.manager')
      .executeTakeFirstOrThrow();
    const outsider = await db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select(['users.id'])
      .where('users.role', '=', 'officer')
      .where('units.path', 'not like', `${manager.path}%`)
      .executeTakeFirstOrThrow();
    const inspection = listScenarios({ skill: 'inspection' })[0]!;
    const documents = listScenarios({ skill: 'documents' })[0]!;

    const passed = await play(db, officer.id, {
      scenarioId: inspection.id,
      mode: 'assessment',
      seed: 'x-pass',
      start: new Date('2026-03-10T02:00:00.000Z'),
    });
    const failed = await play(db, officer.id, {
      scenarioId: documents.id,
      mode: 'practice',
      seed: 'x-fail',
      start: new Date('2026-03-11T02:00:00.000Z'),
      upTo: 1,
      handIn: true,
    });
    const active = await play(db, officer.id, {
      scenarioId: documents.id,
      mode: 'practice',
      seed: 'x-open',
      start: new Date('2026-03-12T02:00:00.000Z'),
      upTo: 1,
    });
    // Started on the last evening of February (China time), finished in March: only its finish is in March.
    const straddling = await play(db, officer.id, {
      scenarioId: inspection.id,
      mode: 'practice',
      seed: 'x-edge',
      start: new Date('2026-02-28T15:57:00.000Z'),
    });
    await play(db, outsider.id, {
      scenarioId: inspection.id,
      mode: 'assessment',
      seed: 'x-out',
      start: new Date('2026-03-10T03:00:00.000Z'),
    });

    const march = { from: '2026-03-01', to: '2026-03-31' };
    const statements = await listXapiStatements(db, manager, march);
    for (const s of statements) statementSchema.parse(s);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);

    const of = (attemptId: number) => statements.filter((s) => s.context.extensions[ext.attemptId] === attemptId);
    expect(of(passed.attemptId).map(verbOf)).toEqual(['attempted', 'completed', 'passed']);
    expect(of(failed.attemptId).map(verbOf)).toEqual(['attempted', 'completed', 'failed']);
    expect(of(active.attemptId).map(verbOf)).toEqual(['attempted']);
    expect(of(straddling.attemptId).map(verbOf)).toEqual(['completed', 'passed']);
    // Only the manager's subtree: 5 attempts were played, 4 of them in Qinhuangdao.
    expect(new Set(statements.map((s) => s.context.extensions[ext.attemptId])).size).toBe(4);
    expect(statements).toHaveLength(3 + 3 + 1 + 2);

    const [attempted, completed, pass] = of(passed.attemptId) as [XapiStatement, XapiStatement, XapiStatement];
    const row = (await db
      .selectFrom('attempts')
      .selectAll()
      .where('id', '=', passed.attemptId)
      .executeTakeFirstOrThrow())!;
    expect(attempted).toMatchObject({
      id: xapiStatementId(passed.attemptId, 'attempted'),
      actor: {
        objectType: 'Agent',
        name: expect.any(String),
        account: { homePage: XAPI_PLATFORM_BASE, name: 'changli.officer' },
      },
      object: {
        id: `${XAPI_PLATFORM_BASE}/scenarios/${inspection.id}`,
        definition: { name: { 'zh-CN': inspection.title }, description: { 'zh-CN': inspection.brief } },
      },
      timestamp: row.started_at,
      context: {
        extensions: {
          [ext.seed]: 'x-pass',
          [ext.scenarioVersion]: inspection.version,
          [ext.mode]: 'assessment',
          [ext.unitCode]: '130322',
        },
      },
    });
    expect(attempted.result).toBeUndefined();
    const steps = inspection.modelAnswer(inspection.fixture('x-pass')).length;
    expect(pass).toMatchObject({
      timestamp: row.finished_at,
      result: {
        score: { raw: 100, min: 0, max: 100, scaled: 1 },
        success: true,
        completion: true,
        duration: isoDuration(steps * 75_000),
      },
      context: { extensions: { [ext.hintsUsed]: 0, [ext.errorCodes]: [] } },
    });
    expect(completed.result).toEqual(pass.result);
    expect(pass.context.registration).toBe(attempted.context.registration);

    const fail = of(failed.attemptId).find((s) => verbOf(s) === 'failed')!;
    const failedRow = await db
      .selectFrom('attempts')
      .select(['score', 'error_codes'])
      .where('id', '=', failed.attemptId)
      .executeTakeFirstOrThrow();
    expect(fail.result).toMatchObject({
      success: false,
      score: { raw: failedRow.score, scaled: failedRow.score! / 100 },
      duration: 'PT2M30S',
    });
    expect(fail.context.extensions[ext.errorCodes]).toEqual(JSON.parse(failedRow.error_codes));
    expect((fail.context.extensions[ext.errorCodes] as string[]).length).toBeGreaterThan(0);

    // Re-exporting gives the same statements; pages of any size add up to the same list; the stream is that list as JSON.
    expect(await listXapiStatements(db, manager, march)).toEqual(statements);
    const paged: XapiStatement[] = [];
    for await (const page of xapiStatementPages(db, manager, march, { pageSize: 1 })) paged.push(...page);
    expect(paged).toEqual(statements);
    expect(JSON.parse(await new Response(xapiJsonStream(db, manager, march)).text())).toEqual(statements);
    expect(await new Response(xapiJsonStream(db, manager, { from: '2020-01-01', to: '2020-01-31' })).text()).toBe('[]');

    // February holds only the straddling attempt's start.
    const february = await listXapiStatements(db, manager, { from: '2026-02-01', to: '2026-02-28' });
    expect(february.map((s) => [s.context.extensions[ext.attemptId], verbOf(s)])).toEqual([
      [straddling.attemptId, 'attempted'],
    ]);
  });

  it('the builder leaves out statements outside the window and works from one row', () => {
    const row = {
      id: 7,
      scenario_id: 'no-longer-in-the-code',
      scenario_version: 3,
      skill: 'case',
      seed: 'abc',
      mode: 'assessment' as const,
      status: 'finished' as const,
      pass_mark: 80,
      started_at: '2026-05-01T01:00:00.000Z',
      finished_at: '2026-05-01T01:12:30.000Z',
      score: 65,
      passed: 0 as const,
      hints_used: 0,
      error_codes: '["CASE_TIER","CASE_HEARING"]',
      username: 'u1',
      display_name: '张三',
      unit_code: '130302',
    };
    const all = attemptStatements(row);
    for (const s of all) statementSchema.parse(s);
    expect(all.map(verbOf)).toEqual(['attempted', 'completed', 'failed']);
    expect(all[2]!.result).toEqual({
      score: { raw: 65, min: 0, max: 100, scaled: 0.65 },
      success: false,
      completion: true,
      duration: 'PT12M30S',
    });
    expect(all[0]!.object.definition.name).toEqual({ 'zh-CN': 'no-longer-in-the-code' });
    expect(
      attemptStatements(row, { from: '2026-05-01T01:05:00.000Z', to: '2026-06-01T00:00:00.000Z' }).map(verbOf),
    ).toEqual(['completed', 'failed']);
  });

  it('period from the query: from/to, the report’s named periods, this month by default, errors in Chinese', () => {
    const now = new Date('2026-03-15T04:00:00.000Z');
    expect(resolveXapiPeriod(new URLSearchParams(), now)).toEqual({
      period: { from: '2026-03-01', to: '2026-03-15' },
      error: null,
    });
    expect(resolveXapiPeriod(new URLSearchParams('from=2026-01-01&to=2026-02-10'), now)).toEqual({
      period: { from: '2026-01-01', to: '2026-02-10' },
      error: null,
    });
    expect(resolveXapiPeriod(new URLSearchParams('period=year'), now).period).toEqual({
      from: '2026-01-01',
      to: '2026-03-15',
    });
    expect(resolveXapiPeriod(new URLSearchParams('from=2026-03-10&to=2026-03-01'), now).error).toBe(
      '开始日期不能晚于结束日期',
    );
  });
});

describe('xAPI export base address', () => {
  it('is the one given (per deployment), in activity ids, the account home page and the statement ids', async () => {
    const { db } = useTestDatabase();
    const officer = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'changli.officer')
      .executeTakeFirstOrThrow();
    const started = await startDrill(db, officer.id, {
      scenarioId: listScenarios()[0]!.id,
      mode: 'practice',
      now: new Date('2026-03-02T01:00:00.000Z'),
    });
    expect(started.ok).toBe(true);
    const scope = await db.selectFrom('units').select('path').where('code', '=', '130300').executeTakeFirstOrThrow();
    const period = { from: '2026-03-01', to: '2026-03-31' };
    const read = async (base?: string) =>
      JSON.parse(await new Response(xapiJsonStream(db, scope, period, base)).text()) as {
        id: string;
        actor: { account: { homePage: string } };
        object: { id: string };
      }[];
    const [own] = await read('https://lianbing.hebei.example');
    const [fallback] = await read();
    expect(own!.actor.account.homePage).toBe('https://lianbing.hebei.example');
    expect(own!.object.id.startsWith('https://lianbing.hebei.example/scenarios/')).toBe(true);
    expect(own!.id).not.toBe(fallback!.id);
  });
});
