import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import type { Element, Root, RootContent } from 'hast';
import rehypeGlossaryLinks, {
  glossaryHref,
  isLinkedHandbook,
  linkGlossaryTerms,
} from '../../../src/lib/handbook/rehype-glossary-links';

/** Compile MDX with the plugin and return the hast tree after it ran. */
async function treeOf(mdx: string, path = '/site/content/handbooks/page.mdx', base = '/'): Promise<Root> {
  let captured: Root | undefined;
  await compile(
    { value: mdx, path },
    { rehypePlugins: [[rehypeGlossaryLinks, { base }], () => (tree: Root) => void (captured = tree)] },
  );
  if (!captured) throw new Error('no tree');
  return captured;
}

/** Every link in the tree as [text, href]. */
function links(node: Root | RootContent): [string, string][] {
  const found: [string, string][] = [];
  const walk = (n: Root | RootContent) => {
    if (n.type === 'element' && n.tagName === 'a') {
      const text = n.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      found.push([text, String(n.properties.href)]);
    }
    if ('children' in n) for (const child of n.children as RootContent[]) walk(child);
  };
  walk(node);
  return found;
}

/** All text of the tree, in order. */
function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as RootContent[]).map(textOf).join('') : '';
}

describe('rehypeGlossaryLinks', () => {
  it('links the first occurrence of each term and only the first', async () => {
    const tree = await treeOf('督政与督学并重。督政要有力。\n\n再说督学。');
    expect(links(tree)).toEqual([
      ['督政', '/handbooks/glossary/#duzheng'],
      ['督学', '/handbooks/glossary/#duxue'],
    ]);
  });

  it('keeps every character of the text in order', async () => {
    const source = '责任督学发现问题后，按三事分流处理；重大问题约谈。';
    const tree = await treeOf(source);
    expect(textOf(tree)).toContain(source);
  });

  it('does not link inside headings, links, code or glossary components, and links the next occurrence', async () => {
    const tree = await treeOf(
      '## 约谈\n\n[约谈](https://example.org) `约谈` <GlossaryTerm id="yuetan">约谈</GlossaryTerm>\n\n最后才是约谈。',
    );
    const glossary = links(tree).filter(([, href]) => href.includes('glossary'));
    expect(glossary).toEqual([['约谈', '/handbooks/glossary/#yuetan']]);
    const heading = (tree.children.find((n) => n.type === 'element' && n.tagName === 'h2') as Element | undefined)!;
    expect(links(heading)).toEqual([]);
  });

  it('links text inside other components such as callouts and tables', async () => {
    const tree = await treeOf('<Callout type="提示">\n\n学校应开展自我督导。\n\n</Callout>\n\n| 项 |\n|---|\n| 回头看 |');
    expect(links(tree).map(([text]) => text)).toEqual(['自我督导', '回头看']);
  });

  it('prefixes the site base', async () => {
    const tree = await treeOf('开展回头看。', '/x/content/handbooks/a.mdx', '/dudao/');
    expect(links(tree)).toEqual([['回头看', '/dudao/handbooks/glossary/#huitoukan']]);
    expect(glossaryHref('huitoukan', '/dudao')).toBe('/dudao/handbooks/glossary/#huitoukan');
  });

  it('leaves the glossary page itself and files outside the handbooks alone', async () => {
    expect(links(await treeOf('督政。', '/x/content/handbooks/glossary.mdx'))).toEqual([]);
    expect(links(await treeOf('督政。', '/x/content/workplans/2025.mdx'))).toEqual([]);
    expect(isLinkedHandbook('C:\\site\\content\\handbooks\\self-check.mdx')).toBe(true);
  });

  it('reports which terms it linked', () => {
    const tree: Root = { type: 'root', children: [{ type: 'text', value: '约谈、通报和问责' }] };
    expect(linkGlossaryTerms(tree)).toEqual(['yuetan', 'tongbao', 'wenze']);
    expect(tree.children).toHaveLength(5);
  });
});
