import { describe, expect, it } from 'vitest';
import { CACHE_SIZES, Lru } from '../scenarios/lib/lru';

describe('Lru', () => {
  it('never holds more than its capacity', () => {
    const lru = new Lru<number, number>(3);
    for (let i = 0; i < 10; i++) lru.set(i, i * i);
    expect(lru.size).toBe(3);
    expect([...lru.keys()]).toEqual([7, 8, 9]);
    expect(lru.get(9)).toBe(81);
  });

  it('evicts the least recently used: a read or a write makes an entry the newest', () => {
    const lru = new Lru<string, number>(3);
    lru.set('a', 1).set('b', 2).set('c', 3);
    expect(lru.get('a')).toBe(1); // order now b, c, a
    lru.set('b', 20); // order now c, a, b
    lru.set('d', 4); // evicts c
    expect(lru.has('c')).toBe(false);
    expect([...lru.keys()]).toEqual(['a', 'b', 'd']);
    lru.set('e', 5); // evicts a
    expect([...lru.keys()]).toEqual(['b', 'd', 'e']);
    expect(lru.get('b')).toBe(20);
  });

  it('has() does not refresh an entry; a miss changes nothing', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1).set('b', 2);
    expect(lru.has('a')).toBe(true);
    expect(lru.get('zzz')).toBeUndefined();
    lru.set('c', 3);
    expect([...lru.keys()]).toEqual(['b', 'c']);
  });

  it('getOrSet builds once per key, keeps falsy values, and stores nothing when building throws', () => {
    const lru = new Lru<string, number>(2);
    let built = 0;
    const make = () => (built++, 0);
    expect(lru.getOrSet('z', make)).toBe(0);
    expect(lru.getOrSet('z', make)).toBe(0);
    expect(built).toBe(1);
    expect(() =>
      lru.getOrSet('x', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(lru.has('x')).toBe(false);
  });

  it('refuses a capacity below one; every configured size is a positive integer', () => {
    expect(() => new Lru(0)).toThrow(RangeError);
    for (const size of Object.values(CACHE_SIZES)) expect(Number.isInteger(size) && size >= 1).toBe(true);
  });
});
