import { describe, expect, it } from 'vitest';
import { beijingDate, beijingTime } from '../../app/utils/format';

describe('beijingTime', () => {
  it('reads an instant in Beijing time on a 24-hour clock, as toLocaleString did', () => {
    expect(beijingTime('2026-11-25T10:01:00.000Z')).toBe('2026/11/25 18:01');
    // Past midnight in Beijing while still the previous day in UTC.
    expect(beijingTime('2026-12-31T16:30:59.999Z')).toBe('2027/1/1 00:30');
    for (const iso of ['2026-03-02T01:00:00.000Z', '2025-07-09T23:59:00.000Z', '2026-11-30T12:00:00.000Z']) {
      const options = { timeZone: 'Asia/Shanghai', hour12: false, dateStyle: 'short', timeStyle: 'short' } as const;
      expect(beijingTime(iso)).toBe(new Date(iso).toLocaleString('zh-CN', options));
    }
  });

  it('beijingDate gives the Beijing calendar day', () => {
    expect(beijingDate(new Date('2026-12-31T16:30:00.000Z'))).toBe('2027-01-01');
    expect(beijingDate(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
  });
});
