// Post-build step (run by `npm run build` after Pagefind, before precompress): write dist/sw.js, the
// service worker that makes the self-check work offline and the site installable, with Workbox's
// generateSW.
//
// Policy:
// - Precached at install (served from the cache of the installed build, so a page and the island
//   code it was built with always match): the home page, the offline page, every self-check,
//   framework and handbook page, the /_astro/ scripts and stylesheets those pages load (followed
//   through their static and lazy imports, so the self-check's result and file panels work offline;
//   the PDF code is left to first use), the manifest, icons
//   and the two site scripts. A new build's worker waits until the reader presses 重新加载到新版本
//   (public/sw-register.js), so a framework never changes under an open draft.
// - Other pages: network first, the cached copy when offline, the offline page for what was never
//   visited.
// - Hashed /_astro/ files (the PDF code) and /fonts/ (the PDF font): cache first, on first use.
// - The search script /search/search.js: network first. The index files beside it are cached by the
//   search module itself (src/lib/search/browser.ts), so search works offline for what was fetched.
//
// Incremental: Workbox bundles the worker with rollup and babel (about 3 s) whatever changed. The
// worker depends only on the files it precaches, this script and Workbox's version, so it is kept
// in a cache keyed by their digest (node_modules/.cache/dudao-sw, or DUDAO_SW_CACHE), and a rebuild
// after a work plan changed (work-plan pages are not precached) copies it instead.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, globSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix, relative, resolve, sep } from 'node:path';
import { siteConfig } from '../src/site.config.mjs';

/** Built pages (paths relative to dist/) that are precached. */
export const precachedPages = /^(index\.html|offline\/index\.html|(self-check|frameworks|handbooks)\/.*\.html)$/;

/** Site files outside /_astro/ that every page needs, precached too. */
export const precachedSiteFiles = ['favicon.svg', 'manifest.webmanifest', 'icons/*.png', 'sw-register.js', 'text-size.js'];

/** The /_astro/ scripts and stylesheets a page references (island components, renderers, scripts, links), as dist paths. */
export function assetsOfPage(html: string, base = siteConfig.base): string[] {
  const prefix = `${base.replace(/\/$/, '')}/_astro/`;
  const found = new Set<string>();
  for (const match of html.matchAll(/["'](\/[^"'\s]*?_astro\/[^"'\s]+?\.(?:js|css))["']/g)) {
    const url = match[1]!;
    if (url.startsWith(prefix)) found.add(`_astro/${url.slice(prefix.length)}`);
  }
  return [...found];
}

/**
 * Chunks not precached, nor followed: the PDF report (the chunk of src/lib/pdf/export.ts, with jsPDF
 * and its helpers behind it), several hundred KiB that the runtime cache keeps on first use.
 */
export const loadedOnFirstUse = [/^_astro\/export\.[\w-]+\.js$/];

/** The modules a built script imports (`import … from "./x.js"`, `import "./x.js"`, `import(\`./x.js\`)`), as dist paths. */
export function importsOf(script: string, file: string): string[] {
  const found = new Set<string>();
  for (const match of script.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+\.js)["'`]/g)) {
    const specifier = match[1]!;
    if (specifier.startsWith('.')) found.add(posix.normalize(posix.join(posix.dirname(file), specifier)));
  }
  return [...found];
}

/** Every /_astro/ file these pages need for first paint and their islands: the referenced files and their imports, transitively, short of {@link loadedOnFirstUse}. */
export function precachedAssets(dist: string, pages: string[]): string[] {
  const queue = pages.flatMap((page) => assetsOfPage(readFileSync(join(dist, page), 'utf8')));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || loadedOnFirstUse.some((pattern) => pattern.test(file))) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...importsOf(readFileSync(join(dist, file), 'utf8'), file));
  }
  return [...seen].sort();
}

/** Built HTML pages (relative to dist/) that are precached. */
function pagesToPrecache(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .map((file) => relative(dist, join(dist, file)).split(sep).join('/'))
    .filter((file) => precachedPages.test(file))
    .sort();
}

export interface ServiceWorkerBuild {
  count: number;
  size: number;
  warnings: string[];
  /** True when dist/sw.js was copied from the cache, not generated. */
  cached: boolean;
}

/** Digest of everything the generated worker depends on: the precached files' paths and bytes, this script, Workbox's version. */
export function serviceWorkerKey(dist: string, patterns: string[]): string {
  const hash = createHash('sha256');
  const workbox = createRequire(import.meta.url)('workbox-build/package.json') as { version: string };
  hash.update(`workbox-build ${workbox.version}\n`).update(readFileSync(new URL(import.meta.url))).update(JSON.stringify(siteConfig));
  const files = [...new Set(globSync(patterns, { cwd: dist }).map((file) => file.split(sep).join('/')))].sort();
  for (const file of files) hash.update(`\n${file}\n`).update(readFileSync(join(dist, file)));
  return hash.digest('hex').slice(0, 40);
}

/** Write dist/sw.js, from the cache when nothing it depends on changed; returns what it precaches. */
export async function buildServiceWorker(dist: string, cacheDir = resolve(process.env.DUDAO_SW_CACHE ?? 'node_modules/.cache/dudao-sw')): Promise<ServiceWorkerBuild> {
  const pages = pagesToPrecache(dist);
  const assets = precachedAssets(dist, pages);
  const globPatterns = [...pages, ...assets, ...precachedSiteFiles];
  const key = serviceWorkerKey(dist, globPatterns);
  const cachedWorker = join(cacheDir, `${key}.js`);
  const cachedResult = join(cacheDir, `${key}.json`);
  if (existsSync(cachedWorker) && existsSync(cachedResult)) {
    copyFileSync(cachedWorker, join(dist, 'sw.js'));
    return { ...(JSON.parse(readFileSync(cachedResult, 'utf8')) as Omit<ServiceWorkerBuild, 'cached'>), cached: true };
  }
  const { generateSW } = await import('workbox-build');
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    globPatterns,
    swDest: join(dist, 'sw.js'),
    mode: 'production',
    sourcemap: false,
    inlineWorkboxRuntime: true,
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: false,
    directoryIndex: 'index.html',
    dontCacheBustURLsMatching: /^_astro\//,
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkFirst',
        options: {
          cacheName: 'dudao-pages',
          networkTimeoutSeconds: 5,
          expiration: { maxEntries: 200 },
          precacheFallback: { fallbackURL: 'offline/index.html' },
        },
      },
      {
        urlPattern: /\/(_astro|fonts)\//,
        handler: 'CacheFirst',
        options: { cacheName: 'dudao-assets', expiration: { maxEntries: 100 } },
      },
      {
        // The index files (meta.json, shards/, texts/) are cached by the search module itself.
        urlPattern: /\/search\/search\.js$/,
        handler: 'NetworkFirst',
        // No expiration plugin (it writes to IndexedDB on every response): one file, overwritten by each build.
        options: { cacheName: 'dudao-search', networkTimeoutSeconds: 5, matchOptions: { ignoreSearch: true } },
      },
    ],
  });
  // One entry: the cache holds the worker of the last build only (and removes nothing it did not write).
  mkdirSync(cacheDir, { recursive: true });
  for (const name of readdirSync(cacheDir)) if (/^[0-9a-f]{40}\.(?:js|json)$/.test(name)) rmSync(join(cacheDir, name), { force: true });
  copyFileSync(join(dist, 'sw.js'), cachedWorker);
  writeFileSync(cachedResult, JSON.stringify({ count, size, warnings }));
  return { count, size, warnings, cached: false };
}

if (import.meta.main) {
  const dist = process.argv[2] ?? 'dist';
  try {
    const { count, size, warnings, cached } = await buildServiceWorker(dist);
    for (const warning of warnings) console.warn(`build-sw: ${warning}`);
    console.log(`build-sw: ${count} files precached (${(size / 1024).toFixed(0)} KiB) → ${dist}/sw.js${cached ? ' (unchanged, from cache)' : ''}`);
  } catch (error) {
    console.error(`build-sw: ${(error as Error).message}`);
    process.exit(1);
  }
}
