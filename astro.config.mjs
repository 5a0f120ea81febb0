// @ts-check
import { join } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import sitemap from '@astrojs/sitemap';
import { siteConfig } from './src/site.config.mjs';
import { satteri } from '@astrojs/markdown-satteri';
import { glossaryLinksPlugin } from './src/lib/handbook/glossary-links.ts';
import { keepDist } from './src/integrations/keep-dist.ts';

// The tests build against a copy of content/ (DUDAO_CONTENT_DIR, see src/content.config.ts). Such
// a build keeps its content cache next to the copy: in the shared cache its entries (file paths
// into the copy, deleted after the test) would be reused by the next real build.
const fixtureContentDir = process.env.DUDAO_CONTENT_DIR;

/**
 * Astro inlines an island's styles into the pages that use it and drops the stylesheet file, but a
 * chunk that imports the island lazily (SelfCheck on /self-check/open/, which gets the styles through
 * that page's import) still lists the file among what to preload, and the import would fail on it.
 * Each such entry is pointed at the chunk itself (already loaded, so the browser fetches nothing).
 */
function noPreloadOfDroppedStyles() {
  return {
    name: 'dudao:no-preload-of-dropped-styles',
    enforce: /** @type {const} */ ('post'),
    generateBundle: {
      order: /** @type {const} */ ('post'),
      /** @param {unknown} _options @param {Record<string, { type: string; code?: string; fileName: string }>} bundle */
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.code?.includes('__vite__mapDeps')) continue;
          chunk.code = chunk.code.replace(/"(_astro\/[\w.-]+\.css)"/gu, (match, file) => (file in bundle ? match : JSON.stringify(chunk.fileName)));
        }
      },
    },
  };
}

export default defineConfig({
  site: siteConfig.url,
  ...(fixtureContentDir ? { cacheDir: join(fixtureContentDir, '..', 'astro-cache') } : {}),
  base: siteConfig.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // MDX pages (work plans, handbooks) show text as written: no smart punctuation, which would turn
  // a printed 20--21日 into 20–21日 or "…" into curly quotes (tests/dist/workplan-lossless.test.ts).
  // Sitemaps split at 10,000 URLs each (the protocol allows 50,000 and 50 MB), listed by sitemap-index.xml.
  // keepDist: a rebuild leaves unchanged pages in dist/ instead of emptying it and copying them back
  // (src/integrations/keep-dist.ts; last, so that it marks dist/ finished after every other step).
  integrations: [mdx({ smartypants: false }), svelte(), sitemap({ entryLimit: 10_000 }), keepDist()],
  // Astro's default Markdown processor, plus: handbook pages link each glossary term's first
  // occurrence to its entry in 术语表 (the plugin leaves every other file alone).
  markdown: { processor: satteri({ hastPlugins: [glossaryLinksPlugin({ base: siteConfig.base })] }) },
  // Content pages ship no JavaScript; islands opt in with client:* directives.
  prefetch: false,
  // A page whose cacheKey (getStaticPaths) and code are unchanged since the last build is copied
  // from that build instead of rendered again: the work-plan and catalogue routes return keys
  // (pageCacheKey in src/components/workplan/data.ts), so changing one plan re-renders its page and
  // the listings it appears in, not the 5,000 pages of a 3,000-plan site.
  experimental: { incrementalBuild: true },
  // The self-check's own logic (scoring, formulas, drafts, answer checks, display helpers) in one chunk: split
  // into several small files it compresses worse and costs the island about 1 KB gzip.
  vite: {
    plugins: [noPreloadOfDroppedStyles()],
    build: {
      // DUDAO_SOURCEMAP=1 npm run build: source maps, to see which module makes an island heavy.
      sourcemap: process.env.DUDAO_SOURCEMAP === '1',
      rollupOptions: {
        output: {
          manualChunks(id) {
            if (/\/src\/lib\/(framework\/(score|formula|draft|present|check)|selfcheck\/form)\.ts$/.test(id)) return 'selfcheck-core';
            // The form's point field is shared with the framework builder's preview: in its own
            // chunk it cost the self-check a file and ~550 B gzip more; here it rides with the core.
            if (/\/src\/components\/selfcheck\/PointField\.svelte$/.test(id)) return 'selfcheck-core';
          },
        },
      },
    },
  },
});
