// Read work-plan MDX files with satteri (the MDX compiler Astro uses; Node only, so the build and
// the command line use this module and the browser uses ./mdx-portable.ts). The writer and the
// tree reader are shared: ./mdx-document.ts. `readWorkplanMdx(toMdx(doc))` equals `doc`, which
// the importer checks before it writes.
import { mdxToMdast } from 'satteri';
import { bodyFromMdast, WorkplanStructureError, type MdastLike } from './mdast.ts';
import { readWorkplanMdxWith } from './mdx-document.ts';
import type { WorkplanBody, WorkplanDocument } from '../../schemas/workplan.ts';

export * from './mdx-document.ts';

/** Read a work-plan MDX file back into the document, parsed by satteri; throws WorkplanStructureError naming `file`. */
export function readWorkplanMdx(mdx: string, file: string): WorkplanDocument {
  return readWorkplanMdxWith(parseMdx, mdx, file);
}

/** Read only the body of a work-plan MDX file (the build takes the frontmatter from the content collection). */
export function readWorkplanBody(mdx: string, file: string): WorkplanBody {
  return bodyFromMdast(parseMdx(mdx, file), file);
}

/** Parse MDX with satteri; a syntax error becomes a WorkplanStructureError naming the file. */
export function parseMdx(mdx: string, file: string): MdastLike {
  try {
    return mdxToMdast(mdx) as MdastLike;
  } catch (error) {
    // satteri's messages start with line:column; put them after the file name.
    const message = (error as Error).message;
    const place = /^(\d+):(\d+): /u.exec(message);
    const at = place ? { type: 'error', position: { start: { line: Number(place[1]), column: Number(place[2]) } } } : undefined;
    throw new WorkplanStructureError(file, at, `MDX 语法错误：${place ? message.slice(place[0].length) : message}`);
  }
}
