// `in ()` with an empty list: false on SQLite, a syntax error on PostgreSQL; the connection's plugin
// writes it as what it means on both engines.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/db';

describe('an empty list after in / not in', () => {
  it('matches nothing with in, everything with not in, also nested in or/and', async () => {
    const { db } = useTestDatabase();
    const count = async (build: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
      (
        await build(base())
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const base = () => db.selectFrom('units');
    const all = await count((q) => q);
    expect(all).toBeGreaterThan(100);
    expect(await count((q) => q.where('id', 'in', []))).toBe(0);
    expect(await count((q) => q.where('id', 'not in', []))).toBe(all);
    expect(await count((q) => q.where((eb) => eb.or([eb('id', 'in', []), eb('code', '=', '130300')])))).toBe(1);
    expect(await count((q) => q.where((eb) => eb.and([eb('id', 'not in', []), eb('code', '=', '130300')])))).toBe(1);
    expect(await count((q) => q.where('id', 'in', [1, 2]))).toBe(2);
  });
});
