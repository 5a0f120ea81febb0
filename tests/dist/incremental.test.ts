// Astro's incremental build (experimental.incrementalBuild) leaves a page in dist/ (or copies it from
// its cache) when its cacheKey and code are unchanged, and dist/ is kept between builds when it is
// the last output of the same cache (src/integrations/keep-dist.ts). A key that misses something
// the page shows, or a kept file that should be gone, would leave a stale page on the site, so:
// build, change one plan's title and text and delete another plan, build again into the same
// dist/, and compare every page with a fresh build of the changed content.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildOrThrow } from '../support/astro-build';
import { htmlFiles } from '../support/dist';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A copy of content/ in a new folder (its Astro cache lives beside it, see astro.config.mjs). */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'dudao-incremental-'));
  roots.push(root);
  cpSync('content', join(root, 'content'), { recursive: true });
  return root;
}

function build(root: string, dist: string): string {
  return astroBuildOrThrow(join(root, 'content'), join(root, dist));
}

const plan = 'workplans/2025-nanan-gongzuoyaodian.mdx';
const removed = 'workplans/2023-fuling-gongzuoyaodian.mdx';
function change(root: string): void {
  rmSync(join(root, 'content', removed));
  const path = join(root, 'content', plan);
  const text = readFileSync(path, 'utf8');
  const changed = text
    .replace('title: 2025年南岸区教育督导工作要点', 'title: 2025年南岸区教育督导工作要点（修订）')
    .replace('巩固创建成果，完善推进机制。', '巩固创建成果，完善长效推进机制。');
  expect(changed).not.toBe(text);
  writeFileSync(path, changed);
}

describe('an incremental build after one plan changed and one was removed', () => {
  it('keeps unchanged pages, removes what is gone, gives the same site as a fresh build, and trusts no other dist/', () => {
    const cached = project();
    build(cached, 'dist');
    expect(existsSync(join(cached, 'dist/workplans/2023-fuling-gongzuoyaodian/index.html'))).toBe(true);
    change(cached);
    const log = build(cached, 'dist');
    expect(log).toContain('dist/ is the output of the last build with this cache');
    // Unchanged plans, their theme pages and the listings without the plan stayed in place…
    expect(log).toMatch(/\/workplans\/2022-minhang-gongzuoyaodian\/index\.html \(cached\)/u);
    // …the changed plan was rendered again, and the removed plan's page was deleted.
    expect(log).not.toMatch(/\/workplans\/2025-nanan-gongzuoyaodian\/index\.html \((cached|restored)\)/u);
    expect(log).toMatch(/removed \d+ file\(s\) of earlier builds: .*workplans\/2023-fuling-gongzuoyaodian\/index\.html/u);

    const fresh = project();
    change(fresh);
    build(fresh, 'dist');
    const incremental = join(cached, 'dist');
    const expected = join(fresh, 'dist');
    const files = htmlFiles(expected);
    expect(files).not.toContain('workplans/2023-fuling-gongzuoyaodian/index.html');
    expect(htmlFiles(incremental)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(incremental, file)).equals(readFileSync(join(expected, file))));
    expect(differing).toEqual([]);
    // The sitemap lists kept pages as well.
    for (const file of ['sitemap-index.xml', 'sitemap-0.xml']) expect(readFileSync(join(incremental, file), 'utf8'), file).toBe(readFileSync(join(expected, file), 'utf8'));
    // The change is on the plan's page and in the listings that show its title.
    expect(readFileSync(join(incremental, 'workplans/2025-nanan-gongzuoyaodian/index.html'), 'utf8')).toContain('完善长效推进机制');
    expect(readFileSync(join(incremental, 'workplans/region/nanan/index.html'), 'utf8')).toContain('2025年南岸区教育督导工作要点（修订）');

    // Another build with the same cache since (into another folder): dist/ is emptied, not trusted.
    build(fresh, 'dist-other');
    writeFileSync(join(expected, 'left-over.html'), '<p>旧</p>');
    const again = build(fresh, 'dist');
    expect(again).not.toContain('dist/ is the output of the last build with this cache');
    expect(existsSync(join(expected, 'left-over.html'))).toBe(false);
    expect(again).toMatch(/\/workplans\/2022-minhang-gongzuoyaodian\/index\.html \(restored\)/u);
  }, 300_000);
});
