/**
 * Benchmark: assigning to a whole city with thousands of officers, and opening its follow-up page,
 * at city and province scale. Works on its own temporary database (migrated, demo data, then
 * synthetic officers and finished attempts added with raw inserts).
 *
 *   npx tsx scripts/bench/assignments.ts            # prints the rows
 *   import { benchAssignments } from './assignments' # rows for `npm run bench`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { seedDemoData } from '../../db/seed';
import { listScenarios } from '../../scenarios/index';
import {
  changeAssignment,
  createAssignment,
  newAssignmentFormToken,
} from '../../app/models/assignment/commands.server';
import { getAssignmentFollowUp, listAssignmentsInScope } from '../../app/models/assignment/follow-up.server';
import { listOfficerAssignments, startAssignedDrill } from '../../app/models/assignment/officer-tasks.server';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

export interface AssignmentsBenchOptions {
  /** Officers to add to 石家庄市 (the city assigned to), beyond the demo data. */
  cityOfficers?: number;
  /** Officers to add across the rest of the province. */
  provinceOfficers?: number;
  /** Share of the covered officers given a finished attempt on the assignment. */
  completedShare?: number;
  /** Timed repetitions of each read (the median is reported). */
  repeat?: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const result = await fn();
  return [result, performance.now() - t];
}

async function timedMedian(repeat: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) times.push((await time(fn))[1]);
  return median(times);
}

/** Runs the case and returns its rows (milliseconds, plus the sizes it ran at). */
export async function benchAssignments(options: AssignmentsBenchOptions = {}): Promise<BenchRow[]> {
  const cityOfficers = options.cityOfficers ?? 5_000;
  const provinceOfficers = options.provinceOfficers ?? 45_000;
  const completedShare = options.completedShare ?? 0.5;
  const repeat = options.repeat ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'drill-bench-assignments-'));
  const { db, sqlite } = openDatabase(join(dir, 'bench.db'));
  try {
    await migrateToLatest(db);
    await seedDemoData(db);
    const province = await db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('code', '=', '130000')
      .executeTakeFirstOrThrow();
    const city = await db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('code', '=', '130100')
      .executeTakeFirstOrThrow();
    const trainer = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'trainer')
      .executeTakeFirstOrThrow();
    const actor = { id: trainer.id, unit: { id: province.id, path: province.path } };

    // Synthetic officers: the city's county-level units get `cityOfficers` more, the rest of the province `provinceOfficers`.
    const counties = await db.selectFrom('units').select(['id', 'path']).where('level', '=', 'county').execute();
    const inCity = counties.filter((u) => u.path.startsWith(city.path));
    const elsewhere = counties.filter((u) => !u.path.startsWith(city.path));
    const insertUser = sqlite.prepare(
      "INSERT INTO users (username, display_name, role, unit_id) VALUES (?, ?, 'officer', ?)",
    );
    sqlite.transaction(() => {
      for (let i = 0; i < cityOfficers; i++)
        insertUser.run(`bench.c${i}`, `城市执法员${i}`, inCity[i % inCity.length]!.id);
      for (let i = 0; i < provinceOfficers; i++)
        insertUser.run(`bench.p${i}`, `全省执法员${i}`, elsewhere[i % elsewhere.length]!.id);
    })();
    sqlite.exec('ANALYZE');
    const countIn = async (path: string) =>
      Number(
        (
          await db
            .selectFrom('users')
            .innerJoin('units', 'units.id', 'users.unit_id')
            .where('units.path', '>=', path)
            .where('units.path', '<', `${path}~`)
            .where('users.role', '=', 'officer')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const cityCount = await countIn(city.path);
    const provinceCount = await countIn(province.path);

    const scenario = listScenarios({ skill: 'inspection' })[0]!;
    const now = new Date();
    const input = (unitCodes: string[], title: string) => ({
      formToken: newAssignmentFormToken(),
      title,
      scenarioIds: [scenario.id],
      unitCodes,
      officerUsernames: [],
      mode: 'assessment' as const,
      passMark: 80,
      opensAt: new Date(now.getTime() - 60 * 60 * 1000).toISOString(),
      dueAt: new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000).toISOString(),
      attemptsAllowed: 3,
      note: '',
      competition: false,
    });

    const [cityAssignment, createCityMs] = await time(() =>
      createAssignment(db, actor, input(['130100'], '石家庄市全市练兵'), now),
    );
    const [provinceAssignment, createProvinceMs] = await time(() =>
      createAssignment(db, actor, input(['130000'], '全省练兵'), now),
    );
    if (!cityAssignment.ok || !provinceAssignment.ok) throw new Error('assignment refused');

    // Finished attempts for a share of the covered officers (raw inserts: the follow-up reads only these columns).
    const insertAttempt = sqlite.prepare(
      "INSERT INTO attempts (user_id, scenario_id, scenario_version, skill, seed, mode, status, pass_mark, state_json, started_at, finished_at, score, passed, assignment_id) VALUES (?, ?, ?, ?, 'bench', 'assessment', 'finished', 80, '{}', ?, ?, ?, ?, ?)",
    );
    const officersIn = (path: string) =>
      sqlite
        .prepare<[string, string], { id: number }>(
          "SELECT users.id FROM users JOIN units ON units.id = users.unit_id WHERE units.path >= ? AND units.path < ? AND role = 'officer'",
        )
        .all(path, `${path}~`)
        .map((r) => r.id);
    const fill = (ids: number[], assignmentId: number) =>
      sqlite.transaction(() => {
        ids.forEach((id, i) => {
          if ((i * 7919) % 100 >= completedShare * 100) return;
          const score = 50 + ((i * 37) % 51);
          const started = new Date(now.getTime() - 30 * 60_000 + (i % 600) * 1000);
          insertAttempt.run(
            id,
            scenario.id,
            scenario.version,
            scenario.skill,
            started.toISOString(),
            new Date(started.getTime() + 600_000).toISOString(),
            score,
            score >= 80 ? 1 : 0,
            assignmentId,
          );
        });
      })();
    fill(officersIn(city.path), cityAssignment.id);
    fill(officersIn(province.path), provinceAssignment.id);
    sqlite.exec('ANALYZE');

    const scope = { path: province.path };
    const followUpCity = await timedMedian(repeat, () =>
      getAssignmentFollowUp(db, scope, cityAssignment.id, { status: 'all', page: 1 }, now),
    );
    const followUpCityOverdue = await timedMedian(repeat, () =>
      getAssignmentFollowUp(
        db,
        scope,
        cityAssignment.id,
        { status: 'overdue', page: 1 },
        new Date(now.getTime() + 8 * 24 * 60 * 60 * 1000),
      ),
    );
    const followUpProvince = await timedMedian(repeat, () =>
      getAssignmentFollowUp(db, scope, provinceAssignment.id, { status: 'all', page: 1 }, now),
    );
    const list = await timedMedian(repeat, () => listAssignmentsInScope(db, scope, now));
    const someone = sqlite
      .prepare<[], { id: number; path: string }>(
        "SELECT users.id, units.path FROM users JOIN units ON units.id = users.unit_id WHERE username = 'bench.c1'",
      )
      .get()!;
    const officer = { id: someone.id, role: 'officer', unit: { path: someone.path } };
    const home = await timedMedian(repeat, () => listOfficerAssignments(db, officer, now));
    const [, startMs] = await time(() => startAssignedDrill(db, officer, cityAssignment.id, scenario.id, now));
    const [, remindMs] = await time(() =>
      changeAssignment(db, actor, cityAssignment.id, { intent: 'remind', message: '' }, now),
    );

    return [
      { name: 'assignments: officers in the city assigned (石家庄市)', value: cityCount, unit: 'officers' },
      { name: 'assignments: officers in the province', value: provinceCount, unit: 'officers' },
      { name: 'assignments: create, whole city', value: round(createCityMs), unit: 'ms' },
      { name: 'assignments: create, whole province', value: round(createProvinceMs), unit: 'ms' },
      { name: 'assignments: follow-up page data, city (median)', value: round(followUpCity), unit: 'ms' },
      {
        name: 'assignments: follow-up page data, city, overdue filter after due (median)',
        value: round(followUpCityOverdue),
        unit: 'ms',
      },
      { name: 'assignments: follow-up page data, province (median)', value: round(followUpProvince), unit: 'ms' },
      { name: 'assignments: trainer list with completion of each (median)', value: round(list), unit: 'ms' },
      { name: 'assignments: officer home, assignments (median)', value: round(home), unit: 'ms' },
      { name: 'assignments: start an attempt from an assignment', value: round(startMs), unit: 'ms' },
      { name: 'assignments: remind everyone not done, whole city', value: round(remindMs), unit: 'ms' },
    ];
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchAssignments();
  for (const row of rows) console.log(`${row.name.padEnd(80)} ${String(row.value).padStart(10)} ${row.unit}`);
}
