// Read and validate the theme taxonomy (content/themes.yaml), with errors that name the field.
import { parse as parseYaml } from 'yaml';
import { taxonomySchema, type Taxonomy } from '../../schemas/theme.ts';

/** Parse the YAML text of a taxonomy; throws an Error naming the file and the bad field. */
export function parseTaxonomy(yamlText: string, file = 'content/themes.yaml'): Taxonomy {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const parsed = taxonomySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [index, ...rest] = issue.path;
    const where = typeof index === 'number' ? `theme ${index + 1}${rest.length ? ` field ${rest.join('.')}` : ''}` : 'the file';
    throw new Error(`${file}: ${where}: ${issue.message}`);
  }
  return parsed.data;
}
