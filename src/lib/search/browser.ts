// The browser entry of the site search, bundled by scripts/build-search.ts to /search/search.js.
//
//   const { search } = await import('/search/search.js');
//   const results = await search('督导体制', { filters: { kind: ['工作要点'] } });
//   // → [{ doc: { title, kind, region, year, … }, url, points: [{ url: '/workplans/…/#s1-p2', anchor, title, excerpt, … }] }]
//
// The index files beside it (meta.json, shards/, texts/) are fetched on the first search and
// cached. When the page has #search-app (src/pages/search.astro), it also mounts the search UI.
import { queryParts } from './normalize.ts';
import { candidatePacks, lookUp, runSearch, type DocResult, type Highlighted, type SearchMeta, type SearchOptions, type SearchSource, type Shard, type TextPack } from './core.ts';

export type { DocResult, PointResult, SearchOptions, Filters } from './core.ts';

const indexBase = new URL('./', import.meta.url);
/** The site's base path ('' at the root), from where this script is served. */
const siteBase = new URL('../', import.meta.url).pathname.replace(/\/$/, '');

function cached<T>(load: (key: number) => Promise<T>): (key: number) => Promise<T> {
  const cache = new Map<number, Promise<T>>();
  return (key) => {
    let value = cache.get(key);
    if (!value) {
      value = load(key);
      value.catch(() => cache.delete(key));
      cache.set(key, value);
    }
    return value;
  };
}

/**
 * The index files are kept in the browser's cache storage by this module, not by the service
 * worker: a response piped through the worker's handler cost each search request several
 * milliseconds more. Online, the network answers and the text is stored once the search has
 * answered; offline, the stored copy answers, so a search made before works without the network.
 */
const indexCache = 'dudao-search';

async function getJson<T>(path: string): Promise<T> {
  const url = new URL(path, indexBase);
  let response: Response;
  let stored = false;
  try {
    response = await fetch(url);
  } catch (error) {
    const copy = typeof caches === 'undefined' ? undefined : await caches.match(url, { cacheName: indexCache }).catch(() => undefined);
    if (!copy) throw error;
    response = copy;
    stored = true;
  }
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const text = await response.text();
  if (!stored) pending.push([url, text]);
  return JSON.parse(text) as T;
}

/** Index files fetched from the network and not stored yet. */
const pending: [URL, string][] = [];

/** Store what the last search (or the filter list) fetched, right after it has answered. */
function storeFetched(): void {
  if (pending.length === 0 || typeof caches === 'undefined') return;
  const batch = pending.splice(0);
  setTimeout(() => {
    void caches
      .open(indexCache)
      .then((cache) =>
        Promise.all(batch.map(([url, text]) => cache.put(url, new Response(text, { headers: { 'content-type': 'application/json; charset=utf-8' } })))),
      )
      .catch(() => {});
  });
}

let metaPromise: Promise<SearchMeta> | undefined;
const source: SearchSource = {
  meta: () => {
    metaPromise ??= getJson<SearchMeta>('meta.json').then((meta) => ({
      ...meta,
      docs: meta.docs.map((doc) => ({ ...doc, url: siteBase + doc.url })),
    }));
    metaPromise.catch(() => (metaPromise = undefined));
    return metaPromise;
  },
  shard: cached((index) => getJson<Shard>(`shards/${String(index).padStart(2, '0')}.json`)),
  doc: async (index) => {
    const meta = await source.meta();
    const pack = await textPack(meta.docs[index]!.pack);
    return pack[index] ?? [];
  },
};
const textPack = cached((index) => getJson<TextPack>(`texts/${String(index).padStart(2, '0')}.json`));

/** Every document and point containing the query (all its space-separated parts), best first. */
export function search(query: string, options: SearchOptions = {}): Promise<DocResult[]> {
  return runSearch(source, query, options).finally(storeFetched);
}

/**
 * Most text packs loaded ahead for one query: a broad query on a large site may hit hundreds, which
 * the search itself then loads; ahead of time only what a narrow query needs.
 */
const prefetchedPacks = 4;

/**
 * While the reader is still typing (or composing with an input method), load what the query will
 * need: its shards, then the text packs of its candidate points. The search then finds them loaded
 * instead of making two round trips after 回车.
 */
function prefetch(query: string): void {
  const parts = queryParts(query);
  if (parts.length === 0) return;
  lookUp(source, parts)
    .then(({ meta, candidates }) => {
      const packs = candidatePacks(meta.docs, candidates);
      if (packs.length <= prefetchedPacks) for (const pack of packs) textPack(pack).catch(() => {});
    })
    .catch(() => {});
}

/** The documents' filter values, for building filter controls. */
export async function facets(): Promise<{ kind: string[]; region: string[]; year: number[] }> {
  const { docs } = await source.meta().finally(storeFetched);
  const unique = <T>(values: (T | undefined)[]) => [...new Set(values.filter((value): value is T => value !== undefined))];
  return {
    kind: unique(docs.map((doc) => doc.kind)),
    region: unique(docs.map((doc) => doc.region)).sort((a, b) => a.localeCompare(b, 'zh-CN')),
    year: unique(docs.map((doc) => doc.year)).sort((a, b) => b - a),
  };
}

// ---- The search page UI -------------------------------------------------------------------

function marked(value: Highlighted): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of value.marks) {
    fragment.append(value.text.slice(at, start));
    const mark = document.createElement('mark');
    mark.textContent = value.text.slice(start, end);
    fragment.append(mark);
    at = end;
  }
  fragment.append(value.text.slice(at));
  return fragment;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

const shownPoints = 5;

function renderDoc(result: DocResult): HTMLLIElement {
  const item = element('li', 'search-result');
  const heading = element('h2', 'search-result__title');
  const link = element('a', undefined, result.doc.title);
  link.href = result.url;
  heading.append(link);
  const facts = [result.doc.kind, result.doc.region, result.doc.year === undefined ? undefined : `${result.doc.year}年`].filter(Boolean);
  item.append(heading, element('p', 'search-result__meta', `${facts.join(' · ')} · ${result.points.length} 处`));
  const list = element('ul', 'search-result__points');
  const more = element('ul', 'search-result__points');
  result.points.forEach((point, index) => {
    const entry = element('li', 'search-point');
    const pointLink = element('a', 'search-point__title');
    pointLink.href = point.url;
    pointLink.append(marked(point.title));
    entry.append(pointLink, element('p', 'search-point__excerpt'));
    entry.lastElementChild!.append(marked(point.excerpt));
    (index < shownPoints ? list : more).append(entry);
  });
  item.append(list);
  if (more.children.length > 0) {
    const details = element('details', 'search-result__more');
    details.append(element('summary', undefined, `其余 ${more.children.length} 处`), more);
    item.append(details);
  }
  return item;
}

async function mount(app: HTMLElement): Promise<void> {
  const form = app.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const filterPanel = app.querySelector<HTMLElement>('.search-filters')!;
  const status = app.querySelector<HTMLElement>('[role="status"]')!;
  const list = app.querySelector<HTMLOListElement>('.search-results')!;
  const headerInput = document.querySelector<HTMLInputElement>('#site-search');
  const params = new URLSearchParams(window.location.search);
  input.value = params.get('q') ?? '';
  if (headerInput) headerInput.value = input.value;

  const groups: [keyof Awaited<ReturnType<typeof facets>>, string][] = [
    ['kind', '类型'],
    ['region', '地区'],
    ['year', '年份'],
  ];
  let available: Awaited<ReturnType<typeof facets>>;
  try {
    available = await facets();
  } catch {
    status.textContent = '搜索索引加载失败，请刷新页面重试。';
    return;
  }
  for (const [name, legendText] of groups) {
    if (available[name].length === 0) continue;
    const fieldset = element('fieldset', 'search-filter');
    fieldset.append(element('legend', undefined, legendText));
    for (const value of available[name]) {
      const label = element('label');
      const box = element('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = String(value);
      box.checked = params.getAll(name).includes(String(value));
      label.append(box, name === 'year' ? `${value}年` : String(value));
      fieldset.append(label);
    }
    filterPanel.append(fieldset);
  }
  filterPanel.hidden = false;

  let generation = 0;
  const run = async (): Promise<void> => {
    const query = input.value.trim();
    const checked = (name: string) =>
      [...filterPanel.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((box) => box.value);
    const url = new URL(window.location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    for (const [name] of groups) for (const value of checked(name)) url.searchParams.append(name, value);
    history.replaceState(null, '', url);
    if (headerInput) headerInput.value = query;
    const current = ++generation;
    if (!query) {
      list.replaceChildren();
      status.textContent = '请输入关键词。';
      return;
    }
    const years = checked('year').map(Number);
    const results = await search(query, {
      filters: { kind: checked('kind'), region: checked('region'), year: years },
    });
    if (current !== generation) return;
    list.replaceChildren(...results.map(renderDoc));
    const points = results.reduce((sum, result) => sum + result.points.length, 0);
    status.textContent =
      results.length === 0
        ? `没有找到包含“${query}”的内容。请检查用字，或换一个更短的关键词。`
        : `找到 ${results.length} 篇文档中的 ${points} 处结果。`;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    prefetch(input.value);
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 150);
  });
  filterPanel.addEventListener('change', () => void run());
  if (input.value) await run();
  else status.textContent = '请输入关键词。';
}

const app = typeof document === 'undefined' ? null : document.getElementById('search-app');
if (app) void mount(app);
