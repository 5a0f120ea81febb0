import { describe, expect, it } from 'vitest';
import { generateToc } from '../../../src/lib/handbook/toc';

const h = (depth: number, text: string) => ({ depth, slug: text, text });

describe('generateToc', () => {
  it('nests h3 under the h2 before it and drops h1 and h4', () => {
    const toc = generateToc([h(1, '标题'), h(2, '一'), h(3, '一之一'), h(4, '细节'), h(3, '一之二'), h(2, '二')]);
    expect(toc.map((i) => i.text)).toEqual(['一', '二']);
    expect(toc[0]?.children.map((i) => i.text)).toEqual(['一之一', '一之二']);
    expect(toc[0]?.children[0]?.children).toEqual([]);
    expect(toc[1]?.children).toEqual([]);
  });

  it('keeps an h3 that comes before any h2 at the top level', () => {
    const toc = generateToc([h(3, '前言'), h(2, '一')]);
    expect(toc.map((i) => i.text)).toEqual(['前言', '一']);
  });

  it('respects a custom depth range', () => {
    const toc = generateToc([h(2, '一'), h(3, '一之一'), h(4, '细节')], { minDepth: 2, maxDepth: 4 });
    expect(toc[0]?.children[0]?.children.map((i) => i.text)).toEqual(['细节']);
  });

  it('returns an empty list for a page without headings', () => {
    expect(generateToc([])).toEqual([]);
  });
});
