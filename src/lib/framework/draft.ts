// Answers state without zod: the draft key, an empty answers file, export naming and per-answer
// validity. The self-check island imports this on page load; src/lib/framework/answers.ts (with
// zod) only when a file is imported.
import type { AnswersFile } from '../../schemas/answers.ts';
import type { Framework, Point } from '../../schemas/framework.ts';

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

/** Whether a stored value is a valid answer for the point's input. */
export function validAnswer(point: Point, value: unknown): boolean {
  const input = point.input;
  switch (input.kind) {
    case 'yesno':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (input.min === undefined || value >= input.min) && (input.max === undefined || value <= input.max);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= input.min && (input.max === undefined || value <= input.max);
    case 'choice':
      return input.options.some((option) => option.value === value);
    case 'level':
      return input.levels.some((level) => level.value === value);
    case 'text':
      return typeof value === 'string';
    case 'derived':
      return false;
  }
}

