// The importer as the command line and the build-time tests run it, in Node: the shared pure
// import (./import-core.ts) with satteri as MDX parser and the font coverage read from the font
// packages. The publish page runs ./import-core.ts with ./mdx-portable.ts instead.
import { fontCoverage } from './font.ts';
import { importDocument, importFiles, type ImportEnvironment, type ImportFiles, type ImportOptions, type ImportResult } from './import-core.ts';
import { parseMdx } from './mdx.ts';

export { decodeSource, SOURCES_DIR, WORKPLANS_DIR } from './import-core.ts';
export type { ImportEnvironment, ImportFiles, ImportOptions, ImportResult } from './import-core.ts';

/** The Node environment: satteri (the compiler the site build uses) and the font files' coverage. */
export function nodeEnvironment(): ImportEnvironment {
  return { parseMdx, coverage: fontCoverage() };
}

/** Import one published document from its bytes; throws ImportError with file:line on bad input. */
export function importWorkplan(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  return importDocument(bytes, options, nodeEnvironment());
}

/** Import one document and name the repository files it adds (what the publish page offers as a zip). */
export function importWorkplanFiles(fileName: string, bytes: Uint8Array, options: Omit<ImportOptions, 'sourceName'>): Promise<ImportFiles> {
  return importFiles(fileName, bytes, options, nodeEnvironment());
}
