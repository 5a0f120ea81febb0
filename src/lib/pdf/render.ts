// Draw a report layout with jsPDF, embedding the subset fonts (TrueType, Identity-H), so every
// character is real, selectable text; a line whose characters span several font files is drawn
// as runs, one per font. Works in the browser and in Node (tests, benchmarks).
import { jsPDF } from 'jspdf';
import { fontRuns, type LoadedFont } from './fonts.ts';
import type { Colour, ReportLayout } from './layout.ts';

const colours: Record<Colour, [number, number, number]> = {
  text: [27, 31, 36],
  muted: [79, 90, 102],
  rule: [170, 178, 186],
  green: [15, 107, 58],
  yellow: [196, 140, 0],
  red: [163, 25, 30],
  fill: [236, 240, 244],
};

/** The font bytes as the binary string jsPDF's virtual file system takes (built in chunks). */
export function toBinaryString(bytes: Uint8Array): string {
  let out = '';
  for (let index = 0; index < bytes.length; index += 0x8000) out += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return out;
}

/** Sum of the big-endian 32-bit words of `bytes` (zero-padded), as TrueType table checksums are. */
function checksum(bytes: ArrayLike<number>, from = 0, length = bytes.length): number {
  let sum = 0;
  for (let index = 0; index < length; index += 4) sum = (sum + (((bytes[from + index] ?? 0) & 0xff) * 0x1000000 + (((bytes[from + index + 1] ?? 0) & 0xff) << 16) + (((bytes[from + index + 2] ?? 0) & 0xff) << 8) + ((bytes[from + index + 3] ?? 0) & 0xff))) % 0x100000000;
  return sum;
}

/** jsPDF's font directory encoder, with one preallocated buffer instead of an array concatenated table by table. */
export function encodeDirectory(scalarType: number, tables: Record<string, ArrayLike<number>>): number[] {
  const tags = Object.keys(tables);
  const count = tags.length;
  const searchRange = Math.floor(Math.log(count) / Math.LN2) * 16;
  const entrySelector = Math.floor(searchRange / Math.LN2);
  const pad = (length: number) => Math.ceil(length / 4) * 4;
  const out = new Uint8Array(12 + count * 16 + tags.reduce((sum, tag) => sum + pad(tables[tag]!.length), 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, scalarType >>> 0);
  view.setUint16(4, count & 0xffff);
  view.setUint16(6, searchRange & 0xffff);
  view.setUint16(8, entrySelector & 0xffff);
  view.setUint16(10, (count * 16 - searchRange) & 0xffff);
  let offset = 12 + count * 16;
  let headOffset = 0;
  tags.forEach((tag, index) => {
    const table = tables[tag]!;
    const entry = 12 + index * 16;
    for (let char = 0; char < 4; char++) out[entry + char] = tag.charCodeAt(char);
    view.setUint32(entry + 4, checksum(table));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, table.length);
    out.set(table, offset);
    if (tag === 'head') headOffset = offset;
    offset += pad(table.length);
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out) + 0x100000000) % 0x100000000);
  return Array.from(out);
}

/**
 * jsPDF builds the embedded font with `concat` per glyph and per table, which is quadratic: with a
 * few hundred CJK glyphs it took ~80% of a cached export. Replace those two methods (same output)
 * with linear ones, once, on the classes every parsed font shares.
 */
let glyfPatched = false;
function patchGlyfEncode(doc: jsPDF) {
  if (glyfPatched) return;
  const metadata = (doc.getFont() as unknown as { metadata?: { glyf?: object; directory?: object } }).metadata;
  const proto = metadata?.glyf ? (Object.getPrototypeOf(metadata.glyf) as { encode?: unknown }) : undefined;
  if (!proto || typeof proto.encode !== 'function') return;
  const directory = metadata?.directory ? (Object.getPrototypeOf(metadata.directory) as { encode?: unknown }) : undefined;
  if (directory && typeof directory.encode === 'function') {
    directory.encode = function encode(this: { scalarType: number }, tables: Record<string, ArrayLike<number>>) {
      return encodeDirectory(this.scalarType, tables);
    };
  }
  type Glyph = { encode: (old2new: unknown) => number[] } | undefined;
  proto.encode = function encode(glyphs: Record<number, Glyph>, mapping: number[], old2new: unknown) {
    const table: number[] = [];
    const offsets: number[] = [];
    for (const id of mapping) {
      offsets.push(table.length);
      const bytes = glyphs[id]?.encode(old2new);
      if (bytes) for (const byte of bytes) table.push(byte);
    }
    offsets.push(table.length);
    return { table, offsets };
  };
  glyfPatched = true;
}

interface ParsedFont {
  subset: object;
  toUnicode: Record<number, number>;
  Unicode?: unknown;
}
/** Parsed fonts by their bytes: jsPDF parses a TrueType file for every document (~40 ms for the core). */
const parsedFonts = new Map<string, ParsedFont>();

/**
 * doc.addFont, parsing each font's bytes only once: later documents get the parsed font with its
 * per-document state (used glyphs, their widths and Unicode map) reset, as a fresh parse has it.
 */
function addParsedFont(doc: jsPDF, font: LoadedFont) {
  const api = jsPDF.API as unknown as { TTFFont: { open: (file: Uint8Array) => ParsedFont } };
  const open = api.TTFFont.open;
  const cached = parsedFonts.get(font.data);
  if (cached) {
    cached.subset = new (cached.subset.constructor as new (font: ParsedFont) => object)(cached);
    cached.toUnicode = {};
    delete cached.Unicode;
    api.TTFFont.open = () => cached;
  }
  try {
    doc.addFont(`${font.name}.ttf`, font.name, 'normal');
  } finally {
    api.TTFFont.open = open;
  }
  if (!cached) {
    // jsPDF's getFont takes a name and style (its typings omit them).
    const metadata = (doc as unknown as { getFont: (name: string, style: string) => { metadata?: ParsedFont } }).getFont(font.name, 'normal').metadata;
    if (metadata?.subset && metadata.toUnicode) parsedFonts.set(font.data, metadata);
  }
}

/**
 * A new A4 jsPDF document with the report fonts registered (the core first, then the slices the
 * text needs); `measure` gives text widths in mm, each run measured with the font that draws it.
 */
export interface ReportDocument {
  doc: jsPDF;
  fonts: readonly LoadedFont[];
  measure: (text: string, size: number) => number;
}

export function createDocument(fonts: readonly LoadedFont[]): ReportDocument {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
  for (const font of fonts) {
    // A font parsed before needs no bytes: jsPDF reads the file only to parse it (and would first
    // copy all of it into a new array), so it gets just the TrueType signature.
    doc.addFileToVFS(`${font.name}.ttf`, parsedFonts.has(font.data) ? '\x00\x01\x00\x00' : font.data);
    addParsedFont(doc, font);
  }
  const core = fonts[0]!.name;
  doc.setFont(core, 'normal');
  patchGlyfEncode(doc);
  const measure = (text: string, size: number) => {
    if (fonts.length === 1) return (doc.getStringUnitWidth(text) * size) / doc.internal.scaleFactor;
    let width = 0;
    for (const run of fontRuns(text, fonts)) {
      doc.setFont(run.font.name, 'normal');
      width += doc.getStringUnitWidth(run.text);
    }
    doc.setFont(core, 'normal');
    return (width * size) / doc.internal.scaleFactor;
  };
  return { doc, fonts, measure };
}

/** Draw every page of the layout into the document and return the PDF bytes. */
export function renderLayout({ doc, fonts, measure }: ReportDocument, layout: ReportLayout): ArrayBuffer {
  layout.pages.forEach((page, index) => {
    if (index > 0) doc.addPage('a4');
    for (const op of page.ops) {
      if (op.kind === 'rect') {
        doc.setFillColor(...colours[op.fill]);
        doc.rect(op.x, op.y, op.w, op.h, 'F');
      } else if (op.kind === 'line') {
        doc.setDrawColor(...colours[op.colour ?? 'text']);
        doc.setLineWidth(op.width ?? 0.2);
        doc.line(op.x1, op.y1, op.x2, op.y2);
      } else {
        doc.setFontSize(op.size);
        doc.setTextColor(...colours[op.colour ?? 'text']);
        if (op.bold) {
          doc.setDrawColor(...colours[op.colour ?? 'text']);
          doc.setLineWidth(0.15);
        }
        const mode = op.bold ? { renderingMode: 'fillThenStroke' as const } : {};
        const runs = fontRuns(op.text, fonts);
        if (runs.length === 1) {
          doc.setFont(runs[0]!.font.name, 'normal');
          doc.text(op.text, op.x, op.y, { align: op.align ?? 'left', ...mode });
          continue;
        }
        // Runs of several fonts: place them one after another from the aligned start.
        let x = op.align === 'center' ? op.x - measure(op.text, op.size) / 2 : op.align === 'right' ? op.x - measure(op.text, op.size) : op.x;
        for (const run of runs) {
          doc.setFont(run.font.name, 'normal');
          doc.text(run.text, x, op.y, mode);
          x += measure(run.text, op.size);
        }
      }
    }
  });
  doc.setDocumentProperties(layout.metadata);
  doc.setLanguage('zh-CN');
  return doc.output('arraybuffer');
}
