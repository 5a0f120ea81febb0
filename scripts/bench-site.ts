// Benchmark: build time and what a visitor downloads (gzip) for the home page and its assets.
// Run after `npm run build` (or let it build: pass --build). Prints a table.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const withBuild = process.argv.includes('--build');
const rows: [string, string][] = [];

if (withBuild || !existsSync('dist/index.html')) {
  const started = performance.now();
  execSync('npm run -s build', { stdio: 'ignore' });
  rows.push(['build (astro + search index + precompress)', `${((performance.now() - started) / 1000).toFixed(1)} s`]);
}

/** Gzip size of a built file at a site path. */
function gzipSizeOf(path: string): number {
  const file = join('dist', path.endsWith('/') ? `${path}index.html` : path);
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Assets a page loads on first view: stylesheets, scripts, module preloads, icons, images. */
function assetsOf(html: string): string[] {
  const refs = [
    ...html.matchAll(/<link[^>]+rel="(?:stylesheet|modulepreload|icon)"[^>]*href="([^"]+)"/g),
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<img[^>]+src="([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  return [...new Set(refs.filter((ref) => ref.startsWith('/')))];
}

for (const page of ['/', '/workplans/', '/self-check/']) {
  if (!existsSync(join('dist', page, 'index.html'))) continue;
  const html = readFileSync(join('dist', page, 'index.html'), 'utf8');
  const assets = assetsOf(html);
  const total = gzipSizeOf(page) + assets.reduce((sum, asset) => sum + gzipSizeOf(asset), 0);
  rows.push([`page ${page}: HTML + ${assets.length} assets, gzip`, `${(total / 1024).toFixed(1)} KiB`]);
}

// The two scripts every page runs (text size, service-worker registration) and the offline copy.
for (const script of ['/text-size.js', '/sw-register.js', '/sw.js']) {
  if (existsSync(join('dist', script))) rows.push([`script ${script}, gzip`, `${(gzipSizeOf(script) / 1024).toFixed(2)} KiB`]);
}
if (existsSync('dist/sw.js')) {
  const precached = [...readFileSync('dist/sw.js', 'utf8').matchAll(/url:"([^"]+)"/g)].map((match) => match[1] ?? '');
  const bytes = precached.reduce((sum, url) => sum + gzipSizeOf(`/${url}`), 0);
  rows.push([`offline copy: ${precached.length} files precached, gzip`, `${(bytes / 1024).toFixed(0)} KiB`]);
}

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`\n| ${'site'.padEnd(width)} | value |\n| ${'-'.repeat(width)} | --- |`);
for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value} |`);
