// Self-check records (自评记录): dated copies of a self-check kept in this browser's IndexedDB,
// one per save, keyed by framework id, version and save time. A record is an answers file (the
// same format the self-check exports, src/schemas/answers.ts) with its summary computed once when
// it is saved, so the list of many records needs no scoring. Storage goes through the small
// `RecordStore` interface (IndexedDB via idb-keyval in the browser, loaded with this module, a Map in the unit tests); every
// failure becomes a Chinese message and never touches what the caller has on screen.
//
// Dates in an answers file (decided from src/schemas/answers.ts): subject.date (自评日期),
// rectification[].deadline (整改时限) and savedAt. Starting next year's check from a record copies
// everything else (answers, notes, 佐证材料, 整改措施 and 责任人) and clears those.
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { AnswersFile } from '../../schemas/answers.ts';
import type { Framework } from '../../schemas/framework.ts';
import { parseAnswersFile } from '../framework/answers.ts';
import { scoreFramework } from '../framework/score.ts';

/** What the list shows of a record, computed with score.ts when the record is saved. */
export interface RecordSummary {
  school: string;
  stage: string;
  date: string;
  band: { label: string; colour: 'green' | 'yellow' | 'red' };
  /** Scored points met, and scored points in all (met + unmet + partial). */
  met: number;
  scored: number;
  complete: boolean;
}

export interface SelfCheckRecord {
  key: string;
  /** ISO time the record was saved (also the answers file's savedAt). */
  savedAt: string;
  file: AnswersFile;
  summary: RecordSummary;
}

/** The key–value operations the records need; `idbRecordStore` is the browser's. */
export interface RecordStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  entries(): Promise<[string, unknown][]>;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** The browser's store: database dudao-cycle, object store records, opened on first use (when IndexedDB is missing or blocked the store is not kept, so the next call tries again). */
export function idbRecordStore(): RecordStore {
  let opened: UseStore | undefined;
  const open = (): UseStore => (opened ??= createStore('dudao-cycle', 'records'));
  return {
    get: async (key) => get(key, open()),
    set: async (key, value) => set(key, value, open()),
    del: async (key) => del(key, open()),
    entries: async () => entries<string, unknown>(open()),
  };
}

/** A storage failure in words a user reads; what is on screen is never affected. */
export function storageMessage(error: unknown): string {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  if (name === 'QuotaExceededError' || /quota/iu.test(String(error))) {
    return '浏览器的本机存储空间已满，自评记录没有保存。请删除不需要的记录，或先导出答卷文件保存；页面上填写的内容没有改变。';
  }
  return '浏览器不允许使用本机存储（例如无痕或隐私模式），自评记录无法保存或读取。请导出答卷文件保存；页面上填写的内容没有改变。';
}

/** Run a storage operation, turning any failure into `storageMessage`. */
async function guarded<T>(operation: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await operation() };
  } catch (error) {
    return { ok: false, error: storageMessage(error) };
  }
}

/** The key prefix of a framework's records (every version). */
export function recordPrefix(framework: Pick<Framework, 'id'>): string {
  return `${framework.id}@`;
}

/** The key of a record: framework id, version and save time. */
export function recordKey(file: Pick<AnswersFile, 'framework'>, savedAt: string): string {
  return `${file.framework.id}@${file.framework.version}/${savedAt}`;
}

/** The summary of an answers file: school, 学段, date, band and 达标 count. */
export function summarize(framework: Framework, file: AnswersFile): RecordSummary {
  const result = scoreFramework(framework, file.answers, { stage: file.subject.stage });
  return {
    school: file.subject.name,
    stage: file.subject.stage ?? '',
    date: file.subject.date,
    band: { label: result.band.label, colour: result.band.colour },
    met: result.met,
    scored: result.met + result.unmet,
    complete: result.complete,
  };
}

/** A record of an answers file saved at `savedAt`. */
export function makeRecord(framework: Framework, file: AnswersFile, savedAt: string): SelfCheckRecord {
  const stamped: AnswersFile = { ...structuredClone(file), savedAt };
  return { key: recordKey(stamped, savedAt), savedAt, file: stamped, summary: summarize(framework, stamped) };
}

const isRecord = (value: unknown): value is SelfCheckRecord =>
  typeof value === 'object' && value !== null && typeof (value as SelfCheckRecord).key === 'string' && typeof (value as SelfCheckRecord).savedAt === 'string' && typeof (value as SelfCheckRecord).file === 'object' && typeof (value as SelfCheckRecord).summary === 'object';

/** Save the current self-check as a record. */
export function saveRecord(store: RecordStore, framework: Framework, file: AnswersFile, savedAt: string): Promise<Outcome<SelfCheckRecord>> {
  const record = makeRecord(framework, file, savedAt);
  return guarded(async () => {
    await store.set(record.key, record);
    return record;
  });
}

/** The records of a framework (every version), newest first. */
export function listRecords(store: RecordStore, framework: Pick<Framework, 'id'>): Promise<Outcome<SelfCheckRecord[]>> {
  const prefix = recordPrefix(framework);
  return guarded(async () =>
    (await store.entries())
      .filter(([key, value]) => typeof key === 'string' && key.startsWith(prefix) && isRecord(value))
      .map(([, value]) => value as SelfCheckRecord)
      .sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0)),
  );
}

/** One record, or an error when it is gone. */
export async function openRecord(store: RecordStore, key: string): Promise<Outcome<SelfCheckRecord>> {
  const read = await guarded(() => store.get(key));
  if (!read.ok) return read;
  return isRecord(read.value) ? { ok: true, value: read.value } : { ok: false, error: '这条自评记录已不存在（可能已在其他窗口删除）。' };
}

/** Delete a record. */
export function deleteRecord(store: RecordStore, key: string): Promise<Outcome<void>> {
  return guarded(() => store.del(key));
}

/** Next year's check from a record: every answer, note and measure copied, every date cleared (自评日期, 整改时限, savedAt). */
export function nextCheck(file: AnswersFile): AnswersFile {
  const copy = structuredClone(file);
  delete copy.savedAt;
  copy.subject.date = '';
  copy.rectification = Object.fromEntries(Object.entries(copy.rectification).map(([id, entry]) => [id, { ...entry, deadline: '' }]));
  return copy;
}

/** The backup of records: a JSON list of answers files, each stamped with its save time. */
export function backupText(records: readonly SelfCheckRecord[]): string {
  return `${JSON.stringify(records.map((record) => ({ ...record.file, savedAt: record.savedAt })), null, 2)}\n`;
}

/** File name of a backup, e.g. 优质均衡·学校资源配置-自评记录备份-2026-12-03.json. */
export function backupFileName(framework: Framework, today: string): string {
  return `${[framework.shortTitle ?? framework.title, '自评记录备份', today].join('-').replace(/[\\/:*?"<>|\s]+/gu, '_')}.json`;
}

/** An entry of a restore or import that was not taken, or taken with values left out, in words. */
export interface EntryProblem {
  /** 第 n 条 (1-based) and whose record it is, when known. */
  entry: string;
  reason: string;
}

export interface ReadRecords {
  records: SelfCheckRecord[];
  rejected: EntryProblem[];
  /** Values of accepted entries that did not fit the framework (left out, listed). */
  dropped: EntryProblem[];
}

/**
 * Read a backup (a list of answers files) or a single answers file as records of `framework`.
 * Every entry goes through the answers-file checker (answers.ts + check.ts); each rejected entry
 * and each left-out value is listed with its reason.
 */
export function readRecordsFile(text: string, framework: Framework, now: string): Outcome<ReadRecords> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Let the answers-file checker word the JSON error (line and column).
    const parsed = parseAnswersFile(text, framework);
    return { ok: false, error: parsed.ok ? '文件无法读取。' : parsed.error };
  }
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0) return { ok: false, error: '文件中没有自评记录（列表为空）。' };
  const result: ReadRecords = { records: [], rejected: [], dropped: [] };
  list.forEach((item, index) => {
    const who = typeof item === 'object' && item !== null ? (item as { subject?: { name?: unknown; date?: unknown } }).subject : undefined;
    const label = [Array.isArray(json) ? `第 ${index + 1} 条` : '', typeof who?.name === 'string' && who.name ? who.name : '', typeof who?.date === 'string' && who.date ? who.date : '']
      .filter(Boolean)
      .join(' ') || '答卷';
    const parsed = parseAnswersFile(JSON.stringify(item), framework);
    if (!parsed.ok) {
      result.rejected.push({ entry: label, reason: parsed.error });
      return;
    }
    for (const refused of parsed.dropped) result.dropped.push({ entry: label, reason: refused.reason });
    const savedAt = parsed.file.savedAt && !Number.isNaN(Date.parse(parsed.file.savedAt)) ? parsed.file.savedAt : now;
    result.records.push(makeRecord(framework, parsed.file, savedAt));
  });
  return { ok: true, value: result };
}

/** Store records read from a file (a record with the same key — the same save — is replaced, so restoring twice changes nothing). */
export function storeRecords(store: RecordStore, records: readonly SelfCheckRecord[]): Promise<Outcome<number>> {
  return guarded(async () => {
    for (const record of records) await store.set(record.key, record);
    return records.length;
  });
}

/** The list's words for a record: 达标 5/7 项, and 未填完 while the check was incomplete. */
export function metText(summary: RecordSummary): string {
  return `达标 ${summary.met}/${summary.scored} 项${summary.complete ? '' : '（未填完）'}`;
}

/** A save time for the list, e.g. 2026-12-03 17:40, in the reader's time zone. */
export function savedText(savedAt: string): string {
  const date = new Date(savedAt);
  if (Number.isNaN(date.getTime())) return savedAt;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The confirmation after saving: 已保存为自评记录（南岸区示范小学，小学，2026-05-01，黄，达标 6/7 项）。 */
export function savedMessage(record: SelfCheckRecord): string {
  const { school, stage, date, band } = record.summary;
  const parts = [school || '未填学校名称', stage, date || '未填自评日期', band.label, metText(record.summary)].filter(Boolean);
  return `已保存为自评记录（${parts.join('，')}）。`;
}

export type RecordAction = 'open' | 'next' | 'delete';

/** The confirmation dialog's words for an action on a record. */
export function actionWords(action: RecordAction, record: SelfCheckRecord): { title: string; body: string; button: string; done: string } {
  const who = [record.summary.school || '未填学校名称', record.summary.date || '未填自评日期'].join(' ');
  const replaces = '自评页面当前填写的内容将被代替；如需保留，请先在自评页面保存为记录或导出答卷文件。';
  switch (action) {
    case 'open':
      return { title: `打开“${who}”的记录？`, body: `这条记录将在自评页面打开，${replaces}`, button: '打开', done: '' };
    case 'next':
      return { title: `以“${who}”开始新一次自评？`, body: `答案、备注、佐证材料和整改措施将复制到新的自评中，自评日期和整改时限清空。${replaces}`, button: '开始新一次自评', done: '' };
    case 'delete':
      return { title: `删除“${who}”的记录？`, body: '删除后不能恢复。需要时请先备份全部记录。', button: '删除', done: `已删除“${who}”的记录。` };
  }
}

/** The draft the self-check page restores (its localStorage format: an answers file with savedAt). */
export function draftText(file: AnswersFile, savedAt: string): string {
  return JSON.stringify({ ...file, savedAt });
}

/** What a restore or import did, in one sentence. */
export function restoredMessage(fileName: string, read: ReadRecords): string {
  const parts = [`已从“${fileName}”恢复 ${read.records.length} 条自评记录`];
  if (read.rejected.length > 0) parts.push(`${read.rejected.length} 条未恢复（原因见下方）`);
  if (read.dropped.length > 0) parts.push(`${read.dropped.length} 个数值未导入（见下方）`);
  return `${parts.join('；')}。`;
}
