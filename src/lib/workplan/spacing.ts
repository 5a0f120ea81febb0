// Whitespace rules for Chinese text: no spaces between Chinese characters, full-width
// punctuation or digits next to them; elsewhere runs of whitespace become one space.

/** Characters that never take a space beside them in Chinese typesetting. */
const WIDE = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2014\\u2026\\u201c\\u201d\\u2018\\u2019\\u00b7';
const spaceAfterWide = new RegExp(`(?<=[${WIDE}])\\s+`, 'gu');
const spaceBeforeWide = new RegExp(`\\s+(?=[${WIDE}])`, 'gu');

/** Return `text` on one line with Chinese spacing rules applied and no leading or trailing space. */
export function normaliseSpacing(text: string): string {
  return text
    .replace(spaceAfterWide, '')
    .replace(spaceBeforeWide, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Return `text` with all whitespace removed (what the lossless check compares). */
export function stripWhitespace(text: string): string {
  return text.replace(/\s+/gu, '');
}
