// The work-plan catalogue at the scale of a province or the country: provinces → districts → years,
// each with counts, and listing pages of at most `PAGE_SIZE` entries. Pure functions; the pages
// (src/pages/workplans/, src/pages/themes/) only render what these return.
import { regionSlug, toPinyin } from './slug.ts';
import { regionFilters, type ListedDocument, type RegionFilter } from './present.ts';

/** Most entries (documents or theme points) one listing page shows. */
export const PAGE_SIZE = 50;

export interface ProvinceGroup {
  province: string;
  slug: string;
  count: number;
  /** The province's districts with their counts, in Chinese collation. */
  districts: RegionFilter[];
}

/** Slug of a province-level unit without its suffix: 重庆市 → chongqing, 广西壮族自治区 → guangxi. */
export function provinceSlug(province: string): string {
  const stem = province.replace(/(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/u, '');
  return toPinyin(stem.length >= 2 ? stem : province) || regionSlug(province);
}

/** Provinces present, each with its districts and number of documents, in Chinese collation. */
export function provinceGroups(documents: ListedDocument[]): ProvinceGroup[] {
  const byProvince = new Map<string, ProvinceGroup>();
  for (const filter of regionFilters(documents)) {
    const group = byProvince.get(filter.province) ?? { province: filter.province, slug: provinceSlug(filter.province), count: 0, districts: [] };
    group.count += filter.count;
    group.districts.push(filter);
    byProvince.set(filter.province, group);
  }
  return [...byProvince.values()].sort((a, b) => a.province.localeCompare(b.province, 'zh-CN'));
}

/** The path of page `page` (1-based) of a listing whose first page is `base` (ending in /). */
export function pagePath(base: string, page: number): string {
  return page <= 1 ? base : `${base}${page}/`;
}

/** Split `items` into pages of at most `size`; an empty list is one empty page. */
export function paginateList<T>(items: T[], size = PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}

/** For items already ordered by a key (e.g. year), the page (1-based) where each key first appears, with its count. */
export function keyPages<T, K>(items: T[], keyOf: (item: T) => K, size = PAGE_SIZE): { key: K; count: number; page: number }[] {
  const out: { key: K; count: number; page: number }[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const last = out.at(-1);
    if (last && last.key === key) last.count += 1;
    else out.push({ key, count: 1, page: Math.floor(index / size) + 1 });
  });
  return out;
}

/**
 * The page numbers a pagination bar links to: the first and last pages, and `radius` pages either
 * side of the current one; `null` marks a run of pages left out (shown as …). A listing of 400
 * pages would otherwise carry 400 links on each of its pages (48 KB of a 77 KB theme page); every
 * page stays reachable through 上一页/下一页 and the year links.
 */
export function pageWindow(current: number, last: number, radius = 2): (number | null)[] {
  const kept = (page: number) => page === 1 || page === last || Math.abs(page - current) <= radius;
  const shown: (number | null)[] = [];
  for (let page = 1; page <= last; page++) {
    // A gap of a single page shows that page: "…" would take the same room.
    if (kept(page) || (kept(page - 1) && kept(page + 1))) shown.push(page);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}
