// SQLite only: db:backup and db:restore copy the SQLite file (PostgreSQL has pg_dump; docs/deployment.md).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadAttemptState, startDrill, submitDrillStep } from '../../app/models/attempt.server';
import { backupDatabase, checkBackupFile, isDatabaseInUse, restoreDatabase } from '../../db/backup';
import { openDatabase } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { getScenario, listScenarios } from '../../scenarios/index';
import { onPostgres, useSqliteTestDatabase } from '../support/db';

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'drill-backup-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

describe.skipIf(onPostgres)('db:backup (SQLite only)', () => {
  it('copies a database being written to: every step acknowledged before it began is in the copy, and only whole steps', async () => {
    const { db, path } = useSqliteTestDatabase();
    const scenario = getScenario(listScenarios({ skill: 'inspection' })[0]!.id)!;
    const officers = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'officer')
      .orderBy('id')
      .limit(6)
      .execute();
    const drills = [];
    for (const [i, { id: userId }] of officers.entries()) {
      const seed = `backup-${i}`;
      const started = await startDrill(db, userId, { scenarioId: scenario.id, mode: 'practice', seed });
      if (!started.ok) throw new Error(started.reason);
      drills.push({
        userId,
        attemptId: started.attemptId,
        answer: scenario.modelAnswer(scenario.fixture(seed)),
        done: 0,
      });
    }
    const acknowledged: { attemptId: number; seq: number; beforeBackup: boolean }[] = [];
    let backingUp = false;
    let finished = false;
    // Real drill steps through the service, round robin, yielding to the backup between each.
    const writer = (async () => {
      for (let round = 0; !finished; round++) {
        const drill = drills[round % drills.length]!;
        const step = drill.answer[drill.done];
        if (!step) {
          if (drills.every((d) => d.done >= d.answer.length)) break;
          continue;
        }
        const result = await submitDrillStep(db, drill.userId, drill.attemptId, {
          stepId: step.stepId,
          values: step.values,
          version: drill.done,
        });
        if (!result.ok) throw new Error(result.reason);
        drill.done++;
        acknowledged.push({ attemptId: drill.attemptId, seq: drill.done, beforeBackup: !backingUp });
        await nextTick();
      }
    })();
    while (acknowledged.length < drills.length * 2) await nextTick();

    const dir = tempDir();
    let reports = 0;
    backingUp = true;
    const { file } = await backupDatabase(path, { dir, pagesPerStep: 20, onProgress: () => reports++ });
    finished = true;
    await writer;

    const during = acknowledged.filter((a) => !a.beforeBackup).length;
    expect(reports).toBeGreaterThan(10);
    expect(during).toBeGreaterThan(10); // the server kept writing all along
    expect(readdirSync(dir)).toEqual([file.slice(dir.length + 1)]);
    expect(file).toMatch(/drill-\d{8}T\d{6}Z\.db$/);

    const copy = new SQLite(file, { readonly: true });
    onTestFinished(() => void copy.close());
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    const inCopy = new Set(
      (copy.prepare('select attempt_id, seq from attempt_events').all() as { attempt_id: number; seq: number }[]).map(
        (r) => `${r.attempt_id}/${r.seq}`,
      ),
    );
    const missing = acknowledged.filter((a) => a.beforeBackup && !inCopy.has(`${a.attemptId}/${a.seq}`));
    expect(missing).toEqual([]);
    // Whole steps only: each attempt's event count matches its events, which run 1..n without gaps.
    const attempts = copy
      .prepare(
        `select a.id, a.event_count, count(e.seq) as events, coalesce(max(e.seq), 0) as last
         from attempts a left join attempt_events e on e.attempt_id = a.id where a.id in (${drills.map((d) => d.attemptId).join(',')}) group by a.id`,
      )
      .all() as { id: number; event_count: number; events: number; last: number }[];
    expect(attempts).toHaveLength(drills.length);
    for (const a of attempts) expect([a.events, a.last]).toEqual([a.event_count, a.event_count]);

    // The app reads the copy: each attempt's cached state matches its event log.
    const restored = openDatabase(file);
    onTestFinished(() => restored.db.destroy());
    for (const drill of drills) {
      const attempt = await restored.db
        .selectFrom('attempts')
        .selectAll()
        .where('id', '=', drill.attemptId)
        .executeTakeFirstOrThrow();
      expect((await loadAttemptState(restored.db, attempt)).events).toHaveLength(attempt.event_count);
    }
  });
});

describe.skipIf(onPostgres)('db:restore (SQLite only)', () => {
  it('refuses while a server has the database open; then restores, keeping the old database aside', async () => {
    const { db, path } = useSqliteTestDatabase();
    const dir = tempDir();
    const { file } = await backupDatabase(path, { dir });
    await db
      .insertInto('units')
      .values({
        code: 'after-backup',
        name: '备份之后',
        level: 'county',
        parent_id: null,
        path: '/after/',
        is_division: 0,
        sort_order: 0,
      })
      .execute();

    expect(isDatabaseInUse(path)).toBe(true);
    expect(restoreDatabase(file, path)).toEqual({
      ok: false,
      problem: `数据库 ${path} 正被其他进程（运行中的服务）使用，请先停止服务再恢复`,
    });
    await db.destroy();
    expect(isDatabaseInUse(path)).toBe(false);

    const result = restoreDatabase(file, path, new Date('2026-12-01T02:03:04Z'));
    expect(result).toEqual({ ok: true, aside: `${path}.before-restore-20261201T020304Z`, pending: [] });
    const unitsIn = (p: string) => {
      const sqlite = new SQLite(p, { readonly: true });
      const codes = (
        sqlite.prepare(`select code from units where code = 'after-backup'`).all() as { code: string }[]
      ).map((r) => r.code);
      sqlite.close();
      return codes;
    };
    expect(unitsIn(path)).toEqual([]);
    expect(unitsIn(`${path}.before-restore-20261201T020304Z`)).toEqual(['after-backup']);
    expect(existsSync(`${path}-wal`)).toBe(false);

    const reopened = openDatabase(path);
    onTestFinished(() => reopened.db.destroy());
    expect((await migrateToLatest(reopened.db)).results).toEqual([]);
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('checks the file: not SQLite, not our schema, from a newer version, corrupt, or the database itself', async () => {
    const dir = tempDir();
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database'.repeat(100));
    expect(checkBackupFile(garbage)).toMatchObject({ ok: false });
    expect(checkBackupFile(join(dir, 'missing.db'))).toEqual({
      ok: false,
      problem: `文件不存在：${join(dir, 'missing.db')}`,
    });

    const foreign = join(dir, 'foreign.db');
    const other = new SQLite(foreign);
    other.exec('create table notes (id integer primary key, body text)');
    other.close();
    expect(checkBackupFile(foreign)).toEqual({
      ok: false,
      problem: '不是本系统的数据库（没有迁移记录表 kysely_migration）',
    });

    const { path } = useSqliteTestDatabase();
    const { file } = await backupDatabase(path, { dir });
    expect(checkBackupFile(file)).toMatchObject({ ok: true, pending: [] });
    expect(restoreDatabase(path, path)).toEqual({ ok: false, problem: '备份文件就是当前数据库本身' });

    const newer = new SQLite(file);
    newer
      .prepare(
        `insert into kysely_migration (name, timestamp) values ('2099_01_01_000001_from_the_future', '2099-01-01')`,
      )
      .run();
    newer.close();
    expect(checkBackupFile(file)).toEqual({
      ok: false,
      problem: '包含本版本不认识的迁移（来自更新的版本？）：2099_01_01_000001_from_the_future',
    });

    // Damage an index page: the file still opens, integrity_check finds it.
    const corrupt = (await backupDatabase(path, { dir })).file;
    const sqlite = new SQLite(corrupt);
    const page = (
      sqlite.prepare(`select rootpage from sqlite_master where name = 'users_unit_role'`).get() as { rootpage: number }
    ).rootpage;
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    sqlite.close();
    const fd = openSync(corrupt, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (page - 1) * pageSize + 12);
    closeSync(fd);
    expect(checkBackupFile(corrupt)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^完整性检查未通过|^读取失败/),
    });
  });

  it('the npm scripts: backup shows progress and checks the copy; restore asks for --yes before replacing', async () => {
    const { path, sqlite } = useSqliteTestDatabase('migrated');
    sqlite.close(); // the server is stopped
    const dir = tempDir();
    const env = { ...process.env, DATABASE_PATH: path };
    const tsx = (script: string, ...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { env, encoding: 'utf8' });

    const backup = tsx('scripts/db-backup.ts', '--dir', dir);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/正在备份 .*：100%/);
    expect(backup.stdout).toMatch(/备份完成：.*drill-\d{8}T\d{6}Z\.db（.* MB，.* 秒，完整性检查通过）/);
    expect(backup.status).toBe(0);
    const file = join(dir, readdirSync(dir)[0]!);

    const unconfirmed = tsx('scripts/db-restore.ts', file);
    expect(unconfirmed.status).toBe(1);
    expect(unconfirmed.stderr).toContain('确认无误后加 --yes 再运行');

    const confirmed = tsx('scripts/db-restore.ts', file, '--yes');
    expect(confirmed.stderr).toBe('');
    expect(confirmed.status).toBe(0);
    expect(confirmed.stdout).toContain(`已恢复到 ${path}。原数据库已保存为 ${path}.before-restore-`);
  });
});

describe('db:backup and db:restore with DATABASE_URL set', () => {
  it('refuse and point to pg_dump / pg_restore, touching nothing', () => {
    const dir = tempDir();
    const env = { ...process.env, DATABASE_URL: 'postgres://drill@127.0.0.1:1/drill', BACKUP_DIR: dir };
    for (const [script, verb] of [
      ['scripts/db-backup.ts', '备份'],
      ['scripts/db-restore.ts', '恢复'],
    ] as const) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', script, join(dir, 'x.db'), '--yes'], {
        env,
        encoding: 'utf8',
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`本命令只${verb} SQLite 数据库文件。PostgreSQL 请用 pg_dump / pg_restore`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
