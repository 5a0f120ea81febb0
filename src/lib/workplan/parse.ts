// Parse the text of a published work plan into a document tree, following the conventions of
// Chinese official documents (公文, GB/T 9704) rather than any one file's layout:
//   版头  发文机关标志 (masthead) and 发文字号;
//   通知  the cover notice: title, 主送, 正文, 附件, 署名, 成文日期, 附注;
//   正文  the title, the preamble, numbered divisions 一、 （一） 1. with their lead sentences,
//         enumerations 一是…二是…, responsible-unit notes （责任单位：…）;
//   版记  抄送 and 印发, taken from wherever they were printed.
// Lines it cannot classify are kept as paragraphs, never dropped.
import type {
  Block,
  Closing,
  Division,
  DivisionLevel,
  Masthead,
  Notice,
  Region,
  WorkplanBody,
  WorkplanDocument,
  WorkplanFrontmatterInput,
} from '../../schemas/workplan.ts';
import { workplanDocumentSchema } from '../../schemas/workplan.ts';
import { sha256Hex } from '../sha256.ts';
import { cleanLines, type Artefact, type SourceLine } from './clean.ts';
import { ImportError } from './errors.ts';
import {
  citedTitles,
  isAttachmentLine,
  isBodyName,
  isCcLine,
  isDocumentNumber,
  isNoticeTitle,
  isPublicationNote,
  isRecipientsLine,
  kindFromTitle,
  matchHeadingNumber,
  parseDateLine,
  parsePrintedLine,
  splitList,
  splitTrailingNote,
  type NumberStyle,
} from './patterns.ts';
import { detectRegion } from './region.ts';
import { splitEnumeration, splitLead } from './sentences.ts';
import { stripWhitespace } from './spacing.ts';

export type { Artefact } from './clean.ts';

export interface ParseOptions {
  /** File name of the source, used in messages and recorded in the frontmatter. */
  sourceName: string;
  /** SHA-256 of the source bytes; computed from the text when absent. */
  sha256?: string | undefined;
  /** Region when the text does not say (or to override it). */
  region?: Region | undefined;
  /** Kind when the title does not say. */
  kind?: WorkplanFrontmatterInput['kind'] | undefined;
}

export interface ParseResult {
  doc: WorkplanDocument;
  /** What was removed or moved on purpose, in source order. */
  removed: Artefact[];
  /** Things a person should check: numbering gaps, guesses, unclassified lines. */
  warnings: string[];
}

/** Parse the text of a work plan into frontmatter and body; throws ImportError on unusable input. */
export function parseWorkplan(text: string, options: ParseOptions): ParseResult {
  const file = options.sourceName;
  const { lines, removed } = cleanLines(text);
  if (lines.length === 0) throw new ImportError(file, 1, '文件里没有文字');
  const warnings: string[] = [];
  const cursor = { index: 0 };

  const masthead = readMasthead(lines, cursor);
  const notice = readNotice(lines, cursor, warnings, file);
  const title = readTitle(lines, cursor, notice, file);
  const bodyLines = lines.slice(cursor.index);
  const { preamble, divisions, closing } = readBody(bodyLines, title, removed, warnings, file);

  const body: WorkplanBody = {
    ...(masthead ? { masthead } : {}),
    ...(notice ? { notice } : {}),
    title: title.text,
    preamble,
    divisions,
    closing,
  };
  const frontmatter = deriveFrontmatter(body, text, options, title.line, warnings);
  const parsed = workplanDocumentSchema.safeParse({ frontmatter, body });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(file, undefined, `内部错误：解析出的文档在 ${issue.path.join('.')} 处不合规范（${issue.message}）；请把源文件报告给维护者`);
  }
  removed.sort((a, b) => a.line - b.line);
  return { doc: parsed.data, removed, warnings };
}

// ---------------------------------------------------------------------------------------------
// 版头 and 通知

/** Read the issuers' banner and the document number at the top, if any. */
function readMasthead(lines: SourceLine[], cursor: { index: number }): Masthead | undefined {
  const issuers: string[] = [];
  let documentNumber: string | undefined;
  while (cursor.index < lines.length) {
    const text = lines[cursor.index]!.text;
    if (!documentNumber && isDocumentNumber(text)) documentNumber = text;
    else if (!documentNumber && isBodyName(text.replace(/文件$/u, '')) && !isSignatureAhead(lines, cursor.index)) {
      issuers.push(text);
    }
    else break;
    cursor.index++;
  }
  if (issuers.length === 0 && !documentNumber) return undefined;
  return { issuers, ...(documentNumber ? { documentNumber } : {}) };
}

/** Per array of lines: for each index, the first index at or after it that is not a body name. */
const bodyRunEnds = new WeakMap<SourceLine[], Int32Array>();

/** The first index at or after `index` whose line is not a body name (computed once per array: linear). */
function bodyRunEnd(lines: SourceLine[], index: number): number {
  let ends = bodyRunEnds.get(lines);
  if (!ends) {
    ends = new Int32Array(lines.length);
    for (let at = lines.length - 1; at >= 0; at--) {
      ends[at] = isBodyName(lines[at]!.text) ? (at + 1 < lines.length ? ends[at + 1]! : lines.length) : at;
    }
    bodyRunEnds.set(lines, ends);
  }
  return ends[index]!;
}

/** True when lines from `index` are body names followed by a date: a 署名 block, not a banner. */
function isSignatureAhead(lines: SourceLine[], index: number): boolean {
  const at = index < lines.length ? bodyRunEnd(lines, index) : index;
  return at > index && at < lines.length && parseDateLine(lines[at]!.text) !== undefined;
}

/** Lines a notice title may be wrapped over: the issuing body alone, …关于 | 印发《…》 | 的通知. */
const MAX_NOTICE_TITLE_LINES = 4;

/**
 * How many lines from `start` spell the title of a cover notice (0 when they do not): 关于印发《…》的通知
 * on one line, or wrapped after the issuing body, after 关于 or 印发, or before 的通知. Only short
 * lines without sentence punctuation join; a masthead (…文件) or 文号 never does.
 */
function noticeTitleSpan(lines: SourceLine[], start: number): number {
  let joined = '';
  for (let count = 1; count <= MAX_NOTICE_TITLE_LINES && start + count <= lines.length; count++) {
    const text = lines[start + count - 1]!.text;
    if (count === 1 && isNoticeTitle(text)) return 1;
    if (text.length > 120 || /[。；：:]/u.test(text) || /文件$/u.test(text) || isDocumentNumber(text)) return 0;
    if (count > 1 && (isRecipientsLine(text) || parseDateLine(text) !== undefined || matchHeadingNumber(text))) return 0;
    // The plan's own title (…工作要点 with no 关于/印发) is not part of a notice title.
    if (kindFromTitle(text) && !/关于|印发|转发/u.test(text)) return 0;
    joined += text;
    if (isNoticeTitle(joined)) return count;
    // A wrapped title: every line but the last is unfinished (no 通知 yet).
    if (/通知$/u.test(text)) return 0;
  }
  return 0;
}

/** Read the cover notice (关于印发…的通知 with its 主送, 正文, 署名 and date), if there is one. */
function readNotice(lines: SourceLine[], cursor: { index: number }, warnings: string[], file: string): Notice | undefined {
  const start = cursor.index;
  let title: string | undefined;
  let at = start;
  const span = noticeTitleSpan(lines, start);
  if (span > 0) {
    title = lines.slice(start, start + span).map((line) => line.text).join('');
    at += span;
  }
  let recipients: string | undefined;
  if (lines[at] && isRecipientsLine(lines[at]!.text)) {
    recipients = lines[at]!.text;
    at++;
  }
  if (!title && !recipients) return undefined;
  if (!title && !/印发|转发|现将|发给/u.test(lines[at]?.text ?? '')) return undefined;

  const notice: Notice = { paragraphs: [], attachments: [], signature: [] };
  if (title) notice.title = title;
  if (recipients) notice.recipients = recipients;
  // The names the notice cites, without whitespace: the plan starts at the line that spells one.
  const cited = new Set((title ? citedTitles(title) : []).map(stripWhitespace));
  for (; at < lines.length; at++) {
    const { text, line } = lines[at]!;
    if (notice.date !== undefined || notice.publication !== undefined) {
      // After the date only the 附注 (and a late 附件) still belong to the notice.
      if (isPublicationNote(text) && notice.publication === undefined) notice.publication = text;
      else if (isAttachmentLine(text)) notice.attachments.push(text);
      else break;
      continue;
    }
    if (isAttachmentLine(text)) notice.attachments.push(text);
    else if (isPublicationNote(text)) notice.publication = text;
    else if (parseDateLine(text) !== undefined) notice.date = text;
    else if (isBodyName(text) && isSignatureAhead(lines, at)) notice.signature.push(text);
    else if (notice.signature.length > 0 && isBodyName(text)) notice.signature.push(text);
    else if (cited.has(stripWhitespace(text))) break;
    else if (matchHeadingNumber(text)) {
      warnings.push(`${file}:${line}: 印发通知没有成文日期，按通知在这一编号行之前结束处理`);
      break;
    } else {
      notice.paragraphs.push(text);
      for (const name of citedTitles(text)) cited.add(stripWhitespace(name));
    }
  }
  cursor.index = at;
  return notice;
}

// ---------------------------------------------------------------------------------------------
// 标题

interface TitleLine {
  text: string;
  line: number;
  cited: string[];
}

/** Read the document title: the name the notice cites, or the first line(s) before the body. */
function readTitle(lines: SourceLine[], cursor: { index: number }, notice: Notice | undefined, file: string): TitleLine {
  const first = lines[cursor.index];
  if (!first) throw new ImportError(file, undefined, '没有文档标题：文件在标题行之前就结束了');
  const cited = notice ? [notice.title ?? '', ...notice.paragraphs, ...notice.attachments].flatMap(citedTitles) : [];
  const wanted = new Set(cited.map(stripWhitespace));
  // The notice names the document: join lines until they spell that name.
  for (let count = 1; count <= 3 && cursor.index + count <= lines.length; count++) {
    const joined = lines.slice(cursor.index, cursor.index + count).map((l) => l.text).join('');
    if (wanted.has(stripWhitespace(joined))) {
      cursor.index += count;
      return { text: joined, line: first.line, cited };
    }
  }
  if (!looksLikeTitle(first.text)) {
    throw new ImportError(
      file,
      first.line,
      `找不到标题：这里应是“2025年某某区教育督导工作要点”这样的一行，实际是“${first.text.slice(0, 30)}”`,
    );
  }
  let text = first.text;
  cursor.index++;
  // A long title may be printed on two or three lines.
  while (cursor.index < lines.length && !kindFromTitle(text)) {
    const next = lines[cursor.index]!.text;
    if (next.length > 30 || !looksLikeTitle(next) || !kindFromTitle(text + next)) break;
    text += next;
    cursor.index++;
  }
  return { text, line: first.line, cited };
}

/** True for a line that could be (part of) a title: short, no sentence punctuation, not numbered. */
function looksLikeTitle(text: string): boolean {
  return text.length <= 60 && !/[。；：:，]/u.test(text) && !matchHeadingNumber(text) && parseDateLine(text) === undefined;
}

// ---------------------------------------------------------------------------------------------
// 正文 and 版记

interface OpenDivision {
  division: Division;
  depth: number;
  style: NumberStyle;
}

/** Names a numbering style takes when it is not the outermost: its place in GB/T 9704. */
const LEVEL_OF_STYLE: Record<NumberStyle, DivisionLevel> = {
  'han-dun': 'section',
  'han-paren': 'clause',
  'arabic-dot': 'point',
  'arabic-dun': 'point',
  'arabic-paren': 'point',
};

/** Read the preamble, the numbered divisions and the closing matter. */
function readBody(
  lines: SourceLine[],
  title: TitleLine,
  removed: Artefact[],
  warnings: string[],
  file: string,
): { preamble: Block[]; divisions: Division[]; closing: Closing } {
  const closing: Closing = { paragraphs: [], signature: [], attachments: [], printed: [] };
  const closingLines = findClosingLines(lines, closing);
  const styles = headingStyles(lines, closingLines);
  if (styles.order.length === 0) {
    throw new ImportError(
      file,
      title.line,
      `没有层次结构：标题“${title.text}”之后没有编号的部分或条目（应有“一、…”“（一）…”或“1.…”这样的行）`,
    );
  }
  const preamble: Block[] = [];
  const divisions: Division[] = [];
  const stack: OpenDivision[] = [];
  // Closing lines before this index have body text after them: they were moved, and say so.
  let lastBodyLine = -1;
  for (let index = lines.length - 1; index >= 0; index--) {
    if (!closingLines.has(index)) {
      lastBodyLine = index;
      break;
    }
  }
  const lastValue = new Map<string, number>();
  let seenDivision = false;

  for (const [index, { text, line }] of lines.entries()) {
    if (closingLines.has(index)) {
      if (index < lastBodyLine) {
        removed.push({
          kind: 'moved',
          line,
          text,
          description: `把第 ${line} 行的“${text.slice(0, 20)}${text.length > 20 ? '…' : ''}”移到文末的版记（公文把它印在那里）`,
        });
      }
      continue;
    }
    const heading = matchHeadingNumber(text);
    const depth = heading ? styles.order.indexOf(heading.style) : -1;
    if (heading && depth !== -1 && !(heading.style === 'arabic-paren' && styles.itemsStyle)) {
      while (stack.length > 0 && stack.at(-1)!.depth >= depth) stack.pop();
      const parent = stack.at(-1);
      const siblings = parent ? parent.division.children : divisions;
      const level: DivisionLevel = depth === 0 && styles.order.length > 1 ? 'section' : LEVEL_OF_STYLE[heading.style];
      const { lead, rest } = splitLead(heading.rest);
      const division: Division = {
        id: '',
        level: depth > 0 && level === 'section' ? 'clause' : level,
        number: heading.number,
        heading: lead,
        blocks: [],
        children: [],
      };
      checkSequence(lastValue, parent?.division, heading.style, heading.value, heading.number, `${file}:${line}`, warnings);
      siblings.push(division);
      stack.push({ division, depth, style: heading.style });
      seenDivision = true;
      if (rest) addText(division.blocks, rest);
      continue;
    }
    const current = stack.at(-1)?.division;
    const target = current ? current.blocks : preamble;
    if (heading && heading.style === 'arabic-paren' && styles.itemsStyle && current) {
      const last = target.at(-1);
      const { text: itemText, note } = splitTrailingNote(heading.rest);
      const item = { marker: heading.number, text: itemText };
      if (last?.type === 'list') last.items.push(item);
      else target.push({ type: 'list', items: [item] });
      if (note) target.push({ type: 'note', text: note });
      continue;
    }
    if (!seenDivision && heading) {
      warnings.push(`${file}:${line}: 第一个部分之前的编号行作为前言文字保留`);
    }
    addText(target, text);
  }

  moveClosingParagraphs(divisions, closing);
  assignIds(divisions, '');
  return { preamble, divisions, closing };
}

/** The heading styles in order of first appearance (outermost first), and whether （1） marks list items. */
function headingStyles(lines: SourceLine[], skip: Set<number>): { order: NumberStyle[]; itemsStyle: boolean } {
  const order: NumberStyle[] = [];
  for (const [index, { text }] of lines.entries()) {
    if (skip.has(index)) continue;
    const heading = matchHeadingNumber(text);
    if (heading && !order.includes(heading.style)) order.push(heading.style);
  }
  const pointStyles = order.filter((style) => style === 'arabic-dot' || style === 'arabic-dun');
  const parenIndex = order.indexOf('arabic-paren');
  // （1） under a 1. point is an enumeration inside the point, not a fourth level of heading.
  const itemsStyle = parenIndex > 0 && pointStyles.some((style) => order.indexOf(style) < parenIndex);
  return { order: itemsStyle ? order.filter((style) => style !== 'arabic-paren') : order, itemsStyle };
}

/** Warn when a number does not follow its predecessor (a gap, a repeat, or numbering out of order). */
function checkSequence(
  lastValue: Map<string, number>,
  parent: Division | undefined,
  style: NumberStyle,
  value: number,
  number: string,
  where: string,
  warnings: string[],
): void {
  const siblingsKey = `${style}`;
  const previous = lastValue.get(siblingsKey);
  const parentKey = `parent:${style}`;
  const previousParent = lastValue.get(parentKey);
  const parentMark = parent ? objectId(parent) : 0;
  const restarted = previousParent !== parentMark;
  lastValue.set(siblingsKey, value);
  lastValue.set(parentKey, parentMark);
  if (previous === undefined) {
    if (value !== 1) warnings.push(`${where}: 编号从 ${number} 开始，而不是从 1 开始`);
    return;
  }
  if (value === previous + 1) return;
  if (restarted && value === 1) return;
  warnings.push(`${where}: ${number} 接在编号 ${previous} 之后（编号跳号或重复）；编号按原文保留`);
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;
/** A small number identifying `object`, for telling parents apart. */
function objectId(object: object): number {
  let id = objectIds.get(object);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(object, id);
  }
  return id;
}

/** Add a paragraph of text to `blocks`, splitting off enumerations 一是… and a trailing responsible-unit note. */
function addText(blocks: Block[], text: string): void {
  const { text: withoutNote, note } = splitTrailingNote(text);
  if (withoutNote) {
    const { intro, items } = splitEnumeration(withoutNote);
    if (intro) blocks.push({ type: 'paragraph', text: intro });
    if (items.length > 0) blocks.push({ type: 'list', items });
  }
  if (note) blocks.push({ type: 'note', text: note });
}

/**
 * Find the closing matter wherever it was printed: 抄送, 印发 lines, the 附注, 附件 lines after the
 * body, and a 署名 + 成文日期 block. Fills `closing` and returns the indexes of those lines.
 */
function findClosingLines(lines: SourceLine[], closing: Closing): Set<number> {
  const taken = new Set<number>();
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (isCcLine(text)) {
      closing.cc = text;
      taken.add(index);
      // The 印发机关 line follows the 抄送 line in the 版记, with or without its date.
      const next = lines[index + 1]?.text;
      if (next && (isBodyName(next) || parsePrintedLine(next))) {
        closing.printed.push(next);
        taken.add(++index);
      }
    } else if (parsePrintedLine(text)) {
      closing.printed.push(text);
      taken.add(index);
    } else if (isPublicationNote(text)) {
      closing.publication = text;
      taken.add(index);
    } else if (isAttachmentLine(text)) {
      closing.attachments.push(text);
      taken.add(index);
    } else if (isBodyName(text) && isSignatureAhead(lines, index)) {
      while (isBodyName(lines[index]!.text)) {
        closing.signature.push(lines[index]!.text);
        taken.add(index++);
      }
      closing.date = lines[index]!.text;
      taken.add(index);
    }
  }
  return taken;
}

/**
 * Paragraphs after the responsible-unit note of the very last division are the 结束语 of the
 * document, not part of that division: move them to the closing matter.
 */
function moveClosingParagraphs(divisions: Division[], closing: Closing): void {
  let last = divisions.at(-1);
  while (last && last.children.length > 0) last = last.children.at(-1);
  if (!last) return;
  const noteIndex = last.blocks.findLastIndex((block) => block.type === 'note');
  if (noteIndex === -1 || noteIndex === last.blocks.length - 1) return;
  const after = last.blocks.slice(noteIndex + 1);
  if (!after.every((block) => block.type === 'paragraph')) return;
  last.blocks = last.blocks.slice(0, noteIndex + 1);
  closing.paragraphs.push(...after.map((block) => (block.type === 'paragraph' ? block.text : '')));
}

const LEVEL_LETTER: Record<DivisionLevel, string> = { section: 's', clause: 'c', point: 'p' };

/** Give every division an id from its numbering: s1, s1-p2, s3-c12; repeats get -2, -3. */
function assignIds(divisions: Division[], prefix: string): void {
  const used = new Map<string, number>();
  divisions.forEach((division, index) => {
    const value = matchHeadingNumber(`${division.number}x`)?.value ?? index + 1;
    const base = `${prefix}${LEVEL_LETTER[division.level]}${value}`;
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    division.id = count === 1 ? base : `${base}-${count}`;
    assignIds(division.children, `${division.id}-`);
  });
}

// ---------------------------------------------------------------------------------------------
// Frontmatter

/** Derive the frontmatter (title, kind, region, year, issuers, date…) from the parsed body. */
function deriveFrontmatter(
  body: WorkplanBody,
  text: string,
  options: ParseOptions,
  titleLine: number,
  warnings: string[],
): WorkplanFrontmatterInput {
  const file = options.sourceName;
  const title = stripWhitespace(body.title);
  // The plan's own title says the kind; failing that, the name the cover notice publishes 《…》.
  const kind =
    options.kind ??
    kindFromTitle(title) ??
    (body.notice ? [body.notice.title ?? '', ...body.notice.paragraphs].flatMap(citedTitles).map(kindFromTitle).find(Boolean) : undefined);
  if (!kind) {
    throw new ImportError(file, titleLine, `无法从标题“${title}”判断文档类型：标题应以“工作要点”或“实施方案”结尾（或用 --kind 指定）`);
  }
  const issuers =
    body.masthead && body.masthead.issuers.length > 0
      ? body.masthead.issuers.map((issuer) => issuer.replace(/文件$/u, ''))
      : body.notice && body.notice.signature.length > 0
        ? body.notice.signature
        : body.closing.signature;
  const dateText = body.notice?.date ?? body.closing.date;
  const date = dateText ? parseDateLine(dateText) : undefined;
  const titleYear = /(\d{4})年/u.exec(title)?.[1];
  const year = titleYear ? Number(titleYear) : date ? Number(date.slice(0, 4)) : undefined;
  if (year === undefined) {
    throw new ImportError(file, titleLine, `无法判断年度：标题“${title}”没有写年份，文档也没有成文日期`);
  }
  if (!titleYear) warnings.push(`${file}:${titleLine}: 标题没有写年份；按成文日期取 ${year} 年`);
  let region = options.region;
  if (!region) {
    const found = detectRegion([title, ...issuers, body.notice?.title ?? ''], text);
    if ('error' in found) throw new ImportError(file, titleLine, found.error);
    region = found.region;
  }
  const recipients = body.notice?.recipients ? splitList(body.notice.recipients.replace(/^主送[：:]/u, '')) : [];
  const cc = body.closing.cc ? splitList(body.closing.cc.replace(/^抄送[：:]/u, '')) : [];
  const sha256 = options.sha256 ?? sha256Hex(text);
  if (issuers.length === 0) warnings.push(`${file}: 文档没有写发文机关（没有版头、落款或署名）`);
  if (!date) warnings.push(`${file}: 文档没有成文日期`);
  return {
    title,
    kind,
    region,
    year,
    issuers,
    ...(date ? { date } : {}),
    ...(body.masthead?.documentNumber ? { documentNumber: body.masthead.documentNumber } : {}),
    recipients,
    cc,
    source: { file, sha256 },
  };
}
