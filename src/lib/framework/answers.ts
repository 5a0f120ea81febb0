// Import of answers files (validated with zod, so the self-check loads this module only when a
// file is imported). Importing never touches current answers: it returns either the new state or
// an error for the caller to show.
import { answersFileSchema, type AnswersFile } from '../../schemas/answers.ts';
import type { Framework, Point } from '../../schemas/framework.ts';
import { answersFormat, validAnswer } from './draft.ts';
import { allPoints } from './score.ts';

export { answersFileName, draftKey, emptyAnswers, serializeAnswers, validAnswer } from './draft.ts';

export type ImportResult =
  | { ok: true; file: AnswersFile; dropped: { id: string; reason: string }[]; olderVersion: boolean }
  | { ok: false; error: string };

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
