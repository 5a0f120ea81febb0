// Which characters the PDF report fonts can print, decided the way scripts/build-font.ts decides
// it: the core and its slices hold every character of the same WOFF slices
// of @fontsource/noto-sans-sc and @fontsource/noto-sans (same file selection), plus the Roman
// numerals Ⅰ–Ⅻ ⅰ–ⅹ it composes; only the Basic Multilingual Plane. A character of an imported
// plan outside that set makes the next `npm run build` fail, so the importer warns about it.
//
// public/fonts/dudao-sans.json is not used: it exists only after a build. Reading the slices'
// character maps (cmap) is exact and takes a few tens of milliseconds, once per process.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

export { isUnprintable, unprintableWarnings } from './font-check.ts';

/** The slices build-font.ts merges, by package and file-name pattern (keep in step with it). */
const SLICES: [string, RegExp][] = [
  ['@fontsource/noto-sans-sc', /^noto-sans-sc-(\d+|latin|latin-ext|cyrillic|vietnamese|chinese-simplified)-400-normal\.woff$/u],
  ['@fontsource/noto-sans', /^noto-sans-(greek|latin-ext|cyrillic)-400-normal\.woff$/u],
];
/** Ⅰ–Ⅻ and ⅰ–ⅹ, which build-font.ts composes from the Latin letters I, V, X. */
const COMPOSED: [number, number][] = [
  [0x2160, 0x216b],
  [0x2170, 0x2179],
];

let coverage: Set<number> | null | undefined;

/** The code points the report font can carry, or null when the font sources are not installed. */
export function fontCoverage(): Set<number> | null {
  if (coverage !== undefined) return coverage;
  const require = createRequire(import.meta.url);
  const codes = new Set<number>();
  try {
    for (const [name, pattern] of SLICES) {
      const dir = join(dirname(require.resolve(`${name}/LICENSE`)), 'files');
      for (const file of readdirSync(dir).filter((entry) => pattern.test(entry))) {
        for (const code of woffCodePoints(readFileSync(join(dir, file)))) codes.add(code);
      }
    }
  } catch {
    coverage = null;
    return coverage;
  }
  for (const [start, end] of COMPOSED) for (let code = start; code <= end; code++) codes.add(code);
  coverage = codes;
  return coverage;
}

/** Code points mapped to a glyph by the cmap table of a WOFF 1.0 font. */
export function woffCodePoints(woff: Uint8Array): number[] {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF file'); // 'wOFF'
  const numTables = view.getUint16(12);
  for (let index = 0; index < numTables; index++) {
    const entry = 44 + index * 20;
    if (view.getUint32(entry) !== 0x636d6170) continue; // 'cmap'
    const offset = view.getUint32(entry + 4);
    const compLength = view.getUint32(entry + 8);
    const origLength = view.getUint32(entry + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return cmapCodePoints(compLength < origLength ? new Uint8Array(inflateSync(raw)) : raw);
  }
  return [];
}

/** Code points of the best Unicode subtable of a cmap table (format 12, else format 4), glyph 0 left out. */
function cmapCodePoints(cmap: Uint8Array): number[] {
  const view = new DataView(cmap.buffer, cmap.byteOffset, cmap.byteLength);
  const count = view.getUint16(2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let index = 0; index < count; index++) {
    const platform = view.getUint16(4 + index * 8);
    const encoding = view.getUint16(6 + index * 8);
    const offset = view.getUint32(8 + index * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = view.getUint16(offset);
    if (format === 12) format12 ??= offset;
    else if (format === 4) format4 ??= offset;
  }
  const codes: number[] = [];
  if (format12 !== undefined) {
    const groups = view.getUint32(format12 + 12);
    for (let group = 0; group < groups; group++) {
      const at = format12 + 16 + group * 12;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const glyph = view.getUint32(at + 8);
      for (let code = start; code <= end; code++) if (glyph + (code - start) !== 0) codes.push(code);
    }
    return codes;
  }
  if (format4 === undefined) return codes;
  const segments = view.getUint16(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let segment = 0; segment < segments; segment++) {
    const end = view.getUint16(ends + segment * 2);
    const start = view.getUint16(starts + segment * 2);
    const delta = view.getInt16(deltas + segment * 2);
    const rangeOffsetAt = rangeOffsets + segment * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const glyphAt = rangeOffsetAt + rangeOffset + (code - start) * 2;
        const raw = glyphAt + 2 <= cmap.byteLength ? view.getUint16(glyphAt) : 0;
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) codes.push(code);
    }
  }
  return codes;
}
