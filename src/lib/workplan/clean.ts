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
  /** One sentence saying what was done, in Chinese (printed by the CLI). */
  description: string;
}

const BOOKMARK_START = '[bookmark:';

/**
 * Remove Word bookmark artefacts `[bookmark: name]` from one line, calling `found` for each. A
 * bookmark runs to the first `]` after its start; once no `]` is left nothing more can match,
 * so the scan stops there (a regex would rescan the rest of the line from every `[bookmark:`).
 */
function removeBookmarks(line: string, found: (match: string) => void): string {
  let out = '';
  let from = 0;
  for (let start = line.indexOf(BOOKMARK_START); start !== -1; start = line.indexOf(BOOKMARK_START, from)) {
    const end = line.indexOf(']', start + BOOKMARK_START.length);
    if (end === -1) break;
    const match = line.slice(start, end + 1);
    found(match);
    out += line.slice(from, start);
    from = end + 1;
  }
  return from === 0 ? line : out + line.slice(from);
}

/** A line being built from source lines that continue one sentence; joined once at the end. */
interface OpenLine {
  line: number;
  parts: string[];
  /** Unclosed brackets and quotes over all parts. */
  depth: number;
  /** Whether any part has sentence punctuation 。；！？. */
  prose: boolean;
}

/** Split `text` into normalised non-empty lines, removing bookmark artefacts and joining broken sentences. */
export function cleanLines(text: string): { lines: SourceLine[]; removed: Artefact[] } {
  const removed: Artefact[] = [];
  const open: OpenLine[] = [];
  const raw = text.replace(/^\ufeff/u, '').split(/\r\n|\r|\n|\f/u);
  for (const [index, original] of raw.entries()) {
    const line = index + 1;
    const withoutBookmarks = removeBookmarks(original, (match) => {
      removed.push({ kind: 'bookmark', line, text: match, description: `删除了 Word 书签 ${match}` });
    });
    const normalised = normaliseSpacing(withoutBookmarks);
    if (normalised === '') continue;
    const previous = open.at(-1);
    // Joining normalised pieces needs no re-normalising: neither has whitespace at its ends.
    if (previous && continues(previous, normalised)) {
      removed.push({
        kind: 'joined-lines',
        line,
        text: '',
        description: `把第 ${line} 行接到第 ${previous.line} 行：句子“…${tail(previous.parts, 6)}”接着是“${normalised.slice(0, 6)}…”（分页或换行把它断开了）`,
      });
      previous.parts.push(normalised);
      previous.depth += bracketDepth(normalised);
      previous.prose ||= SENTENCE_PUNCTUATION.test(normalised);
      continue;
    }
    open.push({ line, parts: [normalised], depth: bracketDepth(normalised), prose: SENTENCE_PUNCTUATION.test(normalised) });
  }
  return { lines: open.map(({ line, parts }) => ({ line, text: parts.join('') })), removed };
}

/** The last `count` UTF-16 units of the parts joined (without joining them all). */
function tail(parts: string[], count: number): string {
  let out = '';
  for (let index = parts.length - 1; index >= 0 && out.length < count; index--) out = parts[index]! + out;
  return out.slice(-count);
}

const OPENERS = '《“（(「『【〔';
const CLOSERS = '》”）)」』】〕';

/** Opening minus closing brackets and quotes in `text`. */
function bracketDepth(text: string): number {
  let depth = 0;
  for (const char of text) {
    if (OPENERS.includes(char)) depth++;
    else if (CLOSERS.includes(char)) depth--;
  }
  return depth;
}

/** True when `text` has more opening than closing brackets or quotes. */
export function hasOpenBracket(text: string): boolean {
  return bracketDepth(text) > 0;
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

const SENTENCE_PUNCTUATION = /[。；！？]/u;
const FINISHED = /[。！？；：…”’）)》」』.!?;:]$/u;

/** True when `next` is the rest of a sentence that `previous` left unfinished. */
export function continuesSentence(previous: string, next: string): boolean {
  return continues({ line: 0, parts: [previous], depth: bracketDepth(previous), prose: SENTENCE_PUNCTUATION.test(previous) }, next);
}

/** `continuesSentence` on a line being built, using its running state rather than its whole text. */
function continues(previous: OpenLine, next: string): boolean {
  if (startsStructure(next)) return false;
  const last = previous.parts.at(-1)!;
  if (/[，、]$/u.test(last)) return true;
  if (previous.depth > 0) return true;
  return !FINISHED.test(last) && previous.prose;
}
