import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { foldTable, normalize, normalizeChar, normalizeWithMap, queryParts } from '../../../src/lib/search/normalize';
import {
  assignPacks,
  candidatePacks,
  decodePostings,
  encodePostings,
  highlight,
  postingsOf,
  keysOf,
  queryKeys,
  runSearch,
  shardCount,
  shardOf,
  type SearchDoc,
  type SearchPoint,
  type SearchSource,
  type Shard,
} from '../../../src/lib/search/core';

describe('normalize', () => {
  it('folds traditional forms to simplified and full-width to half-width', () => {
    expect(normalize('督導體制')).toBe('督导体制');
    expect(normalize('ＡＢＣ１２３')).toBe('abc123');
    expect(normalize('a \n\t b')).toBe('a b');
    expect(normalize('建好“1+8”“枫”彩南岸平台。')).toBe('建好1+8枫彩南岸平台');
  });

  it('keeps a one-to-one, loop-free fold table', () => {
    for (const [from, to] of foldTable) {
      expect([...from]).toHaveLength(1);
      expect([...to]).toHaveLength(1);
      expect(from).not.toBe(to);
      expect(foldTable.has(to)).toBe(false);
    }
  });

  it('folds every traditional character of the content that the sources use', () => {
    const sources = readdirSync('content/sources').map((file) => readFileSync(`content/sources/${file}`, 'utf8'));
    for (const char of ['導', '體']) {
      expect(sources.some((text) => text.includes(char))).toBe(true);
      expect(foldTable.has(char)).toBe(true);
    }
  });

  it('maps each normalized unit back to its original character', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const { text: normal, origin } = normalizeWithMap(text);
        expect(origin).toHaveLength(normal.length);
        for (let index = 1; index < origin.length; index++) expect(origin[index]).toBeGreaterThanOrEqual(origin[index - 1]!);
      }),
    );
  });

  it('normalizes like the plain per-code-point rule, surrogate pairs and lone surrogates included', () => {
    // The rule written out simply (the module's loop is the fast form of it).
    const reference = (source: string) => {
      let text = '';
      const origin: number[] = [];
      let index = 0;
      for (const char of source) {
        const normal = /\s/u.test(char) ? ' ' : /^\p{P}$/u.test(char) ? '' : normalizeChar(char);
        if (!(normal === ' ' && text.endsWith(' '))) {
          text += normal;
          for (let unit = 0; unit < normal.length; unit++) origin.push(index);
        }
        index += char.length;
      }
      return { text, origin };
    };
    const alphabet = fc.constantFrom('督', '導', '体', '學', ' ', '\u3000', '\n', '，', '“', 'Ａ', 'a', '1', '½', '𠀀', '喆', '\ud800', '\udc00', '⑴');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
        expect(normalizeWithMap(text)).toEqual(reference(text));
      }),
    );
    expect(normalizeWithMap('a𠀀，b')).toEqual({ text: 'a𠀀b', origin: [0, 1, 1, 4] });
  });

  it('splits a query into distinct parts at white space, full-width space included', () => {
    expect(queryParts(' 督导　体制  督导 ')).toEqual(['督导', '体制']);
    expect(queryParts('   ')).toEqual([]);
  });
});

describe('index keys', () => {
  it('indexes characters and bigrams, never across white space', () => {
    expect([...keysOf('督学 责任')].sort()).toEqual(['任', '学', '督', '督学', '责', '责任'].sort());
    expect(queryKeys('督')).toEqual(['督']);
    expect(queryKeys('督导督导')).toEqual(['督导', '导督']);
  });

  it('takes a character outside the BMP (two UTF-16 units) as one character', () => {
    expect([...keysOf('喆𠮷野 家')].sort()).toEqual(['喆', '𠮷', '野', '家', '喆𠮷', '𠮷野'].sort());
  });

  it('collects postings: every key of every text, each id once, ascending', () => {
    const postings = postingsOf([
      [0, '督导 督导'],
      [3, '𠮷野'],
      [7, '\ud842 导'],
    ]);
    expect(Object.fromEntries(postings)).toEqual({ 督: [0], 导: [0, 7], 督导: [0], '𠮷': [3], 野: [3], '𠮷野': [3], '\ud842': [7] });
    expect(() => postingsOf([[2, '督'], [2, '导']])).toThrow(/ascend/);
  });

  it('collects the same postings as keysOf text by text, for any texts', () => {
    const naive = (texts: string[]) => {
      const postings = new Map<string, number[]>();
      texts.forEach((text, id) => {
        for (const key of keysOf(text)) postings.set(key, [...(postings.get(key) ?? []), id]);
      });
      return [...postings].sort(([a], [b]) => (a < b ? -1 : 1));
    };
    const unit = fc.constantFrom('督', '导', ' ', '𠮷', '\ud842', '\udfb7', 'a');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit }))), (texts) => {
        const postings = [...postingsOf(texts.map((text, id) => [id, text] as const))].sort(([a], [b]) => (a < b ? -1 : 1));
        expect(postings).toEqual(naive(texts));
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips delta-encoded postings and spreads keys over every shard', () => {
    expect(decodePostings(encodePostings([1, 4, 9, 30]))).toEqual([1, 4, 9, 30]);
    const used = new Set(['督导', '督学', '体制', '机制', '改革', '评估', '学校', '教育', '质量', '监测'].map((key) => shardOf(key)));
    expect(used.size).toBeGreaterThan(5);
    expect(Math.max(...used)).toBeLessThan(shardCount);
  });
});

describe('text packs', () => {
  it('groups consecutive documents up to the limit; a larger document gets a pack of its own', () => {
    expect(assignPacks([40, 50, 20, 200, 10, 10], 100)).toEqual([0, 0, 1, 2, 3, 3]);
    expect(assignPacks([150], 100)).toEqual([0]);
    expect(assignPacks([], 100)).toEqual([]);
  });
});

describe('highlight', () => {
  it('marks the original characters of a match found through folding', () => {
    const result = highlight('深化教育督導體制机制改革。', ['督导体制']);
    expect(result.marks).toEqual([[4, 8]]);
    expect(result.text.slice(4, 8)).toBe('督導體制');
  });

  it('cuts long text around the first match with an ellipsis', () => {
    const text = `${'甲'.repeat(200)}责任督学${'乙'.repeat(200)}`;
    const result = highlight(text, ['督学'], 60);
    expect(result.text.startsWith('…')).toBe(true);
    expect(result.text.endsWith('…')).toBe(true);
    const [start, end] = result.marks[0]!;
    expect(result.text.slice(start, end)).toBe('督学');
  });
});

/** A tiny in-memory index built the way scripts/build-search.ts builds it. */
function memorySource(docs: { doc: Omit<SearchDoc, 'first' | 'count' | 'pack'>; points: SearchPoint[] }[]): SearchSource {
  let first = 0;
  const metaDocs = docs.map(({ doc, points }) => {
    const entry = { ...doc, first, count: points.length, pack: 0 };
    first += points.length;
    return entry;
  });
  const shards: Shard[] = Array.from({ length: shardCount }, () => ({}));
  const texts = docs.flatMap(({ points }, docIndex) => points.map((point, index) => [metaDocs[docIndex]!.first + index, normalize(`${point.title} ${point.text}`)] as const));
  for (const [key, ids] of postingsOf(texts)) shards[shardOf(key)]![key] = encodePostings(ids);
  return {
    meta: async () => ({ version: 2 as const, shardCount, docs: metaDocs }),
    shard: async (index) => shards[index]!,
    doc: async (index) => docs[index]!.points,
  };
}

const source = memorySource([
  {
    doc: { url: '/workplans/a/', title: '2025年南岸区教育督导工作要点', kind: '工作要点', region: '南岸区', year: 2025 },
    points: [
      { anchor: 's1-p1', title: '1.完善督导委员会运行机制。', text: '落实责任督学挂牌督导制度和学前教育督导。' },
      { anchor: 's1-p2', title: '2.深化改革。', text: '进一步深化教育督導體制机制改革。' },
      { anchor: 's1-p3', title: '3.普及普惠。', text: '推进学前教育普及普惠，督促整改。' },
    ],
  },
  {
    doc: { url: '/handbooks/b/', title: '责任督学工作指南', kind: '督导手册' },
    points: [{ anchor: '五项基本职责', title: '五项基本职责', text: '责任督学每月进校，督学的职责。' }],
  },
]);

describe('runSearch', () => {
  it('finds a term inside a longer word and links to the point', async () => {
    const results = await runSearch(source, '督学');
    const urls = results.flatMap((result) => result.points.map((point) => point.url));
    expect(urls).toContain('/workplans/a/#s1-p1');
    expect(urls).toContain(`/handbooks/b/#${encodeURIComponent('五项基本职责')}`);
  });

  it('finds a compound a segmenter splits after 和, and a traditional form', async () => {
    expect((await runSearch(source, '学前教育')).flatMap((r) => r.points.map((p) => p.anchor))).toEqual(
      expect.arrayContaining(['s1-p1', 's1-p3']),
    );
    const traditional = await runSearch(source, '督导体制');
    expect(traditional[0]!.points.map((point) => point.anchor)).toEqual(['s1-p2']);
    expect(traditional[0]!.points[0]!.excerpt.text).toContain('督導體制');
  });

  it('needs every part of a multi-part query in the same point', async () => {
    const results = await runSearch(source, '学前教育 整改');
    expect(results.flatMap((r) => r.points.map((p) => p.anchor))).toEqual(['s1-p3']);
  });

  it('filters by kind, region and year', async () => {
    expect((await runSearch(source, '督学', { filters: { kind: ['督导手册'] } })).map((r) => r.url)).toEqual(['/handbooks/b/']);
    expect((await runSearch(source, '督学', { filters: { year: [2024] } })).length).toBe(0);
    expect((await runSearch(source, '督学', { filters: { region: ['南岸区'] } })).map((r) => r.url)).toEqual(['/workplans/a/']);
  });

  it('returns nothing for an absent term or an empty query', async () => {
    expect(await runSearch(source, '枫桥经验')).toEqual([]);
    expect(await runSearch(source, '  ')).toEqual([]);
  });

  it('answers a one-character query with the points that contain it', async () => {
    const results = await runSearch(source, '督');
    expect(results.reduce((sum, result) => sum + result.points.length, 0)).toBe(4);
  });
});

describe('highlight with several parts', () => {
  it('shows a window around each part when they are far apart', () => {
    const text = `甲甲枫桥经验${'乙'.repeat(300)}綦江区${'丙'.repeat(100)}`;
    const result = highlight(text, ['枫桥经验', '綦江'], 90);
    expect(result.text).toContain('枫桥经验');
    expect(result.text).toContain('綦江');
    expect(result.marks.map(([start, end]) => result.text.slice(start, end))).toEqual(['枫桥经验', '綦江']);
  });
});

describe('candidatePacks', () => {
  it('lists each text pack of the candidates once, in document order', () => {
    const doc = (first: number, count: number, pack: number): SearchDoc => ({ url: `/d${first}/`, title: 't', kind: 'k', first, count, pack });
    const docs = [doc(0, 3, 0), doc(3, 2, 0), doc(5, 4, 1), doc(9, 1, 2)];
    expect(candidatePacks(docs, [1, 4, 6, 9])).toEqual([0, 1, 2]);
    expect(candidatePacks(docs, [4, 9])).toEqual([0, 2]);
    expect(candidatePacks(docs, [42])).toEqual([]);
  });
});

