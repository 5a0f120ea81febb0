// Read the numbered divisions (sections, clauses, points) of a work-plan MDX body without importing
// the work-plan code: every component tag that carries both an `id` and a `number` attribute is a
// division, and nesting follows the tags. Handbooks use this only to find a clause's anchor.
import type { NumberedDivision } from './links';

interface MutableDivision {
  id: string;
  number: string;
  children: MutableDivision[];
}

/** Read one attribute written as name="…" or name={"…"} (a JSON string), or undefined. */
function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}=(?:"([^"]*)"|\\{("(?:[^"\\\\]|\\\\.)*")\\})`).exec(attributes);
  if (!match) return undefined;
  if (match[1] !== undefined) return match[1];
  try {
    return JSON.parse(match[2] ?? '') as string;
  } catch {
    return undefined;
  }
}

/** List the divisions of an MDX body as a tree, in document order. */
export function readMdxDivisions(body: string): NumberedDivision[] {
  const root: MutableDivision[] = [];
  // One frame per open component tag; `division` is set when that tag is a division.
  const stack: { name: string; division?: MutableDivision }[] = [];
  const tag = /<(\/?)([A-Z][\w.]*)((?:[^>"{}]|"[^"]*"|\{(?:[^{}"]|"(?:[^"\\]|\\.)*")*\})*?)(\/?)>/g;
  for (const match of body.matchAll(tag)) {
    const [, closing, name = '', attributes = '', selfClosing] = match;
    if (closing) {
      const index = stack.map((frame) => frame.name).lastIndexOf(name);
      if (index >= 0) stack.length = index;
      continue;
    }
    const id = attribute(attributes, 'id');
    const number = attribute(attributes, 'number');
    let division: MutableDivision | undefined;
    if (id !== undefined && number !== undefined) {
      division = { id, number, children: [] };
      const parent = [...stack].reverse().find((frame) => frame.division)?.division;
      (parent ? parent.children : root).push(division);
    }
    if (!selfClosing) stack.push({ name, ...(division ? { division } : {}) });
  }
  return root;
}
