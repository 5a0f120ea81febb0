// Build the site search index from the built pages (run after `astro build`).
//
// Every page whose <main> carries data-pagefind-body is indexed (BaseLayout sets it for work
// plans, handbooks and frameworks, with hidden data-pagefind-filter spans for kind/region/year;
// data-pagefind-ignore marks navigation that is not content). A page is cut into points at every
// heading with an id and every list item with an id (framework indicator points), so a result
// links to the point: the URL's hash is that id.
//
// Output, in dist/search/ (fetched lazily by /search/search.js):
//   meta.json        documents: URL, title, filters, range of point ids
//   shards/NN.json   key (one or two normalized characters) → delta-encoded point ids, by key hash
//   texts/NN.json    the points (anchor, title, text) of consecutive documents, about packBytes
//                    each, so a search fetches a few files however many documents it hits
//   search.js        the browser entry (src/lib/search/browser.ts bundled by esbuild)
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { parse, type HTMLElement, NodeType, type Node } from 'node-html-parser';
import {
  assignPacks,
  encodePostings,
  postingsOf,
  shardCount,
  shardOf,
  type SearchDoc,
  type SearchMeta,
  type SearchPoint,
  type Shard,
  type TextPack,
} from '../src/lib/search/core.ts';
import { normalize } from '../src/lib/search/normalize.ts';
import { FileDigests } from './lib/file-digests.ts';

const root = process.argv[2] ?? 'dist';
const out = join(root, 'search');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const blockTags = new Set(['P', 'LI', 'UL', 'OL', 'DIV', 'SECTION', 'TABLE', 'TR', 'TD', 'TH', 'DT', 'DD', 'DL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGURE', 'FIGCAPTION', 'BR', 'ASIDE', 'HEADER', 'FOOTER', 'CAPTION']);
const headingTags = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);

/** Text of an element without badges ([class~=tag]) or ignored parts. */
function cleanText(element: HTMLElement): string {
  let text = '';
  const visit = (node: Node): void => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      text += node.text;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    if (el.classList.contains('tag') || el.classList.contains('visually-hidden') || el.hasAttribute('aria-hidden')) return;
    el.childNodes.forEach(visit);
  };
  visit(element);
  return text.replace(/\s+/g, ' ').trim();
}

interface Draft {
  anchor: string;
  title: string;
  text: string;
}

/** Cut <main> into points. */
function pointsOf(main: HTMLElement, pageTitle: string): Draft[] {
  const points: Draft[] = [{ anchor: '', title: pageTitle, text: '' }];
  let current = points[0]!;
  const visit = (node: Node): void => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      current.text += node.text;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    if (el.hasAttribute('data-pagefind-ignore') || el.hasAttribute('data-pagefind-filter') || el.hasAttribute('hidden')) return;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'NOSCRIPT') return;
    if (el.classList.contains('print-only') || el.classList.contains('tag')) return;
    if (el.tagName === 'H1') return;
    const id = el.getAttribute('id');
    if (id && headingTags.has(el.tagName)) {
      current = { anchor: id, title: cleanText(el), text: '' };
      points.push(current);
      return;
    }
    if (id && el.tagName === 'LI') {
      const outer = current;
      current = { anchor: id, title: outer.title, text: '' };
      points.push(current);
      el.childNodes.forEach(visit);
      current = outer;
      return;
    }
    const block = blockTags.has(el.tagName);
    if (block) current.text += ' ';
    el.childNodes.forEach(visit);
    if (block) current.text += ' ';
  };
  main.childNodes.forEach(visit);
  return points
    .map((point) => ({ ...point, text: point.text.replace(/\s+/g, ' ').trim() }))
    .filter((point) => point.text.length > 0 || point.anchor !== '');
}

/** What one page contributes to the index: its document fields and points (ids assigned later). */
interface PageEntry {
  title: string;
  kind: string;
  region?: string;
  year?: number;
  points: SearchPoint[];
}

/** Read one built page; undefined when it is not indexed. */
function readPage(html: string): PageEntry | undefined {
  if (!html.includes('data-pagefind-body')) return undefined;
  const page = parse(html);
  const main = page.querySelector('main[data-pagefind-body]');
  if (!main) return undefined;
  const filter = (name: string) => main.querySelector(`[data-pagefind-filter="${name}"]`)?.text.trim() || undefined;
  const title = cleanText(main.querySelector('h1') ?? page.querySelector('title')!);
  const year = filter('year');
  const region = filter('region');
  return { title, kind: filter('kind') ?? '其他', ...(region ? { region } : {}), ...(year ? { year: Number(year) } : {}), points: pointsOf(main, title) };
}

// Pages are read through a cache keyed by their bytes (node_modules/.cache/dudao-search, or
// DUDAO_SEARCH_CACHE), so a rebuild after one plan changed parses that plan's page, not all of
// them. The index itself is assembled again from the entries: ids, shards and packs depend on all.
const cacheDir = resolve(process.env.DUDAO_SEARCH_CACHE ?? 'node_modules/.cache/dudao-search');
mkdirSync(cacheDir, { recursive: true });
const usedCache = new Set<string>();
const docs: SearchDoc[] = [];
const docPoints: SearchPoint[][] = [];
let nextId = 0;
let parsed = 0;
const files = walk(root)
  .filter((file) => file.endsWith('index.html'))
  .map((file) => relative(root, file).split('\\').join('/'))
  .sort();
// The digests of unchanged pages are known without reading them (scripts/lib/file-digests.ts).
const digests = new FileDigests(join(cacheDir, 'digests.json'));
for (const file of files) {
  const name = `${digests.digest(join(root, file)).slice(0, 40)}.json`;
  usedCache.add(name);
  const cached = join(cacheDir, name);
  let entry: PageEntry | undefined | null;
  if (existsSync(cached)) entry = JSON.parse(readFileSync(cached, 'utf8')) as PageEntry | null;
  else {
    // A page that is not indexed is remembered as null.
    const html = readFileSync(join(root, file), 'utf8');
    entry = (html.includes('data-pagefind-body') ? readPage(html) : undefined) ?? null;
    writeFileSync(cached, JSON.stringify(entry));
    parsed++;
  }
  if (!entry) continue;
  const { points, ...fields } = entry;
  docs.push({ url: '/' + file.replace(/index\.html$/, ''), ...fields, first: nextId, count: points.length, pack: 0 });
  docPoints.push(points);
  nextId += points.length;
}
for (const name of readdirSync(cacheDir)) if (/^[0-9a-f]{40}\.json$/u.test(name) && !usedCache.has(name)) rmSync(join(cacheDir, name), { force: true });
digests.save();

const postings = postingsOf(
  (function* () {
    for (let docIndex = 0; docIndex < docs.length; docIndex++) {
      const points = docPoints[docIndex]!;
      for (let index = 0; index < points.length; index++) yield [docs[docIndex]!.first + index, normalize(`${points[index]!.title} ${points[index]!.text}`)] as const;
    }
  })(),
);
const shards: Shard[] = Array.from({ length: shardCount }, () => ({}));
for (const [key, ids] of [...postings].sort(([a], [b]) => (a < b ? -1 : 1))) {
  shards[shardOf(key)]![key] = encodePostings(ids);
}

const packOf = assignPacks(docPoints.map((points) => Buffer.byteLength(JSON.stringify(points))));
const packs: TextPack[] = [];
packOf.forEach((pack, docIndex) => {
  docs[docIndex]!.pack = pack;
  (packs[pack] ??= {})[docIndex] = docPoints[docIndex]!;
});

// dist/search/index.html is the search page itself: replace only the index's own files. A file whose
// bytes are unchanged is not written again (dist/ is kept between builds, src/integrations/keep-dist.ts):
// pre-compression then knows it without reading it, and most of the 430 text packs of a 3,000-plan
// site are unchanged when one plan changes.
rmSync(join(out, 'docs'), { recursive: true, force: true });
const written = new Set<string>();
function writeIfChanged(path: string, text: string): void {
  written.add(path);
  const bytes = Buffer.from(text, 'utf8');
  if (existsSync(path) && statSync(path).size === bytes.length && readFileSync(path).equals(bytes)) return;
  writeFileSync(path, bytes);
}
mkdirSync(join(out, 'shards'), { recursive: true });
mkdirSync(join(out, 'texts'), { recursive: true });
const meta: SearchMeta = { version: 2, shardCount, docs };
writeIfChanged(join(out, 'meta.json'), JSON.stringify(meta));
shards.forEach((shard, index) => writeIfChanged(join(out, 'shards', `${String(index).padStart(2, '0')}.json`), JSON.stringify(shard)));
packs.forEach((pack, index) => writeIfChanged(join(out, 'texts', `${String(index).padStart(2, '0')}.json`), JSON.stringify(pack)));
// Files of an earlier index that this one does not have (fewer packs), with their compressed copies.
for (const folder of ['shards', 'texts']) {
  for (const name of readdirSync(join(out, folder))) {
    const path = join(out, folder, name);
    if (!written.has(path.replace(/\.(br|gz)$/u, ''))) rmSync(path, { force: true });
  }
}

await build({
  entryPoints: ['src/lib/search/browser.ts'],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  outfile: join(out, 'search.js'),
  logLevel: 'warning',
});

const bytes = walk(out)
  .filter((file) => !/\.(html|br|gz)$/u.test(file))
  .reduce((sum, file) => sum + statSync(file).size, 0);
console.log(
  `search index: ${docs.length} documents (${parsed} pages read, the others from cache; ${digests.read} pages hashed), ${nextId} points, ${postings.size} keys in ${shardCount} shards, texts in ${packs.length} packs, ${(bytes / 1024).toFixed(0)} KiB`,
);
