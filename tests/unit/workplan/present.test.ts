// List order, filters and labels of the work-plan pages.
import { describe, expect, it } from 'vitest';
import { divisionLabel, formatChineseDate, groupByYear, regionFilters, regionFilterOf, yearFilters } from '../../../src/lib/workplan/present';
import type { Division, WorkplanFrontmatter } from '../../../src/schemas/workplan';

const doc = (slug: string, year: number, district: string, date?: string, province = '重庆市', city?: string) => ({
  slug,
  frontmatter: {
    title: `${year}年${district}教育督导工作要点`,
    kind: '工作要点',
    region: { province, ...(city ? { city } : {}), district },
    year,
    issuers: [],
    ...(date ? { date: new Date(date) } : {}),
    recipients: [],
    cc: [],
    source: { file: 'x.txt', sha256: '0'.repeat(64) },
  } as WorkplanFrontmatter,
});

describe('list pages', () => {
  const documents = [doc('a', 2023, '涪陵区', '2023-03-22'), doc('b', 2025, '南岸区', '2025-04-27'), doc('c', 2021, '南岸区'), doc('d', 2025, '綦江区')];

  it('groups by year, newest first, dated documents before undated within a year', () => {
    expect(groupByYear(documents).map((g) => [g.year, g.documents.map((d) => d.slug)])).toEqual([
      [2025, ['b', 'd']],
      [2023, ['a']],
      [2021, ['c']],
    ]);
  });

  it('offers one filter per district with counts, and one per year', () => {
    expect(regionFilters(documents).map((f) => [f.slug, f.district, f.count])).toEqual([
      ['fuling', '涪陵区', 1],
      ['nanan', '南岸区', 2],
      ['qijiang', '綦江区', 1],
    ]);
    expect(yearFilters(documents)).toEqual([
      { year: 2025, count: 2 },
      { year: 2023, count: 1 },
      { year: 2021, count: 1 },
    ]);
  });

  it('gives same-named districts in different cities distinct filter slugs', () => {
    const same = [doc('x', 2024, '鼓楼区', undefined, '福建省', '福州市'), doc('y', 2024, '鼓楼区', undefined, '江苏省', '南京市')];
    const filters = regionFilters(same);
    expect(filters.map((f) => f.slug).sort()).toEqual(['fuzhou-gulou', 'nanjing-gulou']);
    expect(regionFilterOf(filters, same[1]!.frontmatter).slug).toBe('nanjing-gulou');
  });
});

describe('labels', () => {
  const division = (level: Division['level'], number: string): Division => ({ id: 'x', level, number, heading: '', blocks: [], children: [] });

  it('names a division with its parents as a reader would', () => {
    expect(divisionLabel(division('point', '3.'), [division('section', '二、')])).toBe('第二部分第3条');
    expect(divisionLabel(division('clause', '（十二）'), [division('section', '3、')])).toBe('第三部分第十二项');
  });

  it('prints dates the Chinese way', () => {
    expect(formatChineseDate(new Date('2025-04-27'))).toBe('2025年4月27日');
  });
});
