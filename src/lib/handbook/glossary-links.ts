// Glossary links for handbook MDX: the first occurrence of each glossary term on a page becomes a
// link to its entry on the glossary page. Done as a hast plugin over the compiled MDX rather than a
// hand-placed component, so that no page can forget a term; <GlossaryTerm> remains for the rare
// place where a specific occurrence should link. Astro 7 compiles MDX with Sätteri, whose hast
// plugins receive the materialised tree in a `before` hook; the planning below is plain hast.
import type { Element, ElementContent, Root, Text } from 'hast';
import { fileURLToPath } from 'node:url';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import { createTermMatcher, glossaryPath, glossaryTerms, type GlossaryTerm } from './glossary';

export interface GlossaryLinkOptions {
  /** Site base path, e.g. '/' or '/dudao/'. */
  base?: string;
  /** The terms to link (defaults to the glossary). */
  terms?: readonly GlossaryTerm[];
}

/** One text node to replace by text and links. */
export interface GlossaryReplacement {
  node: Text;
  parent: { children: unknown[] };
  parts: ElementContent[];
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
 * Plan the links for a tree without changing it: for the first occurrence of each term, in
 * document order, the text node to split and the text and link nodes to put in its place.
 * Text inside links, headings, code and skipped components is left alone.
 */
export function planGlossaryLinks(tree: Root, options: GlossaryLinkOptions = {}): GlossaryReplacement[] {
  const match = createTermMatcher(options.terms ?? glossaryTerms);
  const linked = new Set<string>();
  const replacements: GlossaryReplacement[] = [];

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
    replacements.push({ node: text, parent: ancestors.at(-1) as unknown as { children: unknown[] }, parts });
  });
  return replacements;
}

/** Link the glossary terms of a tree in place and return the ids linked, in order. */
export function linkGlossaryTerms(tree: Root, options: GlossaryLinkOptions = {}): string[] {
  const replacements = planGlossaryLinks(tree, options);
  for (const { parent, node, parts } of replacements) {
    parent.children.splice(parent.children.indexOf(node), 1, ...parts);
  }
  return replacements.flatMap(({ parts }) =>
    parts.flatMap((part) => (part.type === 'element' ? [String(part.properties.href).split('#')[1] ?? ''] : [])),
  );
}

/** The parts of Sätteri's plugin context this plugin uses. */
interface SatteriFactoryContext {
  readonly fileURL: URL | undefined;
}
interface SatteriVisitorContext {
  replaceNode(node: unknown, newNode: unknown): void;
}

/**
 * A Sätteri hast plugin entry (for `markdown.processor: satteri({ hastPlugins })`) that links
 * glossary terms in handbook pages other than the glossary; other files are left out.
 */
export function glossaryLinksPlugin(options: GlossaryLinkOptions = {}) {
  return (context: SatteriFactoryContext) => {
    const path = context.fileURL ? fileURLToPath(context.fileURL) : '';
    if (!isLinkedHandbook(path)) return null;
    return {
      name: 'dudao-glossary-links',
      before(root: Root, visitor: SatteriVisitorContext) {
        for (const { node, parts } of planGlossaryLinks(root, options)) visitor.replaceNode(node, parts);
      },
    };
  };
}
