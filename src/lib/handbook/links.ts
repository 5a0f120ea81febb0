// Links from handbooks into the rest of the site (work-plan points, frameworks, self-checks).
// Those sections are separate content; a handbook link is kept only when its target is built,
// so a handbook never ships a broken link, and the build lists what it had to leave out.

/** The pages and anchors the current build will contain, as base-less paths ('/workplans/x/'). */
export interface SiteIndex {
  pages: ReadonlySet<string>;
  /** Anchor ids per page path, for the pages whose anchors are known. */
  anchors: ReadonlyMap<string, ReadonlySet<string>>;
}

export type ResolvedLink =
  | { status: 'ok'; path: string }
  /** The page exists but the anchor does not: link the page top. */
  | { status: 'page-only'; path: string }
  | { status: 'missing' };

/** Check a base-less internal path (with an optional #anchor) against the index. */
export function resolveLink(target: string, index: SiteIndex): ResolvedLink {
  const [page = '', anchor] = target.split('#');
  const path = page.endsWith('/') ? page : `${page}/`;
  if (!index.pages.has(path)) return { status: 'missing' };
  if (!anchor) return { status: 'ok', path };
  return index.anchors.get(path)?.has(anchor) ? { status: 'ok', path: `${path}#${anchor}` } : { status: 'page-only', path };
}

/** A numbered part of a document as the work-plan body tree has it. */
export interface NumberedDivision {
  id: string;
  number: string;
  children: readonly NumberedDivision[];
}

/** Normalise a printed number for comparison: no spaces; 5． and 5、 count as 5. */
function normaliseNumber(number: string): string {
  return number.replace(/\s+/g, '').replace(/^(\d+)[.．、]$/, '$1.');
}

/**
 * Find the anchor id of a numbered division. `at` lists printed numbers from the outside in, and
 * each may sit at any depth below the previous one: ['（十三）'], or ['四、', '3.'] where points
 * restart their numbering in every section.
 */
export function findDivisionId(divisions: readonly NumberedDivision[], at: readonly string[]): string | undefined {
  const [first, ...rest] = at;
  if (first === undefined) return undefined;
  const wanted = normaliseNumber(first);
  for (const division of divisions) {
    if (normaliseNumber(division.number) === wanted) {
      if (rest.length === 0) return division.id;
      const inner = findDivisionId(division.children, rest);
      if (inner) return inner;
    }
    const deeper = findDivisionId(division.children, at);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Split a position such as '四、 3.' or '（十三）' into its printed numbers. */
export function parsePosition(position: string): string[] {
  return position.split(/\s+/).filter(Boolean);
}
