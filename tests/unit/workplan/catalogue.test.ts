import { describe, expect, it } from 'vitest';
import { keyPages, pagePath, pageWindow, paginateList, provinceGroups, provinceSlug } from '../../../src/lib/workplan/catalogue';
import type { ListedDocument } from '../../../src/lib/workplan/present';

function doc(slug: string, province: string, district: string, year: number, city?: string): ListedDocument {
  return {
    slug,
    frontmatter: {
      title: slug,
      kind: '工作要点',
      region: city ? { province, city, district } : { province, district },
      year,
      issuers: [],
      recipients: [],
      cc: [],
      source: { file: 'x.txt', sha256: '0'.repeat(64) },
    },
  };
}

describe('catalogue', () => {
  it('groups districts under their provinces with counts', () => {
    const documents = [
      doc('a', '重庆市', '南岸区', 2025),
      doc('b', '重庆市', '南岸区', 2024),
      doc('c', '重庆市', '綦江区', 2025),
      doc('d', '浙江省', '西湖区', 2025, '杭州市'),
    ];
    const groups = provinceGroups(documents);
    expect(groups.map((g) => [g.province, g.slug, g.count])).toEqual([
      ['重庆市', 'chongqing', 3],
      ['浙江省', 'zhejiang', 1],
    ]);
    expect(groups[0]!.districts.map((d) => [d.district, d.count])).toEqual([
      ['南岸区', 2],
      ['綦江区', 1],
    ]);
  });

  it('names provinces without their suffix', () => {
    expect(provinceSlug('广西壮族自治区')).toBe('guangxi');
    expect(provinceSlug('上海市')).toBe('shanghai');
  });

  it('cuts lists into pages of at most 50', () => {
    const pages = paginateList(Array.from({ length: 101 }, (_, i) => i));
    expect(pages.map((p) => p.length)).toEqual([50, 50, 1]);
    expect(paginateList([])).toEqual([[]]);
    expect(pagePath('/workplans/year/2025/', 1)).toBe('/workplans/year/2025/');
    expect(pagePath('/workplans/year/2025/', 3)).toBe('/workplans/year/2025/3/');
  });

  it('finds the page where each year starts', () => {
    const years = [...Array(30).fill(2025), ...Array(40).fill(2024), 2023];
    expect(keyPages(years, (y) => y)).toEqual([
      { key: 2025, count: 30, page: 1 },
      { key: 2024, count: 40, page: 1 },
      { key: 2023, count: 1, page: 2 },
    ]);
  });

  it('links the first, last and nearby pages of a long listing, and marks what it leaves out', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(1, 405)).toEqual([1, 2, 3, null, 405]);
    expect(pageWindow(100, 405)).toEqual([1, null, 98, 99, 100, 101, 102, null, 405]);
    expect(pageWindow(405, 405)).toEqual([1, null, 403, 404, 405]);
    // A gap of one page shows the page instead of "…".
    expect(pageWindow(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 10]);
    expect(pageWindow(6, 10)).toEqual([1, null, 4, 5, 6, 7, 8, 9, 10]);
  });
});
