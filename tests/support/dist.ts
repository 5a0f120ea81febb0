// Read the built site: list its HTML pages and map URL paths to files.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const distDir = 'dist';

/** Every HTML file under dist/ (except hashed assets), as paths relative to dist/. */
export function htmlFiles(dir = distDir): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '_astro') walk(path);
      } else if (entry.name.endsWith('.html')) {
        found.push(relative(dir, path).split(sep).join('/'));
      }
    }
  };
  walk(dir);
  return found.sort();
}

/** The URL path a built HTML file is served at (directory format: a/b/index.html → /a/b/). */
export function urlPathOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** Read a built file as text. */
export function readDist(file: string): string {
  return readFileSync(join(distDir, file), 'utf8');
}
