// The service worker the build writes (scripts/build-sw.ts) and the two small scripts every page
// loads: what is precached for offline use, what is left to first use, and their size.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../support/dist';

const worker = existsSync('dist/sw.js') ? readFileSync('dist/sw.js', 'utf8') : '';
const precached = [...worker.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]!);

describe('service worker', () => {
  it('is written next to the pages', () => {
    expect(worker.length).toBeGreaterThan(0);
  });

  it('precaches every self-check, framework and handbook page, the home page and the offline page', () => {
    const expected = htmlFiles().filter((file) => /^(index\.html|offline\/|self-check\/|frameworks\/|handbooks\/)/.test(file));
    expect(expected.length).toBeGreaterThan(20);
    for (const file of expected) expect(precached, file).toContain(file);
    expect(precached).not.toContain('workplans/index.html');
  });

  it('precaches the self-check island with its result and file panels, but leaves the PDF code to first use', () => {
    for (const chunk of ['SelfCheck', 'ResultPanel', 'FilesPanel', 'client.svelte']) {
      expect(precached.some((url) => url.startsWith(`_astro/${chunk}.`)), chunk).toBe(true);
    }
    expect(precached.filter((url) => /^_astro\/(export|html2canvas|purify)\./.test(url))).toEqual([]);
    expect(precached.filter((url) => url.startsWith('fonts/') || url.startsWith('search/'))).toEqual([]);
  });

  it('waits for the reader before a new build takes over (no skipWaiting at install)', () => {
    expect(worker).toContain('SKIP_WAITING');
    expect(worker).not.toMatch(/addEventListener\("install"[^}]*skipWaiting/);
  });
});

describe('site scripts', () => {
  it.each(['sw-register.js', 'text-size.js'])('%s is at most 1 KB gzip', (file) => {
    expect(gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length).toBeLessThanOrEqual(1024);
  });
});
