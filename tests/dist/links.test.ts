// Link checker over dist/: every internal link and #anchor on every page resolves.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles, readDist, urlPathOf } from '../support/dist';

const files = htmlFiles();
const idsByPath = new Map<string, Set<string>>();
for (const file of files) {
  const ids = new Set([...readDist(file).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
  idsByPath.set(urlPathOf(file), ids);
}

/** The dist file that serves a URL path, if any. */
function exists(path: string): boolean {
  if (idsByPath.has(path)) return true;
  const file = join('dist', decodeURIComponent(path));
  return existsSync(file) && !file.endsWith('/');
}

describe('internal links', () => {
  it.each(files)('every internal link on %s resolves', (file) => {
    const here = urlPathOf(file);
    const broken: string[] = [];
    for (const match of readDist(file).matchAll(/\shref="([^"]*)"/g)) {
      const raw = (match[1] ?? '').replaceAll('&amp;', '&');
      if (/^(https?:|mailto:|tel:|data:)/.test(raw)) continue;
      const url = new URL(raw, `http://site${here}`);
      const path = decodeURIComponent(url.pathname);
      if (!exists(url.pathname) && !exists(path)) {
        broken.push(`${raw} (no page ${path})`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && !idsByPath.get(path)?.has(anchor)) broken.push(`${raw} (no #${anchor} on ${path})`);
    }
    expect(broken).toEqual([]);
  });
});
