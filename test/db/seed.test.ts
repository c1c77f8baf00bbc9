import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, prepareDatabase, seedDemoData } from '../../db/seed';
import { verifyPassword } from '../../app/utils/password.server';
import { useTestDatabase } from '../support/db';

function readTsv(name: string) {
  const text = readFileSync(new URL(`../../db/demo/published/${name}`, import.meta.url), 'utf8');
  const [header, ...rows] = text
    .trim()
    .split('\n')
    .map((line) => line.split('\t'));
  return { header: header!, rows };
}

describe('demo seed', () => {
  it('builds 河北省 → 13 city-level areas → 192 enforcement units, with each city’s published unit count', async () => {
    const { db } = useTestDatabase('seeded');
    const province = await db.selectFrom('units').selectAll().where('level', '=', 'province').execute();
    expect(province.map((p) => [p.code, p.name])).toEqual([['130000', '河北省']]);

    const cities = await db
      .selectFrom('units as city')
      .where('city.level', '=', 'city')
      .select(['city.name'])
      .select((eb) =>
        eb
          .selectFrom('units as u')
          .whereRef('u.parent_id', '=', 'city.id')
          .select(sql<number>`count(*)`.as('n'))
          .as('units'),
      )
      .orderBy('city.sort_order')
      .execute();
    const coverage = readTsv('hebei-coverage-2023-11.tsv').rows.map(([name, units]) => ({
      name,
      units: Number(units),
    }));
    expect(cities).toEqual(coverage);

    const counties = await db
      .selectFrom('units')
      .where('level', '=', 'county')
      .where('path', 'like', `${province[0]!.path}%`)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(counties.n).toBe(192);
  });

  it('puts 4,832 officers on record, with Qinhuangdao’s nine units carrying the published names and counts', async () => {
    const { db } = useTestDatabase('seeded');
    const officers = await db
      .selectFrom('users')
      .where('role', '=', 'officer')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(officers.n).toBe(4832);

    const qinhuangdao = await db
      .selectFrom('units as unit')
      .innerJoin('units as city', 'city.id', 'unit.parent_id')
      .where('city.code', '=', '130300')
      .select(['unit.name'])
      .select((eb) =>
        eb
          .selectFrom('users')
          .whereRef('users.unit_id', '=', 'unit.id')
          .where('users.role', '=', 'officer')
          .select(sql<number>`count(*)`.as('n'))
          .as('officers'),
      )
      .orderBy('unit.sort_order')
      .execute();
    const published = readTsv('qinhuangdao-online-enforcement-2023.tsv').rows.map(([name, officers]) => ({
      name,
      officers: Number(officers),
    }));
    expect(qinhuangdao).toEqual(published);
    expect(published.reduce((sum, row) => sum + row.officers, 0)).toBe(322);
  });

  it('every county-level unit has officers, and every generated name is plausible Chinese', async () => {
    const { db } = useTestDatabase('seeded');
    const empty = await db
      .selectFrom('units')
      .where('level', '=', 'county')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('users')
              .whereRef('users.unit_id', '=', 'units.id')
              .where('users.role', '=', 'officer')
              .select('users.id'),
          ),
        ),
      )
      .select('name')
      .execute();
    expect(empty).toEqual([]);
    const names = await db.selectFrom('users').where('role', '=', 'officer').select('display_name').execute();
    for (const { display_name } of names) expect(display_name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
  });

  it('creates the demo accounts with argon2id hashes of their documented passwords', async () => {
    const { db } = useTestDatabase('seeded');
    for (const account of DEMO_ACCOUNTS) {
      const user = await db
        .selectFrom('users')
        .innerJoin('units', 'units.id', 'users.unit_id')
        .where('users.username', '=', account.username)
        .select(['users.role', 'users.password_hash', 'units.code'])
        .executeTakeFirstOrThrow();
      expect(user.role).toBe(account.role);
      expect(user.code).toBe(account.unitCode);
      expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(user.password_hash!, account.password)).toBe(true);
      expect(await verifyPassword(user.password_hash!, `${account.password}x`)).toBe(false);
    }
  });

  it('is deterministic: seeding an empty database twice gives the same officers', async () => {
    const a = useTestDatabase('migrated');
    const b = useTestDatabase('migrated');
    await seedDemoData(a.db);
    await seedDemoData(b.db);
    const roster = (db: typeof a.db) =>
      db
        .selectFrom('users')
        .select(['username', 'display_name', 'unit_id'])
        .where('role', '=', 'officer')
        .orderBy('id')
        .execute();
    expect(await roster(a.db)).toEqual(await roster(b.db));
  });

  it('prepareDatabase seeds an empty database once and keeps the data on the next start', async () => {
    const { db } = useTestDatabase('migrated');
    expect(await prepareDatabase(db)).toEqual({ seeded: true });
    await db.updateTable('users').set({ display_name: '改过的名字' }).where('username', '=', 'trainer').execute();
    expect(await prepareDatabase(db)).toEqual({ seeded: false });
    const trainer = await db
      .selectFrom('users')
      .select('display_name')
      .where('username', '=', 'trainer')
      .executeTakeFirstOrThrow();
    expect(trainer.display_name).toBe('改过的名字');
  });
});
