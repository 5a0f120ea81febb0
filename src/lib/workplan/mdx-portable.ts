// Parse work-plan MDX with micromark (mdast-util-from-markdown with the MDX extensions, the
// parser @mdx-js/mdx uses): plain JavaScript, so the publish page can read back what the importer
// wrote, as the command line does with satteri (./mdx.ts), before it offers the file. The YAML
// frontmatter (which plain MDX does not know) is cut off here and becomes a `yaml` node, as satteri
// makes it; the lines below keep their numbers so messages point at the right line.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { MdastLike } from './mdast.ts';
import { WorkplanStructureError } from './mdast.ts';

const FRONTMATTER = /^---\r?\n([^]*?)\r?\n---(?:\r?\n|$)/u;

/** Parse MDX with micromark; a syntax error becomes a WorkplanStructureError naming the file. */
export function parseMdxPortable(mdx: string, file: string): MdastLike {
  const front = FRONTMATTER.exec(mdx);
  const frontLines = front ? front[0].split('\n').length - 1 : 0;
  // Blank lines in place of the frontmatter keep the body's line numbers.
  const body = front ? '\n'.repeat(frontLines) + mdx.slice(front[0].length) : mdx;
  let tree: MdastLike;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) as unknown as MdastLike;
  } catch (error) {
    const place = (error as { place?: { line?: number; column?: number } | { start?: { line?: number; column?: number } } }).place;
    const start = place && 'start' in place ? place.start : (place as { line?: number; column?: number } | undefined);
    const at = start?.line ? { type: 'error', position: { start: { line: start.line, column: start.column ?? 1 } } } : undefined;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    throw new WorkplanStructureError(file, at, `MDX 语法错误：${reason}`);
  }
  if (!front) return tree;
  const yaml: MdastLike = { type: 'yaml', value: front[1], position: { start: { line: 1, column: 1 } } };
  return { ...tree, children: [yaml, ...(tree.children ?? [])] };
}
