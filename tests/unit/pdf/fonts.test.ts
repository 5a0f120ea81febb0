// The split report font: the core's character set, the compact manifest, which slices a text
// needs, and lines split into runs of one font each.
import { describe, expect, it } from 'vitest';
import { coreCodePoints, distinctCharacters, gb2312Rows } from '../../../src/lib/pdf/charset';
import { allRanges, fontRuns, packManifest, slicesFor, unpackManifest } from '../../../src/lib/pdf/fonts';
import { covers, fileNameOf } from '../../../src/lib/pdf/text';

const code = (char: string) => char.codePointAt(0)!;

describe('report fonts', () => {
  it('puts first-level GB2312 hanzi, punctuation and the extra text in the core, not rare name characters', () => {
    const core = new Set(coreCodePoints('綦'));
    const level1 = gb2312Rows((row) => row >= 16 && row <= 55);
    expect(level1).toHaveLength(3755);
    expect(level1.every((char) => core.has(code(char)))).toBe(true);
    for (const char of '，。《》“”①ⅫāA9綦') expect(core.has(code(char)), char).toBe(true);
    for (const char of '喆堃玥珺昇㐴') expect(core.has(code(char)), char).toBe(false);
  });

  it('packs and unpacks the manifest, and finds the slices a text needs', () => {
    const all = [0x41, 0x42, 0x4e00, 0x4e01, 0x5586, 0x5803, 0x73a5, 0x9000];
    const core = new Set([0x41, 0x42, 0x4e00, 0x4e01]);
    const files = { core: { file: 'core.ttf', size: 10 }, slices: [{ file: '001.ttf', size: 5 }, { file: '002.ttf', size: 5 }] };
    const manifest = unpackManifest(JSON.parse(JSON.stringify(packManifest(all, core, files, 2))));
    expect(manifest.core.ranges).toEqual([[0x41, 0x42], [0x4e00, 0x4e01]]);
    expect(manifest.slices.map((slice) => slice.ranges)).toEqual([[[0x5586, 0x5586], [0x5803, 0x5803]], [[0x73a5, 0x73a5], [0x9000, 0x9000]]]);
    expect(allRanges(manifest).flatMap(([start, end]) => Array.from({ length: end - start + 1 }, (_, index) => start + index))).toEqual(all);
    expect(slicesFor('AB一丁', manifest)).toEqual([]);
    expect(slicesFor('王喆堃', manifest)).toEqual([0]);
    expect(slicesFor('喆玥😀', manifest)).toEqual([0, 1]);
  });

  it('splits a line into runs of one font, spaces joining the run before them', () => {
    const fonts = [{ name: 'core', ranges: [[0x20, 0x7e], [0x4e00, 0x4e01]] as [number, number][] }, { name: 's1', ranges: [[0x5586, 0x5586]] as [number, number][] }];
    expect(fontRuns('一A 喆 丁', fonts).map((run) => [run.font.name, run.text])).toEqual([['core', '一A '], ['s1', '喆 '], ['core', '丁']]);
    expect(covers(fonts[1]!.ranges, 0x5586)).toBe(true);
  });

  it('keeps every character valid in file names', () => {
    expect(fileNameOf(['王喆 㐴小学', '自评报告', '2026-11-22'])).toBe('王喆 㐴小学-自评报告-2026-11-22.pdf');
    expect(fileNameOf(['a/b:c*?', '  x\ty  '])).toBe('a_b_c_-x y.pdf');
  });
});

describe('distinctCharacters', () => {
  it('lists each character once, in the order first met, a character outside the BMP as one', () => {
    expect(distinctCharacters(['督导督学', '喆𠮷督', '', 'a\n𠮷'])).toBe('督导学喆𠮷a\n');
  });

  it('keeps a lone surrogate as it is', () => {
    expect(distinctCharacters(['a\ud842', '\udfb7b'])).toBe('a\ud842\udfb7b');
  });
});
