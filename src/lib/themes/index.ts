// The theme index: every point of every work plan under each theme, grouped by year (newest
// first) so a reader sees how a theme develops across districts and years.
import type { Division, WorkplanBody, WorkplanFrontmatter } from '../../schemas/workplan.ts';
import type { Taxonomy, Theme } from '../../schemas/theme.ts';
import { leafDivisions } from '../workplan/text.ts';
import { themesOfPoint } from './match.ts';

export interface IndexedDocument {
  slug: string;
  frontmatter: WorkplanFrontmatter;
  body: WorkplanBody;
}

export interface ThemePoint {
  slug: string;
  frontmatter: WorkplanFrontmatter;
  point: Division;
  /** Enclosing sections and clauses, outermost first. */
  ancestors: Division[];
}

export interface ThemeYear {
  year: number;
  points: ThemePoint[];
}

export interface ThemeEntry {
  theme: Theme;
  count: number;
  years: ThemeYear[];
}

/** Build the index of every theme: matching points grouped by year, newest first, documents by district within a year. */
export function buildThemeIndex(documents: IndexedDocument[], taxonomy: Taxonomy): ThemeEntry[] {
  const byTheme = new Map<string, ThemePoint[]>(taxonomy.map((theme) => [theme.slug, []]));
  const ordered = [...documents].sort(
    (a, b) => b.frontmatter.year - a.frontmatter.year || a.frontmatter.region.district.localeCompare(b.frontmatter.region.district, 'zh-CN') || a.slug.localeCompare(b.slug),
  );
  for (const document of ordered) {
    for (const { division, ancestors } of leafDivisions(document.body)) {
      for (const theme of themesOfPoint(division, taxonomy)) {
        byTheme.get(theme.slug)!.push({ slug: document.slug, frontmatter: document.frontmatter, point: division, ancestors });
      }
    }
  }
  return taxonomy.map((theme) => {
    const points = byTheme.get(theme.slug)!;
    const years = [...new Set(points.map((p) => p.frontmatter.year))].map((year) => ({
      year,
      points: points.filter((p) => p.frontmatter.year === year),
    }));
    return { theme, count: points.length, years };
  });
}
