// A framework file opened in the browser (YAML or JSON): parsed, checked by the framework schema
// (strict, with the formula and reference checks) and reported in Chinese. Minimal version for the
// builder; the self-check's file opener extends it.
import { parse } from 'yaml';
import { frameworkSchema, type Framework } from '../../schemas/framework.ts';
import { formatIssue } from '../validation/messages.ts';

/** A framework from a file's text, with a hash of its content; or the Chinese reasons it is refused. */
export function readFrameworkFile(text: string, fileName: string): { ok: true; framework: Framework; hash: string } | { ok: false; errors: string[] } {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return { ok: false, errors: [`${fileName}：不是有效的 YAML 或 JSON 文件`] };
  }
  const result = frameworkSchema.safeParse(data);
  if (!result.success) return { ok: false, errors: result.error.issues.map((issue) => `${fileName}：${formatIssue(issue)}`) };
  return { ok: true, framework: result.data, hash: hashText(text) };
}

/** A short FNV-1a hash of the text (not cryptographic: it only tells two files apart). */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
