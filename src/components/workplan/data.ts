// Build-time access to the imported work plans and the theme taxonomy for pages and components.
// Bodies are read with the same reader the tests use (readBody), so pages render exactly the
// imported tree; themes come from content/themes.yaml.
import { getCollection } from 'astro:content';
import themesYaml from '../../../content/themes.yaml?raw';
import { buildThemeIndex, type IndexedDocument } from '../../lib/themes/index';
import { parseTaxonomy } from '../../lib/themes/taxonomy';
import { readBody } from '../../lib/workplan/mdx';
import { sortNewestFirst } from '../../lib/workplan/present';

/** The theme taxonomy from content/themes.yaml. */
export const taxonomy = parseTaxonomy(themesYaml);

/** Every work plan with its parsed body, newest first. */
export async function loadWorkplans(): Promise<IndexedDocument[]> {
  const entries = await getCollection('workplans');
  return sortNewestFirst(
    entries.map((entry) => {
      try {
        return { slug: entry.id, frontmatter: entry.data, body: readBody(entry.body ?? '') };
      } catch (error) {
        throw new Error(`content/workplans/${entry.id}.mdx: ${(error as Error).message}`);
      }
    }),
  );
}

/** The theme index over all work plans. */
export async function loadThemeIndex() {
  return buildThemeIndex(await loadWorkplans(), taxonomy);
}
