// Build-time access to the imported work plans and the theme taxonomy for pages and components.
// Each work plan's structure (for the table of contents, the theme index and each division's
// heading level and themes) is read from the syntax tree of the MDX file as compiled, the same
// file the page renders with <Content />; a file whose structure the components cannot render
// fails the build with its path and line. Themes come from content/themes.yaml.
import { getCollection, type CollectionEntry } from 'astro:content';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import themesYaml from '../../../content/themes.yaml?raw';
import { buildThemeIndex, type IndexedDocument, type ThemePoint } from '../../lib/themes/index';
import { parseTaxonomy } from '../../lib/themes/taxonomy';
import { readWorkplanBody } from '../../lib/workplan/mdx';
import { provinceGroups } from '../../lib/workplan/catalogue';
import { sortNewestFirst, yearFilters } from '../../lib/workplan/present';

/** The theme taxonomy from content/themes.yaml. */
export const taxonomy = parseTaxonomy(themesYaml);

/** A work plan with its structure and its collection entry (for `render()`). */
export interface LoadedWorkplan extends IndexedDocument {
  entry: CollectionEntry<'workplans'>;
}

/**
 * Each entry's loaded form, by id, kept while its digest is unchanged: every catalogue page calls
 * loadWorkplans(), and parsing thousands of MDX files once per page made the build quadratic.
 */
const loaded = new Map<string, { digest: string | number; document: LoadedWorkplan }>();
let lastList:
  | { key: string; documents: LoadedWorkplan[]; themeIndex?: ReturnType<typeof buildThemeIndex>; digests?: Map<string, string>; figures?: string }
  | undefined;

/** Every work plan with its structure, newest first. */
export async function loadWorkplans(): Promise<LoadedWorkplan[]> {
  return (await loadList()).documents;
}

async function loadList() {
  const entries = await getCollection('workplans');
  const key = entries.map((entry) => `${entry.id}:${entry.digest ?? ''}`).join('\n');
  if (lastList?.key === key) return lastList;
  const documents = entries.map((entry) => {
    const cached = loaded.get(entry.id);
    if (cached && entry.digest && cached.digest === entry.digest) return cached.document;
    const file = entry.filePath ?? `content/workplans/${entry.id}.mdx`;
    // The whole file, so that error lines are the file's own lines.
    const source = entry.filePath ? readFileSync(entry.filePath, 'utf8') : (entry.body ?? '');
    const document = { slug: entry.id, frontmatter: entry.data, body: readWorkplanBody(source, file), entry };
    if (entry.digest) loaded.set(entry.id, { digest: entry.digest, document });
    return document;
  });
  lastList = { key, documents: sortNewestFirst(documents) };
  return lastList;
}

/** The theme index over all work plans. */
export async function loadThemeIndex() {
  const list = await loadList();
  list.themeIndex ??= buildThemeIndex(list.documents, taxonomy);
  return list.themeIndex;
}

/**
 * A cache key for a page built from work plans (Astro's experimental incremental build skips a
 * page whose key and code are unchanged since the last build, and copies its earlier output).
 * The key covers everything the page renders that is not code: its props (a work plan, or a point
 * of one, stands for its id and its file's digest, which covers its text and frontmatter), the
 * catalogue figures every listing page shows (`catalogue: true`), and any `extra` the page reads
 * itself.
 */
export async function pageCacheKey(props: unknown, options: { catalogue?: boolean; extra?: unknown } = {}): Promise<string> {
  const list = await loadList();
  list.digests ??= new Map(list.documents.map((document) => [document.slug, String(document.entry.digest ?? '')]));
  const digests = list.digests;
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify(props, (_key, value: unknown) => {
      if (!value || typeof value !== 'object' || !('slug' in value)) return value;
      if ('entry' in value) return `${(value as LoadedWorkplan).slug}:${digests.get((value as LoadedWorkplan).slug)}`;
      if ('point' in value && 'ancestors' in value) return `${(value as ThemePoint).slug}:${digests.get((value as ThemePoint).slug)}#${(value as ThemePoint).point.id}`;
      return value;
    }),
  );
  if (options.catalogue) {
    // Provinces, districts and years with their counts: what the filters on every listing page show.
    list.figures ??= JSON.stringify([provinceGroups(list.documents), yearFilters(list.documents), list.documents.length]);
    hash.update(list.figures);
  }
  if (options.extra !== undefined) hash.update(JSON.stringify(options.extra));
  return hash.digest('hex');
}
