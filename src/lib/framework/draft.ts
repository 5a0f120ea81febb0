// Answers state without zod: the draft key, an empty answers file and export naming. The
// self-check island imports this on page load; src/lib/framework/answers.ts (with zod) only when a
// file is imported.
import type { AnswersFile } from '../../schemas/answers.ts';
import type { Framework } from '../../schemas/framework.ts';

/** The format marker of a 督导通 answers file. */
export const answersFormat = 'dudao-self-check';

/** localStorage key of a framework's draft: one per framework id and version. */
export function draftKey(framework: Pick<Framework, 'id' | 'version'>): string {
  return `dudao:self-check:${framework.id}@${framework.version}`;
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

/** File name for an exported answers file, e.g. 某某小学-优质均衡·学校资源配置-自评答卷-2026-11-22.json. */
export function answersFileName(framework: Framework, file: AnswersFile, today: string): string {
  const parts = [file.subject.name.trim(), framework.shortTitle ?? framework.title, '自评答卷', today].filter((part) => part !== '');
  return `${parts.join('-').replace(/[\\/:*?"<>|\s]+/gu, '_')}.json`;
}

/** The answers file as pretty-printed JSON, stamped with the time of export. */
export function serializeAnswers(file: AnswersFile, savedAt: string): string {
  return `${JSON.stringify({ ...file, savedAt }, null, 2)}\n`;
}

/** Compare two framework versions such as 2017-1 and 2099-9 by their numbers: negative when a is older. */
export function compareVersions(a: string, b: string): number {
  const numbers = (version: string) => (version.match(/\d+/gu) ?? []).map(Number);
  const left = numbers(a);
  const right = numbers(b);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return a === b ? 0 : a.localeCompare(b);
}
