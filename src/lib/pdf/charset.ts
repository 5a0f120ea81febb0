// The character set of the report font: printable ASCII and Latin-1, pinyin tone letters, CJK
// punctuation and full-width forms, every GB2312 character (6,763 hanzi and the symbols of rows 1–9,
// enumerated by decoding every GB2312 code with the GB18030 decoder), plus any extra text
// (every character used in content/ and in the report's own strings).

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
