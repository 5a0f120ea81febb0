// What the service-worker build follows from a page to precache: the /_astro/ files a page names and
// the modules they import, short of the PDF chunk.
import { describe, expect, it } from 'vitest';
import { assetsOfPage, importsOf, loadedOnFirstUse } from '../../../scripts/build-sw';

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
