// The inline content of a paragraph in a work-plan MDX file, as HTML: text escaped, and the
// Markdown a hand correction may add (**strong**, *emphasis*, ~~delete~~, `code`, links, hard line
// breaks) as its elements. Anything else inline renders as its text, so no word is lost. The
// structure reader (./mdast.ts) has already refused expressions and components inside paragraphs.
import type { MdastLike } from './mdast.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"]/gu, (char) => escapes[char]!);

const wrappers: Record<string, string> = { strong: 'strong', emphasis: 'em', delete: 'del' };

/** Safe link targets: relative, anchors, http(s) and mailto; anything else renders as text. */
const safeUrl = (url: string) => /^(?:https?:|mailto:|\/|#|\.{0,2}\/)/iu.test(url) || !/^[a-z][a-z0-9+.-]*:/iu.test(url);

/** HTML of inline nodes. */
export function phrasingHtml(nodes: readonly MdastLike[]): string {
  return nodes.map(nodeHtml).join('');
}

function nodeHtml(node: MdastLike): string {
  const tag = wrappers[node.type];
  if (tag) return `<${tag}>${phrasingHtml(node.children ?? [])}</${tag}>`;
  switch (node.type) {
    case 'text':
      return escapeHtml(String(node.value ?? ''));
    case 'inlineCode':
      return `<code>${escapeHtml(String(node.value ?? ''))}</code>`;
    case 'break':
      return '<br>\n';
    case 'link': {
      const url = String((node as { url?: unknown }).url ?? '');
      const inner = phrasingHtml(node.children ?? []);
      return safeUrl(url) ? `<a href="${escapeHtml(url)}">${inner}</a>` : inner;
    }
    default:
      // An image's alternative text, a footnote reference's children, …: their words as text.
      if (node.children) return phrasingHtml(node.children);
      return escapeHtml(typeof node.value === 'string' ? node.value : String((node as { alt?: unknown }).alt ?? ''));
  }
}
