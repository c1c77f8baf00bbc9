import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { arg, precompiled } from '../../db/precompiled';
import { useTestDatabase } from '../support/db';

const unitByCode = precompiled<[code: string]>()((db: Kysely<Database>) =>
  db.selectFrom('units').select(['id', 'name']).where('code', '=', arg<string>(0)),
);
const renameUnit = precompiled<[name: string, code: string]>()((db: Kysely<Database>) =>
  db
    .updateTable('units')
    .set({ name: arg<string>(0) })
    .where('code', '=', arg<string>(1)),
);

describe('precompiled queries', () => {
  it('compile once and run with each call’s own arguments, as the built query would', async () => {
    const { db } = useTestDatabase();
    const units = await db.selectFrom('units').select(['id', 'name', 'code']).orderBy('id').limit(3).execute();
    expect(units.length).toBe(3);
    for (const unit of units) {
      const { rows } = await unitByCode(db, unit.code);
      expect(rows).toEqual([{ id: unit.id, name: unit.name }]);
    }
    expect((await unitByCode(db, 'no-such-code')).rows).toEqual([]);
    const renamed = await renameUnit(db, '改名后的单位', units[1]!.code);
    expect(renamed.numAffectedRows).toBe(1n);
    expect((await unitByCode(db, units[1]!.code)).rows[0]!.name).toBe('改名后的单位');
    expect((await unitByCode(db, units[0]!.code)).rows[0]!.name).toBe(units[0]!.name);
  });

  it('run inside a transaction, and roll back with it', async () => {
    const { db } = useTestDatabase();
    const unit = await db.selectFrom('units').select(['name', 'code']).orderBy('id').executeTakeFirstOrThrow();
    await expect(
      db.transaction().execute(async (trx) => {
        await renameUnit(trx, '事务内改名', unit.code);
        expect((await unitByCode(trx, unit.code)).rows[0]!.name).toBe('事务内改名');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await unitByCode(db, unit.code)).rows[0]!.name).toBe(unit.name);
  });

  it('refuse a query without arg() placeholders (it would run with the values it was built with)', async () => {
    const { db } = useTestDatabase();
    const constant = precompiled<[]>()((d: Kysely<Database>) =>
      d.selectFrom('units').select('id').where('code', '=', 'x'),
    );
    expect(() => constant(db)).toThrow(/arg/);
  });
});
