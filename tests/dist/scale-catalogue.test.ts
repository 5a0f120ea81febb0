// The catalogues at scale: a generated corpus (the seeds plus generated plans, all of the added ones
// in 2025, scripts/lib/scale-corpus.ts) built into a temporary folder. No listing page shows more
// than 50 entries or weighs more than 30 KB gzip, the counts add up, and every link resolves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroBuildOrThrow } from '../support/astro-build';
import { gzipSync } from 'node:zlib';
import { generateWorkplans } from '../../scripts/lib/scale-corpus';
import { htmlFiles, urlPathOf } from '../support/dist';

const root = mkdtempSync(join(tmpdir(), 'dudao-catalogue-'));
const dist = join(root, 'dist');
let files: string[] = [];
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

beforeAll(() => {
  cpSync('content', join(root, 'content'), { recursive: true });
  generateWorkplans(join(root, 'content', 'workplans'), 65, [2025]);
  astroBuildOrThrow(join(root, 'content'), dist);
  files = htmlFiles(dist);
}, 600_000);

afterAll(() => {
  if (!process.env.DUDAO_KEEP_FIXTURE) rmSync(root, { recursive: true, force: true });
});

/** Catalogue pages: every page under /workplans/ and /themes/ except the single work plans. */
const catalogue = () => files.filter((f) => /^(workplans|themes)\//.test(f) && !/^workplans\/\d{4}-[a-z0-9-]+\/index\.html$/.test(f));
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('catalogues of a generated corpus of 65 plans', () => {
  it('builds every plan and paginates the 2025 list', () => {
    expect(files.filter((f) => /^workplans\/\d{4}-[a-z0-9-]+\/index\.html$/.test(f))).toHaveLength(65);
    expect(files).toContain('workplans/year/2025/index.html');
    expect(files).toContain('workplans/year/2025/2/index.html');
    expect(count(read('workplans/year/2025/index.html'), /class="document"/g)).toBe(50);
    expect(count(read('workplans/year/2025/2/index.html'), /class="document"/g)).toBe(11);
  });

  it('shows at most 50 entries and 30 KB gzip on any listing page', () => {
    const over = catalogue()
      .map((file) => {
        const html = read(file);
        return { file, entries: count(html, /class="(document|point)"/g), gzip: gzipSync(html).length };
      })
      .filter(({ entries, gzip }) => entries > 50 || gzip > 30_000);
    expect(over).toEqual([]);
  });

  it('navigates province → district → year with counts that add up', () => {
    const index = read('workplans/index.html');
    expect(index).toContain('/workplans/province/chongqing/');
    expect(index).toMatch(/重庆市（6\d）/u);
    const province = read('workplans/province/chongqing/index.html');
    const districtCounts = [...province.matchAll(/href="\/workplans\/region\/[a-z0-9-]+\/"[^>]*>[^<（]+（(\d+)）/gu)].map((m) => Number(m[1]));
    const shanghai = read('workplans/province/shanghai/index.html');
    const shanghaiCounts = [...shanghai.matchAll(/href="\/workplans\/region\/[a-z0-9-]+\/"[^>]*>[^<（]+（(\d+)）/gu)].map((m) => Number(m[1]));
    expect([...districtCounts, ...shanghaiCounts].reduce((a, b) => a + b, 0)).toBe(65);
    const nanan = read('workplans/region/nanan/index.html');
    expect(nanan).toContain('href="/workplans/region/nanan/#year-2025"');
  });

  it('every link on a catalogue page resolves', () => {
    const pages = new Set(files.map(urlPathOf));
    const broken: string[] = [];
    for (const file of catalogue()) {
      for (const match of read(file).matchAll(/\shref="(\/[^"#]*)(?:#([^"]*))?"/g)) {
        const path = decodeURIComponent(match[1]!);
        if (pages.has(path) || (!path.endsWith('/') && existsSync(join(dist, path)))) continue;
        broken.push(`${file}: ${path}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
