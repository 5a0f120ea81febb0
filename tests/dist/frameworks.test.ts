// Build output of the framework section: a page and a self-check per framework, every
// indicator with its verification tag, the catalogue filters, and no JavaScript on reading pages
// beyond the site's text-size and service-worker scripts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { distDir } from '../support/dist';
import { contentPageScripts, scriptTags } from '../support/pages';

const frameworks = readdirSync('content/frameworks')
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => parseYaml(readFileSync(join('content/frameworks', name), 'utf8')) as {
    id: string;
    title: string;
    stages: string[];
    dimensions: { indicators: { id: string; title: string; source: { tag: string } }[] }[];
  });
const html = (path: string) => parse(readFileSync(join(distDir, path, 'index.html'), 'utf8'));
const tagWords: Record<string, string> = { V: '已核对原文', S: '据二手资料', M: '待核对' };

describe('framework pages', () => {
  it('lists every framework in the catalogue with a link to its page and its self-check', () => {
    const page = html('frameworks');
    for (const framework of frameworks) {
      expect(page.querySelector(`a[href="/frameworks/${framework.id}/"]`)?.text).toBe(framework.title);
      expect(page.querySelector(`a[href="/self-check/${framework.id}/"]`)).not.toBeNull();
    }
  });

  it.each(frameworks.map((framework) => [framework.id, framework] as const))('%s: every indicator is shown with its verification tag', (id, framework) => {
    const page = html(`frameworks/${id}`);
    expect(page.querySelector('h1')?.text).toBe(framework.title);
    for (const indicator of framework.dimensions.flatMap((dimension) => dimension.indicators)) {
      const heading = page.querySelector(`h3#${indicator.id}`);
      expect(heading?.text).toContain(indicator.title);
      expect(heading?.querySelector('.tag')?.text).toBe(tagWords[indicator.source.tag]);
    }
    expect(scriptTags(page.toString())).toEqual(contentPageScripts);
    expect(page.querySelector('main')?.hasAttribute('data-pagefind-body')).toBe(true);
  });

  it('shows the 小学 and 初中 thresholds of the 优质均衡 indicators', () => {
    const text = html('frameworks/youzhi-junheng-xuexiao').querySelector('#point-r_qualified')?.text ?? '';
    expect(text).toContain('小学 ≥ 4.2 人/百生');
    expect(text).toContain('初中 ≥ 5.3 人/百生');
    expect(text).toContain('高于规定学历的专任教师数 ÷ 本学段在校学生数 × 100');
  });

  it('filters the catalogue by stage with static pages', () => {
    const page = html('frameworks/stage/senior');
    const titles = page.querySelectorAll('.framework__title a').map((link) => link.text);
    const expected = frameworks.filter((framework) => framework.stages.includes('高中')).map((framework) => framework.title);
    expect([...titles].sort()).toEqual([...expected].sort());
    expect(titles.length).toBeLessThan(frameworks.length);
    expect(scriptTags(page.toString())).toEqual(contentPageScripts);
  });

  it('renders each self-check form on the server, before its JavaScript runs', () => {
    for (const framework of frameworks) {
      const page = html(`self-check/${framework.id}`);
      expect(page.querySelector('astro-island')).not.toBeNull();
      expect(page.querySelector('#result-title')?.text).toBe('自评结果');
      expect(page.querySelector('noscript')).not.toBeNull();
    }
  });
});
