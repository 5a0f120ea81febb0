// Import and export of answers files, and the key under which a draft is kept. Importing never
// touches current answers: it returns either the new state or an error for the caller to show.
import { answersFileSchema, answersFormat, type AnswersFile } from '../../schemas/answers';
import type { Framework, Point } from '../../schemas/framework';
import { allPoints } from './score';

export type ImportResult =
  | { ok: true; file: AnswersFile; dropped: { id: string; reason: string }[]; olderVersion: boolean }
  | { ok: false; error: string };

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

/** Parse an answers file for a framework: a foreign or broken file is an error; an older version keeps what still fits and lists the rest. */
export function parseAnswersFile(text: string, framework: Framework): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `文件不是有效的 JSON：${(error as Error).message}` };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== answersFormat) {
    return { ok: false, error: '这不是督导通导出的自评答卷文件（缺少 format: "dudao-self-check"）。' };
  }
  const parsed = answersFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `答卷文件有误：字段 ${issue.path.join('.') || '（根）'}：${issue.message}` };
  }
  const file = parsed.data;
  if (file.framework.id !== framework.id) {
    return { ok: false, error: `这份答卷属于指标体系“${file.framework.title ?? file.framework.id}”，不是“${framework.title}”。请在对应的自评页面导入。` };
  }
  if (file.subject.stage !== undefined && !framework.stages.includes(file.subject.stage)) {
    return { ok: false, error: `答卷的学段“${file.subject.stage}”不适用于本指标体系（适用：${framework.stages.join('、')}）。` };
  }

  const points = new Map(allPoints(framework).map(({ point }) => [point.id, point]));
  const dropped: { id: string; reason: string }[] = [];
  const keep = <T>(record: Record<string, T>, check: (point: Point, value: T) => boolean, what: string): Record<string, T> =>
    Object.fromEntries(
      Object.entries(record).filter(([id, value]) => {
        const point = points.get(id);
        if (!point) dropped.push({ id, reason: `${what}：本版本没有要点“${id}”` });
        else if (!check(point, value)) dropped.push({ id, reason: `${what}：“${point.title}”的值 ${JSON.stringify(value)} 不适用于本版本` });
        else return true;
        return false;
      }),
    );
  const result: AnswersFile = {
    ...file,
    framework: { id: framework.id, version: framework.version, title: framework.title },
    answers: keep(file.answers, validAnswer, '答案'),
    notes: keep(file.notes, () => true, '备注'),
    evidence: keep(file.evidence, () => true, '佐证材料'),
    rectification: keep(file.rectification, () => true, '整改清单'),
  };
  return { ok: true, file: result, dropped, olderVersion: file.framework.version !== framework.version };
}
