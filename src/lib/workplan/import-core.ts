// One import, from bytes to MDX text, without touching the file system: sniff the format,
// decode, parse, serialise, then check the result compiles as MDX and reads back identically,
// and keeps every word. Pure and free of Node APIs: the command line (scripts/import.ts, through
// ./importer.ts) and the publish page (in the browser) run this same code; each hands in its MDX
// parser and the PDF font's coverage.
import type { Region, WorkplanDocument, WorkplanFrontmatter } from '../../schemas/workplan.ts';
import { decodeText, sniffFormat, assertReadable, type TextEncoding } from './decode.ts';
import { DocxError, docxToText } from './docx.ts';
import { ImportError } from './errors.ts';
import { plainDataEqual } from './equal.ts';
import { unprintableWarnings } from './font-check.ts';
import { checkLossless } from './lossless.ts';
import { readWorkplanMdxWith, toMdx, type MdxParser } from './mdx-document.ts';
import { parseWorkplan, type Artefact } from './parse.ts';
import { sha256Hex } from '../sha256.ts';
import { isValidSlug, workplanSlug } from './slug.ts';

export interface ImportOptions {
  /** File name of the source (recorded in the frontmatter and used in messages). */
  sourceName: string;
  region?: Region | undefined;
  kind?: WorkplanFrontmatter['kind'] | undefined;
  /** Slug (file name without .mdx) instead of the one derived from year, district and kind. */
  slug?: string | undefined;
  /** What the office corrected of what the importer read (the publish page's form; the command line has none). */
  corrections?: MetadataCorrections | undefined;
}

/** Frontmatter fields an office may correct after reading the preview; absent fields keep what the importer read. */
export interface MetadataCorrections {
  year?: number | undefined;
  issuers?: string[] | undefined;
  documentNumber?: string | undefined;
  date?: Date | undefined;
}

/** The document with the corrections applied to its frontmatter (the body stays as read). */
function corrected(doc: WorkplanDocument, corrections: MetadataCorrections | undefined): WorkplanDocument {
  if (!corrections) return doc;
  const frontmatter = { ...doc.frontmatter };
  if (corrections.year !== undefined) frontmatter.year = corrections.year;
  if (corrections.issuers !== undefined) frontmatter.issuers = corrections.issuers;
  if (corrections.documentNumber !== undefined) frontmatter.documentNumber = corrections.documentNumber;
  if (corrections.date !== undefined) frontmatter.date = corrections.date;
  return { ...doc, frontmatter };
}

/** What differs between the command line and the browser: the MDX parser and where the font's coverage comes from. */
export interface ImportEnvironment {
  parseMdx: MdxParser;
  /** Code points the PDF font can print, or null when unknown (then a warning says it was not checked). */
  coverage: Set<number> | null;
}

export interface ImportResult {
  slug: string;
  mdx: string;
  doc: WorkplanDocument;
  removed: Artefact[];
  warnings: string[];
  format: 'docx' | 'text';
  encoding: TextEncoding | 'docx';
}

/** Decode a source file's bytes to its text, as the importer reads it (.docx or text in any supported encoding). */
export async function decodeSource(
  bytes: Uint8Array,
  file: string,
): Promise<{ text: string; format: ImportResult['format']; encoding: ImportResult['encoding'] }> {
  const format = sniffFormat(bytes);
  if (bytes.length === 0) throw new ImportError(file, 1, '文件是空的');
  if (format === 'binary') {
    throw new ImportError(file, 1, '这是二进制文件，不是文本（含有 NUL 字节）；请导入 .txt 或 .docx 文件');
  }
  if (format === 'docx') {
    let text: string;
    try {
      text = await docxToText(bytes);
    } catch (error) {
      if (error instanceof DocxError) throw new ImportError(file, undefined, error.message);
      throw new ImportError(file, undefined, '无法读取这个 .docx 文件（文件可能已损坏）。请用 Word 或 WPS 打开后另存为新的 .docx，或导出为 .txt 后再导入');
    }
    assertReadable(text, file);
    return { text, format, encoding: 'docx' };
  }
  return { format, ...decodeText(bytes, file) };
}

/** Import one published document from its bytes; throws ImportError with file:line on bad input. */
export async function importDocument(bytes: Uint8Array, options: ImportOptions, environment: ImportEnvironment): Promise<ImportResult> {
  const file = options.sourceName;
  checkSourceName(file);
  const { text, format, encoding } = await decodeSource(bytes, file);
  const sha256 = sha256Hex(bytes);
  const parsed = parseWorkplan(text, { sourceName: file, sha256, region: options.region, kind: options.kind });
  const { removed, warnings } = parsed;
  const doc = corrected(parsed.doc, options.corrections);
  const slug = options.slug ?? workplanSlug(doc.frontmatter);
  if (!isValidSlug(slug)) throw new ImportError(file, undefined, `页面地址（slug）“${slug}”只能由小写英文字母、数字和连字符组成`);
  const mdx = toMdx(doc);
  // Self-checks: nothing is written unless the file reads back as the same document and keeps every word.
  let readBack: WorkplanDocument;
  try {
    readBack = readWorkplanMdxWith(environment.parseMdx, mdx, `${slug}.mdx`);
  } catch (error) {
    throw new ImportError(file, undefined, `内部错误：写出的 MDX 无法读回（${(error as Error).message}）；没有写入任何文件，请把源文件报告给维护者`);
  }
  if (!plainDataEqual(readBack, doc)) {
    throw new ImportError(file, undefined, '内部错误：写出的 MDX 读回后与导入的文档不一致；没有写入任何文件，请把源文件报告给维护者');
  }
  const lossless = checkLossless(text, doc.body, removed);
  if (!lossless.ok) throw new ImportError(file, lossless.line, `内部错误：导入会丢失文字（${lossless.message}）；没有写入任何文件，请把源文件报告给维护者`);
  // Characters the PDF font lacks make the next site build fail: say so now, with the line.
  const covered = environment.coverage;
  if (covered) warnings.push(...unprintableWarnings(text, mdx, file, covered));
  else warnings.push(`${file}: 没有找到 PDF 字体的源文件（@fontsource/noto-sans-sc），未检查字符能否在 PDF 中印出`);
  return { slug, mdx, doc, removed, warnings, format, encoding };
}

/** Characters a file name cannot carry into the MDX (a comment and the frontmatter name it): control and format characters, line separators. */
const ODD_NAME_CHARACTER = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** Refuse a source name the MDX cannot record on one line: it names the file in a comment and in the frontmatter. */
function checkSourceName(name: string): void {
  const odd = ODD_NAME_CHARACTER.exec(name);
  if (!odd) return;
  const code = odd[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const what = /[\n\r\u2028\u2029]/u.test(odd[0]) ? '换行符' : odd[0] === '\t' ? '制表符' : '不可见的控制字符';
  throw new ImportError(
    JSON.stringify(name),
    undefined,
    `文件名的第 ${[...name.slice(0, odd.index)].length + 1} 个字符是${what}（U+${code}）；导入结果会记下源文件名，请先把文件重命名（只用汉字、字母、数字和常见标点）再导入`,
  );
}

/** Where the files of an import go in the repository, relative to its root. */
export const SOURCES_DIR = 'content/sources';
export const WORKPLANS_DIR = 'content/workplans';

/** The files one import adds to the repository, and what the office should read about it. */
export interface ImportFiles {
  /** `content/sources/<file name>`: the original, unchanged. */
  sourcePath: string;
  sourceBytes: Uint8Array;
  /** `content/workplans/<slug>.mdx` */
  mdxPath: string;
  mdxText: string;
  /** What was removed or moved on purpose, in source order. */
  removals: Artefact[];
  warnings: string[];
  result: ImportResult;
}

/** Import one document and name the files it adds to the repository: the original and its MDX. */
export async function importFiles(fileName: string, bytes: Uint8Array, options: Omit<ImportOptions, 'sourceName'>, environment: ImportEnvironment): Promise<ImportFiles> {
  const result = await importDocument(bytes, { ...options, sourceName: fileName }, environment);
  return {
    sourcePath: `${SOURCES_DIR}/${fileName}`,
    sourceBytes: bytes,
    mdxPath: `${WORKPLANS_DIR}/${result.slug}.mdx`,
    mdxText: result.mdx,
    removals: result.removed,
    warnings: result.warnings,
    result,
  };
}
