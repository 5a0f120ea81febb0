// Every built page carries the metadata a public page needs, and content pages ship no JavaScript
// beyond the site's two small scripts (text size, service-worker registration).
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { htmlFiles, readDist, urlPathOf } from '../support/dist';
import { contentPageScripts, mayShipJavaScript, scriptTags, siteScripts, textSizeBootstrap } from '../support/pages';

const files = htmlFiles();

describe('built pages', () => {
  it('the build produced the home page, the 404 page and a sitemap', () => {
    expect(files).toContain('index.html');
    expect(files).toContain('404.html');
    expect(existsSync('dist/sitemap-index.xml')).toBe(true);
    expect(readDist('404.html')).toContain('页面未找到');
  });

  it.each(files)('%s has lang zh-CN, a title, a description and a canonical URL', (file) => {
    const html = readDist(file);
    expect(html).toMatch(/<html lang="zh-CN"/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toMatch(/<meta name="description" content="[^"]{10,}"/);
    expect(html).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+"/);
  });

  it.each(files.filter((file) => !mayShipJavaScript(urlPathOf(file))))(
    'content page %s ships no JavaScript but the text-size control and the service-worker registration',
    (file) => {
      const html = readDist(file);
      expect(scriptTags(html)).toEqual(contentPageScripts);
      expect(html).not.toMatch(/rel="modulepreload"/);
      expect(html).not.toMatch(/<astro-island/);
    },
  );

  it.each(files)('%s loads the text-size and service-worker scripts and links the web app manifest', (file) => {
    const html = readDist(file);
    for (const script of siteScripts) expect(html).toContain(script);
    expect(html).toContain(textSizeBootstrap);
    expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
  });

  it('the sitemap lists every indexable page', () => {
    const sitemap = readDist('sitemap-0.xml');
    for (const file of files.filter((f) => f !== '404.html')) {
      expect(sitemap, urlPathOf(file)).toContain(`${urlPathOf(file)}</loc>`);
    }
  });
});
