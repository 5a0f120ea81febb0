// Recognisers for the parts of a Chinese official document (公文, GB/T 9704): numbering of
// divisions, dates, document numbers, the 主送/抄送/印发 lines and the responsible-unit note.
// Each takes one whitespace-normalised line.
import { parseDigits, parseHanNumeral, toAsciiDigits } from './numerals.ts';

/** The numbering styles of divisions, named by shape: 一、 （一） 1. 1、 （1）. */
export type NumberStyle = 'han-dun' | 'han-paren' | 'arabic-dot' | 'arabic-dun' | 'arabic-paren';

export interface HeadingNumber {
  style: NumberStyle;
  /** Numeric value of the number (一 → 1). */
  value: number;
  /** The number as printed, without surrounding whitespace. */
  number: string;
  /** The text after the number. */
  rest: string;
}

const HAN = '[〇零一二两三四五六七八九十百]+';
const headingPatterns: [NumberStyle, RegExp, (m: RegExpExecArray) => number | undefined][] = [
  ['han-dun', new RegExp(`^(${HAN})、`, 'u'), (m) => parseHanNumeral(m[1]!)],
  ['han-paren', new RegExp(`^[（(](${HAN})[）)]`, 'u'), (m) => parseHanNumeral(m[1]!)],
  ['arabic-paren', /^[（(]([0-9０-９]{1,3})[）)]/u, (m) => Number(toAsciiDigits(m[1]!))],
  ['arabic-dun', /^([0-9０-９]{1,3})、/u, (m) => Number(toAsciiDigits(m[1]!))],
  // 1. / 1． but not 4.0 or 2.5倍: the separator must not be followed by a digit.
  ['arabic-dot', /^([0-9０-９]{1,3})[.．](?![0-9０-９])/u, (m) => Number(toAsciiDigits(m[1]!))],
];

/** Recognise a division number at the start of a line: 一、 （一） 1. 1、 1． （1）. */
export function matchHeadingNumber(line: string): HeadingNumber | undefined {
  for (const [style, pattern, valueOf] of headingPatterns) {
    const match = pattern.exec(line);
    if (!match) continue;
    const value = valueOf(match);
    const rest = line.slice(match[0].length).trim();
    if (value === undefined || value === 0 || rest === '') continue;
    return { style, value, number: match[0], rest };
  }
  return undefined;
}

const DATE = /^(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$/u;

/** Parse a date line such as 2025年4月27日 or 二〇二五年四月二十七日 into YYYY-MM-DD. */
export function parseDateLine(line: string): string | undefined {
  const match = DATE.exec(toAsciiDigits(line));
  if (!match) return undefined;
  const [year, month, day] = [match[1]!, match[2]!, match[3]!].map((part) => parseDigits(part));
  if (!year || !month || !day || month > 12 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a document number (发文字号) such as 闵府教督办〔2022〕1号. */
export function isDocumentNumber(line: string): boolean {
  return /^[\p{Script=Han}A-Za-z]{1,20}[〔［[（(]\d{4}[〕］\]）)]\d{1,4}号$/u.test(toAsciiDigits(line));
}

/** Endings of the names of offices and bodies that issue or receive documents. */
const BODY_SUFFIX =
  /(?:委员会|委员会办公室|办公室|办公厅|督导室|委|室|局|厅|部|政府|人民政府|中心|学院|学校|党委|党工委|办事处|处|科|院|所|会|团)$/u;

/** True for a line that is only the name of an office or body (发文机关, 署名). */
export function isBodyName(line: string): boolean {
  return line.length >= 4 && line.length <= 40 && /^[\p{Script=Han}（）()]+$/u.test(line) && BODY_SUFFIX.test(line);
}

/** True for the title of a cover notice: 关于印发…的通知. */
export function isNoticeTitle(line: string): boolean {
  return /通知$/u.test(line) && /关于|印发|转发/u.test(line) && !/[。；]/u.test(line);
}

/** True for the 主送 line of a notice: 各中小学、幼儿园，教师进修学院： or 主送：…. */
export function isRecipientsLine(line: string): boolean {
  if (/^主送[：:]/u.test(line)) return true;
  return /[：:]$/u.test(line) && /^各/u.test(line) && !/[。；]/u.test(line) && line.length <= 300;
}

/** True for an attachment line: 附件：《…》. */
export function isAttachmentLine(line: string): boolean {
  return /^附件[0-9０-９]*[：:]/u.test(line);
}

/** True for the publication note (附注): （此件公开发布） （此件依申请公开）. */
export function isPublicationNote(line: string): boolean {
  return /^[（(]此件[^（）()]{1,20}[）)]$/u.test(line);
}

/** True for the 抄送 line of the 版记. */
export function isCcLine(line: string): boolean {
  return /^抄送[：:]/u.test(line);
}

/** Parse the 印发 line of the 版记 (印发机关 and 印发日期), e.g. 重庆市涪陵区教委办公室2023年3月22日印发. */
export function parsePrintedLine(line: string): { body: string; date: string | undefined } | undefined {
  const match = /^(.+?)((?:\d{4}|[〇零一二三四五六七八九]{4})年.{1,3}月.{1,3}日)印发$/u.exec(line);
  if (!match) return undefined;
  return { body: match[1]!, date: parseDateLine(match[2]!) };
}

/** The responsible-unit note at the end of a clause: （责任单位：…）, （牵头单位：…；配合单位：…）. */
const NOTE =
  /[（(](?:牵头|责任|配合|主责|协办|参与|实施)?(?:单位|部门|科室)[：:](?:[^（）()]|[（(][^（）()]*[）)])*[）)]$/u;

/** Split a trailing responsible-unit note off `text`; returns the text before it and the note. */
export function splitTrailingNote(text: string): { text: string; note: string | undefined } {
  const match = NOTE.exec(text);
  if (!match) return { text, note: undefined };
  return { text: text.slice(0, match.index).trimEnd(), note: match[0] };
}

/** True for a line that is only a responsible-unit note. */
export function isNoteLine(line: string): boolean {
  const { text, note } = splitTrailingNote(line);
  return note !== undefined && text === '';
}

/** One piece of a note as displayed: a label such as 责任单位： (shown bold) or text as printed. */
export interface NoteSegment {
  text: string;
  label: boolean;
}

/** A label inside a note: after the opening bracket or a ；/;, a short name ending in ：/:. */
const NOTE_LABEL = /(?<=^[（(]\s*|[；;]\s*)[^（）()；;：:、，,\s]{1,8}[：:]/gu;

/**
 * Split a responsible-unit note for display, marking its labels. Every character of the note is
 * kept, in order (the segments join back to the note): nothing is dropped, rejoined or replaced.
 */
export function noteSegments(note: string): NoteSegment[] {
  const segments: NoteSegment[] = [];
  let at = 0;
  for (const match of note.matchAll(NOTE_LABEL)) {
    if (match.index > at) segments.push({ text: note.slice(at, match.index), label: false });
    segments.push({ text: match[0], label: true });
    at = match.index + match[0].length;
  }
  if (at < note.length) segments.push({ text: note.slice(at), label: false });
  return segments;
}

/** Split an enumeration of bodies (、，, separated, brackets respected) and drop a final 。 or ：. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text.replace(/[。：:；;]$/u, '')) {
    if ('（(《“'.includes(char)) depth++;
    if ('）)》”'.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、，,'.includes(char)) {
      if (current.trim()) items.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

/** The kind of document named at the end of a title, if it is one the portal publishes. */
export function kindFromTitle(title: string): '工作要点' | '实施方案' | undefined {
  // A qualifier after the name does not change the kind: …实施方案（试行）, …工作要点（2024年）.
  let name = title;
  for (let count = 0; count < 3; count++) {
    const qualifier = /[（(][^（）()]{1,20}[）)]$/u.exec(name);
    if (!qualifier) break;
    name = name.slice(0, qualifier.index);
  }
  if (/要点$/u.test(name)) return '工作要点';
  if (/方案$/u.test(name)) return '实施方案';
  return undefined;
}

/** Names quoted in 《》 in a line (the title of the document a notice publishes). */
export function citedTitles(line: string): string[] {
  const found = [...line.matchAll(/《([^《》]+)》/gu)].map((m) => m[1]!);
  // 关于印发…的通知 without 《》: the first 关于印发/关于转发 after the last 《 or 》 (the same as
  // /关于(?:印发|转发)([^《》]+?)的通知$/, which rescans the rest of the line from every 关于印发).
  if (line.endsWith('的通知')) {
    const after = Math.max(line.lastIndexOf('《'), line.lastIndexOf('》')) + 1;
    const verb = /关于(?:印发|转发)/gu;
    verb.lastIndex = after;
    const match = verb.exec(line);
    if (match) {
      const name = line.slice(match.index + match[0].length, line.length - '的通知'.length);
      if (name !== '') found.push(name);
    }
  }
  return found;
}
