// Astro's incremental build (experimental.incrementalBuild) copies a page from the previous build
// when its cacheKey and code are unchanged. A key that misses something the page shows would leave
// a stale page on the site, so: build, change one plan's title and text, build again with the same
// cache, and compare every page with a fresh build of the changed content.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
function change(root: string): void {
  const path = join(root, 'content', plan);
  const text = readFileSync(path, 'utf8');
  const changed = text
    .replace('title: 2025年南岸区教育督导工作要点', 'title: 2025年南岸区教育督导工作要点（修订）')
    .replace('巩固创建成果，完善推进机制。', '巩固创建成果，完善长效推进机制。');
  expect(changed).not.toBe(text);
  writeFileSync(path, changed);
}

describe('an incremental build after one plan changed', () => {
  it('restores unchanged pages and gives the same site as a fresh build', () => {
    const cached = project();
    build(cached, 'dist-1');
    change(cached);
    const log = build(cached, 'dist-2');
    // Unchanged plans, their theme pages and the listings without the plan were copied…
    expect(log).toMatch(/\/workplans\/2022-minhang-gongzuoyaodian\/index\.html \(restored\)/u);
    // …the changed plan was rendered again.
    expect(log).not.toMatch(/\/workplans\/2025-nanan-gongzuoyaodian\/index\.html \(restored\)/u);

    const fresh = project();
    change(fresh);
    build(fresh, 'dist');
    const incremental = join(cached, 'dist-2');
    const expected = join(fresh, 'dist');
    const files = htmlFiles(expected);
    expect(htmlFiles(incremental)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(incremental, file)).equals(readFileSync(join(expected, file))));
    expect(differing).toEqual([]);
    // The sitemap lists restored pages as well.
    for (const file of ['sitemap-index.xml', 'sitemap-0.xml']) expect(readFileSync(join(incremental, file), 'utf8'), file).toBe(readFileSync(join(expected, file), 'utf8'));
    // The change is on the plan's page and in the listings that show its title.
    expect(readFileSync(join(incremental, 'workplans/2025-nanan-gongzuoyaodian/index.html'), 'utf8')).toContain('完善长效推进机制');
    expect(readFileSync(join(incremental, 'workplans/region/nanan/index.html'), 'utf8')).toContain('2025年南岸区教育督导工作要点（修订）');
  }, 300_000);
});
