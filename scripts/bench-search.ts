// Benchmark of the site search on the built site (run `npm run build` first):
// for every query of scripts/search-queries.txt, recall against the truth, precision at 10,
// bytes a first search transfers (brotli, as deploy/nginx.conf serves) and its time in Chromium.
//
// Truth: a point is relevant when its heading or text, normalized (NFKC, traditional folded to
// simplified), contains every space-separated part of the query — computed here by scanning
// every point, not through the bigram index. For one-part queries the pages' whole text, read
// again from dist/ HTML, must also give the same set of documents.
// Prints tables; exits with 1 when recall < 1 or P@10 < 0.95 for any query.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/support/static-server.ts';
import { browserPath } from './lib/system.ts';
import { flatten, queryKeys, runSearch, shardOf, type SearchMeta, type SearchSource, type Shard, type TextPack } from '../src/lib/search/core.ts';
import { normalize, queryParts } from '../src/lib/search/normalize.ts';

const dist = 'dist';
const dir = join(dist, 'search');
const read = <T>(path: string): T => JSON.parse(readFileSync(join(dir, path), 'utf8')) as T;
const meta = read<SearchMeta>('meta.json');
const shardName = (index: number) => `shards/${String(index).padStart(2, '0')}.json`;
const packName = (index: number) => `texts/${String(index).padStart(2, '0')}.json`;
const source: SearchSource = {
  meta: async () => meta,
  shard: async (index) => read<Shard>(shardName(index)),
  doc: async (index) => read<TextPack>(packName(meta.docs[index]!.pack))[index] ?? [],
};
const docs = await Promise.all(meta.docs.map((_, index) => source.doc(index)));
const brotliSize = (path: string) => statSync(join(dir, `${path}.br`), { throwIfNoEntry: false })?.size ?? statSync(join(dir, path)).size;

const queries = readFileSync('scripts/search-queries.txt', 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

/** Whole-page text of each indexed document, read independently of the index's point cutting. */
const pageText = meta.docs.map((doc) => {
  const main = parse(readFileSync(join(dist, doc.url, 'index.html'), 'utf8')).querySelector('main')!;
  for (const node of main.querySelectorAll('[data-pagefind-ignore], [data-pagefind-filter], script, style, .print-only, .tag, [aria-hidden], .visually-hidden')) node.remove();
  return normalize(main.textContent);
});

interface Row {
  query: string;
  truth: number;
  found: number;
  recall: number;
  p10: number;
  exactFirst: boolean;
  pagesOk: boolean | undefined;
  bytes: number;
  nodeMs: number;
  browserMs?: number;
}

const rows: Row[] = [];
for (const query of queries) {
  const parts = queryParts(query);
  const truth = new Set<string>();
  meta.docs.forEach((doc, docIndex) =>
    docs[docIndex]!.forEach((point) => {
      const text = `${normalize(point.title)} ${normalize(point.text)}`;
      if (parts.every((part) => text.includes(part))) truth.add(`${doc.url}#${point.anchor}`);
    }),
  );
  const started = performance.now();
  const results = await runSearch(source, query);
  const nodeMs = performance.now() - started;
  const points = flatten(results);
  const found = new Set(points.map((point) => `${point.url.split('#')[0]}#${decodeURIComponent(point.anchor)}`));
  const hit = [...truth].filter((key) => found.has(key)).length;
  const top = points.slice(0, 10);
  const relevant = top.filter((point) => truth.has(`${point.url.split('#')[0]}#${point.anchor}`)).length;
  const exactFlags = points.map((point) => point.exact);
  const firstInexact = exactFlags.indexOf(false);
  const exactFirst = firstInexact === -1 || !exactFlags.slice(firstInexact).includes(true) || results.every((r) => r.points[0]?.exact !== false || !r.points.some((p) => p.exact));
  const pagesOk =
    parts.length === 1
      ? meta.docs.every((doc, index) => pageText[index]!.includes(parts[0]!) === results.some((result) => result.doc.url === doc.url))
      : undefined;
  // Files a first search fetches: the entry, meta, the shards of its keys, the text packs of its hits.
  const shards = new Set(parts.flatMap(queryKeys).map((key) => shardOf(key, meta.shardCount)));
  const packs = new Set(results.map((r) => r.doc.pack));
  const files = ['search.js', 'meta.json', ...[...shards].map(shardName), ...[...packs].map(packName)];
  rows.push({
    query,
    truth: truth.size,
    found: found.size,
    recall: truth.size === 0 ? 1 : hit / truth.size,
    p10: top.length === 0 ? 1 : relevant / top.length,
    exactFirst,
    pagesOk,
    bytes: files.reduce((sum, file) => sum + brotliSize(file), 0),
    nodeMs,
  });
}

// First search in Chromium: a fresh context (empty cache) per query, the site served with its
// precompressed files; the search page is open (its script and document list loaded), then
// search() is timed to its results, fetches of shards and documents included. Bytes count
// everything under /search/ the page fetched, search.js and meta.json included.
const { server, origin } = await serveStatic(dist, 0, { precompressed: true });
const browser = await chromium.launch({ executablePath: browserPath(), headless: true });
try {
  for (const row of rows) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The search page loads /search/search.js and the document list (for its filters).
    await page.goto(`${origin}/search/`);
    await page.getByRole('group', { name: '类型' }).waitFor();
    // …and has finished loading: its font files, and the service worker's offline copy of the
    // self-check (2.5 MB on a first visit). A reader cannot search before the page is there, and
    // those requests would queue in front of the search's own on the six connections HTTP/1.1
    // allows. (On a first visit the offline copy is still loading in the first seconds.)
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForLoadState('networkidle');
    const { ms, transferred } = await page.evaluate(async (query) => {
      const url = '/search/search.js';
      const module = (await import(url)) as { search(query: string): Promise<unknown[]> };
      const started = performance.now();
      await module.search(query);
      const ms = performance.now() - started;
      const transferred = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/search/'))
        .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize, 0);
      return { ms, transferred };
    }, row.query);
    row.browserMs = ms;
    row.bytes = Math.max(row.bytes, transferred > 0 ? transferred : 0) || row.bytes;
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const pad = (value: string, width: number) => value + ' '.repeat(Math.max(0, width - [...value].length * 2 + value.replace(/[^\x00-\xff]/g, '').length));
console.log(`${pad('query', 26)} truth found recall  P@10 exact pages   KB  node ms  Chromium ms`);
for (const row of rows) {
  console.log(
    `${pad(row.query, 26)} ${String(row.truth).padStart(5)} ${String(row.found).padStart(5)} ${row.recall.toFixed(2).padStart(6)} ${row.p10.toFixed(2).padStart(5)} ${row.exactFirst ? '  yes' : '   NO'} ${row.pagesOk === undefined ? '    -' : row.pagesOk ? '   ok' : ' DIFF'} ${(row.bytes / 1024).toFixed(1).padStart(5)} ${row.nodeMs.toFixed(1).padStart(8)} ${(row.browserMs ?? 0).toFixed(1).padStart(12)}`,
  );
}
const points = meta.docs.reduce((sum, doc) => sum + doc.count, 0);
const walk = (path: string): string[] =>
  readdirSync(path, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(path, entry.name)) : [join(path, entry.name)]));
const indexFiles = walk(dir).filter((file) => file.endsWith('.json'));
const raw = indexFiles.reduce((sum, file) => sum + statSync(file).size, 0);
const br = indexFiles.reduce((sum, file) => sum + (statSync(`${file}.br`, { throwIfNoEntry: false })?.size ?? statSync(file).size), 0);
const minRecall = Math.min(...rows.map((row) => row.recall));
const minP10 = Math.min(...rows.map((row) => row.p10));
const meanP10 = rows.reduce((sum, row) => sum + row.p10, 0) / rows.length;
console.log('');
console.log(`queries                       ${rows.length}`);
console.log(`recall (min / mean)           ${minRecall.toFixed(3)} / ${(rows.reduce((sum, row) => sum + row.recall, 0) / rows.length).toFixed(3)}`);
console.log(`P@10 (min / mean)             ${minP10.toFixed(3)} / ${meanP10.toFixed(3)}`);
console.log(`exact matches ranked first    ${rows.filter((row) => row.exactFirst).length} / ${rows.length}`);
console.log(`pages agree (one-part)        ${rows.filter((row) => row.pagesOk).length} / ${rows.filter((row) => row.pagesOk !== undefined).length}`);
console.log(`first search KB (median/max)  ${(median(rows.map((row) => row.bytes)) / 1024).toFixed(1)} / ${(Math.max(...rows.map((row) => row.bytes)) / 1024).toFixed(1)}`);
console.log(`first search ms Chromium      median ${median(rows.map((row) => row.browserMs ?? 0)).toFixed(1)}, max ${Math.max(...rows.map((row) => row.browserMs ?? 0)).toFixed(1)}`);
console.log(`index                         ${meta.docs.length} documents, ${points} points, ${(raw / 1024).toFixed(0)} KiB raw, ${(br / 1024).toFixed(0)} KiB brotli`);
console.log(`per 1,000 points              ${((raw / points) * 1000 / 1024).toFixed(0)} KiB raw, ${((br / points) * 1000 / 1024).toFixed(0)} KiB brotli`);
if (minRecall < 1 || meanP10 < 0.95 || rows.some((row) => row.pagesOk === false)) process.exitCode = 1;
