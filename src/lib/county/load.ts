// Reading schools' data for the county view: exported self-check answers files (validated with the
// same zod schema as the form) and spreadsheets (.csv, .xlsx) in the county template. A bad file,
// row or cell is reported with file, row and column and does not stop the rest.
import { answersFileSchema } from '../../schemas/answers.ts';
import type { Framework } from '../../schemas/framework.ts';
import { answersFormat, validAnswer } from '../framework/draft.ts';
import { allPoints } from '../framework/score.ts';
import { templateColumns } from './template.ts';

export type CountyStage = '小学' | '初中' | '九年一贯制';

export interface SchoolRecord {
  name: string;
  stage: CountyStage;
  year: number | null;
  answers: Record<string, number>;
  /** 九年一贯制 enrolment by part, for the optional split. */
  split?: { primary: number; junior: number };
  /** Where the record came from, e.g. 学校数据.csv 第3行. */
  source: string;
}

export interface LoadIssue {
  file: string;
  row?: number;
  column?: string;
  message: string;
}

export interface Loaded {
  schools: SchoolRecord[];
  issues: LoadIssue[];
}

const stages: readonly string[] = ['小学', '初中', '九年一贯制'];

/** Read rows of a spreadsheet (first row = headers, matched by title) into school records. */
export function parseTable(rows: readonly (readonly unknown[])[], file: string, framework: Framework): Loaded {
  const issues: LoadIssue[] = [];
  const schools: SchoolRecord[] = [];
  const columns = templateColumns(framework);
  const header = (rows[0] ?? []).map((cell) => String(cell ?? '').replace(/^\ufeff/u, '').trim());
  const index = new Map<string, number>();
  for (const column of columns) {
    const at = header.findIndex((title) => title === column.title || title === column.title.replace(/（[^）]*）$/u, ''));
    if (at >= 0) index.set(column.key, at);
    else if (column.required) issues.push({ file, row: 1, column: column.title, message: `缺少列“${column.title}”（请使用本页提供的模板）` });
  }
  if (issues.length > 0) return { schools, issues };
  const points = new Map(allPoints(framework).map(({ point }) => [point.id, point]));

  rows.slice(1).forEach((cells, offset) => {
    const row = offset + 2;
    const cell = (key: string) => {
      const at = index.get(key);
      const value = at === undefined ? undefined : cells[at];
      return value === null || value === undefined ? '' : typeof value === 'number' ? value : String(value).trim();
    };
    if (cells.every((value) => value === null || value === undefined || String(value).trim() === '')) return;
    const problems: LoadIssue[] = [];
    const name = String(cell('name'));
    if (!name) problems.push({ file, row, column: '学校名称', message: '学校名称为空' });
    const stage = String(cell('stage'));
    if (!stages.includes(stage)) problems.push({ file, row, column: '学段', message: `学段“${stage}”无法识别，应为 小学、初中 或 九年一贯制` });
    const yearText = cell('year');
    const year = yearText === '' ? null : Number(yearText);
    if (year !== null && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) problems.push({ file, row, column: '年度', message: `年度“${yearText}”应为四位年份` });
    const answers: Record<string, number> = {};
    for (const column of columns.filter((item) => item.kind === 'integer' || item.kind === 'number')) {
      const raw = cell(column.key);
      const point = points.get(column.key);
      if (raw === '') {
        if (column.required) problems.push({ file, row, column: column.title, message: '未填写' });
        continue;
      }
      const value = typeof raw === 'number' ? raw : Number(raw.replace(/[,，\s]/gu, ''));
      if (!Number.isFinite(value)) problems.push({ file, row, column: column.title, message: `“${raw}”不是数字` });
      else if (point && !validAnswer(point, value)) problems.push({ file, row, column: column.title, message: `${value} 不在允许范围内${point.input.kind === 'integer' ? '（应为整数）' : ''}` });
      else answers[column.key] = value;
    }
    let split: SchoolRecord['split'];
    if (stage === '九年一贯制' && answers.students_primary !== undefined && answers.students_junior !== undefined) {
      split = { primary: answers.students_primary, junior: answers.students_junior };
    }
    delete answers.students_primary;
    delete answers.students_junior;
    // The row as an answers file, checked with the same schema as an exported self-check.
    if (problems.length === 0 && stage !== '九年一贯制') {
      const checked = answersFileSchema.safeParse({ format: answersFormat, formatVersion: 1, framework: { id: framework.id, version: framework.version }, subject: { name, stage }, answers });
      if (!checked.success) problems.push({ file, row, column: checked.error.issues[0]!.path.join('.'), message: checked.error.issues[0]!.message });
    }
    if (problems.length > 0) issues.push(...problems);
    else schools.push({ name, stage: stage as CountyStage, year, answers, ...(split ? { split } : {}), source: `${file} 第${row}行` });
  });
  return { schools, issues };
}

/** Read an exported self-check answers file (JSON) of the 优质均衡 school framework. */
export function parseAnswersJson(text: string, file: string, framework: Framework): Loaded {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { schools: [], issues: [{ file, message: '不是有效的 JSON 文件' }] };
  }
  const parsed = answersFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { schools: [], issues: [{ file, column: issue.path.join('.') || undefined, message: `不是有效的自评答卷：${issue.message}` } as LoadIssue] };
  }
  const data = parsed.data;
  if (data.framework.id !== framework.id) return { schools: [], issues: [{ file, message: `这是“${data.framework.title ?? data.framework.id}”的答卷，不是“${framework.title}”` }] };
  const stage = data.subject.stage;
  if (stage !== '小学' && stage !== '初中') return { schools: [], issues: [{ file, column: 'subject.stage', message: '答卷未选择学段（小学或初中）' }] };
  if (!data.subject.name.trim()) return { schools: [], issues: [{ file, column: 'subject.name', message: '答卷没有学校名称' }] };
  const answers = Object.fromEntries(Object.entries(data.answers).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  const year = /^(\d{4})/u.exec(data.subject.date)?.[1];
  return { schools: [{ name: data.subject.name.trim(), stage, year: year ? Number(year) : null, answers, source: file }], issues: [] };
}
