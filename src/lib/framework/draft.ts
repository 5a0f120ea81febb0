// Answers state without zod: the draft key, an empty answers file and export naming. The
// self-check island imports this on page load; src/lib/framework/answers.ts (with zod) only when a
// file is imported.
import type { AnswersFile } from '../../schemas/answers.ts';
import type { Framework } from '../../schemas/framework.ts';

/** The format marker of a 督导通 answers file. */
export const answersFormat = 'dudao-self-check';

/**
 * localStorage key of a framework's draft: one per framework id and version; a framework opened
 * from a file (which anyone can write with any id) also by its content hash, so two different files
 * with the same id and version never share a draft, nor share one with the published framework.
 */
export function draftKey(framework: Pick<Framework, 'id' | 'version'>, hash?: string): string {
  return `dudao:self-check:${framework.id}@${framework.version}${hash ? `#${hash}` : ''}`;
}

/** A new empty answers file for a framework. */
export function emptyAnswers(framework: Framework): AnswersFile {
  return {
    format: answersFormat,
    formatVersion: 1,
    framework: { id: framework.id, version: framework.version, title: framework.title },
    subject: { name: '', county: '', supervisor: '', date: '', filledBy: '' },
    answers: {},
    notes: {},
    evidence: {},
    rectification: {},
  };
}
