// Handbook pages as a reader meets them: accessible, keyboard-navigable, fit for a phone and for paper.
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { closeBrowser, openPage } from './harness';
import { seriousViolations } from './axe';

afterAll(closeBrowser);

const slugs = readdirSync('content/handbooks')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.replace(/\.mdx$/, ''));
const paths = ['/handbooks/', ...slugs.map((slug) => `/handbooks/${slug}/`)];

describe('accessibility', () => {
  it.each(paths)('axe finds no serious or critical violation on %s', async (path) => {
    const { page, offOrigin, errors } = await openPage(path);
    expect(await seriousViolations(page)).toEqual([]);
    expect(offOrigin).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('axe finds no serious or critical violation in the dark colour scheme on a phone', async () => {
    const { page } = await openPage('/handbooks/results-and-accountability/', {
      colorScheme: 'dark',
      viewport: { width: 360, height: 740 },
    });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('layout', () => {
  it.each(paths)('%s fits a 360 px wide phone screen without sideways scrolling', async (path) => {
    const { page } = await openPage(path, { viewport: { width: 360, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe('navigation', () => {
  it('a table-of-contents link reached with the keyboard brings its section into view', async () => {
    const { page } = await openPage('/handbooks/responsible-supervisor/');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.closest('nav.toc') !== null)) break;
    }
    const target = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(target).toMatch(/^#.+/);
    await page.keyboard.press('Enter');
    await page.waitForFunction((hash) => decodeURIComponent(location.hash) === hash, target);
    const top = await page.evaluate((hash) => {
      const heading = document.getElementById(decodeURIComponent(hash.slice(1)));
      return heading ? heading.getBoundingClientRect().top : -1;
    }, target ?? '');
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
  });

  it('next and previous links walk the whole shelf in order and back', async () => {
    const { page } = await openPage('/handbooks/');
    const shelf = await page.locator('main li h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    await page.goto(new URL(shelf[0] ?? '', page.url()).href);
    const visited = [new URL(page.url()).pathname];
    while ((await page.locator('a[rel="next"]').count()) > 0) {
      await Promise.all([page.waitForURL((url) => url.pathname !== visited.at(-1)), page.locator('a[rel="next"]').click()]);
      visited.push(new URL(page.url()).pathname);
    }
    expect(visited).toEqual(shelf);
    await Promise.all([page.waitForURL(`**${shelf.at(-2)}`), page.locator('a[rel="prev"]').click()]);
  });

  it('a glossary term links to its entry, which is on screen after the jump', async () => {
    const { page } = await openPage('/handbooks/three-colour-supervision/');
    const term = page.locator('article a.glossary-term').first();
    const href = (await term.getAttribute('href')) ?? '';
    await Promise.all([page.waitForURL(`**${href}`), term.click()]);
    const id = href.split('#')[1] ?? '';
    expect(await page.locator(`h3[id="${id}"]`).isVisible()).toBe(true);
  });
});

describe('print', () => {
  it('hides the shelf and the table of contents, expands details and shows link targets', async () => {
    const { page } = await openPage('/handbooks/balanced-development-indicators/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav[aria-label="督导手册书架"]').isVisible()).toBe(false);
    expect(await page.locator('nav.toc').isVisible()).toBe(false);
    expect(await page.locator('article details table').isVisible()).toBe(true);
    const afterContents = await page.evaluate(() => {
      const citation = document.querySelector('article [data-source-citation] a[href^="/workplans/"]');
      const term = document.querySelector('article a.glossary-term');
      return {
        citation: citation ? getComputedStyle(citation, '::after').content : '',
        term: term ? getComputedStyle(term, '::after').content : '',
      };
    });
    expect(afterContents.citation).toContain('/workplans/');
    expect(afterContents.term).toContain('见术语表');
  });
});
