// Build the PDF report fonts from the WOFF1 slices of @fontsource/noto-sans-sc and
// @fontsource/noto-sans (both SIL OFL 1.1; TrueType outlines, which jsPDF needs):
//   public/fonts/dudao-sans-core.ttf      first-level GB2312 hanzi, punctuation, Latin, digits and
//                                         every character of content/ and the report code;
//   public/fonts/dudao-sans-NN.ttf        supplementary slices with every other character the
//                                         sources have (GB18030 hanzi such as 喆 堃 玥, Extension A,
//                                         Greek, Cyrillic…), cut in code-point order;
//   public/fonts/dudao-sans.json          the manifest: each file's code-point ranges and size, so
//                                         an export fetches only the slices its text needs.
// Skips the work when nothing it depends on changed. Run by `npm run build`, which fails when a
// character used in content/ is not in the core font (`--check` forces the work).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Font } from 'fonteditor-core';
import { coreCodePoints, distinctCharacters } from '../src/lib/pdf/charset.ts';
import { packManifest } from '../src/lib/pdf/fonts.ts';

const packageDir = 'node_modules/@fontsource/noto-sans-sc';
const latinPackageDir = 'node_modules/@fontsource/noto-sans';
const outDir = 'public/fonts';
const manifestFile = join(outDir, 'dudao-sans.json');
const stampFile = join(outDir, '.build-stamp');
/** Characters per supplementary slice: a handful of rare characters then costs a few small files (about 10–20 KB brotli each). */
const sliceSize = 60;

/** Every file under a folder whose name ends in one of the extensions. */
function filesUnder(dir: string, extensions: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

// The characters the core must cover: all content text and the report's own strings.
const textFiles = [...filesUnder('content', ['.mdx', '.yaml', '.yml', '.md']), ...filesUnder('src/lib/pdf', ['.ts'])];
const extra = distinctCharacters(textFiles.map((file) => readFileSync(file, 'utf8')));
const core = new Set(coreCodePoints(extra));

const version = [packageDir, latinPackageDir].map((dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version as string).join('+');
const stamp = createHash('sha256')
  .update(version)
  .update(readFileSync(new URL(import.meta.url)))
  .update(readFileSync('src/lib/pdf/charset.ts'))
  .update([...core].join(','))
  .digest('hex');

const check = process.argv.includes('--check');
if (!check && existsSync(stampFile) && existsSync(manifestFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`font: up to date (${manifestFile})`);
  process.exit(0);
}

const started = performance.now();
const inflate = (data: number[]) => Array.from(inflateSync(Uint8Array.from(data)));
// Noto Sans SC first; Noto Sans (same design family, same 1000 units per em) adds the Greek,
// Cyrillic and other symbols that the SC slices leave out.
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
type Ttf = ReturnType<ReturnType<typeof Font.create>['get']>;
type Glyph = Ttf['glyf'][number];
// Read every slice (compound glyphs flattened, so glyphs can move between fonts); the first glyph for each code point wins.
let template: Ttf | undefined;
const pool = new Map<number, Glyph>();
for (const name of slices) {
  const ttf = Font.create(readFileSync(name), { type: 'woff', inflate, hinting: false, compound2simple: true } as never).get();
  template ??= ttf;
  for (const glyph of ttf.glyf.slice(1)) for (const code of glyph.unicode ?? []) if (code >= 0x20 && !pool.has(code)) pool.set(code, glyph);
}
if (!template) throw new Error(`no font slices found in ${packageDir}/files`);

// No slice of the OFL sources carries the Roman numerals of GB2312 (Ⅰ–Ⅻ, ⅰ–ⅹ); compose them
// from the Latin letters I, V, X / i, v, x of the same font, side by side.
const romans: [number, string][] = [
  ...['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'].map((letters, index) => [0x2160 + index, letters] as [number, string]),
  ...['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'].map((letters, index) => [0x2170 + index, letters] as [number, string]),
];
for (const [code, letters] of romans) {
  if (pool.has(code)) continue;
  const parts = [...letters].map((letter) => pool.get(letter.codePointAt(0)!));
  if (parts.some((part) => !part?.contours)) continue;
  let x = 0;
  const contours: NonNullable<Glyph['contours']> = [];
  for (const part of parts as Glyph[]) {
    for (const contour of part.contours!) contours.push(contour.map((point) => ({ ...point, x: point.x + x })));
    x += part.advanceWidth ?? 0;
  }
  const xs = contours.flat().map((point) => point.x);
  const ys = contours.flat().map((point) => point.y);
  pool.set(code, { contours, unicode: [code], advanceWidth: x, leftSideBearing: Math.min(...xs), xMin: Math.min(...xs), xMax: Math.max(...xs), yMin: Math.min(...ys), yMax: Math.max(...ys), name: `uni${code.toString(16).toUpperCase()}` } as Glyph);
}

const missing = [...new Set(extra)].filter((char) => {
  const code = char.codePointAt(0)!;
  return code >= 0x20 && !/\s/u.test(char) && !pool.has(code);
});
if (missing.length > 0) {
  console.error(`font: ${missing.length} character(s) used in content/ are not in the font: ${missing.join(' ')}`);
  process.exit(1);
}

/** A TrueType font with exactly these code points (one glyph each, plus .notdef). */
function fontOf(codes: number[], name: string): Buffer {
  const ttf: Ttf = structuredClone({ ...template!, glyf: [template!.glyf[0]!] });
  for (const code of codes) ttf.glyf.push({ ...pool.get(code)!, unicode: [code] });
  ttf.name.fontFamily = 'Dudao Sans';
  ttf.name.fullName = `Dudao Sans ${name} (subset of Noto Sans SC)`;
  ttf.name.postScriptName = `DudaoSans-${name}`;
  const font = Font.create();
  font.set(ttf);
  return font.write({ type: 'ttf', hinting: false }) as Buffer;
}

const coreCodes = [...pool.keys()].filter((code) => core.has(code)).sort((a, b) => a - b);
const rest = [...pool.keys()].filter((code) => !core.has(code)).sort((a, b) => a - b);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const write = (path: string, data: string | Buffer) => {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
};
const manifest = { core: { file: 'dudao-sans-core.ttf', size: 0 }, slices: [] as { file: string; size: number }[] };
const coreBytes = fontOf(coreCodes, 'Core');
manifest.core.size = coreBytes.length;
write(join(outDir, manifest.core.file), coreBytes);
for (let index = 0; index * sliceSize < rest.length; index++) {
  const codes = rest.slice(index * sliceSize, (index + 1) * sliceSize);
  const file = `dudao-sans-${String(index + 1).padStart(3, '0')}.ttf`;
  const bytes = fontOf(codes, String(index + 1).padStart(3, '0'));
  write(join(outDir, file), bytes);
  manifest.slices.push({ file, size: bytes.length });
}
write(manifestFile, JSON.stringify(packManifest([...pool.keys()].sort((a, b) => a - b), new Set(coreCodes), manifest, sliceSize)));
write(join(outDir, 'OFL.txt'), [packageDir, latinPackageDir].map((dir) => `${dir.replace('node_modules/', '')} (the dudao-sans fonts are subsets of it):\n\n${readFileSync(join(dir, 'LICENSE'), 'utf8')}`).join('\n\n'));
writeFileSync(stampFile, stamp);
const total = manifest.slices.reduce((sum, slice) => sum + slice.size, 0);
console.log(`font: core ${coreCodes.length} characters ${(coreBytes.length / 1024).toFixed(0)} KiB; ${manifest.slices.length} slices with ${rest.length} more characters ${(total / 1024).toFixed(0)} KiB; ${((performance.now() - started) / 1000).toFixed(1)} s → ${outDir}`);
