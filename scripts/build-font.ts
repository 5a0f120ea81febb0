// Build the PDF report font: merge the WOFF1 slices of @fontsource/noto-sans-sc and
// @fontsource/noto-sans (both SIL OFL 1.1;
// TrueType outlines, which jsPDF needs) into one TrueType subset covering GB2312 plus every
// character used in content/ and in the report code; write it with its licence and a coverage
// file (code-point ranges) to public/fonts/. Skips the work when nothing it depends on changed.
// Run by `npm run build`, which fails when a character used in content/ is not in the font
// (`--check` forces the work even when the inputs are unchanged).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Font } from 'fonteditor-core';
import { fontCodePoints, toRanges } from '../src/lib/pdf/charset.ts';

const packageDir = 'node_modules/@fontsource/noto-sans-sc';
const latinPackageDir = 'node_modules/@fontsource/noto-sans';
const outDir = 'public/fonts';
const fontFile = join(outDir, 'dudao-sans.ttf');
const coverageFile = join(outDir, 'dudao-sans.coverage.json');
const stampFile = join(outDir, '.build-stamp');

/** Every file under a folder whose name ends in one of the extensions. */
function filesUnder(dir: string, extensions: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

// The characters to cover: all content text and the report's own strings.
const textFiles = [...filesUnder('content', ['.mdx', '.yaml', '.yml', '.md']), ...filesUnder('src/lib/pdf', ['.ts'])];
const extra = [...new Set(textFiles.map((file) => readFileSync(file, 'utf8')).join(''))].join('');
const codes = fontCodePoints(extra);

const version = [packageDir, latinPackageDir].map((dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version as string).join('+');
const stamp = createHash('sha256')
  .update(version)
  .update(readFileSync(new URL(import.meta.url)))
  .update(readFileSync('src/lib/pdf/charset.ts'))
  .update(codes.join(','))
  .digest('hex');

const check = process.argv.includes('--check');
if (!check && existsSync(stampFile) && existsSync(fontFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`font: up to date (${fontFile}, ${(statSync(fontFile).size / 1024).toFixed(0)} KiB)`);
  process.exit(0);
}

const started = performance.now();
const inflate = (data: number[]) => Array.from(inflateSync(Uint8Array.from(data)));
// Noto Sans SC first; Noto Sans (same design family, same 1000 units per em) adds the Greek,
// Roman numerals and other GB2312 symbols that the SC slices leave out.
const slices = [
  ...readdirSync(join(packageDir, 'files'))
    .filter((name) => /^noto-sans-sc-(\d+|latin|latin-ext|cyrillic|vietnamese|chinese-simplified)-400-normal\.woff$/u.test(name))
    .sort()
    .map((name) => join(packageDir, 'files', name)),
  ...readdirSync(join(latinPackageDir, 'files'))
    .filter((name) => /^noto-sans-(greek|latin-ext|cyrillic)-400-normal\.woff$/u.test(name))
    .sort()
    .map((name) => join(latinPackageDir, 'files', name)),
];
// Read every slice keeping only the wanted code points; gather glyphs into the first slice's font.
let base: ReturnType<typeof Font.create> | undefined;
const seen = new Set<number>();
for (const name of slices) {
  const wanted = base ? codes.filter((code) => !seen.has(code)) : codes;
  if (wanted.length === 0) break;
  const font = Font.create(readFileSync(name), { type: 'woff', inflate, subset: wanted, hinting: false } as never);
  const ttf = font.get();
  if (!base) {
    base = font;
    for (const glyph of ttf.glyf) for (const code of glyph.unicode ?? []) seen.add(code);
    continue;
  }
  const target = base.get();
  for (const glyph of ttf.glyf.slice(1)) {
    // Keep the first glyph for each code point; push directly (merge() drops outline-less glyphs such as U+3000).
    const fresh = (glyph.unicode ?? []).filter((code: number) => !seen.has(code));
    if (fresh.length === 0) continue;
    fresh.forEach((code: number) => seen.add(code));
    target.glyf.push({ ...glyph, unicode: fresh });
  }
}
if (!base) throw new Error(`no font slices found in ${packageDir}/files`);
const merged = base.get();

// No slice of the OFL sources carries the Roman numerals of GB2312 (Ⅰ–Ⅻ, ⅰ–ⅹ); compose them
// from the Latin letters I, V, X / i, v, x of the same font, side by side.
const romans: [number, string][] = [
  ...['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'].map((letters, index) => [0x2160 + index, letters] as [number, string]),
  ...['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'].map((letters, index) => [0x2170 + index, letters] as [number, string]),
];
type Glyph = (typeof merged.glyf)[number];
const byCode = new Map<number, Glyph>();
for (const glyph of merged.glyf) for (const code of glyph.unicode ?? []) byCode.set(code, glyph);
for (const [code, letters] of romans) {
  if (seen.has(code) || !codes.includes(code)) continue;
  const parts = [...letters].map((letter) => byCode.get(letter.codePointAt(0)!));
  if (parts.some((part) => !part?.contours)) continue;
  let x = 0;
  const contours: NonNullable<Glyph['contours']> = [];
  for (const part of parts as Glyph[]) {
    for (const contour of part.contours!) contours.push(contour.map((point) => ({ ...point, x: point.x + x })));
    x += part.advanceWidth ?? 0;
  }
  const xs = contours.flat().map((point) => point.x);
  const ys = contours.flat().map((point) => point.y);
  merged.glyf.push({ contours, unicode: [code], advanceWidth: x, leftSideBearing: Math.min(...xs), xMin: Math.min(...xs), xMax: Math.max(...xs), yMin: Math.min(...ys), yMax: Math.max(...ys), name: `uni${code.toString(16).toUpperCase()}` } as Glyph);
  seen.add(code);
}
merged.name.fontFamily = 'Dudao Sans';
merged.name.fullName = 'Dudao Sans (subset of Noto Sans SC)';
merged.name.postScriptName = 'DudaoSans-Regular';
base.set(merged);
const bytes = base.write({ type: 'ttf', hinting: false }) as Buffer;

const covered = [...seen].filter((code) => code >= 0x20).sort((a, b) => a - b);
const missing = [...extra].filter((char) => {
  const code = char.codePointAt(0)!;
  return code >= 0x20 && !/\s/u.test(char) && !seen.has(code);
});
if (missing.length > 0) {
  console.error(`font: ${missing.length} character(s) used in content/ are not in the font: ${[...new Set(missing)].join(' ')}`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
for (const [path, data] of [
  [fontFile, bytes],
  [coverageFile, JSON.stringify(toRanges(covered))],
  [join(outDir, 'OFL.txt'), [packageDir, latinPackageDir].map((dir) => `${dir.replace('node_modules/', '')} (the font dudao-sans.ttf is a subset of it):\n\n${readFileSync(join(dir, 'LICENSE'), 'utf8')}`).join('\n\n')],
] as const) {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}
writeFileSync(stampFile, stamp);
console.log(`font: ${covered.length} characters from ${slices.length} slices, ${(bytes.length / 1024).toFixed(0)} KiB, ${((performance.now() - started) / 1000).toFixed(1)} s → ${fontFile}`);
