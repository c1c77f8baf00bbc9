import { writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql, type Kysely } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startDrill, submitDrillStep } from '../../app/models/attempt.server';
import { issueBulletin } from '../../app/models/bulletin.server';
import { recordLoginFailure } from '../../app/models/login-throttle.server';
import { getReadinessReport } from '../../app/models/readiness.server';
import { copyToDraft, publishDraft } from '../../app/models/scenario-library.server';
import { openDatabase, openPostgres } from '../../db/connection';
import { COPY_ORDER, COPY_TABLES, copyDatabase, countRows } from '../../db/copy';
import { migrateToLatest } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import type { Database } from '../../db/schema';
import { prepareDatabase } from '../../db/seed';
import { getScenario, listScenarios } from '../../scenarios/index';
import { compareReadinessReports, firstDifference, parseCopyArgs, runDbCopy, type Output } from '../../scripts/db-copy';
import { seedDemoDrills } from '../../scripts/seed-demo-drills';
import { onPostgres, useTestDatabase } from '../support/db';
import { databaseUrl, postgresAdmin, TEST_DATABASE_PREFIX, testServerUrl } from '../support/postgres';

/** The one unit the small hand-made sources start from. */
const insertProvince = (db: Kysely<Database>) =>
  db
    .insertInto('units')
    .values({
      code: '130000',
      name: '河北省',
      level: 'province',
      parent_id: null,
      path: '/1/',
      is_division: 1,
      sort_order: 0,
    })
    .execute();

// 2026-11-25 12:00 China time: the demo history is the twelve weeks before.
const NOW = new Date('2026-11-25T04:00:00.000Z');

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'drill-copy-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The command's output, kept (a refusal goes to `errors`, which a test reads instead of stderr). */
function captured(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(l), error: (l) => errors.push(l), status: null };
}

/** A SQLite file migrated up to (and including) the migration at `index`, or all of them. */
async function sqliteFile(dir: string, upTo?: number) {
  const path = join(dir, 'drill.db');
  const { db } = openDatabase(path);
  const names = Object.keys(migrations);
  if (upTo === undefined) await migrateToLatest(db);
  else await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(names[upTo]!);
  await db.destroy();
  return path;
}

describe('db:copy verification', () => {
  it('finds the first place two reports differ, and only in the scopes that hold the difference', async () => {
    expect(firstDifference({ rows: [{ pct: 50 }], n: 2 }, { rows: [{ pct: 50 }], n: 2 }, 'report')).toBeNull();
    expect(firstDifference({ rows: [{ pct: 50 }] }, { rows: [{ pct: 50.000001 }] }, 'report')).toBe(
      'report.rows.0.pct：SQLite 50 ≠ PostgreSQL 50.000001',
    );
    expect(firstDifference({ rows: [1, 2] }, { rows: [1] }, 'report')).toBe(
      'report.rows.length：SQLite 2 ≠ PostgreSQL 1',
    );

    // Two copies of the demo database, one with a drill day more for an officer of 昌黎县 (秦皇岛市).
    const a = useTestDatabase().db;
    const b = useTestDatabase().db;
    const officer = await b
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'changli.officer')
      .executeTakeFirstOrThrow();
    await b.insertInto('officer_activity').values({ user_id: officer.id, day: '2026-11-24' }).execute();
    const comparisons = await compareReadinessReports(a, b, NOW);
    expect(comparisons).toHaveLength(28); // 河北省 and its 13 cities, this month and this year
    expect(comparisons.filter((c) => !c.identical).map((c) => `${c.unit} ${c.period}`)).toEqual([
      '河北省（130000） 本月',
      '河北省（130000） 本年',
      '秦皇岛市（130300） 本月',
      '秦皇岛市（130300） 本年',
    ]);
    expect(comparisons.find((c) => !c.identical)!.difference).toMatch(/^report\./);
  });
});

describe('db:copy options and refusals (no server needed)', () => {
  it('parses --from, --to and --replace, and names the option that is wrong or missing', () => {
    expect(parseCopyArgs(['--from', 'data/drill.db', '--to', 'postgres://u@h/db'])).toEqual({
      ok: true,
      command: { from: 'data/drill.db', to: 'postgres://u@h/db', replace: false },
    });
    expect(parseCopyArgs(['--to=postgresql://u@h/db', '--from=a.db', '--replace'])).toEqual({
      ok: true,
      command: { from: 'a.db', to: 'postgresql://u@h/db', replace: true },
    });
    const refusal = (argv: string[]) => {
      const parsed = parseCopyArgs(argv);
      return parsed.ok ? null : parsed.message;
    };
    expect(refusal([])).toMatch(/^缺少 --from/);
    expect(refusal(['--from', 'a.db'])).toMatch(/^缺少 --to/);
    expect(refusal(['--from', '--to', 'postgres://h/db'])).toBe('--from 缺少值');
    expect(refusal(['--from', 'a.db', '--to'])).toBe('--to 缺少值');
    expect(refusal(['--from', 'a.db', '--to', 'b.db'])).toMatch(/^--to 应是 PostgreSQL 地址/);
    expect(refusal(['--from', 'postgres://h/a', '--to', 'postgres://h/b'])).toMatch(/^--from 应是 SQLite/);
    expect(refusal(['--from', 'a.db', '--from', 'b.db', '--to', 'postgres://h/b'])).toBe('--from 只能给一次');
    expect(refusal(['--from', 'a.db', '--to', 'postgres://h/b', '--force'])).toBe('不认识的参数 --force');
    expect(refusal(['--from', 'a.db', '--to', 'postgres://h/b', '--replace=yes'])).toBe('--replace 不带值');
  });

  it('refuses with exit code 2, touching nothing, a missing source, a file that is not a database, one not migrated to the latest, and a target it cannot reach', async () => {
    const dir = tempDir();
    // Port 1 on loopback: nothing listens there; the refusals before it must not even try.
    const to = 'postgres://postgres@127.0.0.1:1/drill';
    const run = async (from: string) => {
      const out = captured();
      const code = await runDbCopy(['--from', from, '--to', to], out);
      return { code, error: out.errors.join('\n') };
    };

    const missing = join(dir, 'missing.db');
    expect(await run(missing)).toEqual({ code: 2, error: `--from：找不到 SQLite 数据库文件 ${missing}` });
    expect(existsSync(missing)).toBe(false);

    const text = join(dir, 'notes.db');
    writeFileSync(text, 'not a database, just some text long enough to have a header'.repeat(10));
    expect(await run(text)).toMatchObject({
      code: 2,
      error: expect.stringMatching(/^--from：.* 不是可读的 SQLite 数据库/),
    });

    const old = await sqliteFile(join(dir, 'old'), 2);
    const firstMissing = Object.keys(migrations)[3];
    expect(await run(old)).toMatchObject({
      code: 2,
      error: expect.stringContaining(
        `尚未迁移到最新结构（缺少 ${Object.keys(migrations).length - 3} 个迁移，最早的是 ${firstMissing}）`,
      ),
    });

    const current = await sqliteFile(join(dir, 'current'));
    expect(await run(current)).toMatchObject({
      code: 2,
      error: expect.stringMatching(/^--to：无法连接目标 PostgreSQL 数据库/),
    });

    const usage = captured();
    expect(await runDbCopy(['--from', current], usage)).toBe(2);
    expect(usage.errors.join('\n')).toMatch(/^缺少 --to.*\n用法：npm run db:copy/);
  });

  it('copies every table of the schema, each after the tables it references', async () => {
    const { db, sqlite } = openDatabase(join(tempDir(), 'drill.db'));
    onTestFinished(() => db.destroy());
    await migrateToLatest(db);
    const tables = (
      sqlite
        .prepare(
          `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`,
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect([...COPY_TABLES].sort()).toEqual(tables.sort());
    for (const [position, { table }] of COPY_ORDER.entries()) {
      const references = (sqlite.pragma(`foreign_key_list(${table})`) as { table: string }[]).map((r) => r.table);
      for (const referenced of references)
        expect(COPY_TABLES.indexOf(referenced as keyof Database), `${table} → ${referenced}`).toBeLessThanOrEqual(
          position,
        );
    }
  });
});

async function actorOf(db: Kysely<Database>, username: string) {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.role', 'units.id as unitId', 'units.code', 'units.name', 'units.level', 'units.path'])
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();
  const unit = { id: row.unitId, code: row.code, name: row.name, level: row.level, path: row.path };
  return { id: row.id, role: row.role, unit };
}

/** The demo data and drill history as `npm start` makes them, plus rows in the less common tables. */
async function provinceFile(dir: string) {
  const path = join(dir, 'drill.db');
  const { db } = openDatabase(path);
  try {
    await prepareDatabase(db);
    await seedDemoDrills(db, { now: NOW });
    const trainer = await actorOf(db, 'trainer');
    const copied = await copyToDraft(db, trainer, 'onboard-dust-enterprise', NOW);
    if (!copied.ok) throw new Error(copied.message);
    const published = await publishDraft(db, trainer, copied.id, NOW);
    if (!published.ok) throw new Error(JSON.stringify(published));
    const issued = await issueBulletin(db, await actorOf(db, 'qhd.manager'), { week: '2026-11-16' }, NOW);
    if (!issued.ok) throw new Error(issued.message);
    await recordLoginFailure(db, 'qhd.manager', '192.0.2.7', NOW);
    await db
      .insertInto('sessions')
      .values({
        id: 'copy-test-session',
        user_id: trainer.id,
        expires_at: new Date(NOW.getTime() + 86_400_000).toISOString(),
      })
      .execute();
  } finally {
    await db.destroy();
  }
  return path;
}

describe.runIf(onPostgres)('db:copy round trip (PostgreSQL only)', () => {
  it('copies a province with its drill history into a fresh database: same counts, the same readiness report for 秦皇岛市, new ids after the copied ones; refuses a second copy and replaces on request', async () => {
    const source = await provinceFile(tempDir());
    const server = testServerUrl()!;
    const admin = postgresAdmin(server);
    const name = `${TEST_DATABASE_PREFIX}copy_${process.pid}`;
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const to = databaseUrl(server, name);
    const target = openPostgres(to, { poolSize: 2 });
    const sqlite = openDatabase(source).db;
    onTestFinished(async () => {
      await target.destroy();
      await sqlite.destroy();
      // Without FORCE: the server waits (up to 5 s) for the pools' closing connections to go,
      // instead of terminating them under a pool that would report it.
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    });

    const out = captured();
    const code = await runDbCopy(['--from', source, '--to', to], out, NOW);
    expect(out.errors).toEqual([]);
    expect(code).toBe(0);
    expect(out.lines.at(-1)).toMatch(/^\n核对通过：24 个表行数一致，\d+ 份报告一致/);

    const counts = await countRows(sqlite);
    expect(await countRows(target)).toEqual(counts);
    for (const table of [
      'attempts',
      'attempt_events',
      'audit_log',
      'sessions',
      'login_failures',
      'bulletins',
      'authored_scenarios',
      'scenario_versions',
      'statistics_imports',
      'real_statistics',
    ] as const)
      expect(counts[table], table).toBeGreaterThan(0);
    // Progress per table, rows done of the total.
    const events = counts.attempt_events.toLocaleString('en-US');
    expect(out.lines).toContain(`  attempt_events：${events} / ${events}`);

    const qinhuangdao = await sqlite
      .selectFrom('units')
      .select('path')
      .where('code', '=', '130300')
      .executeTakeFirstOrThrow();
    const period = { from: '2026-01-01', to: '2026-11-25' };
    const before = await getReadinessReport(sqlite, qinhuangdao, { period, now: NOW });
    const after = await getReadinessReport(target, qinhuangdao, { period, now: NOW });
    expect(before.totals.drilled).toBeGreaterThan(0);
    expect(after).toEqual(before);

    // The app goes on on PostgreSQL: a new attempt gets the next id and takes a step.
    const maxAttempt = (
      await sqlite
        .selectFrom('attempts')
        .select(sql<number>`max(id)`.as('id'))
        .executeTakeFirstOrThrow()
    ).id;
    const officer = await target
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'changli.officer')
      .executeTakeFirstOrThrow();
    const scenario = getScenario(listScenarios({ skill: 'inspection' })[0]!.id)!;
    const started = await startDrill(target, officer.id, {
      scenarioId: scenario.id,
      mode: 'practice',
      seed: 'after-copy',
    });
    if (!started.ok) throw new Error(started.reason);
    expect(started.attemptId).toBe(maxAttempt + 1);
    const step = scenario.modelAnswer(scenario.fixture('after-copy'))[0]!;
    expect(
      await submitDrillStep(target, officer.id, started.attemptId, {
        stepId: step.stepId,
        values: step.values,
        version: 0,
      }),
    ).toMatchObject({ ok: true });
    const withNewAttempt = await countRows(target);
    expect(withNewAttempt.attempts).toBe(counts.attempts + 1);

    // A second copy onto the database that now holds data is refused, and changes nothing.
    const again = captured();
    expect(await runDbCopy(['--from', source, '--to', to], again, NOW)).toBe(2);
    expect(again.errors.join('\n')).toMatch(
      /^--to：目标数据库已有数据（units \d+ 行、.*），未做任何改动；确需.*加 --replace/,
    );
    expect(await countRows(target)).toEqual(withNewAttempt);

    // --replace: the copy again, the attempt made since gone, ids numbered from the copy again.
    const replaced = captured();
    expect(await runDbCopy(['--from', source, '--to', to, '--replace'], replaced, NOW)).toBe(0);
    expect(await countRows(target)).toEqual(counts);
    const next = await startDrill(target, officer.id, {
      scenarioId: scenario.id,
      mode: 'practice',
      seed: 'after-replace',
    });
    expect(next).toEqual({ ok: true, attemptId: maxAttempt + 1 });
  }, 120_000);

  it('leaves nothing copied when a row fails on the way (one transaction)', async () => {
    const path = await sqliteFile(tempDir());
    const { db } = openDatabase(path);
    await insertProvince(db);
    // PostgreSQL's text cannot hold a NUL character; SQLite's can: the audit log's row is refused
    // after the units were inserted.
    await db
      .insertInto('audit_log')
      .values({ actor_user_id: null, action: 'test', target_type: 'unit', target_id: '1', detail: 'a\u0000b' })
      .execute();
    await db.destroy();
    const server = testServerUrl()!;
    const admin = postgresAdmin(server);
    const name = `${TEST_DATABASE_PREFIX}copy_fail_${process.pid}`;
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const to = databaseUrl(server, name);
    const target = openPostgres(to, { poolSize: 1 });
    onTestFinished(async () => {
      await target.destroy();
      // Without FORCE: the server waits (up to 5 s) for the pools' closing connections to go,
      // instead of terminating them under a pool that would report it.
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    });

    const out = captured();
    expect(await runDbCopy(['--from', path, '--to', to], out, NOW)).toBe(1);
    expect(out.errors.join('\n')).toMatch(
      /^复制失败，事务已回滚，目标数据库中没有复制的数据：复制表 audit_log 时出错：/,
    );
    expect(out.lines).toContain('  units：1 / 1');
    const counts = await countRows(target);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });

  it('reads one snapshot of the source: a row written there during the copy is neither copied nor counted', async () => {
    const path = await sqliteFile(tempDir());
    const writer = openDatabase(path).db;
    onTestFinished(() => writer.destroy());
    await insertProvince(writer);
    const server = testServerUrl()!;
    const admin = postgresAdmin(server);
    const name = `${TEST_DATABASE_PREFIX}copy_snapshot_${process.pid}`;
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    onTestFinished(async () => {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    });

    let written: Promise<unknown> | null = null;
    const result = await copyDatabase(path, databaseUrl(server, name), {
      onProgress: ({ table }) => {
        // The app still running: a failed login recorded while the copy is under way.
        if (table === 'users' && !written)
          written = writer
            .insertInto('login_failures')
            .values({ username: 'late', address: null, created_at: NOW.toISOString() })
            .execute();
      },
    });
    await written;
    expect(written).not.toBeNull();
    expect(result.source.login_failures).toBe(0);
    expect(result.target).toEqual(result.source);
    expect(result.target.units).toBe(1);
    expect(await countRows(writer, ['login_failures'])).toEqual({ login_failures: 1 });
  });
});
