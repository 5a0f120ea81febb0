// Characters the PDF font cannot print are named with their line when a plan is imported (the
// next site build would fail on them); the font's coverage is read from the same WOFF slices
// scripts/build-font.ts merges.
import { describe, expect, it } from 'vitest';
import { fontCoverage, isUnprintable } from '../../../src/lib/workplan/font';
import { importWorkplan } from '../../../src/lib/workplan/importer';

const plan = (point: string) => `2024年余杭区教育督导工作要点\n一、督政\n${point}\n2.开展评价。\n`;
const importText = (text: string) => importWorkplan(new TextEncoder().encode(text), { sourceName: 'font.txt' });

describe('PDF font coverage', () => {
  it('covers GB2312, the punctuation of the base ranges and names the slices carry; not rare or astral characters', () => {
    const covered = fontCoverage()!;
    expect(covered).not.toBeNull();
    for (const char of '督导评估，。、“”《》（）Ⅻⅰ喆镕A1') expect(isUnprintable(char, covered), char).toBe(false);
    // GB2312 characters no OFL slice carries (README), emoji and characters beyond the BMP.
    for (const char of '劐阢︐┧😀𠀀') expect(isUnprintable(char, covered), char).toBe(true);
    expect(isUnprintable('\u3000', covered)).toBe(false);
  });

  it('warns with file, line and code point, once per character, and still imports', async () => {
    const result = await importText(plan('1.完善督导机构。推进劐刀改革😀，劐刀再改。'));
    const font = result.warnings.filter((warning) => warning.includes('PDF 字体'));
    expect(font).toEqual([
      expect.stringMatching(/^font\.txt:3: 字符「劐」\(U\+5290\) 不在 PDF 字体中（共 2 处）：/u),
      expect.stringMatching(/^font\.txt:3: 字符「😀」\(U\+1F600\) 不在 PDF 字体中：/u),
    ]);
    expect(result.doc.body.divisions[0]!.children[0]!.heading).toBe('完善督导机构。');
  });

  it('says nothing about characters the font carries', async () => {
    const result = await importText(plan('1.完善督导机构。陈喆同志负责。'));
    expect(result.warnings.filter((warning) => warning.includes('PDF 字体'))).toEqual([]);
  });
});
