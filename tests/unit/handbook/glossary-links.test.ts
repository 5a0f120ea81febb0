import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';
import { compile } from '@mdx-js/mdx';
import type { Root, RootContent } from 'hast';
import {
  glossaryHref,
  glossaryLinksPlugin,
  isLinkedHandbook,
  linkGlossaryTerms,
  planGlossaryLinks,
} from '../../../src/lib/handbook/glossary-links';

/** Parse MDX into hast (the shape Sätteri hands to hast plugins). */
async function hastOf(mdx: string): Promise<Root> {
  let captured: Root | undefined;
  await compile(mdx, { rehypePlugins: [() => (tree: Root) => void (captured = tree)] });
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

/** Compile MDX with Sätteri, as Astro does, with the plugin; return the generated code. */
function compileWithSatteri(mdx: string, path: string, base = '/'): string {
  const result = mdxToJs(mdx, { hastPlugins: [glossaryLinksPlugin({ base })], fileURL: new URL(`file://${path}`) });
  return result.code;
}

describe('linkGlossaryTerms', () => {
  it('links the first occurrence of each term and only the first', async () => {
    const tree = await hastOf('督政与督学并重。督政要有力。\n\n再说督学。');
    expect(linkGlossaryTerms(tree)).toEqual(['duzheng', 'duxue']);
    expect(links(tree)).toEqual([
      ['督政', '/handbooks/glossary/#duzheng'],
      ['督学', '/handbooks/glossary/#duxue'],
    ]);
  });

  it('keeps every character of the text in order', async () => {
    const source = '责任督学发现问题后，按三事分流处理；重大问题约谈。';
    const tree = await hastOf(source);
    linkGlossaryTerms(tree);
    expect(textOf(tree)).toContain(source);
  });

  it('does not link inside headings, links, code or glossary components, and links the next occurrence', async () => {
    const tree = await hastOf(
      '## 约谈\n\n[约谈](https://example.org) `约谈` <GlossaryTerm id="yuetan">约谈</GlossaryTerm>\n\n最后才是约谈。',
    );
    linkGlossaryTerms(tree);
    expect(links(tree).filter(([, href]) => href.includes('glossary'))).toEqual([['约谈', '/handbooks/glossary/#yuetan']]);
    const heading = tree.children.find((n) => n.type === 'element' && n.tagName === 'h2');
    expect(heading && links(heading)).toEqual([]);
  });

  it('links text inside other components such as callouts and tables', async () => {
    const tree = await hastOf('<Callout type="提示">\n\n学校应开展自我督导。\n\n</Callout>\n\n| 项 |\n|---|\n| 回头看 |');
    linkGlossaryTerms(tree);
    expect(links(tree).map(([text]) => text)).toEqual(['自我督导', '回头看']);
  });

  it('prefixes the site base', async () => {
    const tree = await hastOf('开展回头看。');
    linkGlossaryTerms(tree, { base: '/dudao/' });
    expect(links(tree)).toEqual([['回头看', '/dudao/handbooks/glossary/#huitoukan']]);
    expect(glossaryHref('huitoukan', '/dudao')).toBe('/dudao/handbooks/glossary/#huitoukan');
  });

  it('plans without changing the tree', () => {
    const tree: Root = { type: 'root', children: [{ type: 'text', value: '约谈、通报和问责' }] };
    const plan = planGlossaryLinks(tree);
    expect(plan).toHaveLength(1);
    expect(plan[0]?.parts).toHaveLength(5);
    expect(tree.children).toHaveLength(1);
  });
});

describe('glossaryLinksPlugin with Sätteri', () => {
  it('links terms when Astro compiles a handbook page', () => {
    const code = compileWithSatteri('## 标题\n\n开展回头看。\n', '/site/content/handbooks/self-check.mdx', '/dudao/');
    expect(code).toContain('/dudao/handbooks/glossary/#huitoukan');
    expect(code).toContain('"glossary-term"');
  });

  it('leaves the glossary page itself and files outside the handbooks alone', () => {
    expect(compileWithSatteri('督政。', '/x/content/handbooks/glossary.mdx')).not.toContain('glossary-term');
    expect(compileWithSatteri('督政。', '/x/content/workplans/2025.mdx')).not.toContain('glossary-term');
    expect(isLinkedHandbook('C:\\site\\content\\handbooks\\self-check.mdx')).toBe(true);
  });
});
