// The search itself, without I/O: the index format, candidate lookup by character bigrams,
// verification against the stored point text, ranking and excerpts. Used by the browser entry
// (src/lib/search/browser.ts → /search/search.js) and by the benchmark (scripts/bench-search.ts).
import { normalizeWithMap, queryParts } from './normalize.ts';

/** Number of bigram shards (dist/search/shards/NN.json). */
export const shardCount = 32;

/** A searchable document: a work plan, handbook page or framework. */
export interface SearchDoc {
  url: string;
  title: string;
  kind: string;
  region?: string;
  year?: number;
  /** Global id of the document's first point; its points are first … first + count − 1. */
  first: number;
  count: number;
  /** The text pack (dist/search/texts/NN.json) holding this document's points. */
  pack: number;
}

/** One point of a document: a work-plan section or point, a handbook section, an indicator. */
export interface SearchPoint {
  /** Element id on the page ('' for the top of the page). */
  anchor: string;
  /** Heading of the point, without badges. */
  title: string;
  /** Plain text of the point, white space collapsed. */
  text: string;
}

/** dist/search/meta.json */
export interface SearchMeta {
  version: 2;
  shardCount: number;
  docs: SearchDoc[];
}

/** A shard: key (one or two normalized characters) → delta-encoded sorted point ids. */
export type Shard = Record<string, number[]>;

/** A text pack: document index → its points, for the consecutive documents of one pack. */
export type TextPack = Record<string, SearchPoint[]>;

/**
 * Raw size a text pack grows to before the next document starts a new one. Fewer, larger packs
 * mean fewer requests per search (each costs more than its bytes on HTTP/1.1), smaller ones fewer
 * bytes for a narrow query; measured with `npm run bench:search`.
 */
export const packBytes = 96 * 1024;

/** Assign consecutive documents to packs of about `limit` raw bytes (a larger document gets its own). */
export function assignPacks(sizes: number[], limit = packBytes): number[] {
  let pack = 0;
  let filled = 0;
  return sizes.map((size) => {
    if (filled > 0 && filled + size > limit) {
      pack++;
      filled = 0;
    }
    filled += size;
    return pack;
  });
}

/** Where the index comes from: fetch in the browser, the file system in the benchmark. */
export interface SearchSource {
  meta(): Promise<SearchMeta>;
  shard(index: number): Promise<Shard>;
  /** The points of document `index`, in order. */
  doc(index: number): Promise<SearchPoint[]>;
}

export interface Highlighted {
  /** Excerpt text (original characters, Chinese punctuation kept). */
  text: string;
  /** [start, end) ranges of `text` to highlight. */
  marks: [number, number][];
}

export interface PointResult {
  /** Page URL with the point's anchor, e.g. /workplans/x/#s1-p2. */
  url: string;
  anchor: string;
  title: Highlighted;
  excerpt: Highlighted;
  score: number;
  /** The point contains the query as written (parts joined without spaces). */
  exact: boolean;
}

export interface DocResult {
  doc: SearchDoc;
  url: string;
  score: number;
  points: PointResult[];
}

export interface Filters {
  kind?: string[];
  region?: string[];
  year?: number[];
}

/**
 * The one- and two-character keys of a normalized text (no key spans white space): the definition
 * of what the index holds. The build collects them with postingsOf, which is tested against this.
 */
export function keysOf(normalized: string): Set<string> {
  const keys = new Set<string>();
  let previous = '';
  for (const char of normalized) {
    if (char === ' ') {
      previous = '';
      continue;
    }
    keys.add(char);
    if (previous !== '') keys.add(previous + char);
    previous = char;
  }
  return keys;
}

/**
 * The postings of an index: each key of keysOf → the ids of the texts that have it, ascending.
 * Texts come as [id, normalized text] with ids ascending. The build runs this over every point of
 * the site (some 10 million key occurrences at 3,000 plans), so while it counts, a character is a
 * small number (the order it was first met in) that indexes arrays, a pair is found under its
 * first character by its second, and keys become strings once at the end.
 */
export function postingsOf(texts: Iterable<readonly [id: number, normalized: string]>): Map<string, number[]> {
  const numberOf = new Int32Array(0x110000).fill(-1);
  const characters: string[] = [];
  const singles: number[][] = [];
  const pairs: Map<number, number[]>[] = [];
  let lastId = -Infinity;
  for (const [id, text] of texts) {
    if (!(id > lastId)) throw new Error(`postingsOf: ids must ascend (${id} after ${lastId})`);
    lastId = id;
    // The pairs that start with the previous character, or undefined after a space.
    let after: Map<number, number[]> | undefined;
    for (let index = 0; index < text.length; index++) {
      // A code point; a lone surrogate is returned as itself.
      const code = text.codePointAt(index)!;
      if (code > 0xffff) index++;
      if (code === 0x20) {
        after = undefined;
        continue;
      }
      let character = numberOf[code]!;
      if (character < 0) {
        character = numberOf[code] = characters.length;
        characters.push(String.fromCodePoint(code));
        singles.push([]);
        pairs.push(new Map());
      }
      const ids = singles[character]!;
      if (ids[ids.length - 1] !== id) ids.push(id);
      if (after) {
        const pairIds = after.get(character);
        if (pairIds === undefined) after.set(character, [id]);
        else if (pairIds[pairIds.length - 1] !== id) pairIds.push(id);
      }
      after = pairs[character];
    }
  }
  const postings = new Map<string, number[]>();
  characters.forEach((character, number) => postings.set(character, singles[number]!));
  pairs.forEach((seconds, first) => {
    for (const [second, ids] of seconds) postings.set(characters[first]! + characters[second]!, ids);
  });
  return postings;
}

/** The keys to look up for one query part: its bigrams, or the character itself. */
export function queryKeys(part: string): string[] {
  const chars = [...part];
  if (chars.length === 1) return chars;
  return [...new Set(chars.slice(0, -1).map((char, index) => char + chars[index + 1]))];
}

/** Shard of a key: FNV-1a over its UTF-16 units. */
export function shardOf(key: string, count = shardCount): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

export function encodePostings(ids: number[]): number[] {
  return ids.map((id, index) => (index === 0 ? id : id - ids[index - 1]!));
}

export function decodePostings(deltas: number[]): number[] {
  let last = 0;
  return deltas.map((delta) => (last += delta));
}

function intersect(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return out;
}

/** Non-overlapping occurrences of `needle` in `haystack`. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

/**
 * Highlight every occurrence of the parts in `source`. Longer text is cut to about `width`
 * characters: windows around the first occurrence of each part, joined by an ellipsis.
 */
export function highlight(source: string, parts: string[], width = Infinity, normalized = normalizeWithMap(source)): Highlighted {
  const { text, origin } = normalized;
  const ranges: [number, number][] = [];
  const firsts: number[] = [];
  for (const part of parts) {
    const found = occurrences(text, part);
    if (found[0] !== undefined) firsts.push(origin[found[0]]!);
    for (const at of found) {
      const start = origin[at]!;
      const lastUnit = at + part.length - 1;
      const lastOrigin = origin[lastUnit]!;
      const end = lastOrigin + (source.codePointAt(lastOrigin)! > 0xffff ? 2 : 1);
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  if (source.length <= width) return { text: source, marks: merged };
  const anchors = firsts.length > 0 ? [...new Set(firsts)].sort((a, b) => a - b) : [0];
  const size = Math.max(20, Math.floor(width / anchors.length));
  const windows: [number, number][] = [];
  for (const at of anchors) {
    const from = Math.max(0, Math.min(at - Math.floor(size / 3), source.length - size));
    const to = Math.min(source.length, from + size);
    const last = windows.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  let out = '';
  const marks: [number, number][] = [];
  windows.forEach(([from, to], index) => {
    if (from > 0 || index > 0) out += '…';
    const offset = out.length - from;
    for (const [start, end] of merged) if (start >= from && end <= to) marks.push([start + offset, end + offset]);
    out += source.slice(from, to);
  });
  if (windows.at(-1)![1] < source.length) out += '…';
  return { text: out, marks };
}

function matchesFilters(doc: SearchDoc, filters: Filters): boolean {
  if (filters.kind?.length && !filters.kind.includes(doc.kind)) return false;
  if (filters.region?.length && !(doc.region !== undefined && filters.region.includes(doc.region))) return false;
  if (filters.year?.length && !(doc.year !== undefined && filters.year.includes(doc.year))) return false;
  return true;
}

/** Score a point that contains every part. */
function scorePoint(text: string, title: string, parts: string[], whole: string): { score: number; exact: boolean } {
  const exact = parts.length === 1 || text.includes(whole) || title.includes(whole);
  let score = exact ? 1000 : 0;
  for (const part of parts) {
    if (title.includes(part)) score += 100;
    score += Math.min(occurrences(text, part).length, 20) * 5;
  }
  // Shorter points that contain the query are more about it.
  score += Math.max(0, 20 - Math.floor(text.length / 100));
  return { score, exact };
}

export interface SearchOptions {
  filters?: Filters;
  /** Excerpt width in characters. */
  excerptWidth?: number;
}

/**
 * Every point whose text (or heading) contains every part of the query after normalization,
 * grouped by document; documents and points ranked best first.
 */
export async function runSearch(source: SearchSource, query: string, options: SearchOptions = {}): Promise<DocResult[]> {
  const parts = queryParts(query);
  if (parts.length === 0) return [];
  const whole = parts.join('');
  const { meta, candidates } = await lookUp(source, parts);
  if (candidates.length === 0) return [];
  const byDoc = new Map<number, number[]>();
  for (const id of candidates) {
    const docIndex = docOf(meta.docs, id);
    if (docIndex === -1 || !matchesFilters(meta.docs[docIndex]!, options.filters ?? {})) continue;
    byDoc.set(docIndex, [...(byDoc.get(docIndex) ?? []), id]);
  }
  const results = await Promise.all(
    [...byDoc].map(async ([docIndex, ids]) => {
      const doc = meta.docs[docIndex]!;
      const points = await source.doc(docIndex);
      const found: PointResult[] = [];
      for (const id of ids) {
        const point = points[id - doc.first];
        if (!point) continue;
        const textMap = normalizeWithMap(point.text);
        const titleMap = normalizeWithMap(point.title);
        const text = textMap.text;
        const title = titleMap.text;
        if (!parts.every((part) => text.includes(part) || title.includes(part))) continue;
        const { score, exact } = scorePoint(text, title, parts, whole);
        found.push({
          url: point.anchor ? `${doc.url}#${encodeURIComponent(point.anchor)}` : doc.url,
          anchor: point.anchor,
          title: highlight(point.title, parts, Infinity, titleMap),
          excerpt: highlight(point.text, parts, options.excerptWidth ?? 90, textMap),
          score,
          exact,
        });
      }
      found.sort((a, b) => b.score - a.score);
      const score = (found[0]?.score ?? 0) + found.length;
      return { doc, url: doc.url, score, points: found };
    }),
  );
  return results.filter((result) => result.points.length > 0).sort((a, b) => b.score - a.score);
}

/**
 * The document list and the points that hold every bigram of the query's parts, read from the
 * shards that hold those keys (fetched together with the document list: one round trip).
 */
export async function lookUp(source: Pick<SearchSource, 'meta' | 'shard'>, parts: string[]): Promise<{ meta: SearchMeta; candidates: number[] }> {
  const keys = [...new Set(parts.flatMap(queryKeys))];
  const shards = new Map<number, Shard>();
  const [meta] = await Promise.all([
    source.meta(),
    ...[...new Set(keys.map((key) => shardOf(key)))].map(async (index) => {
      shards.set(index, await source.shard(index));
    }),
  ]);
  return { meta, candidates: keys.length === 0 ? [] : candidatePoints(keys, shards) };
}

/** The points that hold every key (the query's bigrams), from the shards that hold the keys. */
function candidatePoints(keys: string[], shards: ReadonlyMap<number, Shard>): number[] {
  let candidates: number[] | undefined;
  for (const key of keys) {
    const postings = decodePostings(shards.get(shardOf(key))?.[key] ?? []);
    candidates = candidates === undefined ? postings : intersect(candidates, postings);
    if (candidates.length === 0) return [];
  }
  return candidates ?? [];
}

/**
 * The text packs a query will read, in document order, from its candidate points: what the search
 * page fetches while the reader is still typing, so that the search itself finds them loaded.
 */
export function candidatePacks(docs: SearchDoc[], candidates: number[]): number[] {
  const packs = new Set<number>();
  for (const id of candidates) {
    const index = docOf(docs, id);
    if (index !== -1) packs.add(docs[index]!.pack);
  }
  return [...packs];
}

/** The document holding point `id` (docs are in id order). */
function docOf(docs: SearchDoc[], id: number): number {
  let low = 0;
  let high = docs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const doc = docs[mid]!;
    if (id < doc.first) high = mid - 1;
    else if (id >= doc.first + doc.count) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** Points of the results in display order, for precision at k. */
export function flatten(results: DocResult[]): PointResult[] {
  return results.flatMap((result) => result.points);
}
