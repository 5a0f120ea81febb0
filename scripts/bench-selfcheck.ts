// Benchmark: JavaScript the self-check page loads before any user action (the island, its
// static imports and the Svelte runtime), gzip; modules behind a dynamic import() (answers file
// import, PDF) are listed apart. Run after `npm run build`. Prints a table; asserts nothing.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const rows: string[][] = [];

/** Every module reachable from `entry` through static imports, and those only reached dynamically. */
function graph(entry: string): { initial: Set<string>; lazy: Set<string> } {
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const visit = (url: string, into: Set<string>) => {
    if (into.has(url) || initial.has(url)) return;
    into.add(url);
    const source = readFileSync(join('dist', url), 'utf8');
    for (const match of source.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?['"`](\.{1,2}\/[^"'`]+\.js)['"`]/g)) visit(posix.join(posix.dirname(url), match[1]!), into);
    for (const match of source.matchAll(/import\(\s*['"`](\.{1,2}\/[^"'`]+\.js)['"`]\s*\)/g)) visit(posix.join(posix.dirname(url), match[1]!), lazy);
  };
  visit(entry, initial);
  for (const url of initial) lazy.delete(url);
  return { initial, lazy };
}

for (const id of readdirSync('dist/self-check', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
  const htmlPath = join('dist/self-check', id, 'index.html');
  if (!existsSync(htmlPath)) continue;
  const html = readFileSync(htmlPath, 'utf8');
  const entries = [...html.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((match) => match[1]!);
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!).join('\n');
  const initial = new Set<string>();
  const lazy = new Set<string>();
  for (const entry of entries) {
    const found = graph(entry);
    found.initial.forEach((url) => initial.add(url));
    found.lazy.forEach((url) => lazy.add(url));
  }
  for (const url of initial) lazy.delete(url);
  const initialBytes = [...initial].reduce((total, url) => total + gzip(readFileSync(join('dist', url))), 0) + gzip(inline);
  const lazyBytes = [...lazy].reduce((total, url) => total + gzip(readFileSync(join('dist', url))), 0);
  // Loaded by the island right after the form has rendered (result panel, file buttons), and the
  // draft checker when a draft exists: not needed for the first paint or the first keystroke.
  const afterRender = [...lazy].filter((url) => /\/(ResultPanel|FilesPanel|restore)\./u.test(url));
  const afterBytes = afterRender.reduce((total, url) => total + gzip(readFileSync(join('dist', url))), 0);
  rows.push([`/self-check/${id}/`, `${initialBytes} B = ${(initialBytes / 1024).toFixed(1)} KiB (${initial.size} files + inline script)`, `${afterBytes} B (${afterRender.length} files)`, `${(lazyBytes / 1024).toFixed(1)} KiB`, '≤ 28 KB']);
}

console.log('\n| page | initial JS, gzip | right after the form renders (result, file buttons, draft check), gzip | all on demand incl. those and PDF, gzip | target (initial) |\n| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
