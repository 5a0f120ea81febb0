// Answers state without zod: an empty answers file and export naming. The self-check island
// imports this on page load; src/lib/framework/answers.ts (with zod) only when a file is imported.
// The draft key is in draft-key.ts: the page computes it and hands it to the form.
import type { AnswersFile } from '../../schemas/answers.ts';
import type { Framework } from '../../schemas/framework.ts';

/** The format marker of a 督导通 answers file. */
export const answersFormat = 'dudao-self-check';

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
