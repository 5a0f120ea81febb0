// Shaping imported documents for the pages: order, grouping and filters of the list, labels of
// divisions, dates in Chinese. Pure functions; the components only render what these return.
import type { Division, WorkplanFrontmatter } from '../../schemas/workplan.ts';
import { matchHeadingNumber } from './patterns.ts';
import { regionSlug } from './slug.ts';
import { formatHanNumeral } from './numerals.ts';

/** A document as the list pages need it. */
export interface ListedDocument {
  slug: string;
  frontmatter: WorkplanFrontmatter;
}

/** Newest first: by year, then issue date, then district (in Chinese collation), then slug. */
export function sortNewestFirst<T extends ListedDocument>(documents: T[]): T[] {
  return [...documents].sort(
    (a, b) =>
      b.frontmatter.year - a.frontmatter.year ||
      (b.frontmatter.date?.getTime() ?? 0) - (a.frontmatter.date?.getTime() ?? 0) ||
      a.frontmatter.region.district.localeCompare(b.frontmatter.region.district, 'zh-CN') ||
      a.slug.localeCompare(b.slug),
  );
}

/** Documents grouped by year, newest year first, each group newest first. */
export function groupByYear<T extends ListedDocument>(documents: T[]): { year: number; documents: T[] }[] {
  const sorted = sortNewestFirst(documents);
  const years = [...new Set(sorted.map((d) => d.frontmatter.year))];
  return years.map((year) => ({ year, documents: sorted.filter((d) => d.frontmatter.year === year) }));
}

export interface RegionFilter {
  slug: string;
  district: string;
  /** 省/市 the district belongs to, for telling same-named districts apart. */
  parent: string;
  /** 省级行政区 the district belongs to. */
  province: string;
  count: number;
}

/** The districts present, each with its URL slug and number of documents, in Chinese collation. */
export function regionFilters(documents: ListedDocument[]): RegionFilter[] {
  const byKey = new Map<string, RegionFilter>();
  for (const { frontmatter } of documents) {
    const { province, city, district } = frontmatter.region;
    const key = `${province}/${city ?? ''}/${district}`;
    const existing = byKey.get(key);
    if (existing) existing.count++;
    else byKey.set(key, { slug: regionSlug(district), district, parent: city ?? province, province, count: 1 });
  }
  const filters = [...byKey.values()].sort((a, b) => a.district.localeCompare(b.district, 'zh-CN'));
  // Two districts with the same name in different places get their parent's pinyin too.
  const shared = new Set(filters.filter((f, i) => filters.findIndex((other) => other.slug === f.slug) !== i).map((f) => f.slug));
  for (const filter of filters) {
    if (shared.has(filter.slug)) filter.slug = `${regionSlug(filter.parent)}-${filter.slug}`;
  }
  return filters;
}

/** The region filter a document belongs to. */
export function regionFilterOf(filters: RegionFilter[], frontmatter: WorkplanFrontmatter): RegionFilter {
  const { city, province, district } = frontmatter.region;
  return filters.find((filter) => filter.district === district && filter.parent === (city ?? province))!;
}

/** The years present with their number of documents, newest first. */
export function yearFilters(documents: ListedDocument[]): { year: number; count: number }[] {
  const years = [...new Set(documents.map((d) => d.frontmatter.year))].sort((a, b) => b - a);
  return years.map((year) => ({ year, count: documents.filter((d) => d.frontmatter.year === year).length }));
}

/** A date as printed in Chinese documents: 2025年4月27日 (UTC, as dates are stored). */
export function formatChineseDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** A date as YYYY-MM-DD for <time datetime>. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** How a reader names one division: 第二部分, 第（三）项, 第3条. */
function ownLabel(division: Division): string {
  const value = matchHeadingNumber(`${division.number}x`)?.value;
  if (division.level === 'section') return `第${value === undefined ? division.number : formatHanNumeral(value)}部分`;
  if (division.level === 'clause') return `第${value === undefined ? division.number : formatHanNumeral(value)}项`;
  return `第${value ?? division.number}条`;
}

/** A unique label for a division including its parents: 第二部分第3条. */
export function divisionLabel(division: Division, ancestors: Division[]): string {
  return [...ancestors, division].map(ownLabel).join('');
}

/** The heading level (2–6) of a division nested `depth` levels below the document (0 = top). */
export function headingLevel(depth: number): 2 | 3 | 4 | 5 | 6 {
  return Math.min(6, 2 + depth) as 2 | 3 | 4 | 5 | 6;
}

/** The region as one phrase: 重庆市南岸区, 浙江省杭州市西湖区. */
export function regionName(frontmatter: WorkplanFrontmatter): string {
  const { province, city, district } = frontmatter.region;
  return `${province}${city ?? ''}${district}`;
}

/** A one-sentence description of a document for meta tags and lists. */
export function describeDocument(frontmatter: WorkplanFrontmatter): string {
  const issuers = frontmatter.issuers.length > 0 ? frontmatter.issuers.join('、') : regionName(frontmatter);
  const date = frontmatter.date ? `${formatChineseDate(frontmatter.date)}印发的` : '';
  return `${issuers}${date}《${frontmatter.title}》全文，按条目列出并标注督导主题。`;
}
