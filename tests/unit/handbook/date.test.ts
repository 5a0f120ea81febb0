import { describe, expect, it } from 'vitest';
import { formatChineseDate, isoDate } from '../../../src/lib/handbook/date';

describe('dates', () => {
  it('writes a content date the Chinese way without zero padding', () => {
    expect(formatChineseDate(new Date('2025-04-07'))).toBe('2025年4月7日');
  });

  it('keeps the calendar date of a YYYY-MM-DD value in any time zone', () => {
    expect(formatChineseDate(new Date('2021-12-31'))).toBe('2021年12月31日');
    expect(isoDate(new Date('2021-12-31'))).toBe('2021-12-31');
  });
});
