// Run in a time zone behind UTC, where a YYYY-MM-DD date (UTC midnight) is the day before in local
// time: a formatter that used local-time getters would print 30 for 31 here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChineseDate, isoDate } from '../../../src/lib/handbook/date';

const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('dates', () => {
  it('writes a content date the Chinese way without zero padding', () => {
    expect(formatChineseDate(new Date('2025-04-07'))).toBe('2025年4月7日');
  });

  it('runs where local time differs from UTC (so local-time getters would show)', () => {
    expect(new Date('2021-12-31').getDate()).toBe(30);
  });

  it('keeps the calendar date of a YYYY-MM-DD value in any time zone', () => {
    expect(formatChineseDate(new Date('2021-12-31'))).toBe('2021年12月31日');
    expect(isoDate(new Date('2021-12-31'))).toBe('2021-12-31');
  });
});
