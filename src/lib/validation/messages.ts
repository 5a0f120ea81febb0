// Chinese messages for everything a user's file can get wrong: one formatter for schema issues
// (zod's Chinese locale is set in src/schemas/zod.ts) that names the field path and the reason, and
// a Chinese reading of JSON syntax errors (never the engine's English).
import type { z } from '../../schemas/zod.ts';

/** A field path as readers see it: answers.students, rows 3 → 第4项. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `第${part + 1}项` : String(part))).join('.');
}

// zod's Chinese locale still names JavaScript types in English ("期望 object，实际接收 string").
const typeWords: Record<string, string> = { object: '对象', string: '文字', number: '数字', boolean: '是/否', array: '列表', undefined: '空', null: '空值', nan: '非数字', bigint: '整数', date: '日期', function: '函数', symbol: '符号' };

/** One schema issue as “字段 answers.students：无效输入：期望 数字，实际接收 列表”; the root is called （整个文件）. */
export function formatIssue(issue: z.core.$ZodIssue): string {
  const path = fieldPath(issue.path);
  const message = issue.message.replace(/\((key|value)\)/gu, '').replace(/\b(object|string|number|boolean|array|undefined|null|nan|bigint|date|function|symbol)\b/gu, (word) => typeWords[word]!);
  return `${path ? `字段 ${path}` : '（整个文件）'}：${message}`;
}

/** Every schema issue of a failed parse, in order, each naming its field. */
export function formatIssues(error: z.ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map(formatIssue);
  const more = error.issues.length - lines.length;
  return `${lines.join('；')}${more > 0 ? `；还有 ${more} 处` : ''}`;
}

/** Parse JSON, or say in Chinese where it breaks (line and column when the engine tells the position). */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: false, message: '文件为空' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const position = /position (\d+)/u.exec((error as Error).message)?.[1];
    if (/end of JSON/iu.test((error as Error).message)) return { ok: false, message: `不是有效的 JSON 文件：内容在第 ${text.split('\n').length} 行中断（文件可能没有保存完整）` };
    if (position === undefined) return { ok: false, message: '不是有效的 JSON 文件（格式错误）' };
    const before = text.slice(0, Number(position));
    const line = before.split('\n').length;
    const column = Number(position) - before.lastIndexOf('\n');
    return { ok: false, message: `不是有效的 JSON 文件：第 ${line} 行第 ${column} 列附近格式错误（可能内容不完整或被改动过）` };
  }
}
