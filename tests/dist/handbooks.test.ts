// The built handbook section: every page has its metadata, cites its sources, and links each
// glossary term's first occurrence in its prose to an entry that exists on the glossary page.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { readDist } from '../support/dist';
import { createTermMatcher, glossaryTerms } from '../../src/lib/handbook/glossary';

const slugs = readdirSync('content/handbooks')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.replace(/\.mdx$/, ''))
  .sort();
const pageOf = (slug: string) => parse(readDist(`handbooks/${slug}/index.html`));
const match = createTermMatcher();

/** Parts of a page that are component chrome written from props, not prose the glossary plugin sees. */
const notProse = 'a:not(.glossary-term), h1, h2, h3, h4, h5, h6, code, pre, [data-source-citation], .callout__title, .related, .flow';

/** Every text node of the article's prose, in document order, with the element that holds it. */
function proseTexts(article: HTMLElement): { text: string; parent: HTMLElement }[] {
  const skipped = new Set(article.querySelectorAll(notProse));
  const found: { text: string; parent: HTMLElement }[] = [];
  const walk = (node: Node, parent: HTMLElement) => {
    if (node.nodeType === 3) found.push({ text: node.text, parent });
    if (node.nodeType !== 1 || skipped.has(node as HTMLElement)) return;
    for (const child of node.childNodes) walk(child, node as HTMLElement);
  };
  for (const child of article.childNodes) walk(child, article);
  return found;
}

describe('the handbook shelf', () => {
  const shelf = parse(readDist('handbooks/index.html'));

  it('lists every handbook page', () => {
    const links = shelf.querySelectorAll('main li h3 a').map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual(slugs.map((slug) => `/handbooks/${slug}/`).sort());
  });

  it('groups the pages by audience: 学校, 责任督学, 督导部门, then general reference', () => {
    expect(shelf.querySelectorAll('main h2').map((h) => h.text.trim())).toEqual(['学校', '责任督学', '督导部门', '通用参考']);
  });
});

describe.each(slugs)('handbook page %s', (slug) => {
  const page = pageOf(slug);
  const article = page.querySelector('article.handbook__content') as HTMLElement;

  it('has a title, a description and a last-updated date', () => {
    expect(page.querySelector('h1')?.text.trim().length).toBeGreaterThan(1);
    expect(page.querySelector('title')?.text).toContain(page.querySelector('h1')?.text.trim());
    expect(page.querySelector('meta[name="description"]')?.getAttribute('content')?.length).toBeGreaterThanOrEqual(10);
    expect(page.querySelector('time[datetime]')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('cites at least one source in its text, with a verification tag', () => {
    const citations = article.querySelectorAll('[data-source-citation]');
    expect(citations.length).toBeGreaterThan(0);
    for (const citation of citations) expect(citation.text).toMatch(/已核对原文|据二手资料|待核对/);
  });

  it('shows the shelf with this page marked, and is indexed as a 督导手册', () => {
    const current = page.querySelectorAll('nav[aria-label="督导手册书架"] a[aria-current="page"]');
    expect(current.map((a) => a.getAttribute('href'))).toEqual([`/handbooks/${slug}/`]);
    expect(page.querySelector('main[data-pagefind-body] [data-pagefind-filter="kind"]')?.text.trim()).toBe('督导手册');
  });

  it('has a table of contents whose entries are the headings of the page', () => {
    const toc = page.querySelectorAll('nav.toc a').map((a) => a.getAttribute('href')?.slice(1));
    expect(toc.length).toBeGreaterThan(0);
    const headingIds = article.querySelectorAll('h2[id], h3[id]').map((h) => h.id);
    for (const id of toc) expect(headingIds).toContain(id);
  });

  it('links each glossary term at most once', () => {
    const hrefs = article.querySelectorAll('a.glossary-term').map((a) => a.getAttribute('href'));
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});

describe.each(slugs.filter((slug) => slug !== 'glossary'))('glossary links on %s', (slug) => {
  const article = pageOf(slug).querySelector('article.handbook__content') as HTMLElement;

  it('link the first occurrence of every glossary term in the prose to its entry', () => {
    const firstSeen = new Map<string, HTMLElement>();
    for (const { text, parent } of proseTexts(article)) {
      for (const found of match(text)) if (!firstSeen.has(found.entry.id)) firstSeen.set(found.entry.id, parent);
    }
    expect(firstSeen.size).toBeGreaterThan(0);
    const unlinked = [...firstSeen].filter(
      ([id, parent]) => !(parent.classList.contains('glossary-term') && parent.getAttribute('href') === `/handbooks/glossary/#${id}`),
    );
    expect(unlinked.map(([id]) => id)).toEqual([]);
  });
});

describe('the glossary page', () => {
  const page = pageOf('glossary');

  it('has an entry heading with a stable anchor for every glossary term', () => {
    for (const term of glossaryTerms) {
      const heading = page.querySelector(`h3[id="${term.id}"]`);
      expect(heading?.text.trim(), term.id).toBe(term.term);
    }
  });

  it('gives every entry a definition with a source citation', () => {
    for (const entry of page.querySelectorAll('.glossary-entry')) {
      const id = entry.querySelector('h3')?.id;
      expect(entry.querySelector('.glossary-entry__body p')?.text.trim().length, id).toBeGreaterThan(10);
      expect(entry.querySelectorAll('[data-source-citation]').length, id).toBeGreaterThan(0);
    }
  });
});
