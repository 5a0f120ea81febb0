// Build-time access to the imported work plans and the theme taxonomy for pages and components.
// Each work plan's structure (for the table of contents, the theme index and each division's
// heading level and themes) is read from the syntax tree of the MDX file as compiled, the same
// file the page renders with <Content />; a file whose structure the components cannot render
// fails the build with its path and line. Themes come from content/themes.yaml.
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import themesYaml from '../../../content/themes.yaml?raw';
import { buildThemeIndex, type IndexedDocument } from '../../lib/themes/index';
import { parseTaxonomy } from '../../lib/themes/taxonomy';
import { readWorkplanBody } from '../../lib/workplan/mdx';
import { sortNewestFirst } from '../../lib/workplan/present';

/** The theme taxonomy from content/themes.yaml. */
export const taxonomy = parseTaxonomy(themesYaml);

/** A work plan with its structure and its collection entry (for `render()`). */
export interface LoadedWorkplan extends IndexedDocument {
  entry: CollectionEntry<'workplans'>;
}

/** Every work plan with its structure, newest first. */
export async function loadWorkplans(): Promise<LoadedWorkplan[]> {
  const entries = await getCollection('workplans');
  return sortNewestFirst(
    entries.map((entry) => {
      const file = entry.filePath ?? `content/workplans/${entry.id}.mdx`;
      // The whole file, so that error lines are the file's own lines.
      const source = entry.filePath ? readFileSync(entry.filePath, 'utf8') : (entry.body ?? '');
      return { slug: entry.id, frontmatter: entry.data, body: readWorkplanBody(source, file), entry };
    }),
  );
}

/** The theme index over all work plans. */
export async function loadThemeIndex() {
  return buildThemeIndex(await loadWorkplans(), taxonomy);
}
