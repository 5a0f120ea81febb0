// User text made safe for the PDF font: tabs, non-breaking spaces and control characters become
// spaces (so nothing after them is cut off), and characters the font cannot print are listed and
// replaced by 〓 — never dropped silently. The user is told which characters before saving.

/** The mark printed in place of a character the font lacks (GB2312 A1F8, in the font). */
export const replacementMark = '〓';

/** Tabs → two spaces, NBSP and other spaces → space, control characters → space; CRLF → LF. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .replace(/\t/gu, '  ')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f]/gu, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/gu, ' ');
}

/** Whether a code point is in the font's coverage ranges (sorted [start, end] pairs). */
export function covers(ranges: readonly (readonly [number, number])[], code: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = ranges[middle]!;
    if (code < start) high = middle - 1;
    else if (code > end) low = middle + 1;
    else return true;
  }
  return false;
}

/** The distinct characters of `text` (once normalised) the font cannot print (beyond the BMP, emoji, rare hanzi), in order. */
export function unprintable(text: string, ranges: readonly (readonly [number, number])[]): string[] {
  const found = new Set<string>();
  for (const char of normalizeText(text)) {
    if (char === '\n' || char === ' ') continue;
    if (!covers(ranges, char.codePointAt(0)!)) found.add(char);
  }
  return [...found];
}

/** Text ready to print: normalised, with unprintable characters replaced by 〓. */
export function printable(text: string, ranges: readonly (readonly [number, number])[]): string {
  let out = '';
  for (const char of normalizeText(text)) out += char === '\n' || covers(ranges, char.codePointAt(0)!) ? char : replacementMark;
  return out;
}

/**
 * A file name from its parts joined by "-": every character valid in file names is kept as typed
 * (rare hanzi, spaces, emoji); only the characters Windows and other systems forbid (\ / : * ? " < > |
 * and control characters) become "_", and runs of white space one space.
 */
export function fileNameOf(parts: string[], extension = 'pdf'): string {
  const name = parts
    .map((part) => part.trim())
    .filter(Boolean)
    .join('-')
    .replace(/\s+/gu, ' ')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/gu, '');
  return `${name || 'report'}.${extension}`;
}
