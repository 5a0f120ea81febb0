// Whitespace rules for Chinese text: no spaces between Chinese characters, full-width
// punctuation or digits next to them; elsewhere runs of whitespace become one space.
// One pass over the runs of whitespace, each decided by its two neighbours: linear time (a
// lookahead after `\s+` backtracks over every suffix of a long run of spaces).

/** Characters that never take a space beside them in Chinese typesetting. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]/u;

/** Return `text` on one line with Chinese spacing rules applied and no leading or trailing space. */
export function normaliseSpacing(text: string): string {
  return text.replace(/\s+/gu, (run: string, offset: number, whole: string) => {
    const end = offset + run.length;
    if (offset === 0 || end === whole.length) return '';
    const before = whole.codePointAt(offset - 1)!;
    // The character before may be the low half of a surrogate pair: look at the whole pair.
    const beforeChar = before >= 0xdc00 && before <= 0xdfff && offset >= 2 ? String.fromCodePoint(whole.codePointAt(offset - 2)!) : String.fromCodePoint(before);
    const afterChar = String.fromCodePoint(whole.codePointAt(end)!);
    return WIDE.test(beforeChar) || WIDE.test(afterChar) ? '' : ' ';
  });
}

/** Return `text` with all whitespace removed (what the lossless check compares). */
export function stripWhitespace(text: string): string {
  return text.replace(/\s+/gu, '');
}
