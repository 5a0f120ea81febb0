// A framework file a school received from its office (YAML or JSON), read without trusting it:
// the one checker for such files, used by /self-check/open/ and the builder's "open a file". The
// file goes through the same schema and cross-reference checks as content/frameworks/*.yaml at
// build time (src/schemas/framework.ts), after guards against files built to exhaust the browser:
// size, nesting depth and YAML alias expansion. Every refusal is a Chinese sentence naming the
// line or the field.
import { parseDocument, type YAMLError } from 'yaml';
import { frameworkSchema, type Framework } from '../../schemas/framework.ts';
import type { z } from '../../schemas/zod.ts';
import { fieldPath, formatIssue, parseJson } from '../validation/messages.ts';
import { decodeText } from '../county/decode.ts';
import { sha256Hex } from '../sha256.ts';

/** Largest accepted file: the biggest published framework is about 20 KB. */
export const maxFileBytes = 1024 * 1024;
/** Deepest accepted nesting of objects and lists; a framework needs about 9 levels. */
export const maxDepth = 24;
/** Most YAML alias (*name) expansions accepted; published files use a few dozen. */
export const maxAliasCount = 200;
/** Schema problems listed before “还有 n 处”. */
const maxListed = 20;

export type FrameworkFileResult = { ok: true; framework: Framework; hash: string } | { ok: false; errors: string[] };

const yamlErrorWords: Record<string, string> = {
  DUPLICATE_KEY: '同一层中字段名重复',
  BAD_INDENT: '缩进不对',
  BAD_ALIAS: '引用（*名称）写法不对',
  BAD_DIRECTIVE: '指令写法不对',
  BAD_SCALAR_START: '值的开头字符不对',
  BLOCK_AS_IMPLICIT_KEY: '字段名写法不对',
  MISSING_CHAR: '缺少括号或引号',
  MULTIPLE_ANCHORS: '一个值有多个锚点',
  MULTIPLE_DOCS: '文件中有多个文档（---）',
  TAB_AS_INDENT: '用了制表符（Tab）缩进，请改用空格',
  UNEXPECTED_TOKEN: '出现了意外的字符',
  ALIAS_PROPS: '引用不能带锚点或标签',
  KEY_OVER_1024_CHARS: '字段名过长',
  TAG_RESOLVE_FAILED: '标签无法识别',
};

/** One YAML syntax error in Chinese, with its line and column. */
function yamlError(error: YAMLError): string {
  const position = error.linePos?.[0];
  const where = position ? `第 ${position.line} 行第 ${position.col} 列` : '文件中';
  return `不是有效的 YAML 文件：${where}${yamlErrorWords[error.code] ?? '格式错误'}`;
}

/** Whether brackets ([ {) open deeper than `maxDepth` anywhere in the text, quoted text aside: checked before parsing, as the YAML parser takes seconds over a megabyte of nested brackets. */
export function bracketsTooDeep(text: string): boolean {
  let depth = 0;
  let quote = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') {
      if (++depth > maxDepth) return true;
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return false;
}

/** The path of a part nested deeper than `maxDepth`, or null. Iterative, so hostile depth cannot overflow the stack. */
export function tooDeep(value: unknown): (string | number)[] | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (path.length >= maxDepth) return path;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((item, index) => [index, item]) : Object.entries(node);
    for (const [key, child] of entries) stack.push({ value: child, path: [...path, key] });
  }
  return null;
}

const looksLikeJson = (text: string, fileName: string) => /\.json$/iu.test(fileName) || /^\s*[[{]/u.test(text.replace(/^\uFEFF/u, '')) && !/\.ya?ml$/iu.test(fileName);

/** The file's data (JSON or YAML), or Chinese messages saying why it cannot be read. */
function readData(text: string, fileName: string): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  const body = text.replace(/^\uFEFF/u, '');
  if (body.trim() === '') return { ok: false, errors: ['文件为空'] };
  if (looksLikeJson(body, fileName)) {
    const parsed = parseJson(body);
    if (parsed.ok || parsed.message.includes('行')) return parsed.ok ? parsed : { ok: false, errors: [parsed.message] };
    // The engine did not say where: JSON is YAML, so the YAML parser finds the position.
    const position = parseDocument(body).errors[0]?.linePos?.[0];
    return { ok: false, errors: [position ? `不是有效的 JSON 文件：第 ${position.line} 行第 ${position.col} 列附近格式错误（可能内容不完整或被改动过）` : parsed.message] };
  }
  let document;
  try {
    document = parseDocument(body, { uniqueKeys: true, prettyErrors: true });
  } catch {
    return { ok: false, errors: ['不是有效的 YAML 文件：结构过于复杂，无法读取'] };
  }
  if (document.errors.length > 0) return { ok: false, errors: document.errors.slice(0, 3).map(yamlError) };
  try {
    return { ok: true, value: document.toJS({ maxAliasCount }) };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/iu.test(error.message)) {
      if (/Excessive/iu.test(error.message)) return { ok: false, errors: [`文件中的 YAML 引用（*名称）展开后过多（超过 ${maxAliasCount} 次），可能是故意构造的文件，已拒绝`] };
      return { ok: false, errors: ['不是有效的 YAML 文件：引用（*名称）指向不存在的锚点（&名称）'] };
    }
    return { ok: false, errors: ['不是有效的 YAML 文件：结构过于复杂，无法读取'] };
  }
}

/** Object keys sorted, so equal content always serialises the same; parsed formula trees left out (they follow from the formula). */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .filter((key) => key !== 'tree')
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

/** SHA-256 of a framework's content: the same for the same framework whatever its formatting, key order or file format. */
export function frameworkHash(framework: Framework): string {
  return sha256Hex(JSON.stringify(canonical(framework)));
}

const deepMessage = (where: string) => `数据嵌套过深（超过 ${maxDepth} 层${where}），不是指标体系文件的结构，已拒绝`;

/** One schema problem in Chinese; an unknown field is named by its full path. */
function schemaMessages(issue: z.core.$ZodIssue): string[] {
  if (issue.code !== 'unrecognized_keys') return [formatIssue(issue)];
  return issue.keys.map((key) => formatIssue({ ...issue, path: [...issue.path, key], message: '指标体系文件中没有这个字段（可能拼写错误，或来自其他程序）' }));
}

/** The refusal of a file over the size limit; callers with a File check its size before reading it. */
export function sizeMessage(bytes: number): string {
  return `文件过大（${(bytes / 1024 / 1024).toFixed(1)} MB），指标体系文件不能超过 1 MB；请确认选对了文件`;
}

/** Read and check a framework file's bytes, decoded as UTF-8, UTF-16 or GB18030 (as Windows editors save them). */
export function readFrameworkBytes(bytes: Uint8Array, fileName: string): FrameworkFileResult {
  if (bytes.length > maxFileBytes) return { ok: false, errors: [sizeMessage(bytes.length)] };
  const decoded = decodeText(bytes);
  if (decoded.ok) return readFrameworkFile(decoded.text, fileName);
  // The decoder's words speak of tables (it serves the county view); a framework file is YAML or JSON.
  return { ok: false, errors: [decoded.message === '文件为空' ? decoded.message : '不是 YAML 或 JSON 文本文件（可能选成了 Word、Excel 或图片文件），无法读取'] };
}

/** Read and check a framework file: the framework and its content hash, or every problem in Chinese. */
export function readFrameworkFile(text: string, fileName: string): FrameworkFileResult {
  // Characters never outnumber UTF-8 bytes, so the cheap test first.
  const bytes = text.length > maxFileBytes ? text.length : new TextEncoder().encode(text).length;
  if (bytes > maxFileBytes) return { ok: false, errors: [sizeMessage(bytes)] };
  if (bracketsTooDeep(text)) return { ok: false, errors: [deepMessage('')] };
  const data = readData(text, fileName);
  if (!data.ok) return data;
  const deep = tooDeep(data.value);
  if (deep) return { ok: false, errors: [deepMessage(`，在字段 ${fieldPath(deep.slice(0, 6))}…`)] };
  if (typeof data.value !== 'object' || data.value === null || Array.isArray(data.value)) {
    return { ok: false, errors: ['文件内容不是指标体系：应当是以 id、title、version 等字段组成的一个对象'] };
  }
  const parsed = frameworkSchema.safeParse(data.value);
  if (!parsed.success) {
    const all = parsed.error.issues.flatMap(schemaMessages);
    const errors = all.slice(0, maxListed);
    const more = all.length - errors.length;
    return { ok: false, errors: more > 0 ? [...errors, `还有 ${more} 处问题未列出`] : errors };
  }
  return { ok: true, framework: parsed.data, hash: frameworkHash(parsed.data) };
}
