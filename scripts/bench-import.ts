// Benchmark: time to import each source document (decode, parse, serialise, self-check).
// The first run of each includes warm-up (module loading, the gazetteer); the table shows
// the first run and the median of the following ones. A second table times generated inputs
// that used to take quadratic time (tests/fixtures/workplan/stress.ts); each must stay well
// under a second. Prints tables; asserts nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importWorkplan } from '../src/lib/workplan/importer.ts';
import { stressCases } from '../tests/fixtures/workplan/stress.ts';

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

const runs = 10;
const dir = 'content/sources';
const rows: string[][] = [];
for (const name of readdirSync(dir).filter((file) => /\.(txt|docx)$/u.test(file)).sort()) {
  const bytes = readFileSync(join(dir, name));
  const times: number[] = [];
  let slug = '';
  let points = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = await importWorkplan(bytes, { sourceName: name });
    times.push(performance.now() - started);
    slug = result.slug;
    points = result.mdx.split('\n').filter((line) => /^<(Point|Clause) /u.test(line)).length;
  }
  const [first, ...rest] = times;
  const median = rest.sort((a, b) => a - b)[Math.floor(rest.length / 2)]!;
  rows.push([name, slug, `${(bytes.length / 1024).toFixed(1)} KiB`, String(points), `${first!.toFixed(1)} ms`, `${median.toFixed(1)} ms`]);
}
printTable(['source', 'slug', 'size', 'points', 'first run', `median of ${runs - 1}`], rows);

// Generated worst cases: one run each (they are meant to be linear; a slow one shows at once).
console.log('');
const stressRows: string[][] = [];
for (const { name, text } of stressCases) {
  const bytes = new TextEncoder().encode(text);
  const started = performance.now();
  let outcome: string;
  try {
    const result = await importWorkplan(bytes, { sourceName: 'stress.txt' });
    outcome = `${result.mdx.length} chars of MDX`;
  } catch (error) {
    outcome = `failed: ${(error as Error).message.slice(0, 60)}`;
  }
  const ms = performance.now() - started;
  stressRows.push([name, `${text.length} chars`, `${ms.toFixed(1)} ms`, outcome]);
}
printTable(['generated input', 'size', 'import', 'result'], stressRows);
