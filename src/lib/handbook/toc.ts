// The table of contents of a handbook page, built from the headings Astro reports for its MDX.

/** A heading as Astro's `render()` returns it. */
export interface MarkdownHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem extends MarkdownHeading {
  children: TocItem[];
}

export interface TocOptions {
  /** Shallowest heading level listed (the page title h1 is never listed). */
  minDepth?: number;
  /** Deepest heading level listed. */
  maxDepth?: number;
}

/**
 * Convert the flat headings array into a nested tree: each heading becomes a child of the
 * nearest shallower heading before it; headings outside [minDepth, maxDepth] are dropped.
 */
export function generateToc(headings: readonly MarkdownHeading[], options: TocOptions = {}): TocItem[] {
  const { minDepth = 2, maxDepth = 3 } = options;
  const root: TocItem[] = [];
  const stack: TocItem[] = [];
  for (const heading of headings) {
    if (heading.depth < minDepth || heading.depth > maxDepth) continue;
    const item: TocItem = { depth: heading.depth, slug: heading.slug, text: heading.text, children: [] };
    while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= item.depth) stack.pop();
    const parent = stack.at(-1);
    (parent ? parent.children : root).push(item);
    stack.push(item);
  }
  return root;
}
