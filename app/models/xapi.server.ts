import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AttemptMode, Database, Unit } from '../../db/schema';
import { getScenario } from '../../scenarios/index';
import { scenarioOf } from './scenario-library.server';
import { SKILL_LABELS, type Skill } from '../../scenarios/types';
import { XAPI_PLATFORM_BASE } from '../utils/env.server';
import { reportQuerySchema } from '../validation/reports';
import { resolvePeriod, type Period } from './readiness.server';

/**
 * Learning records as xAPI 1.0.3 statements (https://github.com/adlnet/xAPI-Spec), so that a
 * provincial learning record store can take the drills. Per attempt: `attempted` when it starts;
 * `completed` and `passed` or `failed` when it is scored.
 *
 * Every IRI of the platform (the actors' account home page, activities, extensions) is under
 * XAPI_BASE_URL (default XAPI_PLATFORM_BASE, app/utils/env.server.ts), and statement ids are UUIDs
 * derived from the attempt id and the verb, so an export repeated (or overlapping an earlier one)
 * sends the same statements, which an LRS ignores.
 */
export const XAPI_VERSION = '1.0.3';

export const XAPI_VERBS = {
  attempted: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'zh-CN': '开始练兵', 'en-US': 'attempted' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'zh-CN': '完成练兵', 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'zh-CN': '通过', 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'zh-CN': '未通过', 'en-US': 'failed' } },
} as const;
export type XapiVerb = keyof typeof XAPI_VERBS;

export const SIMULATION_ACTIVITY_TYPE = 'http://adlnet.gov/expapi/activities/simulation';

/** The context extension IRIs (documented at the same addresses). */
export const xapiExtensions = (base = XAPI_PLATFORM_BASE) => ({
  seed: `${base}/xapi/extensions/seed`,
  scenarioVersion: `${base}/xapi/extensions/scenario-version`,
  mode: `${base}/xapi/extensions/mode`,
  passMark: `${base}/xapi/extensions/pass-mark`,
  hintsUsed: `${base}/xapi/extensions/hints-used`,
  errorCodes: `${base}/xapi/extensions/error-codes`,
  unitCode: `${base}/xapi/extensions/unit-code`,
  attemptId: `${base}/xapi/extensions/attempt-id`,
});

type LanguageMap = Record<string, string>;

export interface XapiStatement {
  id: string;
  version: string;
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  verb: { id: string; display: LanguageMap };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { name: LanguageMap; description: LanguageMap; type: string };
  };
  result?: {
    score: { raw: number; min: number; max: number; scaled: number };
    success: boolean;
    completion: boolean;
    duration: string;
  };
  context: {
    registration: string;
    platform: string;
    language: string;
    contextActivities: { category: { objectType: 'Activity'; id: string; definition: { name: LanguageMap } }[] };
    extensions: Record<string, string | number | string[]>;
  };
  timestamp: string;
}

/** What the statements of one attempt are built from (one row of the export query). */
export interface XapiAttemptRow {
  id: number;
  scenario_id: string;
  scenario_version: number;
  skill: string;
  seed: string;
  mode: AttemptMode;
  status: 'active' | 'finished';
  pass_mark: number;
  started_at: string;
  finished_at: string | null;
  score: number | null;
  passed: 0 | 1 | null;
  hints_used: number;
  error_codes: string;
  username: string;
  display_name: string;
  unit_code: string;
}

// RFC 4122 URL namespace: the names hashed are URLs of the platform.
const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/** RFC 4122 version-5 UUID (SHA-1) of a name in the URL namespace. */
export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(URL_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The stable id of an attempt's statement for a verb: the same on every export. */
export const xapiStatementId = (attemptId: number, verb: XapiVerb, base = XAPI_PLATFORM_BASE) =>
  uuidV5(`${base}/attempts/${attemptId}#${verb}`);

/** ISO 8601 duration to the hundredth of a second (xAPI's precision), e.g. PT12M30S, PT1H0M5.25S. */
export function isoDuration(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  const s = Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(2).replace(/0$/, '');
  if (hours > 0) return `PT${hours}H${minutes}M${s}S`;
  if (minutes > 0) return `PT${minutes}M${s}S`;
  return `PT${s}S`;
}

/**
 * An attempt's statements whose timestamps fall in [from, to): `attempted` at its start; once scored,
 * `completed` and `passed` or `failed` at its finish, with the result.
 */
export function attemptStatements(
  row: XapiAttemptRow,
  window: { from: string; to: string } = { from: '', to: '\uffff' },
  base = XAPI_PLATFORM_BASE,
): XapiStatement[] {
  const scenario = getScenario(row.scenario_id, row.scenario_version);
  const ext = xapiExtensions(base);
  const actor = {
    objectType: 'Agent' as const,
    name: row.display_name,
    account: { homePage: base, name: row.username },
  };
  const object = {
    objectType: 'Activity' as const,
    id: `${base}/scenarios/${encodeURIComponent(row.scenario_id)}`,
    definition: {
      name: { 'zh-CN': scenario?.title ?? row.scenario_id },
      description: { 'zh-CN': scenario?.brief ?? `练兵场景 ${row.scenario_id}` },
      type: SIMULATION_ACTIVITY_TYPE,
    },
  };
  const skillLabel = SKILL_LABELS[row.skill as Skill] ?? row.skill;
  const baseContext = {
    registration: uuidV5(`${base}/attempts/${row.id}`),
    platform: '执法练兵平台',
    language: 'zh-CN',
    contextActivities: {
      category: [
        {
          objectType: 'Activity' as const,
          id: `${base}/skills/${encodeURIComponent(row.skill)}`,
          definition: { name: { 'zh-CN': skillLabel } },
        },
      ],
    },
  };
  const commonExtensions = {
    [ext.attemptId]: row.id,
    [ext.seed]: row.seed,
    [ext.scenarioVersion]: row.scenario_version,
    [ext.mode]: row.mode,
    [ext.passMark]: row.pass_mark,
    [ext.unitCode]: row.unit_code,
  };
  const inWindow = (at: string) => at >= window.from && at < window.to;
  const statement = (
    verb: XapiVerb,
    timestamp: string,
    extra: Partial<XapiStatement>,
    extensions: XapiStatement['context']['extensions'],
  ): XapiStatement => ({
    id: xapiStatementId(row.id, verb, base),
    version: XAPI_VERSION,
    actor,
    verb: { id: XAPI_VERBS[verb].id, display: { ...XAPI_VERBS[verb].display } },
    object,
    ...extra,
    context: { ...baseContext, extensions },
    timestamp,
  });
  const out: XapiStatement[] = [];
  if (inWindow(row.started_at)) out.push(statement('attempted', row.started_at, {}, commonExtensions));
  if (row.status === 'finished' && row.finished_at && row.score !== null && inWindow(row.finished_at)) {
    const success = row.passed === 1;
    const result = {
      score: { raw: row.score, min: 0, max: 100, scaled: row.score / 100 },
      success,
      completion: true,
      duration: isoDuration(Date.parse(row.finished_at) - Date.parse(row.started_at)),
    };
    const extensions = {
      ...commonExtensions,
      [ext.hintsUsed]: row.hints_used,
      [ext.errorCodes]: JSON.parse(row.error_codes) as string[],
    };
    out.push(statement('completed', row.finished_at, { result }, extensions));
    out.push(statement(success ? 'passed' : 'failed', row.finished_at, { result }, extensions));
  }
  return out;
}

/** The instants bounding a period of China-time days: [first day 00:00, day after the last 00:00). */
export function periodWindow(period: Period): { from: string; to: string } {
  const from = new Date(`${period.from}T00:00:00+08:00`).toISOString();
  const to = new Date(Date.parse(`${period.to}T00:00:00+08:00`) + 24 * 60 * 60 * 1000).toISOString();
  return { from, to };
}

/**
 * The export's period from its query: `from`/`to` (YYYY-MM-DD, China time), or the report's own
 * `period=week|month|year|custom`; this month by default.
 */
export function resolveXapiPeriod(
  searchParams: URLSearchParams,
  now = new Date(),
): { period: Period; error: string | null } {
  const raw = Object.fromEntries(searchParams);
  if (!raw.period && (raw.from || raw.to)) raw.period = 'custom';
  return resolvePeriod(reportQuerySchema.parse(raw), now);
}

/**
 * The statements of every attempt by a user of the subtree whose start or finish falls in the
 * period, a page of attempts at a time (keyset on the attempt id), oldest attempt first.
 */
export async function* xapiStatementPages(
  db: Kysely<Database>,
  scope: Pick<Unit, 'path'>,
  period: Period,
  options: { pageSize?: number; base?: string } = {},
): AsyncGenerator<XapiStatement[]> {
  const window = periodWindow(period);
  const pageSize = options.pageSize ?? 500;
  let after = 0;
  for (;;) {
    const rows: XapiAttemptRow[] = await db
      .selectFrom('attempts as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .innerJoin('units as un', 'un.id', 'u.unit_id')
      .where('un.path', '>=', scope.path)
      .where('un.path', '<', `${scope.path}~`)
      .where('a.id', '>', after)
      .where((eb) =>
        eb.or([
          eb.and([eb('a.started_at', '>=', window.from), eb('a.started_at', '<', window.to)]),
          eb.and([
            eb('a.status', '=', 'finished'),
            eb('a.finished_at', '>=', window.from),
            eb('a.finished_at', '<', window.to),
          ]),
        ]),
      )
      .select([
        'a.id',
        'a.scenario_id',
        'a.scenario_version',
        'a.skill',
        'a.seed',
        'a.mode',
        'a.status',
        'a.pass_mark',
        'a.started_at',
        'a.finished_at',
        'a.score',
        'a.passed',
        'a.hints_used',
        'a.error_codes',
        'u.username',
        'u.display_name',
        'un.code as unit_code',
      ])
      .orderBy('a.id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    // Trainers' scenario versions are registered so their titles and briefs are found.
    for (const key of new Set(rows.map((r) => `${r.scenario_id}\u0000${r.scenario_version}`))) {
      const [id, version] = key.split('\u0000') as [string, string];
      await scenarioOf(db, id, Number(version));
    }
    yield rows.flatMap((row) => attemptStatements(row, window, options.base));
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** Every statement of the subtree in the period (tests, small exports). */
export async function listXapiStatements(
  db: Kysely<Database>,
  scope: Pick<Unit, 'path'>,
  period: Period,
): Promise<XapiStatement[]> {
  const all: XapiStatement[] = [];
  for await (const page of xapiStatementPages(db, scope, period)) all.push(...page);
  return all;
}

/**
 * The export as a streamed JSON array (a page of attempts per pull), so a province's year never
 * has to sit in memory as one string.
 */
export function xapiJsonStream(
  db: Kysely<Database>,
  scope: Pick<Unit, 'path'>,
  period: Period,
  base: string = XAPI_PLATFORM_BASE,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = xapiStatementPages(db, scope, period, { base });
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('['));
    },
    async pull(controller) {
      const next = await pages.next();
      if (next.done) {
        controller.enqueue(encoder.encode(first ? ']' : '\n]\n'));
        controller.close();
        return;
      }
      if (next.value.length === 0) return;
      const body = next.value.map((s) => JSON.stringify(s)).join(',\n');
      controller.enqueue(encoder.encode(`${first ? '\n' : ',\n'}${body}`));
      first = false;
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
