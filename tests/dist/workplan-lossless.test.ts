// Lossless on the page: every non-whitespace character of each source in content/sources/ is in the
// text of its work-plan page (the document itself, not the header, table of contents, links or
// theme tags), counted with multiplicity. Only what the importer reports removing (Word bookmark
// artefacts) is taken out of the source first, from the importer's own report.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { decodeSource, importWorkplan } from '../../src/lib/workplan/importer';
import { stripWhitespace } from '../../src/lib/workplan/spacing';
import { readDist } from '../support/dist';
import { documentText, missingCharacters } from '../support/workplan-page';

const sourcesDir = 'content/sources';
const workplansDir = 'content/workplans';
const sources = readdirSync(sourcesDir).filter((name) => /\.(txt|docx)$/u.test(name)).sort();

/** Source file name → slug of its work plan, from each MDX's frontmatter `source.file`. */
const slugOfSource = new Map(
  readdirSync(workplansDir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const frontmatter = /^---\n([^]*?)\n---\n/u.exec(readFileSync(join(workplansDir, name), 'utf8'))![1]!;
      return [(parseYaml(frontmatter) as { source: { file: string } }).source.file, name.replace(/\.mdx$/u, '')] as const;
    }),
);

describe('every source is on its page', () => {
  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(0);
  });

  it.each(sources)('%s: every character is in the rendered page', async (name) => {
    const slug = slugOfSource.get(name);
    expect(slug, `no work plan names ${name} as its source`).toBeDefined();
    const bytes = readFileSync(join(sourcesDir, name));
    const { text } = await decodeSource(bytes, name);
    const { removed } = await importWorkplan(bytes, { sourceName: name });
    const bookmarks = removed.filter((artefact) => artefact.kind === 'bookmark').map((artefact) => artefact.text);
    const page = documentText(parseHtml(readDist(`workplans/${slug}/index.html`)));
    expect(page.length).toBeGreaterThan(0);
    expect(missingCharacters(stripWhitespace(text), stripWhitespace(page), bookmarks.map(stripWhitespace))).toEqual({});
  });
});
