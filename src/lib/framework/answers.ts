// Import of answers files (validated with zod, so the self-check loads this module only when a
// file is imported). Importing never touches current answers by itself: it returns what the file
// holds, what was refused and why, and a preview; the caller asks the user before `applyImport`.
import { answersFileSchema, type AnswersFile } from '../../schemas/answers.ts';
import type { Framework, Point } from '../../schemas/framework.ts';
import { formatIssues, parseJson } from '../validation/messages.ts';
import { checkAnswer, describeValue } from './check.ts';
import { answersFormat } from './draft.ts';
import { allPoints } from './score.ts';

export { emptyAnswers } from './draft.ts';
export { draftKey } from './draft-key.ts';
export { validAnswer } from './check.ts';

/** How the file's framework version relates to the page's. */
export type VersionRelation = 'same' | 'older' | 'newer';

/** A value in the file that was not taken, with the reason in words. */
export interface Refused {
  id: string;
  field: 'answers' | 'notes' | 'evidence' | 'rectification';
  reason: string;
}

export type ImportResult =
  | { ok: true; file: AnswersFile; dropped: Refused[]; version: VersionRelation; fileVersion: string }
  | { ok: false; error: string };

const fieldWords: Record<Refused['field'], string> = { answers: '答案', notes: '备注', evidence: '佐证材料', rectification: '整改清单' };

/** Parse an answers file for a framework: a foreign or broken file is an error; values that do not fit are listed, never guessed. */
export function parseAnswersFile(text: string, framework: Framework): ImportResult {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, error: json.message };
  const value = json.value;
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== answersFormat) {
    return { ok: false, error: '这不是督导通导出的自评答卷文件（缺少 format: "dudao-self-check"）。' };
  }
  const parsed = answersFileSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: `答卷文件有误：${formatIssues(parsed.error)}` };
  const file = parsed.data;
  if (file.framework.id !== framework.id) {
    const theirs = file.framework.title ? `“${file.framework.title}”（编号 ${file.framework.id}）` : `编号 ${file.framework.id}`;
    return { ok: false, error: `这份答卷属于指标体系${theirs}，不是本页的“${framework.title}”（编号 ${framework.id}）。请在对应的自评页面导入。` };
  }
  if (file.subject.stage !== undefined && !framework.stages.includes(file.subject.stage)) {
    return { ok: false, error: `答卷的学段“${file.subject.stage}”不适用于本指标体系（适用：${framework.stages.join('、')}）。` };
  }

  const points = new Map(allPoints(framework).map(({ point }) => [point.id, point]));
  const dropped: Refused[] = [];
  const keep = <T>(record: Record<string, T>, field: Refused['field'], check: (point: Point, value: T) => string | null): Record<string, T> =>
    Object.fromEntries(
      Object.entries(record).filter(([id, item]) => {
        const point = points.get(id);
        const problem = point ? check(point, item) : `本版本没有要点“${id}”`;
        if (problem === null) return true;
        dropped.push({ id, field, reason: `${fieldWords[field]}：${problem}` });
        return false;
      }),
    );
  const answerProblem = (point: Point, item: unknown) => {
    const checked = checkAnswer(point, item);
    return checked.ok ? null : `“${point.title}”的值 ${describeValue(item)} ${checked.message}`;
  };
  const relation = compareVersions(file.framework.version, framework.version);
  const result: AnswersFile = {
    ...file,
    framework: { id: framework.id, version: framework.version, title: framework.title },
    answers: keep(file.answers, 'answers', answerProblem),
    notes: keep(file.notes, 'notes', () => null),
    evidence: keep(file.evidence, 'evidence', () => null),
    rectification: keep(file.rectification, 'rectification', () => null),
  };
  return { ok: true, file: result, dropped, version: relation === 0 ? 'same' : relation < 0 ? 'older' : 'newer', fileVersion: file.framework.version };
}

/** What an import would change, for the confirmation: whose file, its date, how many answers, how many differ from the form. */
export function importPreview(current: AnswersFile, incoming: AnswersFile, dropped: readonly Refused[]): { school: string; date: string; answers: number; differing: number } {
  const ids = new Set([...Object.keys(current.answers), ...Object.keys(incoming.answers)]);
  const kept = applyImport(current, incoming, dropped);
  const differing = [...ids].filter((id) => current.answers[id] !== kept.answers[id]).length;
  return { school: incoming.subject.name, date: incoming.subject.date, answers: Object.keys(incoming.answers).length, differing };
}

/** The form after 替换: the file's answers, except that a refused value never clears a current answer. */
export function applyImport(current: AnswersFile, incoming: AnswersFile, dropped: readonly Refused[]): AnswersFile {
  const answers = { ...incoming.answers };
  for (const item of dropped) {
    if (item.field === 'answers' && current.answers[item.id] !== undefined && answers[item.id] === undefined) answers[item.id] = current.answers[item.id]!;
  }
  return { ...incoming, answers };
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
