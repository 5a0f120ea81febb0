// The lossless check: every non-whitespace character of the source appears in the document,
// in the same order, except what the importer reported as removed (bookmarks) or moved (版记
// printed mid-document). Used by the importer before it writes and by the tests.
import type { WorkplanBody } from '../../schemas/workplan.ts';
import type { Artefact } from './clean.ts';
import { stripWhitespace } from './spacing.ts';
import { documentText } from './text.ts';

export type LosslessResult = { ok: true } | { ok: false; line: number; message: string };

/** Compare the source text with the document's text, allowing only the reported artefacts. */
export function checkLossless(source: string, body: WorkplanBody, reported: Artefact[]): LosslessResult {
  const rawLines = source.replace(/^\ufeff/u, '').split(/\r\n|\r|\n|\f/u);
  // The expected stream: the source without reported bookmarks, line starts remembered.
  const bookmarksByLine = new Map<number, string[]>();
  for (const artefact of reported) {
    if (artefact.kind !== 'bookmark') continue;
    const list = bookmarksByLine.get(artefact.line) ?? [];
    list.push(artefact.text);
    bookmarksByLine.set(artefact.line, list);
  }
  const lineStarts: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  rawLines.forEach((raw, index) => {
    const text = removeInOrder(raw, bookmarksByLine.get(index + 1) ?? []);
    const stripped = stripWhitespace(text);
    lineStarts.push(length);
    pieces.push(stripped);
    length += stripped.length;
  });
  let expected = pieces.join('');
  const outputPieces = documentText(body).map(stripWhitespace);
  let actual = outputPieces.join('');
  // Moved text: take it out of both streams, at its source line and at its new place. The new
  // place is the output piece with the same text (the line was moved whole), the last unused one
  // for the latest line; the cuts are made in one pass at the end, not a string copy per line.
  const moved = reported.filter((a) => a.kind === 'moved').sort((a, b) => b.line - a.line);
  const movedTexts = new Set(moved.map((artefact) => stripWhitespace(artefact.text)));
  const placesOf = new Map<string, number[]>();
  let offset = 0;
  for (const piece of outputPieces) {
    if (movedTexts.has(piece)) {
      const places = placesOf.get(piece) ?? [];
      places.push(offset);
      placesOf.set(piece, places);
    }
    offset += piece.length;
  }
  const expectedCuts: [number, number][] = [];
  const actualCuts: [number, number][] = [];
  for (const artefact of moved) {
    const piece = stripWhitespace(artefact.text);
    const from = expected.indexOf(piece, lineStarts[artefact.line - 1] ?? 0);
    const to = placesOf.get(piece)?.pop() ?? actual.lastIndexOf(piece);
    if (from === -1 || to === -1) {
      return { ok: false, line: artefact.line, message: `移动的文字“${artefact.text}”在${from === -1 ? '源文件' : '输出'}中找不到` };
    }
    expectedCuts.push([from, from + piece.length]);
    actualCuts.push([to, to + piece.length]);
  }
  expected = withoutRanges(expected, expectedCuts);
  actual = withoutRanges(actual, actualCuts);
  if (expected === actual) return { ok: true };
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  const line = lineStarts.findLastIndex((start) => start <= at) + 1;
  return {
    ok: false,
    line,
    message: `输出在“${expected.slice(Math.max(0, at - 12), at)}”之后与源文件不同：源文件是“${expected.slice(at, at + 12)}”，输出是“${actual.slice(at, at + 12)}”`,
  };
}

/** `text` without each of `removals`, each the first occurrence after the previous one (one pass). */
function removeInOrder(text: string, removals: string[]): string {
  if (removals.length === 0) return text;
  let out = '';
  let from = 0;
  for (const removal of removals) {
    const at = text.indexOf(removal, from);
    if (at === -1) continue;
    out += text.slice(from, at);
    from = at + removal.length;
  }
  return out + text.slice(from);
}

/** `text` without the given [start, end) ranges (overlaps taken once), built in one pass. */
function withoutRanges(text: string, ranges: [number, number][]): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const pieces: string[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (start > at) pieces.push(text.slice(at, start));
    at = Math.max(at, end);
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}
