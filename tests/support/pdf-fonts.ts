// The report fonts read from a built folder (dist/fonts or public/fonts) the way the browser
// export gets them: the manifest, the core font and the slices a text needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRanges, slicesFor, unpackManifest, type FontManifest, type LoadedFont, type PackedManifest, type Ranges } from '../../src/lib/pdf/fonts.ts';
import { toBinaryString } from '../../src/lib/pdf/render.ts';
import { normalizeText } from '../../src/lib/pdf/text.ts';

export function readManifest(dir = 'dist/fonts'): FontManifest {
  return unpackManifest(JSON.parse(readFileSync(join(dir, 'dudao-sans.json'), 'utf8')) as PackedManifest);
}

/** Every character the fonts have. */
export function fontRanges(dir = 'dist/fonts'): Ranges {
  return allRanges(readManifest(dir));
}

/** The fonts for `text`: the core and the slices holding its other characters (files named as the browser names them). */
export function fontsFor(text: string, dir = 'dist/fonts'): LoadedFont[] {
  const manifest = readManifest(dir);
  const files = [manifest.core, ...slicesFor(normalizeText(text), manifest).map((index) => manifest.slices[index]!)];
  return files.map((file, index) => ({ name: index === 0 ? 'DudaoSans' : `DudaoSans${file.file.replace(/\D/gu, '')}`, ranges: file.ranges, data: toBinaryString(readFileSync(join(dir, file.file))) }));
}
