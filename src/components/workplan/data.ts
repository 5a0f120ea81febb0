// Build-time access to the imported work plans and the theme taxonomy for pages and components.
// Each work plan's structure (for the table of contents, the theme index and each division's
// heading level and themes) is read from the syntax tree of the MDX file, the same tree the page
// renders (WorkplanNodes.astro); a file whose structure the components cannot render
// fails the build with its path and line. Themes come from content/themes.yaml.
import { getCollection, type CollectionEntry } from 'astro:content';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import themesYaml from '../../../content/themes.yaml?raw';
import { buildThemeIndex, type IndexedDocument, type ThemePoint } from '../../lib/themes/index';
import { parseTaxonomy } from '../../lib/themes/taxonomy';
import { readWorkplanBody } from '../../lib/workplan/mdx';
import { digestOfFiles, openBodyCache, type BodyCache } from '../../lib/workplan/body-cache';
import { provinceGroups } from '../../lib/workplan/catalogue';
import { sortNewestFirst, yearFilters } from '../../lib/workplan/present';

/** The theme taxonomy from content/themes.yaml. */
export const taxonomy = parseTaxonomy(themesYaml);

/** A work plan with its structure and its collection entry. */
export interface LoadedWorkplan extends IndexedDocument {
  entry: CollectionEntry<'workplans'>;
}

/**
 * Each entry's loaded form, by id, kept while its digest is unchanged: every catalogue page calls
 * loadWorkplans(), and parsing thousands of MDX files once per page made the build quadratic.
 */
const loaded = new Map<string, { digest: string | number; document: LoadedWorkplan }>();
let lastList: { key: string; documents: LoadedWorkplan[]; themeIndex?: ReturnType<typeof buildThemeIndex> } | undefined;

/**
 * In a build, bodies parsed by an earlier build of the same code come from disk (body-cache.ts).
 * The code is every source file under src/ (any change to the parser, the schema or a page starts
 * afresh) and the lockfile, which pins the MDX parser; `astro dev` parses afresh.
 */
function bodyCache(): BodyCache | undefined {
  if (!import.meta.env.PROD) return undefined;
  const dir = process.env.DUDAO_WORKPLAN_CACHE
    ? resolve(process.env.DUDAO_WORKPLAN_CACHE)
    : // A build against a copy of content/ (the tests) keeps its cache beside the copy, like its Astro cache.
      process.env.DUDAO_CONTENT_DIR
      ? resolve(process.env.DUDAO_CONTENT_DIR, '..', 'workplan-cache')
      : resolve('node_modules/.cache/dudao-workplans');
  // The sources, not the compiled chunks: chunk names carry hashes that change with the content.
  return openBodyCache(dir, digestOfFiles(resolve('src'), ['.ts', '.astro', '.svelte', '.mjs'], [resolve('package-lock.json')]));
}

/** Every work plan with its structure, newest first. */
export async function loadWorkplans(): Promise<LoadedWorkplan[]> {
  return (await loadList()).documents;
}

async function loadList() {
  const entries = await getCollection('workplans');
  const key = entries.map((entry) => `${entry.id}:${entry.digest ?? ''}`).join('\n');
  if (lastList?.key === key) return lastList;
  const disk = bodyCache();
  const documents = entries.map((entry) => {
    const cached = loaded.get(entry.id);
    if (cached && entry.digest && cached.digest === entry.digest) return cached.document;
    const file = entry.filePath ?? `content/workplans/${entry.id}.mdx`;
    // The whole file, so that error lines are the file's own lines.
    const source = entry.filePath ? readFileSync(entry.filePath, 'utf8') : (entry.body ?? '');
    const parse = () => readWorkplanBody(source, file);
    const document = { slug: entry.id, frontmatter: entry.data, body: disk ? disk.body(source, parse) : parse(), entry };
    if (entry.digest) loaded.set(entry.id, { digest: entry.digest, document });
    return document;
  });
  if (disk) {
    const { parsed, cached } = disk.finish();
    console.log(`workplans: ${parsed} parsed, ${cached} from the cache of earlier builds`);
  }
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
 * catalogue figures every listing page shows (`figures`, from catalogueFigures), and any `extra`
 * the page reads itself. Callers compute `digests` and `figures` once per route, not per page.
 */
export function pageCacheKey(props: unknown, options: { digests?: ReadonlyMap<string, string>; figures?: string; extra?: unknown } = {}): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify(props, (_key, value: unknown) => {
      if (!value || typeof value !== 'object' || !('slug' in value)) return value;
      if ('entry' in value) return `${(value as LoadedWorkplan).slug}:${(value as LoadedWorkplan).entry.digest ?? ''}`;
      if ('point' in value && 'ancestors' in value && options.digests) {
        const point = value as ThemePoint;
        return `${point.slug}:${options.digests.get(point.slug) ?? ''}#${point.point.id}`;
      }
      return value;
    }),
  );
  if (options.figures !== undefined) hash.update(options.figures);
  if (options.extra !== undefined) hash.update(JSON.stringify(options.extra));
  return hash.digest('hex');
}

/** Each work plan's file digest, by id (for pageCacheKey). */
export function digestsOf(documents: readonly LoadedWorkplan[]): Map<string, string> {
  return new Map(documents.map((document) => [document.slug, String(document.entry.digest ?? '')]));
}

/** Provinces, districts and years with their counts: what the filters on every listing page show (for pageCacheKey). */
export function catalogueFigures(documents: LoadedWorkplan[]): string {
  return JSON.stringify([provinceGroups(documents), yearFilters(documents), documents.length]);
}
