// The publish page's side of an import, in the browser: the environment the shared import runs in
// (micromark instead of satteri, the font coverage the page was built with), the office's form
// read into import options with Chinese messages, the wording of removals and errors, and the zip
// holding exactly the files the repository needs. Pure apart from JSZip; nothing leaves the browser.
import JSZip from 'jszip';
import type { WorkplanFrontmatter } from '../../schemas/workplan.ts';
import { ImportError } from './errors.ts';
import type { ImportEnvironment, ImportFiles, ImportOptions } from './import-core.ts';
import type { Artefact } from './parse.ts';
import { parseMdxPortable } from './mdx-portable.ts';
import { parseRegionOption } from './region.ts';
import { isValidSlug } from './slug.ts';

/** Code points as compact text: ranges `start-end` or single points, base 36, comma-separated. */
export function encodeCoverage(codes: Iterable<number>): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    const start = sorted[index]!;
    let end = start;
    while (sorted[index + 1] === end + 1) end = sorted[++index]!;
    index++;
    parts.push(start === end ? start.toString(36) : `${start.toString(36)}-${end.toString(36)}`);
  }
  return parts.join(',');
}

/** The code points written by `encodeCoverage`. */
export function decodeCoverage(text: string): Set<number> {
  const codes = new Set<number>();
  for (const part of text.split(',').filter(Boolean)) {
    const [start, end = start] = part.split('-').map((value) => parseInt(value, 36)) as [number, number?];
    for (let code = start; code <= end!; code++) codes.add(code);
  }
  return codes;
}

/** The browser's import environment: micromark reads the MDX back; `coverage` is the PDF font's, from the build (null: unknown). */
export function browserEnvironment(coverage: Set<number> | null): ImportEnvironment {
  return { parseMdx: parseMdxPortable, coverage };
}

/** The office's corrections as typed in the form (empty fields keep what the importer read). */
export interface PublishForm {
  kind: '' | WorkplanFrontmatter['kind'];
  /** 省/区县 or 省/市/区县 */
  region: string;
  year: string;
  /** One issuing body a line. */
  issuers: string;
  documentNumber: string;
  /** YYYY-MM-DD */
  date: string;
  slug: string;
}

export const EMPTY_FORM: PublishForm = { kind: '', region: '', year: '', issuers: '', documentNumber: '', date: '', slug: '' };

export type FormField = keyof PublishForm;

/** Import options from the form, or the problems, each with its field and a Chinese message. */
export function readPublishForm(form: PublishForm): { options: Omit<ImportOptions, 'sourceName'> } | { errors: { field: FormField; message: string }[] } {
  const errors: { field: FormField; message: string }[] = [];
  const options: Omit<ImportOptions, 'sourceName'> = {};
  const corrections: NonNullable<ImportOptions['corrections']> = {};
  if (form.kind) options.kind = form.kind;
  const region = form.region.trim();
  if (region) {
    const parsed = parseRegionOption(region);
    if ('error' in parsed) errors.push({ field: 'region', message: `地区应写成“省/区县”或“省/市/区县”，例如 重庆市/南岸区，而不是“${region}”` });
    else options.region = parsed.region;
  }
  const year = form.year.trim().replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  if (year) {
    if (!/^\d{4}$/u.test(year) || Number(year) < 1990 || Number(year) > 2100) errors.push({ field: 'year', message: `年度应是 1990 到 2100 之间的四位数字，而不是“${form.year.trim()}”` });
    else corrections.year = Number(year);
  }
  const issuers = form.issuers.split(/\r?\n/u).map((line) => line.trim()).filter(Boolean);
  if (issuers.length > 0) corrections.issuers = issuers;
  if (form.documentNumber.trim()) corrections.documentNumber = form.documentNumber.trim();
  if (form.date.trim()) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(form.date.trim());
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
    if (!date || date.getUTCMonth() !== Number(match![2]) - 1 || date.getUTCDate() !== Number(match![3])) errors.push({ field: 'date', message: `成文日期应是有效日期，写成 2025-04-27 的形式，而不是“${form.date.trim()}”` });
    else corrections.date = date;
  }
  const slug = form.slug.trim();
  if (slug) {
    if (!isValidSlug(slug)) errors.push({ field: 'slug', message: `页面地址只能由小写英文字母、数字和连字符组成，例如 2025-nanan-gongzuoyaodian，而不是“${slug}”` });
    else options.slug = slug;
  }
  if (errors.length > 0) return { errors };
  if (Object.keys(corrections).length > 0) options.corrections = corrections;
  return { options };
}

/** One line for each thing removed or moved on purpose, with its source line. */
export function removalLines(removals: Artefact[]): { line: number; description: string }[] {
  return removals.map((artefact) => ({ line: artefact.line, description: artefact.description }));
}

/** The command line's options and commands in an importer message, and what the page offers instead. */
const FOR_THE_PAGE: [RegExp, string][] = [
  [/请用 --region 指定，例如 --region (\S+)$/u, '请在“核对信息”的“适用地区”中填写，例如 $1，再点“按修改重新生成”'],
  [/（或用 --kind 指定）/u, '（或在“核对信息”的“文种”中选择，再点“按修改重新生成”）'],
  [/提交后下一次 npm run build 会因此失败/u, '提交后网站下一次生成时会因此失败'],
];

/** An importer message (error or warning) as the page shows it: the same text, with the page's fields in place of command-line options. */
export function forThePage(message: string): string {
  return FOR_THE_PAGE.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), message);
}

/** The message for a file the import refused: the command line's `file:line: message`, or an internal error to report. */
export function importFailureMessage(fileName: string, error: unknown): string {
  if (error instanceof ImportError) return forThePage(`${error.file}${error.line === undefined ? '' : `:${error.line}`}: ${error.detail}`);
  return `${fileName}: 内部错误，导入失败（${(error as Error)?.message ?? String(error)}）；请把这个文件和这条消息报告给维护者`;
}

/** A file read in the browser is refused above this size before reading (a 5 MB .docx is fine). */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

/** Fixed time stamp for the zip's entries, so the same import always gives the same zip. */
const ZIP_DATE = new Date(Date.UTC(2020, 0, 1));

/** The zip of the files to add to the repository, at their paths (content/sources/…, content/workplans/…). */
export async function publishZip(files: Pick<ImportFiles, 'sourcePath' | 'sourceBytes' | 'mdxPath' | 'mdxText'>): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(files.sourcePath, files.sourceBytes, { date: ZIP_DATE, binary: true });
  zip.file(files.mdxPath, new TextEncoder().encode(files.mdxText), { date: ZIP_DATE, binary: true });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The zip's download name: the page address of the plan. */
export function zipName(mdxPath: string): string {
  return `${mdxPath.replace(/^.*\//u, '').replace(/\.mdx$/u, '')}.zip`;
}
