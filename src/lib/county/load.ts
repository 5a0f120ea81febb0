// Reading schools' data for the county view: exported self-check answers files and spreadsheet
// rows in the county template. Both go through one checker (`checkSchoolInputs`, built on the
// self-check's own answer checker), so a school's numbers are judged the same way whichever file
// they came in. A bad file, row or cell is reported with file, row and column and does not stop the rest.
import { answersFileSchema } from '../../schemas/answers.ts';
import type { Framework, Point } from '../../schemas/framework.ts';
import { checkAnswer, describeValue } from '../framework/check.ts';
import { answersFormat } from '../framework/draft.ts';
import { allPoints } from '../framework/score.ts';
import { formatIssues, parseJson } from '../validation/messages.ts';
import { templateColumns, type TemplateColumn } from './template.ts';

export type CountyStage = '小学' | '初中' | '九年一贯制';

export interface SchoolRecord {
  name: string;
  stage: CountyStage;
  year: number | null;
  answers: Record<string, number>;
  /** 九年一贯制 enrolment by part, for the optional split. */
  split?: { primary: number; junior: number };
  /** The file the record came from. */
  file: string;
  /** Where exactly, e.g. 学校数据.csv 第3行. */
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

/** A number from a cell or a file: numbers as they are, text with thousands separators, spaces and full-width digits read; anything else stays text. */
export function readNumber(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const text = raw
    .trim()
    .replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/gu, '.')
    .replace(/[,，\s]/gu, '');
  return /^-?(\d+(\.\d*)?|\.\d+)$/u.test(text) ? Number(text) : raw;
}

const lookupCache = new WeakMap<Framework, { points: Map<string, Point>; numeric: TemplateColumn[] }>();

/** The framework's points by id and the template's numeric columns, worked out once per framework (not once per row). */
function lookups(framework: Framework): { points: Map<string, Point>; numeric: TemplateColumn[] } {
  let found = lookupCache.get(framework);
  if (!found) {
    found = {
      points: new Map(allPoints(framework).map(({ point }) => [point.id, point])),
      numeric: templateColumns(framework).filter((item) => item.kind === 'integer' || item.kind === 'number'),
    };
    lookupCache.set(framework, found);
  }
  return found;
}

/** Check a school's raw inputs against the template's numeric columns: present when required, and valid for their point. */
export function checkSchoolInputs(framework: Framework, raw: (column: TemplateColumn) => unknown, where: { file: string; row?: number }): { answers: Record<string, number>; problems: LoadIssue[] } {
  const { points, numeric } = lookups(framework);
  const answers: Record<string, number> = {};
  const problems: LoadIssue[] = [];
  for (const column of numeric) {
    const given = raw(column);
    const at = { ...where, column: column.title };
    if (given === undefined || given === null || given === '') {
      if (column.required) problems.push({ ...at, message: '未填写' });
      continue;
    }
    const value = readNumber(given);
    if (typeof value !== 'number') {
      problems.push({ ...at, message: `${describeValue(value)}不是数字` });
      continue;
    }
    const point = points.get(column.key);
    const checked = point ? checkAnswer(point, value) : Number.isInteger(value) && value >= 0 ? { ok: true as const } : { ok: false as const, message: '应为不小于 0 的整数' };
    if (checked.ok) answers[column.key] = value;
    else problems.push({ ...at, message: `${checked.message}（填写的是 ${value}）` });
  }
  return { answers, problems };
}

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

  rows.slice(1).forEach((cells, offset) => {
    const row = offset + 2;
    const cell = (key: string): unknown => {
      const at = index.get(key);
      const value = at === undefined ? undefined : cells[at];
      return value === null || value === undefined ? '' : typeof value === 'number' ? value : String(value).trim();
    };
    if (cells.every((value) => value === null || value === undefined || String(value).trim() === '')) return;
    const problems: LoadIssue[] = [];
    const name = String(cell('name'));
    if (!name) problems.push({ file, row, column: '学校名称', message: '学校名称为空' });
    const stage = String(cell('stage'));
    if (!stages.includes(stage)) problems.push({ file, row, column: '学段', message: stage ? `学段“${stage}”无法识别，应为 小学、初中 或 九年一贯制` : '学段为空，应为 小学、初中 或 九年一贯制' });
    const yearValue = readNumber(cell('year'));
    const year = yearValue === '' ? null : yearValue;
    if (year !== null && !(typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100)) problems.push({ file, row, column: '年度', message: `年度${describeValue(year)}应为四位年份` });
    const checked = checkSchoolInputs(framework, (column) => cell(column.key), { file, row });
    problems.push(...checked.problems);
    const answers = checked.answers;
    let split: SchoolRecord['split'];
    if (stage === '九年一贯制' && answers.students_primary !== undefined && answers.students_junior !== undefined) {
      split = { primary: answers.students_primary, junior: answers.students_junior };
    }
    delete answers.students_primary;
    delete answers.students_junior;
    if (problems.length > 0) issues.push(...problems);
    else schools.push({ name, stage: stage as CountyStage, year: year as number | null, answers, ...(split ? { split } : {}), file, source: `${file} 第${row}行` });
  });
  return { schools, issues };
}

/** Read an exported self-check answers file (JSON) of the county's school framework, checked like a spreadsheet row. */
export function parseAnswersJson(text: string, file: string, framework: Framework): Loaded {
  const json = parseJson(text);
  if (!json.ok) return { schools: [], issues: [{ file, message: json.message }] };
  if (typeof json.value !== 'object' || json.value === null || (json.value as { format?: unknown }).format !== answersFormat) {
    return { schools: [], issues: [{ file, message: '不是督导通导出的自评答卷文件' }] };
  }
  const parsed = answersFileSchema.safeParse(json.value);
  if (!parsed.success) return { schools: [], issues: [{ file, message: `不是有效的自评答卷：${formatIssues(parsed.error)}` }] };
  const data = parsed.data;
  if (data.framework.id !== framework.id) return { schools: [], issues: [{ file, message: `这是“${data.framework.title ?? data.framework.id}”的答卷，不是“${framework.title}”` }] };
  const problems: LoadIssue[] = [];
  const stage = data.subject.stage;
  if (stage !== '小学' && stage !== '初中') problems.push({ file, column: '学段', message: '答卷未选择学段（小学或初中）' });
  const name = data.subject.name.trim();
  if (!name) problems.push({ file, column: '学校名称', message: '答卷没有学校名称' });
  const checked = checkSchoolInputs(framework, (column) => (column.key === 'students_primary' || column.key === 'students_junior' ? undefined : data.answers[column.key]), { file });
  problems.push(...checked.problems);
  if (problems.length > 0) return { schools: [], issues: problems };
  const year = /^(\d{4})/u.exec(data.subject.date)?.[1];
  return { schools: [{ name, stage: stage as '小学' | '初中', year: year ? Number(year) : null, answers: checked.answers, file, source: file }], issues: [] };
}
