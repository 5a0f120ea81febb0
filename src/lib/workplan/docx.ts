// Read a .docx file as plain text with mammoth. Word's automatic numbering (一、 （一） 1.) is
// not text in the file, and mammoth drops it, so before extraction the numbers are computed
// from word/numbering.xml (formats, level texts, starts, restarts, style-linked lists) and
// written into each numbered paragraph as a literal run. The text parser then sees the
// numbers exactly as a reader of the printed document does.
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { formatHanNumeral } from './numerals.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Level {
  numFmt: string;
  lvlText: string;
  start: number;
}

interface Numbering {
  /** abstractNumId → levels by ilvl. */
  abstract: Map<string, Map<number, Level>>;
  /** numId → abstractNumId and per-level overrides. */
  nums: Map<string, { abstractNumId: string; startOverrides: Map<number, number>; levels: Map<number, Level> }>;
}

/** Attribute `w:name` of an element, or undefined. */
function attr(element: Element | null | undefined, name: string): string | undefined {
  if (!element) return undefined;
  const value = element.getAttributeNS(W, name) || element.getAttribute(`w:${name}`);
  return value === null || value === '' ? undefined : value;
}

/** First child element named `w:name`. */
function child(element: Element | null | undefined, name: string): Element | undefined {
  if (!element) return undefined;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name) return node as Element;
  }
  return undefined;
}

function children(element: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name) out.push(node as Element);
  }
  return out;
}

function readLevel(lvl: Element): Level {
  return {
    numFmt: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
    lvlText: attr(child(lvl, 'lvlText'), 'val') ?? '',
    start: Number(attr(child(lvl, 'start'), 'val') ?? '1'),
  };
}

/** Read word/numbering.xml into abstract definitions and list instances. */
function readNumbering(xml: string): Numbering {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  const abstract = new Map<string, Map<number, Level>>();
  for (const element of children(root, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of children(element, 'lvl')) levels.set(Number(attr(lvl, 'ilvl') ?? '0'), readLevel(lvl));
    abstract.set(attr(element, 'abstractNumId') ?? '', levels);
  }
  const nums: Numbering['nums'] = new Map();
  for (const element of children(root, 'num')) {
    const startOverrides = new Map<number, number>();
    const levels = new Map<number, Level>();
    for (const override of children(element, 'lvlOverride')) {
      const ilvl = Number(attr(override, 'ilvl') ?? '0');
      const start = attr(child(override, 'startOverride'), 'val');
      if (start !== undefined) startOverrides.set(ilvl, Number(start));
      const lvl = child(override, 'lvl');
      if (lvl) levels.set(ilvl, readLevel(lvl));
    }
    nums.set(attr(element, 'numId') ?? '', {
      abstractNumId: attr(child(element, 'abstractNumId'), 'val') ?? '',
      startOverrides,
      levels,
    });
  }
  return { abstract, nums };
}

/** Paragraph styles that carry numbering (numId, ilvl), following basedOn chains. */
function readStyleNumbering(xml: string | undefined): Map<string, { numId: string; ilvl: number }> {
  const result = new Map<string, { numId: string; ilvl: number }>();
  if (!xml) return result;
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  const raw = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  for (const style of children(root, 'style')) {
    const numPr = child(child(style, 'pPr'), 'numPr');
    const numId = attr(child(numPr, 'numId'), 'val');
    const ilvl = attr(child(numPr, 'ilvl'), 'val');
    raw.set(attr(style, 'styleId') ?? '', {
      ...(numId !== undefined ? { numId } : {}),
      ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}),
      ...(attr(child(style, 'basedOn'), 'val') ? { basedOn: attr(child(style, 'basedOn'), 'val')! } : {}),
    });
  }
  for (const id of raw.keys()) {
    let at: string | undefined = id;
    const seen = new Set<string>();
    while (at && !seen.has(at)) {
      seen.add(at);
      const style = raw.get(at);
      if (style?.numId !== undefined) {
        result.set(id, { numId: style.numId, ilvl: style.ilvl ?? 0 });
        break;
      }
      at = style?.basedOn;
    }
  }
  return result;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';

function roman(value: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [unit, letters] of table) while (value >= unit) (out += letters), (value -= unit);
  return out;
}

/** Format a counter value in one of Word's number formats (w:numFmt). */
export function formatWordNumber(value: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return formatHanNumeral(value);
    case 'chineseLegalSimplified':
      return value < 10 ? LEGAL[value]! : formatHanNumeral(value);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(value - 1) % 10]!;
    case 'decimalZero':
      return String(value).padStart(2, '0');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[value - 1] ?? String(value);
    case 'upperLetter':
      return String.fromCharCode(64 + (((value - 1) % 26) + 1));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((value - 1) % 26) + 1));
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'none':
      return '';
    default:
      return String(value);
  }
}

/**
 * Write the text of every automatic number into its paragraph (as the first run) and return the
 * updated document.xml. Counters follow Word: one per list instance and level, deeper levels
 * restart when a shallower one advances.
 */
export function materialiseNumbering(documentXml: string, numberingXml: string, stylesXml?: string): string {
  const numbering = readNumbering(numberingXml);
  const styleNumbering = readStyleNumbering(stylesXml);
  const dom = new DOMParser().parseFromString(documentXml, 'text/xml');
  const counters = new Map<string, number[]>();
  const paragraphs = dom.getElementsByTagNameNS(W, 'p');
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs.item(index)!;
    const pPr = child(paragraph, 'pPr');
    const numPr = child(pPr, 'numPr');
    const styleId = attr(child(pPr, 'pStyle'), 'val');
    const fromStyle = styleId ? styleNumbering.get(styleId) : undefined;
    const numId = attr(child(numPr, 'numId'), 'val') ?? fromStyle?.numId;
    const ilvl = Number(attr(child(numPr, 'ilvl'), 'val') ?? fromStyle?.ilvl ?? 0);
    if (numId === undefined || numId === '0') continue;
    const instance = numbering.nums.get(numId);
    if (!instance) continue;
    const levelOf = (at: number) => instance.levels.get(at) ?? numbering.abstract.get(instance.abstractNumId)?.get(at);
    const level = levelOf(ilvl);
    if (!level || level.numFmt === 'bullet') continue;
    const startOf = (at: number) => instance.startOverrides.get(at) ?? levelOf(at)?.start ?? 1;
    const values = counters.get(numId) ?? [];
    values[ilvl] = (values[ilvl] ?? startOf(ilvl) - 1) + 1;
    values.length = ilvl + 1;
    counters.set(numId, values);
    const text = level.lvlText.replace(/%(\d)/gu, (_, n: string) => {
      const at = Number(n) - 1;
      const fmt = levelOf(at)?.numFmt ?? 'decimal';
      return formatWordNumber(values[at] ?? startOf(at), fmt);
    });
    if (!text) continue;
    const run = dom.createElementNS(W, 'w:r');
    const t = dom.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(dom.createTextNode(text));
    run.appendChild(t);
    const first = pPr ? pPr.nextSibling : paragraph.firstChild;
    paragraph.insertBefore(run, first);
  }
  return new XMLSerializer().serializeToString(dom);
}

/** A .docx that cannot be read; the message is for the user (Chinese) and names the part. */
export class DocxError extends Error {}

/**
 * Check that an XML part of the package is well-formed, so a damaged file gets one clear message
 * instead of the XML parser's console output and a half-read document.
 */
export function assertWellFormed(xml: string, part: string): void {
  let problem: string | undefined;
  const report = (message: string) => {
    problem ??= message;
  };
  const dom = new DOMParser({ locator: {}, errorHandler: { warning: report, error: report, fatalError: report } }).parseFromString(xml, 'text/xml');
  if (!problem && !dom.documentElement) problem = 'no root element';
  if (problem) {
    const where = /@#\[line:(\d+),col:(\d+)\]/u.exec(problem);
    throw new DocxError(
      `这个 .docx 文件已损坏：其中的 ${part} 不是完整的 XML${where ? `（第 ${where[1]} 行第 ${where[2]} 列附近）` : ''}。请用 Word 或 WPS 打开后另存为新的 .docx，或导出为 .txt 后再导入`,
    );
  }
}

/** Extract the text of a .docx (one paragraph per line, blank lines between) with its automatic numbers. */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocxError('这个 .docx 文件已损坏：无法按 ZIP 压缩包读取（文件可能不完整）。请用 Word 或 WPS 打开后另存为新的 .docx，或导出为 .txt 后再导入');
  }
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (documentXml === undefined) throw new DocxError('这不是 Word 文档：压缩包里没有 word/document.xml');
  assertWellFormed(documentXml, 'word/document.xml');
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  if (numberingXml !== undefined) {
    const stylesXml = await zip.file('word/styles.xml')?.async('string');
    assertWellFormed(numberingXml, 'word/numbering.xml');
    if (stylesXml !== undefined) assertWellFormed(stylesXml, 'word/styles.xml');
    zip.file('word/document.xml', materialiseNumbering(documentXml, numberingXml, stylesXml));
  }
  const data = await zip.generateAsync({ type: 'uint8array' });
  // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`; its zip reader takes a Uint8Array as either.
  const { value } = await mammoth.extractRawText({ buffer: data, arrayBuffer: data } as unknown as { buffer: Buffer });
  return value;
}
