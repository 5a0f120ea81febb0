// The JavaScript a built page loads before any user action: its islands' entry modules, the
// renderer, everything they import statically, and the page's inline scripts; modules reached only
// through a dynamic import() are counted apart. Shared by `npm run bench` (bench-selfcheck.ts) and
// the budget test (tests/dist/budget.test.ts).
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipSize = (bytes: Buffer | string): number => gzipSync(bytes, { level: 9 }).length;

/** Every module reachable from `entry` through static imports, and those only reached dynamically. */
function graph(dist: string, entry: string): { initial: Set<string>; lazy: Set<string> } {
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const visit = (url: string, into: Set<string>) => {
    if (into.has(url) || initial.has(url)) return;
    into.add(url);
    const source = readFileSync(join(dist, url), 'utf8');
    for (const match of source.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?['"`](\.{1,2}\/[^"'`]+\.js)['"`]/g)) visit(posix.join(posix.dirname(url), match[1]!), into);
    for (const match of source.matchAll(/import\(\s*['"`](\.{1,2}\/[^"'`]+\.js)['"`]\s*\)/g)) visit(posix.join(posix.dirname(url), match[1]!), lazy);
  };
  visit(entry, initial);
  for (const url of initial) lazy.delete(url);
  return { initial, lazy };
}

export interface PageScripts {
  /** Module URLs loaded before any user action. */
  initial: Set<string>;
  /** Module URLs loaded only on demand (or right after the first render). */
  lazy: Set<string>;
  /** Gzip bytes of the initial modules plus the page's inline scripts. */
  initialBytes: number;
}

/** The scripts of the built page at `htmlPath` (a file under `dist`). */
export function pageScripts(dist: string, htmlPath: string): PageScripts {
  const html = readFileSync(htmlPath, 'utf8');
  const entries = [...html.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((match) => match[1]!);
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!).join('\n');
  const initial = new Set<string>();
  const lazy = new Set<string>();
  for (const entry of entries) {
    const found = graph(dist, entry);
    found.initial.forEach((url) => initial.add(url));
    found.lazy.forEach((url) => lazy.add(url));
  }
  for (const url of initial) lazy.delete(url);
  const initialBytes = [...initial].reduce((total, url) => total + gzipSize(readFileSync(join(dist, url))), 0) + gzipSize(inline);
  return { initial, lazy, initialBytes };
}
