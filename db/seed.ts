import { sql, type Kysely } from 'kysely';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { hashPassword } from '../app/utils/password.server';
import { createPrng } from '../scenarios/prng';
import { connectDatabase, DEFAULT_DATABASE_PATH } from './connection';
import { HEBEI_CITIES, HEBEI_PROVINCE } from './demo/hebei-units';
import { generatePersonName } from './demo/names';
import { distributeOfficers, HEBEI_OFFICERS_ON_RECORD, QINHUANGDAO_OFFICERS } from './demo/officers';
import { migrateAllDown, migrateToLatest } from './migrate';
import { realStatisticsValues } from './real-statistics';
import type { Database, NewUser, Role } from './schema';

interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  unitCode: string;
  /** null: the account takes the generated name of the officer it stands for. */
  displayName: string | null;
}

/** The demo accounts printed at start and listed in the README. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    password: 'Drill@2023',
    role: 'admin',
    unitCode: HEBEI_PROVINCE.code,
    displayName: '系统管理员',
  },
  {
    username: 'trainer',
    password: 'Drill@2023',
    role: 'trainer',
    unitCode: HEBEI_PROVINCE.code,
    displayName: '省厅培训员',
  },
  {
    username: 'qhd.manager',
    password: 'Drill@2023',
    role: 'manager',
    unitCode: '130300',
    displayName: '秦皇岛市分管领导',
  },
  // One of 昌黎县's 46 officers on record, so the published count stays exact.
  { username: 'changli.officer', password: 'Drill@2023', role: 'officer', unitCode: '130322', displayName: null },
];

/** True when no unit exists yet, i.e. the demo data has never been loaded. */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('units')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n === 0;
}

/**
 * Loads the demo data: 河北省 → 13 city-level areas → 192 enforcement units → 4,832 officers, with
 * Qinhuangdao's units and officer counts as published; plus the demo accounts. Deterministic.
 */
export async function seedDemoData(db: Kysely<Database>): Promise<void> {
  const demoHashes = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) demoHashes.set(account.username, await hashPassword(account.password));

  await db.transaction().execute(async (trx) => {
    const insertUnit = async (unit: {
      code: string;
      name: string;
      level: 'province' | 'city' | 'county';
      parentId: number | null;
      parentPath: string;
      isDivision: boolean;
      sortOrder: number;
    }) => {
      const { id } = await trx
        .insertInto('units')
        .values({
          code: unit.code,
          name: unit.name,
          level: unit.level,
          parent_id: unit.parentId,
          path: `${unit.parentPath}pending/`,
          is_division: unit.isDivision ? 1 : 0,
          sort_order: unit.sortOrder,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const path = `${unit.parentPath}${id}/`;
      await trx.updateTable('units').set({ path }).where('id', '=', id).execute();
      return { id, path };
    };

    const province = await insertUnit({
      ...HEBEI_PROVINCE,
      level: 'province',
      parentId: null,
      parentPath: '/',
      isDivision: true,
      sortOrder: 0,
    });
    const unitIds = new Map<string, number>([[HEBEI_PROVINCE.code, province.id]]);
    const countyUnits: { code: string; name: string; cityName: string; isCityOffice: boolean }[] = [];
    for (const [cityIndex, city] of HEBEI_CITIES.entries()) {
      const cityRow = await insertUnit({
        code: city.code,
        name: city.name,
        level: 'city',
        parentId: province.id,
        parentPath: province.path,
        isDivision: city.kind === 'division',
        sortOrder: cityIndex,
      });
      unitIds.set(city.code, cityRow.id);
      for (const [unitIndex, unit] of city.units.entries()) {
        const row = await insertUnit({
          code: unit.code,
          name: unit.name,
          level: 'county',
          parentId: cityRow.id,
          parentPath: cityRow.path,
          isDivision: unit.kind === 'division',
          sortOrder: unitIndex,
        });
        unitIds.set(unit.code, row.id);
        countyUnits.push({
          code: unit.code,
          name: unit.name,
          cityName: city.name,
          isCityOffice: unit.name.endsWith('本级'),
        });
      }
    }

    const prng = createPrng('hebei-demo-officers-2023');
    const isQinhuangdao = (u: { cityName: string }) => u.cityName === '秦皇岛市';
    const qinhuangdaoTotal = Object.values(QINHUANGDAO_OFFICERS).reduce((a, b) => a + b, 0);
    const elsewhere = distributeOfficers(
      countyUnits.filter((u) => !isQinhuangdao(u)),
      HEBEI_OFFICERS_ON_RECORD - qinhuangdaoTotal,
      prng,
    );

    const officerAccount = DEMO_ACCOUNTS.find((a) => a.role === 'officer')!;
    const officers: NewUser[] = [];
    for (const unit of countyUnits) {
      const count = isQinhuangdao(unit) ? QINHUANGDAO_OFFICERS[unit.name] : elsewhere.get(unit.code);
      if (count === undefined) throw new Error(`演示数据缺少单位的执法人员数：${unit.name}`);
      const digits = unit.code.replace('-', '');
      for (let n = 1; n <= count; n++) {
        const isDemoOfficer = unit.code === officerAccount.unitCode && n === 1;
        officers.push({
          username: isDemoOfficer ? officerAccount.username : `zf${digits}${String(n).padStart(3, '0')}`,
          display_name: generatePersonName(prng),
          role: 'officer',
          unit_id: unitIds.get(unit.code)!,
          password_hash: isDemoOfficer ? demoHashes.get(officerAccount.username)! : null,
        });
      }
    }
    for (let i = 0; i < officers.length; i += 500) {
      await trx
        .insertInto('users')
        .values(officers.slice(i, i + 500))
        .execute();
    }

    for (const account of DEMO_ACCOUNTS) {
      if (account.role === 'officer') continue;
      await trx
        .insertInto('users')
        .values({
          username: account.username,
          display_name: account.displayName ?? account.username,
          role: account.role,
          unit_id: unitIds.get(account.unitCode)!,
          password_hash: demoHashes.get(account.username)!,
        })
        .execute();
    }

    await seedQinhuangdaoStatistics(trx, unitIds);
  });
}

/**
 * The published 2023 figures of Qinhuangdao's nine units, as if the 秦皇岛市 manager had imported the
 * real system's export (so the demo report shows them beside the drill figures from the start).
 */
async function seedQinhuangdaoStatistics(trx: Kysely<Database>, unitIds: Map<string, number>) {
  const text = readFileSync(
    new URL('./demo/published/qinhuangdao-online-enforcement-2023.tsv', import.meta.url),
    'utf8',
  );
  const rows = text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split('\t'));
  const cityUnits = HEBEI_CITIES.find((c) => c.code === '130300')!.units;
  const manager = await trx
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'qhd.manager')
    .executeTakeFirstOrThrow();
  const parsed = rows.map(([name, ...figures]) => {
    const unit = cityUnits.find((u) => u.name === name);
    if (!unit) throw new Error(`演示数据：秦皇岛统计表中的“${name}”没有对应单位`);
    const [officers, enterprises, inspections, hazards, major, cases, penalties, documents, participating] =
      figures.map(Number);
    return {
      unitId: unitIds.get(unit.code)!,
      row: {
        unitName: name!,
        officersOnRecord: officers!,
        enterprisesOnboarded: enterprises!,
        inspections: inspections!,
        hazards: hazards!,
        majorHazards: major!,
        cases: cases!,
        penaltiesWan: penalties!,
        documents: documents!,
        participatingOfficers: participating!,
      },
    };
  });
  const { id } = await trx
    .insertInto('statistics_imports')
    .values({
      user_id: manager.id,
      scope_unit_id: unitIds.get('130300')!,
      file_name: 'qinhuangdao-online-enforcement-2023.tsv',
      period_year: 2023,
      status: 'committed',
      rows_json: JSON.stringify(parsed.map((p) => p.row)),
      committed_at: '2023-11-13T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('real_statistics')
    .values(parsed.map(({ unitId, row }) => realStatisticsValues(id, unitId, 2023, row)))
    .execute();
}

/** Migrates, then seeds when the database is empty. Returns whether it seeded. */
export async function prepareDatabase(db: Kysely<Database>): Promise<{ seeded: boolean }> {
  await migrateToLatest(db);
  if (!(await isDatabaseEmpty(db))) return { seeded: false };
  await seedDemoData(db);
  return { seeded: true };
}

// `npm run db:seed [-- --reset]`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const reset = process.argv.includes('--reset');
  const db = connectDatabase(process.env.DATABASE_URL || process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
  // --reset: every table down and up again, so no list of tables has to be kept here.
  if (reset) await migrateAllDown(db);
  await migrateToLatest(db);
  if (await isDatabaseEmpty(db)) {
    await seedDemoData(db);
    console.log('演示数据已导入：河北省 13 个市级区域、192 个执法单位、4,832 名执法人员。');
  } else {
    console.log('数据库已有数据，未重复导入。如需重建演示数据：npm run db:seed -- --reset');
  }
  await db.destroy();
}
