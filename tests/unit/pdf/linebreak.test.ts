import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atoms, breakLines, noLineEnd, noLineStart } from '../../../src/lib/pdf/linebreak';

/** One unit per CJK character, half a unit per ASCII character. */
const measure = (text: string) => [...text].reduce((total, char) => total + ((char.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1), 0);

describe('Chinese line breaking', () => {
  it('never starts a line with closing punctuation', () => {
    expect(breakLines('一二三四五，六七', 5, measure)).toEqual(['一二三四', '五，六七']);
    expect(breakLines('甲乙丙丁。”戊', 4, measure)).toEqual(['甲乙丙', '丁。”戊']);
  });

  it('never ends a line with opening punctuation', () => {
    expect(breakLines('一二三《四五》', 4, measure)).toEqual(['一二三', '《四五》']);
  });

  it('keeps Latin words and numbers whole', () => {
    expect(breakLines('面积为 12345.67 平方米', 5, measure)).toEqual(['面积为', '12345.67', '平方米']);
    expect(atoms('共1,200元')).toEqual(['共', '1,200', '元']);
  });

  it('splits a word wider than the line rather than overflowing', () => {
    expect(breakLines('abcdefghij', 2, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('keeps explicit line breaks', () => {
    expect(breakLines('第一行\n第二行', 10, measure)).toEqual(['第一行', '第二行']);
  });

  it('loses no character and obeys the rules on random text (property)', () => {
    const alphabet = fc.constantFrom(...'督导评估学校，。、；：？！（）《》“”abc 123'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), fc.integer({ min: 4, max: 20 }), (chars, width) => {
        const text = chars.join('');
        const lines = breakLines(text, width, measure);
        expect(lines.join('').replace(/ /gu, '')).toBe(text.replace(/ /gu, ''));
        lines.forEach((line, index) => {
          if (index > 0 && line.length > 0) expect(noLineStart.has(line[0]!) && lines[index - 1] !== '').toBe(false);
          if (index < lines.length - 1 && line.length > 0) expect(noLineEnd.has(line[line.length - 1]!)).toBe(false);
        });
      }),
    );
  });
});
