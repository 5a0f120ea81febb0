// Restoring a draft kept in this browser. Storage is outside our control (another version of the
// page, an extension, a user editing it), so a draft is checked value by value with the same answer
// checker as the form and imports: what fits is restored, what does not is named, and the page keeps
// working and saving. No zod: this runs on every page load of the self-check.
import type { AnswersFile, Rectification } from '../../schemas/answers.ts';
import type { Framework, Stage } from '../../schemas/framework.ts';
import { checkAnswer, describeValue } from './check.ts';
import { narrativeSections, type Narrative } from './narrative.ts';
import { allPoints } from './score.ts';

export interface RestoredDraft {
  file: AnswersFile;
  /** What could not be restored, in words. */
  dropped: string[];
  savedAt: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the user typed while the draft was loading, laid over the restored draft (typed values win). */
export function withTyped(restored: AnswersFile, typed: AnswersFile): AnswersFile {
  const subject = Object.fromEntries(Object.entries(typed.subject).filter(([, value]) => value !== '' && value !== undefined));
  return {
    ...restored,
    subject: { ...restored.subject, ...subject },
    answers: { ...restored.answers, ...typed.answers },
    notes: { ...restored.notes, ...typed.notes },
    evidence: { ...restored.evidence, ...typed.evidence },
    rectification: { ...restored.rectification, ...typed.rectification },
    ...(restored.narrative || typed.narrative ? { narrative: { ...restored.narrative, ...typed.narrative } } : {}),
  };
}

/** Restore a stored draft on top of `empty`, keeping every value that fits the framework. */
export function restoreDraft(stored: string, framework: Framework, empty: AnswersFile): RestoredDraft {
  let draft: unknown;
  try {
    draft = JSON.parse(stored);
  } catch {
    return { file: empty, dropped: ['草稿内容已损坏，无法读取'], savedAt: null };
  }
  if (!isRecord(draft)) return { file: empty, dropped: ['草稿内容已损坏，无法读取'], savedAt: null };
  const dropped: string[] = [];
  const file: AnswersFile = structuredClone(empty);

  const subject = isRecord(draft.subject) ? draft.subject : {};
  if (draft.subject !== undefined && !isRecord(draft.subject)) dropped.push('学校信息格式不对，未恢复');
  for (const key of ['name', 'county', 'supervisor', 'date', 'filledBy'] as const) {
    const value = subject[key];
    if (typeof value === 'string') file.subject[key] = value;
    else if (value !== undefined) dropped.push(`学校信息“${key}”格式不对，未恢复`);
  }
  if (subject.stage !== undefined) {
    if (typeof subject.stage === 'string' && (framework.stages as readonly string[]).includes(subject.stage)) file.subject.stage = subject.stage as Stage;
    else dropped.push(`学段 ${describeValue(subject.stage)} 不适用于本指标体系，未恢复`);
  }

  const points = new Map(allPoints(framework).map(({ point }) => [point.id, point]));
  const section = (name: 'answers' | 'notes' | 'evidence' | 'rectification', words: string): [string, unknown][] => {
    const value = draft[name];
    if (value === undefined || value === null) {
      if (value === null) dropped.push(`${words}格式不对，未恢复`);
      return [];
    }
    if (!isRecord(value)) {
      dropped.push(`${words}格式不对，未恢复`);
      return [];
    }
    return Object.entries(value).filter(([id]) => {
      if (points.has(id)) return true;
      dropped.push(`${words}：本版本没有要点“${id}”`);
      return false;
    });
  };
  for (const [id, value] of section('answers', '答案')) {
    const point = points.get(id)!;
    const checked = checkAnswer(point, value);
    if (checked.ok) file.answers[id] = value as AnswersFile['answers'][string];
    else dropped.push(`答案：“${point.title}”的值 ${describeValue(value)} ${checked.message}`);
  }
  for (const [field, words] of [['notes', '备注'], ['evidence', '佐证材料']] as const) {
    for (const [id, value] of section(field, words)) {
      if (typeof value === 'string') file[field][id] = value;
      else dropped.push(`${words}：“${points.get(id)!.title}”格式不对，未恢复`);
    }
  }
  for (const [id, value] of section('rectification', '整改清单')) {
    const entry: Rectification = { responsible: '', deadline: '', measure: '' };
    if (!isRecord(value) || !(['responsible', 'deadline', 'measure'] as const).every((key) => value[key] === undefined || typeof value[key] === 'string')) {
      dropped.push(`整改清单：“${points.get(id)!.title}”格式不对，未恢复`);
      continue;
    }
    for (const key of ['responsible', 'deadline', 'measure'] as const) if (typeof value[key] === 'string') entry[key] = value[key] as string;
    file.rectification[id] = entry;
  }
  // Narrative text is kept whatever its length (the panel shows when it is over the limit): a draft never loses what was typed.
  if (draft.narrative !== undefined) {
    if (!isRecord(draft.narrative)) dropped.push('自评报告正文格式不对，未恢复');
    else {
      const narrative: Narrative = {};
      for (const [key, value] of Object.entries(draft.narrative)) {
        const section = narrativeSections.find((item) => item.key === key);
        if (!section) dropped.push(`自评报告正文：没有“${key}”这一部分，未恢复`);
        else if (typeof value === 'string') narrative[section.key] = value;
        else dropped.push(`自评报告正文：“${section.title}”格式不对，未恢复`);
      }
      if (Object.keys(narrative).length > 0) file.narrative = narrative;
    }
  }
  return { file, dropped, savedAt: typeof draft.savedAt === 'string' ? draft.savedAt : null };
}

/** The announcement after a draft was restored: when it was saved, and how many values could not be restored. */
export function draftStatus(restored: Pick<RestoredDraft, 'savedAt' | 'dropped'>): string {
  const when = restored.savedAt ? new Date(restored.savedAt).toLocaleString('zh-CN') : '时间未知';
  return `已恢复上次保存在本机的草稿（${when}）${restored.dropped.length > 0 ? `；有 ${restored.dropped.length} 项无法恢复，见下方` : ''}。`;
}
