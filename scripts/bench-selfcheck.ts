// Benchmark: JavaScript the self-check page loads before any user action (the island, its
// static imports and the Svelte runtime), gzip; modules behind a dynamic import() (answers file
// import, PDF) are listed apart. Run after `npm run build`. Prints a table; asserts nothing.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSize, pageScripts } from './lib/initial-js.ts';

const gzip = gzipSize;
const rows: string[][] = [];

for (const id of readdirSync('dist/self-check', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
  const htmlPath = join('dist/self-check', id, 'index.html');
  if (!existsSync(htmlPath)) continue;
  const { initial, lazy, initialBytes } = pageScripts('dist', htmlPath);
  const lazyBytes = [...lazy].reduce((total, url) => total + gzip(readFileSync(join('dist', url))), 0);
  // Loaded by the island right after the form has rendered (result panel, file buttons), and the
  // draft checker when a draft exists: not needed for the first paint or the first keystroke.
  const afterRender = [...lazy].filter((url) => /\/(ResultPanel|FilesPanel|restore)\./u.test(url));
  const afterBytes = afterRender.reduce((total, url) => total + gzip(readFileSync(join('dist', url))), 0);
  rows.push([`/self-check/${id}/`, `${initialBytes} B = ${(initialBytes / 1024).toFixed(1)} KiB (${initial.size} files + inline script)`, `${afterBytes} B (${afterRender.length} files)`, `${(lazyBytes / 1024).toFixed(1)} KiB`, '≤ 28 KB']);
}

console.log('\n| page | initial JS, gzip | right after the form renders (result, file buttons, draft check), gzip | all on demand incl. those and PDF, gzip | target (initial) |\n| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
