// Where a self-check draft is kept in the browser. Computed by the page (on the server for a
// published framework, in the browser for an opened framework file) and passed to the form, so the
// form's first JavaScript does not carry it.
import type { Framework } from '../../schemas/framework.ts';

/**
 * localStorage key of a framework's draft: one per framework id and version; a framework opened
 * from a file (which anyone can write with any id) also by its content hash, so two different files
 * with the same id and version never share a draft, nor share one with the published framework.
 */
export function draftKey(framework: Pick<Framework, 'id' | 'version'>, hash?: string): string {
  return `dudao:self-check:${framework.id}@${framework.version}${hash ? `#${hash}` : ''}`;
}
