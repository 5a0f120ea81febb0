// First pass over the source text: split it into lines, remove Word export artefacts and join
// sentences that a page break or a hard line break cut in two. Everything removed is reported.
import { normaliseSpacing } from './spacing.ts';
import {
  isAttachmentLine,
  isCcLine,
  isDocumentNumber,
  isNoteLine,
  isPublicationNote,
  matchHeadingNumber,
  parseDateLine,
  parsePrintedLine,
} from './patterns.ts';

/** A non-empty, whitespace-normalised line of the source and the 1-based line it starts on. */
export interface SourceLine {
  line: number;
  text: string;
}

/** Something the importer removed or rearranged on purpose, reported to the user. */
export interface Artefact {
  kind: 'bookmark' | 'joined-lines' | 'moved';
  /** 1-based source line. */
  line: number;
  /** The exact source text removed or moved (empty for a removed line break). */
  text: string;
  /** One sentence saying what was done, in English. */
  description: string;
}

const BOOKMARK = /\[bookmark:[^\]\n]*\]/gu;

/** Split `text` into normalised non-empty lines, removing bookmark artefacts and joining broken sentences. */
export function cleanLines(text: string): { lines: SourceLine[]; removed: Artefact[] } {
  const removed: Artefact[] = [];
  const lines: SourceLine[] = [];
  const raw = text.replace(/^\ufeff/u, '').split(/\r\n|\r|\n|\f/u);
  for (const [index, original] of raw.entries()) {
    const line = index + 1;
    const withoutBookmarks = original.replace(BOOKMARK, (match) => {
      removed.push({ kind: 'bookmark', line, text: match, description: `removed the Word bookmark ${match}` });
      return '';
    });
    const normalised = normaliseSpacing(withoutBookmarks);
    if (normalised === '') continue;
    const previous = lines.at(-1);
    if (previous && continuesSentence(previous.text, normalised)) {
      removed.push({
        kind: 'joined-lines',
        line,
        text: '',
        description: `joined line ${line} to line ${previous.line}: the sentence “…${previous.text.slice(-6)}” continues with “${normalised.slice(0, 6)}…” (a page or line break split it)`,
      });
      previous.text = normaliseSpacing(`${previous.text}${normalised}`);
      continue;
    }
    lines.push({ line, text: normalised });
  }
  return { lines, removed };
}

const OPENERS = '《“（(「『【〔';
const CLOSERS = '》”）)」』】〕';

/** True when `text` has more opening than closing brackets or quotes. */
export function hasOpenBracket(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (OPENERS.includes(char)) depth++;
    else if (CLOSERS.includes(char)) depth--;
  }
  return depth > 0;
}

/** True when `line` begins a part of a document rather than continuing a sentence. */
export function startsStructure(line: string): boolean {
  return (
    matchHeadingNumber(line) !== undefined ||
    isNoteLine(line) ||
    isCcLine(line) ||
    isAttachmentLine(line) ||
    isPublicationNote(line) ||
    isDocumentNumber(line) ||
    parseDateLine(line) !== undefined ||
    parsePrintedLine(line) !== undefined ||
    /^(?:[一二三四五六七八九十]+是|主送[：:])/u.test(line)
  );
}

/** True when `next` is the rest of a sentence that `previous` left unfinished. */
export function continuesSentence(previous: string, next: string): boolean {
  if (startsStructure(next)) return false;
  if (/[，、]$/u.test(previous)) return true;
  if (hasOpenBracket(previous)) return true;
  const finished = /[。！？；：…”’）)》」』.!?;:]$/u.test(previous);
  const isProse = /[。；！？]/u.test(previous);
  return !finished && isProse;
}
