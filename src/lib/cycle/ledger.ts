// The rectification ledger (整改台账): one item per problem to fix, with its measure, the person
// responsible, the deadline, its status through to 销号, and the point it belongs to. Items are made
// from the points a self-check found unmet or below their threshold, or by hand for any point.
// Pure: dates are YYYY-MM-DD strings compared as text (no local-time getters), `today` and new ids
// come from the caller. One row checker serves the form and the import, so both say the same thing.
import type { Framework } from '../../schemas/framework.ts';
import { shortfalls } from '../framework/outcome.ts';
import { allPoints, type ScoreResult } from '../framework/score.ts';

export const ledgerStatuses = ['未启动', '整改中', '待验收', '已销号'] as const;
export type LedgerStatus = (typeof ledgerStatuses)[number];

export interface LedgerItem {
  id: string;
  /** The point the item belongs to. */
  pointId: string;
  problem: string;
  measure: string;
  responsible: string;
  /** 完成时限, YYYY-MM-DD or ''. */
  deadline: string;
  status: LedgerStatus;
  evidence: string;
  /** 销号日期, YYYY-MM-DD or '' (only for 已销号). */
  closedOn: string;
}

/** The text fields of an item as the form and the files hold them. */
export type LedgerFields = Omit<LedgerItem, 'id' | 'status'> & { status: string };

/** The columns of the ledger files, in order: the header text and the field each holds. */
export const ledgerColumns = [
  { title: '要点编号', field: 'pointId' },
  { title: '评估要点', field: null },
  { title: '所属指标', field: null },
  { title: '问题描述', field: 'problem' },
  { title: '整改措施', field: 'measure' },
  { title: '责任人', field: 'responsible' },
  { title: '完成时限', field: 'deadline' },
  { title: '状态', field: 'status' },
  { title: '佐证说明', field: 'evidence' },
  { title: '销号日期', field: 'closedOn' },
] as const satisfies readonly { title: string; field: keyof LedgerFields | null }[];

/** The most characters a text cell may hold. */
export const ledgerTextLimit = 2000;

/** A storage key for a framework's ledger: one per framework id and version. */
export function ledgerKey(framework: Pick<Framework, 'id' | 'version'>): string {
  return `${framework.id}@${framework.version}`;
}

/** Where a point sits in the framework: its title and its indicator's title. */
export function pointPlaces(framework: Framework): Map<string, { title: string; indicator: string }> {
  return new Map(allPoints(framework).map(({ point, indicator }) => [point.id, { title: point.title, indicator: indicator.title }]));
}

/** Whether a YYYY-MM-DD string is a real calendar date. */
export function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date as people type it (2027/3/1, 2027.3.1, 2027年3月1日) as YYYY-MM-DD; other text unchanged. */
export function normalizeDate(text: string): string {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(text.trim());
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : text.trim();
}

/** Today as YYYY-MM-DD in UTC, for callers without a date of their own. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whether an item is overdue: its deadline has passed and it is not 已销号. */
export function isOverdue(item: Pick<LedgerItem, 'deadline' | 'status'>, today: string): boolean {
  return item.status !== '已销号' && item.deadline !== '' && item.deadline < today;
}

export type LedgerFilter = LedgerStatus | 'all' | 'overdue' | 'open';

/** The items a filter shows: one status, the overdue ones, the open (not 已销号) ones, or all. */
export function filterItems(items: readonly LedgerItem[], filter: LedgerFilter, today: string): LedgerItem[] {
  if (filter === 'all') return [...items];
  if (filter === 'overdue') return items.filter((item) => isOverdue(item, today));
  if (filter === 'open') return items.filter((item) => item.status !== '已销号');
  return items.filter((item) => item.status === filter);
}

/** Progress counts: total, per status, overdue, and the share closed as a whole percentage. */
export function ledgerProgress(items: readonly LedgerItem[], today: string): { total: number; byStatus: Record<LedgerStatus, number>; overdue: number; closedPercent: number } {
  const byStatus = Object.fromEntries(ledgerStatuses.map((status) => [status, items.filter((item) => item.status === status).length])) as Record<LedgerStatus, number>;
  return {
    total: items.length,
    byStatus,
    overdue: items.filter((item) => isOverdue(item, today)).length,
    closedPercent: items.length === 0 ? 0 : Math.floor((byStatus['已销号'] / items.length) * 100),
  };
}

/** The progress in one sentence: 共 5 项：未启动 1 项，整改中 2 项，待验收 1 项，已销号 1 项（20%）；逾期 1 项. */
export function progressText(items: readonly LedgerItem[], today: string): string {
  const progress = ledgerProgress(items, today);
  if (progress.total === 0) return '台账中还没有事项。';
  const parts = ledgerStatuses.map((status) => `${status} ${progress.byStatus[status]} 项`).join('，');
  return `共 ${progress.total} 项：${parts}（销号 ${progress.closedPercent}%）；逾期 ${progress.overdue} 项。`;
}

/** New items for every unmet or partly met point of a result that has no open item yet; the problem text names the value and its share of the threshold. */
export function itemsFromResult(framework: Framework, result: ScoreResult, existing: readonly LedgerItem[], newId: () => string): LedgerItem[] {
  const open = new Set(existing.filter((item) => item.status !== '已销号').map((item) => item.pointId));
  const texts = new Map(shortfalls(framework, result).map((item) => [item.id, item.text]));
  return result.unmetPoints
    .filter((point) => !open.has(point.id))
    .map((point) => blankItem(newId(), point.id, `${texts.get(point.id) ?? point.title}（${point.status === 'partial' ? '部分达标' : '未达标'}）`));
}

/** An item for a point with only its problem text filled in. */
export function blankItem(id: string, pointId: string, problem = ''): LedgerItem {
  return { id, pointId, problem, measure: '', responsible: '', deadline: '', status: '未启动', evidence: '', closedOn: '' };
}

/** One problem with a row: the column it is in and what is wrong, in Chinese. */
export interface RowProblem {
  column: string;
  message: string;
}

const titleOf = (field: keyof LedgerFields) => ledgerColumns.find((column) => column.field === field)!.title;

/** Check one row (from the form or a file): the item it makes, or every problem by column. Dates may be typed as 2027/3/1. */
export function checkRow(fields: LedgerFields, framework: Framework): { ok: true; item: Omit<LedgerItem, 'id'> } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (field: keyof LedgerFields, message: string) => problems.push({ column: titleOf(field), message });
  const text = (value: string) => value.replace(/\r\n?/gu, '\n').trim();
  const item = {
    pointId: fields.pointId.trim(),
    problem: text(fields.problem),
    measure: text(fields.measure),
    responsible: text(fields.responsible),
    deadline: normalizeDate(fields.deadline),
    status: (fields.status.trim() || '未启动') as LedgerStatus,
    evidence: text(fields.evidence),
    closedOn: normalizeDate(fields.closedOn),
  };
  if (item.pointId === '') problem('pointId', '请填写要点编号');
  else if (!pointPlaces(framework).has(item.pointId)) problem('pointId', `本指标体系没有编号为“${item.pointId}”的要点`);
  if (item.problem === '') problem('problem', '请填写问题描述');
  for (const field of ['problem', 'measure', 'responsible', 'evidence'] as const) {
    if ([...item[field]].length > ledgerTextLimit) problem(field, `超过 ${ledgerTextLimit} 字，请删减`);
  }
  if (item.deadline !== '' && !isDate(item.deadline)) problem('deadline', `“${fields.deadline.trim()}”不是有效日期，请写成 2027-03-01`);
  if (!(ledgerStatuses as readonly string[]).includes(item.status)) problem('status', `“${item.status}”不是有效状态，应为${ledgerStatuses.join('、')}之一`);
  if (item.closedOn !== '' && !isDate(item.closedOn)) problem('closedOn', `“${fields.closedOn.trim()}”不是有效日期，请写成 2027-03-01`);
  else if (item.status === '已销号' && item.closedOn === '') problem('closedOn', '已销号的事项请填写销号日期');
  else if (item.closedOn !== '' && item.status !== '已销号') problem('closedOn', '只有已销号的事项才有销号日期');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, item };
}

/** The ledger as rows of cells for CSV and XLSX: the header, then one row per item. */
export function ledgerTable(items: readonly LedgerItem[], framework: Framework): string[][] {
  const places = pointPlaces(framework);
  return [
    ledgerColumns.map((column) => column.title),
    ...items.map((item) => {
      const place = places.get(item.pointId);
      return [item.pointId, place?.title ?? '', place?.indicator ?? '', item.problem, item.measure, item.responsible, item.deadline, item.status, item.evidence, item.closedOn];
    }),
  ];
}

/** A ledger file's rows read back: the items, and every rejected row with its reasons (第 3 行「完成时限」：…). */
export function parseLedgerTable(rows: readonly (readonly unknown[])[], framework: Framework, newId: () => string): { ok: true; items: LedgerItem[]; rejected: { row: number; reason: string }[] } | { ok: false; error: string } {
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
    // A formula-safe writer prefixed text beginning with = + - @ with an apostrophe: take it off again.
    return String(value).replace(/^'(?=[=+\-@\t\r])/u, '');
  };
  const headerIndex = rows.findIndex((row) => row.some((value) => cell(value).trim() === '问题描述'));
  if (headerIndex === -1) return { ok: false, error: `找不到表头：第一行应为 ${ledgerColumns.map((column) => column.title).join('、')}` };
  const header = rows[headerIndex]!.map((value) => cell(value).trim());
  const positions = new Map<keyof LedgerFields, number>();
  const missing: string[] = [];
  for (const column of ledgerColumns) {
    if (column.field === null) continue;
    const index = header.indexOf(column.title);
    if (index === -1) missing.push(column.title);
    else positions.set(column.field, index);
  }
  if (missing.length > 0) return { ok: false, error: `表头缺少以下列：${missing.join('、')}` };
  const items: LedgerItem[] = [];
  const rejected: { row: number; reason: string }[] = [];
  rows.slice(headerIndex + 1).forEach((row, offset) => {
    const number = headerIndex + offset + 2;
    if (row.every((value) => cell(value).trim() === '')) return;
    const fields = Object.fromEntries([...positions].map(([field, index]) => [field, cell(row[index])])) as LedgerFields;
    const checked = checkRow(fields, framework);
    if (checked.ok) items.push({ id: newId(), ...checked.item });
    else rejected.push({ row: number, reason: checked.problems.map((problem) => `第 ${number} 行「${problem.column}」：${problem.message}`).join('；') });
  });
  return { ok: true, items, rejected };
}

/** File name of an exported ledger: 某某小学-优质均衡·学校资源配置-整改台账-2026-12-03.xlsx. */
export function ledgerFileName(framework: Framework, school: string, today: string, extension: string): string {
  const parts = [school.trim(), framework.shortTitle ?? framework.title, '整改台账', today].filter((part) => part !== '');
  return `${parts.join('-').replace(/[\\/:*?"<>|\s]+/gu, '_')}.${extension}`;
}
