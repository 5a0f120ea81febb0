// A rehype plugin for handbook MDX: the first occurrence of each glossary term on a page becomes a
// link to its entry on the glossary page. Chosen over a hand-placed component so that no page can
// forget a term; <GlossaryTerm> remains for the rare place where a specific occurrence should link.
import type { Element, ElementContent, Root, Text } from 'hast';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import { createTermMatcher, glossaryPath, glossaryTerms, type GlossaryTerm } from './glossary';

export interface GlossaryLinkOptions {
  /** Site base path, e.g. '/' or '/dudao/'. */
  base?: string;
  /** The terms to link (defaults to the glossary). */
  terms?: readonly GlossaryTerm[];
  /** Decide from the source file path whether a file gets links; by default handbook pages except the glossary. */
  include?: (path: string) => boolean;
}

/** Elements whose text never gets a glossary link: links, headings, code, and the glossary's own entries. */
const skippedTags = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'dfn', 'script', 'style']);
const skippedComponents = new Set(['a', 'GlossaryTerm', 'GlossaryEntry']);

/** True for a handbook MDX file other than the glossary itself. */
export function isLinkedHandbook(path: string): boolean {
  const normalised = path.replaceAll('\\', '/');
  return /\/handbooks\/[^/]+\.mdx$/.test(normalised) && !/\/handbooks\/glossary\.mdx$/.test(normalised);
}

/** True when a node is, or is an MDX component, whose text must not be linked. */
function isSkipped(node: { type: string; tagName?: string; name?: string | null }): boolean {
  if (node.type === 'element') return skippedTags.has(node.tagName ?? '');
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    return skippedComponents.has(node.name ?? '');
  }
  return false;
}

/** The href of a glossary entry, with the site base. */
export function glossaryHref(id: string, base = '/'): string {
  return `${base.replace(/\/$/, '')}${glossaryPath}#${id}`;
}

/**
 * Link the first occurrence of each term in the tree, in document order. Returns the ids linked.
 * Text inside links, headings, code and skipped components is left alone.
 */
export function linkGlossaryTerms(tree: Root, options: Omit<GlossaryLinkOptions, 'include'> = {}): string[] {
  const match = createTermMatcher(options.terms ?? glossaryTerms);
  const linked = new Set<string>();
  const replacements: { parent: { children: unknown[] }; node: Text; parts: ElementContent[] }[] = [];

  visitParents(tree, (node, ancestors) => {
    if (isSkipped(node as never)) return SKIP;
    if (node.type !== 'text') return;
    const text = node as Text;
    const parts: ElementContent[] = [];
    let cursor = 0;
    for (const found of match(text.value)) {
      if (linked.has(found.entry.id) || found.index < cursor) continue;
      linked.add(found.entry.id);
      if (found.index > cursor) parts.push({ type: 'text', value: text.value.slice(cursor, found.index) });
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: glossaryHref(found.entry.id, options.base), className: ['glossary-term'] },
        children: [{ type: 'text', value: found.text }],
      };
      parts.push(link);
      cursor = found.index + found.text.length;
    }
    if (parts.length === 0) return;
    if (cursor < text.value.length) parts.push({ type: 'text', value: text.value.slice(cursor) });
    const parent = ancestors.at(-1) as unknown as { children: unknown[] };
    replacements.push({ parent, node: text, parts });
  });

  for (const { parent, node, parts } of replacements) {
    parent.children.splice(parent.children.indexOf(node), 1, ...parts);
  }
  return [...linked];
}

/** The rehype plugin: link glossary terms in the files `include` accepts (handbook pages by default). */
export default function rehypeGlossaryLinks(options: GlossaryLinkOptions = {}) {
  const include = options.include ?? isLinkedHandbook;
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const path = file.path ?? file.history?.at(-1) ?? '';
    if (!include(path)) return;
    linkGlossaryTerms(tree, options);
  };
}
