// One import, from bytes to MDX text, without touching the file system: sniff the format,
// decode, parse, serialise, then check the result reads back identically and keeps every word.
import { createHash } from 'node:crypto';
import type { Region, WorkplanDocument, WorkplanFrontmatter } from '../../schemas/workplan.ts';
import { isDeepStrictEqual } from 'node:util';
import { decodeText, sniffFormat, assertReadable, type TextEncoding } from './decode.ts';
import { docxToText } from './docx.ts';
import { ImportError } from './errors.ts';
import { checkLossless } from './lossless.ts';
import { fromMdx, toMdx } from './mdx.ts';
import { parseWorkplan, type Artefact } from './parse.ts';
import { isValidSlug, workplanSlug } from './slug.ts';

export interface ImportOptions {
  /** File name of the source (recorded in the frontmatter and used in messages). */
  sourceName: string;
  region?: Region | undefined;
  kind?: WorkplanFrontmatter['kind'] | undefined;
  /** Slug (file name without .mdx) instead of the one derived from year, district and kind. */
  slug?: string | undefined;
}

export interface ImportResult {
  slug: string;
  mdx: string;
  doc: WorkplanDocument;
  removed: Artefact[];
  warnings: string[];
  format: 'docx' | 'text';
  encoding: TextEncoding | 'docx';
}

/** Import one published document from its bytes; throws ImportError with file:line on bad input. */
export async function importWorkplan(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const file = options.sourceName;
  const format = sniffFormat(bytes);
  if (bytes.length === 0) throw new ImportError(file, 1, 'the file is empty');
  if (format === 'binary') {
    throw new ImportError(file, 1, `this is a binary file, not text (it contains NUL bytes); import a .txt or .docx file`);
  }
  let text: string;
  let encoding: ImportResult['encoding'];
  if (format === 'docx') {
    try {
      text = await docxToText(bytes);
    } catch (error) {
      throw new ImportError(file, undefined, `cannot read this .docx file: ${(error as Error).message}`);
    }
    assertReadable(text, file);
    encoding = 'docx';
  } else {
    ({ text, encoding } = decodeText(bytes, file));
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { doc, removed, warnings } = parseWorkplan(text, { sourceName: file, sha256, region: options.region, kind: options.kind });
  const slug = options.slug ?? workplanSlug(doc.frontmatter);
  if (!isValidSlug(slug)) throw new ImportError(file, undefined, `the slug “${slug}” must be lower-case ASCII letters, digits and hyphens`);
  const mdx = toMdx(doc);
  // Self-checks: nothing is written unless the file reads back as the same document and keeps every word.
  if (!isDeepStrictEqual(fromMdx(mdx), doc)) {
    throw new ImportError(file, undefined, 'internal error: the MDX written does not read back as the same document');
  }
  const lossless = checkLossless(text, doc.body, removed);
  if (!lossless.ok) throw new ImportError(file, lossless.line, `internal error: text would be lost: ${lossless.message}`);
  return { slug, mdx, doc, removed, warnings, format, encoding };
}
