// What the service-worker build follows from a page to precache: the /_astro/ files a page names and
// the modules they import, short of the PDF chunk; and the worker kept while what it precaches is unchanged.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assetsOfPage, buildServiceWorker, importsOf, loadedOnFirstUse } from '../../../scripts/build-sw';

describe('assetsOfPage', () => {
  it('lists island components, renderers, scripts and stylesheets under the base path', () => {
    const html =
      '<link rel="stylesheet" href="/dudao/_astro/BaseLayout.a1.css"><astro-island component-url="/dudao/_astro/SelfCheck.b2.js" ' +
      'renderer-url="/dudao/_astro/client.svelte.c3.js"></astro-island><script src="/dudao/sw-register.js" defer></script><a href="/other/_astro/x.js">';
    expect(assetsOfPage(html, '/dudao').sort()).toEqual(['_astro/BaseLayout.a1.css', '_astro/SelfCheck.b2.js', '_astro/client.svelte.c3.js']);
  });
});

describe('importsOf', () => {
  it('follows static and lazy imports relative to the importing file', () => {
    const script = 'import{a as b}from"./client.x.js";import"./side.y.js";const p=()=>import(`./FilesPanel.z.js`);import("https://cdn.example/x.js")';
    expect(importsOf(script, '_astro/SelfCheck.js').sort()).toEqual(['_astro/FilesPanel.z.js', '_astro/client.x.js', '_astro/side.y.js']);
  });

  it('leaves the PDF export chunk to first use', () => {
    expect(loadedOnFirstUse.some((pattern) => pattern.test('_astro/export.HT8Dr1l4.js'))).toBe(true);
    expect(loadedOnFirstUse.some((pattern) => pattern.test('_astro/FilesPanel.cXRrtgJx.js'))).toBe(false);
  });
});

describe('buildServiceWorker', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  /** A tiny built site with what the worker precaches. */
  function site(): { dist: string; cache: string } {
    const root = mkdtempSync(join(tmpdir(), 'dudao-sw-'));
    roots.push(root);
    const dist = join(root, 'dist');
    const files: Record<string, string> = {
      'index.html': '<!doctype html><title>首页</title><script src="/sw-register.js"></script>',
      'offline/index.html': '<!doctype html><title>离线</title>',
      'handbooks/glossary/index.html': '<!doctype html><title>术语</title><link rel="stylesheet" href="/_astro/site.a1.css">',
      '_astro/site.a1.css': 'body{margin:0}',
      'workplans/2025-nanan/index.html': '<!doctype html><title>工作要点</title>',
      'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'manifest.webmanifest': '{"name":"督导通"}',
      'icons/icon-192.png': 'png',
      'sw-register.js': '',
      'text-size.js': '',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), text);
    }
    return { dist, cache: join(root, 'cache') };
  }

  it('generates the worker once, copies it while the precached files are unchanged, and generates it again when one changes', async () => {
    const { dist, cache } = site();
    const first = await buildServiceWorker(dist, cache);
    expect(first).toMatchObject({ count: 9, cached: false });
    const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
    expect(worker).toContain('"offline/index.html"');
    expect(worker).not.toContain('workplans/');

    // A work plan is not precached: its change leaves the worker as it was.
    writeFileSync(join(dist, 'workplans/2025-nanan/index.html'), '<!doctype html><title>工作要点（修订）</title>');
    rmSync(join(dist, 'sw.js'));
    expect(await buildServiceWorker(dist, cache)).toMatchObject({ count: 9, cached: true });
    expect(readFileSync(join(dist, 'sw.js'), 'utf8')).toBe(worker);

    // A precached page changed: a new worker, whose revision for it differs.
    writeFileSync(join(dist, 'offline/index.html'), '<!doctype html><title>离线（新）</title>');
    expect(await buildServiceWorker(dist, cache)).toMatchObject({ count: 9, cached: false });
    const next = readFileSync(join(dist, 'sw.js'), 'utf8');
    expect(next).not.toBe(worker);
    expect(next).toContain('"offline/index.html"');
  }, 60_000);
});
