// The report fonts: a core font every export uses and supplementary slices fetched only for the
// characters a text needs (scripts/build-font.ts writes them and their manifest). Pure functions:
// which slices a text needs, and how a line splits into runs of one font each.
import { covers } from './text.ts';

export type Ranges = [number, number][];
export interface FontFile {
  /** File name under /fonts/. */
  file: string;
  /** Size in bytes (uncompressed), for the download progress. */
  size: number;
  /** Code points the file covers, as sorted [start, end] ranges. */
  ranges: Ranges;
}
export interface FontManifest {
  core: FontFile;
  slices: FontFile[];
}

/** A font ready for jsPDF: its name in the document, its coverage and its bytes as a binary string. */
export interface LoadedFont {
  name: string;
  ranges: Ranges;
  data: string;
}

/** Every character any report font has: the coverage the printable check uses. */
export function allRanges(manifest: FontManifest): Ranges {
  return [manifest.core, ...manifest.slices].flatMap((item) => item.ranges).sort((a, b) => a[0] - b[0]);
}

/** Indices of the slices holding characters of `text` that the core lacks, in order. */
export function slicesFor(text: string, manifest: FontManifest): number[] {
  const needed = new Set<number>();
  for (const char of new Set(text)) {
    const code = char.codePointAt(0)!;
    if (code < 0x80 || covers(manifest.core.ranges, code)) continue;
    const index = manifest.slices.findIndex((slice) => covers(slice.ranges, code));
    if (index >= 0) needed.add(index);
  }
  return [...needed].sort((a, b) => a - b);
}

/** Split a line into runs, each drawn with the first font that has its characters (spaces join the run before them). */
export function fontRuns<T extends { ranges: Ranges }>(text: string, fonts: readonly T[]): { font: T; text: string }[] {
  const runs: { font: T; text: string }[] = [];
  for (const char of text) {
    const last = runs[runs.length - 1];
    const code = char.codePointAt(0)!;
    const font = (char === ' ' && last ? last.font : fonts.find((item) => covers(item.ranges, code))) ?? fonts[0]!;
    if (last && last.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}

/**
 * The manifest as stored (dudao-sans.json), compact because every first export downloads it:
 * `codes` lists every code point the fonts have as [gap, length] runs (gap from the end of the
 * previous run); `core` is a bitmap (base64) over those code points in order, set for the core
 * font's; the remaining code points fill the slices in order, `sliceSize` each.
 */
export interface PackedManifest {
  core: { file: string; size: number };
  slices: { file: string; size: number }[];
  sliceSize: number;
  codes: number[];
  core_bits: string;
}

function runsOf(codes: readonly number[]): number[] {
  const out: number[] = [];
  let end = -1;
  for (const [start, last] of rangesOf(codes)) {
    out.push(start - end - 1, last - start + 1);
    end = last;
  }
  return out;
}

function rangesOf(codes: readonly number[]): Ranges {
  const out: Ranges = [];
  for (const code of codes) {
    const last = out[out.length - 1];
    if (last && code === last[1] + 1) last[1] = code;
    else out.push([code, code]);
  }
  return out;
}

/** Pack the manifest: all code points (sorted), the core's, the files and the slice size. */
export function packManifest(all: readonly number[], core: ReadonlySet<number>, files: { core: { file: string; size: number }; slices: { file: string; size: number }[] }, sliceSize: number): PackedManifest {
  const bits = new Uint8Array(Math.ceil(all.length / 8));
  all.forEach((code, index) => {
    if (core.has(code)) bits[index >> 3]! |= 1 << (index & 7);
  });
  let binary = '';
  for (const byte of bits) binary += String.fromCharCode(byte);
  return { ...files, sliceSize, codes: runsOf(all), core_bits: btoa(binary) };
}

/** Unpack the manifest into each file's code-point ranges. */
export function unpackManifest(packed: PackedManifest): FontManifest {
  const all: number[] = [];
  let end = -1;
  for (let index = 0; index < packed.codes.length; index += 2) {
    const start = end + 1 + packed.codes[index]!;
    const length = packed.codes[index + 1]!;
    for (let code = start; code < start + length; code++) all.push(code);
    end = start + length - 1;
  }
  const bits = atob(packed.core_bits);
  const core: number[] = [];
  const rest: number[] = [];
  all.forEach((code, index) => ((bits.charCodeAt(index >> 3) >> (index & 7)) & 1 ? core : rest).push(code));
  return {
    core: { ...packed.core, ranges: rangesOf(core) },
    slices: packed.slices.map((slice, index) => ({ ...slice, ranges: rangesOf(rest.slice(index * packed.sliceSize, (index + 1) * packed.sliceSize)) })),
  };
}
