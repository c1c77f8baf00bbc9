import { describe, expect, it } from 'vitest';
import {
  countOfficersInSubtree,
  findUnitByCode,
  getUnitOverview,
  isWithinSubtree,
  listUnitsInSubtree,
  requireUnitInScope,
} from '../../app/models/unit.server';
import { useTestDatabase } from '../support/db';

async function statusOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe('jurisdiction tree', () => {
  it('scopes by subtree: a unit sees itself and its descendants only', () => {
    const city = { path: '/1/4/' };
    expect(isWithinSubtree(city, { path: '/1/4/' })).toBe(true);
    expect(isWithinSubtree(city, { path: '/1/4/27/' })).toBe(true);
    expect(isWithinSubtree(city, { path: '/1/' })).toBe(false);
    expect(isWithinSubtree(city, { path: '/1/5/30/' })).toBe(false);
    // A sibling whose id starts with the same digits is not inside.
    expect(isWithinSubtree(city, { path: '/1/41/' })).toBe(false);
  });

  it('requireUnitInScope: 秦皇岛市 may read 昌黎县, gets 403 for 唐山市 units and 404 for unknown codes', async () => {
    const { db } = useTestDatabase();
    const qinhuangdao = (await findUnitByCode(db, '130300'))!;
    expect(await statusOf(requireUnitInScope(db, qinhuangdao, '130322'))).toBe(200);
    expect(await statusOf(requireUnitInScope(db, qinhuangdao, '130200'))).toBe(403);
    expect(await statusOf(requireUnitInScope(db, qinhuangdao, '130203'))).toBe(403);
    expect(await statusOf(requireUnitInScope(db, qinhuangdao, '130000'))).toBe(403);
    expect(await statusOf(requireUnitInScope(db, qinhuangdao, '999999'))).toBe(404);
  });

  it('counts officers per subtree: the province 4,832, 秦皇岛市 322, split over its nine units', async () => {
    const { db } = useTestDatabase();
    const province = (await findUnitByCode(db, '130000'))!;
    const qinhuangdao = (await findUnitByCode(db, '130300'))!;
    expect(await countOfficersInSubtree(db, province)).toBe(4832);
    const overview = await getUnitOverview(db, qinhuangdao);
    expect(overview.officerCount).toBe(322);
    expect(overview.children.map((c) => [c.name, c.officerCount])).toEqual([
      ['秦皇岛市本级', 70],
      ['海港区', 45],
      ['山海关区', 17],
      ['北戴河区', 8],
      ['抚宁区', 24],
      ['青龙满族自治县', 57],
      ['昌黎县', 46],
      ['卢龙县', 37],
      ['经济技术开发区', 18],
    ]);
    expect(overview.ancestors.map((a) => a.name)).toEqual(['河北省']);
  });

  it('lists a subtree in tree order, parents before children', async () => {
    const { db } = useTestDatabase();
    const province = (await findUnitByCode(db, '130000'))!;
    const units = await listUnitsInSubtree(db, province);
    expect(units).toHaveLength(1 + 13 + 192);
    const seen = new Set<number>();
    for (const unit of units) {
      if (unit.parent_id !== null) expect(seen.has(unit.parent_id)).toBe(true);
      seen.add(unit.id);
    }
    expect(units.slice(0, 3).map((u) => u.name)).toEqual(['河北省', '石家庄市', '石家庄市本级']);
  });

  it('lists a county-level unit’s officers on its page', async () => {
    const { db } = useTestDatabase();
    const changli = (await findUnitByCode(db, '130322'))!;
    const overview = await getUnitOverview(db, changli);
    expect(overview.officers).toHaveLength(46);
    expect(overview.officers[0]).toMatchObject({ username: 'changli.officer', can_log_in: 1 });
    expect(overview.children).toEqual([]);
  });
});
