import { describe, expect, it } from 'vitest';
import { covers, normalizeText, printable, unprintable } from '../../../src/lib/pdf/text';
import { fontCodePoints, gb2312Characters, toRanges } from '../../../src/lib/pdf/charset';

const ranges = toRanges(fontCodePoints(''));

describe('text for the PDF font', () => {
  it('turns tabs, non-breaking spaces and control characters into spaces instead of cutting text', () => {
    expect(normalizeText('甲\t乙\u00a0丙\u0007丁\r\n戊')).toBe('甲  乙 丙 丁\n戊');
  });

  it('lists characters outside the font once each, in order, and prints them as 〓', () => {
    expect(unprintable('王喆😀和𠮷野家😀', ranges)).toEqual(['喆', '😀', '𠮷']);
    expect(printable('王喆😀好', ranges)).toBe('王〓〓好');
  });

  it('covers GB2312 in the planned character set', () => {
    const gb = gb2312Characters();
    expect(gb.length).toBeGreaterThan(7400);
    expect(gb.every((char) => covers(ranges, char.codePointAt(0)!))).toBe(true);
    expect(covers(ranges, '喆'.codePointAt(0)!)).toBe(false);
  });
});
