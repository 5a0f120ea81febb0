// The character sets of the report fonts. The core font (downloaded by every first export) holds
// printable ASCII, pinyin tone letters, CJK punctuation and full-width forms, the GB2312
// symbols of rows 1 and 3 with ①–⑩ and Ⅰ–Ⅻ, the 3,755 first-level GB2312 hanzi (rows 16–55, enumerated by decoding
// GB2312 codes with the GB18030 decoder) and every extra character (all of content/ and the
// report's own strings). Every other character the source fonts have goes into supplementary slices
// (scripts/build-font.ts), fetched only when a report's text needs them.

/** Every character GB2312 encodes (rows 0xA1–0xF7, cells 0xA1–0xFE), decoded with GB18030. */
export function gb2312Characters(): string[] {
  const decoder = new TextDecoder('gb18030');
  const found: string[] = [];
  for (let row = 0xa1; row <= 0xf7; row++) {
    if (row >= 0xaa && row <= 0xaf) continue; // unassigned rows (user-defined in GB18030)
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const char = decoder.decode(new Uint8Array([row, cell]));
      const code = char.codePointAt(0) ?? 0;
      if (char.length === 1 && char !== '\ufffd' && code >= 0x80 && !(code >= 0xe000 && code <= 0xf8ff)) found.push(char);
    }
  }
  return found;
}

const ranges: [number, number][] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0xff], // Latin-1
  [0x2010, 0x2027], // dashes, quotes, ellipsis
  [0x2030, 0x203b], // per mille, primes, reference mark
  [0x3000, 0x303f], // CJK symbols and punctuation
  [0xff01, 0xff5e], // full-width forms
];
const pinyin = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜ';

/** GB2312 characters of the given rows (0xA1 = row 1 … 0xF7 = row 87). */
export function gb2312Rows(rows: (row: number) => boolean): string[] {
  const decoder = new TextDecoder('gb18030');
  const found: string[] = [];
  for (let row = 0xa1; row <= 0xf7; row++) {
    if (!rows(row - 0xa0)) continue;
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const char = decoder.decode(new Uint8Array([row, cell]));
      const code = char.codePointAt(0) ?? 0;
      if (char.length === 1 && char !== '\ufffd' && code >= 0x80 && !(code >= 0xe000 && code <= 0xf8ff)) found.push(char);
    }
  }
  return found;
}

/** The core font's code points: the base ranges, GB2312 symbol rows 1–3 and 8, first-level hanzi and every character of `extra`, sorted. */
export function coreCodePoints(extra: string): number[] {
  const points = new Set<number>();
  // Latin-1 letters are left to a slice: rare in these reports, and cheap to fetch when used.
  for (const [start, end] of ranges.filter(([start]) => start !== 0xa0)) for (let code = start; code <= end; code++) points.add(code);
  const wanted = (row: number) => row === 1 || row === 3 || (row >= 16 && row <= 55);
  // Of row 2, only ①–⑩ and the Roman numerals; the dotted, parenthesised and bracketed numbers are
  // left to a slice (the core stays under 700 KB brotli).
  const numbers = gb2312Rows((row) => row === 2).filter((char) => /[\u2460-\u2469\u2160-\u217f]/u.test(char));
  for (const char of [...pinyin, ...gb2312Rows(wanted), ...numbers, ...extra]) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code <= 0xffff && !(code >= 0xd800 && code <= 0xdfff)) points.add(code);
  }
  return [...points].sort((a, b) => a - b);
}

/** The report font's code points: the base ranges, GB2312 and every character of `extra`, sorted. */
export function fontCodePoints(extra: string): number[] {
  const points = new Set<number>();
  for (const [start, end] of ranges) for (let code = start; code <= end; code++) points.add(code);
  for (const char of [...pinyin, ...gb2312Characters(), ...extra]) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code <= 0xffff && !(code >= 0xd800 && code <= 0xdfff)) points.add(code);
  }
  return [...points].sort((a, b) => a - b);
}

/** Compress sorted code points into [start, end] ranges (the coverage file the browser checks against). */
export function toRanges(codes: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const code of codes) {
    const last = out[out.length - 1];
    if (last && code === last[1] + 1) last[1] = code;
    else out.push([code, code]);
  }
  return out;
}

/**
 * The distinct characters of these texts, in the order first met. A scan by UTF-16 unit: the font
 * build reads all of content/, tens of MB at province scale, where a Set over one joined string
 * took 1.5 s.
 */
export function distinctCharacters(texts: string[]): string {
  const seen = new Set<number>();
  for (const text of texts) {
    for (let index = 0; index < text.length; index++) {
      const code = text.codePointAt(index)!;
      seen.add(code);
      if (code > 0xffff) index++;
    }
  }
  let characters = '';
  for (const code of seen) characters += String.fromCodePoint(code);
  return characters;
}
