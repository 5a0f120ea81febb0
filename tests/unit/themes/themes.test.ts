// The theme taxonomy and matching: the YAML is valid, every theme finds points in the seeds,
// and the theme index lists exactly the points whose own tags name the theme.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildThemeIndex } from '../../../src/lib/themes/index';
import { matchThemes, themesOfPoint } from '../../../src/lib/themes/match';
import { parseTaxonomy } from '../../../src/lib/themes/taxonomy';
import { readWorkplanMdx } from '../../../src/lib/workplan/mdx';
import { leafDivisions } from '../../../src/lib/workplan/text';

const taxonomy = parseTaxonomy(readFileSync('content/themes.yaml', 'utf8'));
const documents = readdirSync('content/workplans')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => ({ slug: name.replace(/\.mdx$/u, ''), ...readWorkplanMdx(readFileSync(`content/workplans/${name}`, 'utf8'), name) }));
const index = buildThemeIndex(documents, taxonomy);

describe('taxonomy', () => {
  it('has the supervision themes named in the issue', () => {
    expect(taxonomy.map((theme) => theme.name)).toEqual([
      '督政', '督学', '评估监测', '优质均衡', '学前普及普惠', '质量监测', '评价改革', '双减',
      '责任督学', '专项督导', '安全稳定', '枫桥经验', '队伍建设', '数字化与信息化', '问责整改', '党建',
    ]);
  });

  it('rejects a duplicate slug, naming the theme and field', () => {
    const yaml = '- {slug: a, name: 甲, description: x, keywords: [甲]}\n- {slug: a, name: 乙, description: x, keywords: [乙]}\n';
    expect(() => parseTaxonomy(yaml, 'themes.yaml')).toThrow('themes.yaml: theme 2 field slug: duplicate slug “a”');
  });

  it('rejects a theme without keywords', () => {
    expect(() => parseTaxonomy('- {slug: a, name: 甲, description: x, keywords: []}\n', 't.yaml')).toThrow(/t\.yaml: theme 1 field keywords/u);
  });
});

describe('matching', () => {
  it('matches keywords as substrings and honours exclusions', () => {
    const themes = parseTaxonomy('- {slug: a, name: 安全, description: x, keywords: [安全], exclude: [安全感]}\n');
    expect(matchThemes('守护校园安全', themes).map((t) => t.slug)).toEqual(['a']);
    expect(matchThemes('提升群众安全感', themes)).toEqual([]);
  });

  it('tags seed points as a reader would', () => {
    const nanan = documents.find((d) => d.slug === '2025-nanan-gongzuoyaodian')!;
    const point = (id: string) => leafDivisions(nanan.body).find(({ division }) => division.id === id)!.division;
    expect(themesOfPoint(point('s3-p7'), taxonomy).map((t) => t.name)).toContain('枫桥经验');
    expect(themesOfPoint(point('s4-p10'), taxonomy).map((t) => t.name)).toContain('学前普及普惠');
    expect(themesOfPoint(point('s1-p2'), taxonomy).map((t) => t.name)).toContain('质量监测');
  });

  it('ignores the 责任单位 note when matching', () => {
    const plan = documents.find((d) => d.slug === '2021-nanan-shishifangan')!;
    const clause = leafDivisions(plan.body).find(({ division }) => division.id === 's5-c19')!.division;
    expect(clause.blocks.at(-1)).toEqual({ type: 'note', text: '（责任单位：区教委、区政府教育督导室）' });
    expect(themesOfPoint({ ...clause, blocks: [] }, taxonomy)).toEqual(themesOfPoint(clause, taxonomy));
  });
});

describe('theme index', () => {
  it('finds points in the seeds for every theme', () => {
    for (const entry of index) expect(entry.count, entry.theme.name).toBeGreaterThan(0);
  });

  it('lists exactly the points whose own tags name the theme, years newest first', () => {
    for (const entry of index) {
      const listed = entry.years.flatMap((year) => year.points.map((p) => `${p.slug}#${p.point.id}`));
      const expected = documents.flatMap((d) =>
        leafDivisions(d.body)
          .filter(({ division }) => themesOfPoint(division, taxonomy).some((t) => t.slug === entry.theme.slug))
          .map(({ division }) => `${d.slug}#${division.id}`),
      );
      expect(listed.sort()).toEqual(expected.sort());
      const years = entry.years.map((y) => y.year);
      expect(years).toEqual([...years].sort((a, b) => b - a));
    }
  });

  it('spans districts and years for a theme every plan has (队伍建设)', () => {
    const entry = index.find((e) => e.theme.name === '队伍建设')!;
    expect(entry.years.map((y) => y.year)).toEqual([2026, 2025, 2023, 2022, 2021]);
  });
});
