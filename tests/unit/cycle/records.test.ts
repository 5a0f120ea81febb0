// Self-check records: save, list, open, next year's check, delete, backup and restore, storage
// failures, with an in-memory store standing in for IndexedDB.
import { describe, expect, it } from 'vitest';
import { emptyAnswers } from '../../../src/lib/framework/answers';
import {
  backupText,
  deleteRecord,
  listRecords,
  metText,
  nextCheck,
  openRecord,
  readRecordsFile,
  saveRecord,
  storageMessage,
  storeRecords,
  type RecordStore,
} from '../../../src/lib/cycle/records';
import { loadFramework } from '../framework/load';

const framework = loadFramework('youzhi-junheng-xuexiao');

/** A Map behind the RecordStore interface. */
function memoryStore(): RecordStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (key) => structuredClone(map.get(key)),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
    entries: async () => [...map.entries()].map(([key, value]) => [key, structuredClone(value)] as [string, unknown]),
  };
}

/** A store whose every call fails like IndexedDB does. */
function failingStore(name: string): RecordStore {
  const fail = async (): Promise<never> => {
    throw new DOMException('failed', name);
  };
  return { get: fail, set: fail, del: fail, entries: fail };
}

function school(date: string, answers: Record<string, number>) {
  const file = emptyAnswers(framework);
  file.subject = { ...file.subject, name: '南岸区示范小学', stage: '小学', date, filledBy: '李老师' };
  file.answers = answers;
  file.notes = { students: '含寄宿生' };
  file.rectification = { r_multimedia: { responsible: '王老师', deadline: '2027-03-01', measure: '新建 2 间' } };
  return file;
}
// 1000 pupils: every ratio passes the 小学 threshold except 网络多媒体教室 (2.0 of 2.3).
const passing = { students: 1000, teachers_higher: 50, backbone: 12, pe_art: 10, teaching_rooms: 5000, sports: 8000, equipment_value: 2500000, multimedia_rooms: 20 };

describe('self-check records', () => {
  it('saves a record with its summary and lists the framework’s records newest first', async () => {
    const store = memoryStore();
    const first = await saveRecord(store, framework, school('2025-05-01', passing), '2025-05-01T08:00:00.000Z');
    const second = await saveRecord(store, framework, school('2026-05-01', { ...passing, multimedia_rooms: 25 }), '2026-05-01T08:00:00.000Z');
    expect(first.ok && second.ok).toBe(true);
    store.map.set('xueqian-puji-puhui@1/2026-01-01T00:00:00.000Z', { other: true });
    const listed = await listRecords(store, framework);
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    expect(listed.value.map((record) => record.key)).toEqual(['youzhi-junheng-xuexiao@2017-1/2026-05-01T08:00:00.000Z', 'youzhi-junheng-xuexiao@2017-1/2025-05-01T08:00:00.000Z']);
    expect(listed.value[1]!.summary).toEqual({ school: '南岸区示范小学', stage: '小学', date: '2025-05-01', band: { label: '黄', colour: 'yellow' }, met: 6, scored: 7, complete: true });
    expect(metText(listed.value[1]!.summary)).toBe('达标 6/7 项');
    expect(listed.value[0]!.summary.met).toBe(7);
    expect(listed.value[0]!.file.savedAt).toBe('2026-05-01T08:00:00.000Z');
  });

  it('opens a record and deletes it', async () => {
    const store = memoryStore();
    const saved = await saveRecord(store, framework, school('2025-05-01', passing), '2025-05-01T08:00:00.000Z');
    if (!saved.ok) throw new Error(saved.error);
    const opened = await openRecord(store, saved.value.key);
    expect(opened.ok && opened.value.file.answers).toEqual(passing);
    expect(await deleteRecord(store, saved.value.key)).toEqual({ ok: true, value: undefined });
    expect(await openRecord(store, saved.value.key)).toEqual({ ok: false, error: '这条自评记录已不存在（可能已在其他窗口删除）。' });
  });

  it('starts next year’s check with the answers copied and every date cleared', () => {
    const next = nextCheck({ ...school('2025-05-01', passing), savedAt: '2025-05-01T08:00:00.000Z' });
    expect(next.answers).toEqual(passing);
    expect(next.subject).toEqual({ name: '南岸区示范小学', stage: '小学', date: '', county: '', supervisor: '', filledBy: '李老师' });
    expect(next.rectification).toEqual({ r_multimedia: { responsible: '王老师', deadline: '', measure: '新建 2 间' } });
    expect(next.notes).toEqual({ students: '含寄宿生' });
    expect('savedAt' in next).toBe(false);
  });

  it.each([
    ['QuotaExceededError', '浏览器的本机存储空间已满，自评记录没有保存。请删除不需要的记录，或先导出答卷文件保存；页面上填写的内容没有改变。'],
    ['InvalidStateError', '浏览器不允许使用本机存储（例如无痕或隐私模式），自评记录无法保存或读取。请导出答卷文件保存；页面上填写的内容没有改变。'],
  ])('turns %s into a Chinese message and leaves the answers untouched', async (name, message) => {
    const file = school('2025-05-01', passing);
    const before = structuredClone(file);
    expect(await saveRecord(failingStore(name), framework, file, '2025-05-01T08:00:00.000Z')).toEqual({ ok: false, error: message });
    expect(await listRecords(failingStore(name), framework)).toEqual({ ok: false, error: message });
    expect(file).toEqual(before);
  });

  it('words IndexedDB being missing altogether as storage not allowed', () => {
    expect(storageMessage(new TypeError('indexedDB is not defined'))).toMatch(/^浏览器不允许使用本机存储/u);
  });
});

describe('backup, restore and import', () => {
  it('round-trips every record through one backup file', async () => {
    const store = memoryStore();
    await saveRecord(store, framework, school('2025-05-01', passing), '2025-05-01T08:00:00.000Z');
    await saveRecord(store, framework, school('2026-05-01', { ...passing, multimedia_rooms: 25 }), '2026-05-01T08:00:00.000Z');
    const listed = await listRecords(store, framework);
    if (!listed.ok) throw new Error(listed.error);
    const text = backupText(listed.value);
    expect(JSON.parse(text)).toHaveLength(2);
    const read = readRecordsFile(text, framework, '2026-12-03T00:00:00.000Z');
    if (!read.ok) throw new Error(read.error);
    expect(read.value.rejected).toEqual([]);
    expect(read.value.dropped).toEqual([]);
    const restored = memoryStore();
    expect(await storeRecords(restored, read.value.records)).toEqual({ ok: true, value: 2 });
    expect(await listRecords(restored, framework)).toEqual(listed);
    // Restoring the same backup again replaces the same records.
    await storeRecords(restored, read.value.records);
    expect(restored.map.size).toBe(2);
  });

  it('lists every rejected entry and every left-out value with its reason', () => {
    const good = { ...school('2025-05-01', passing), savedAt: '2025-05-01T08:00:00.000Z' };
    const foreign = { ...school('2025-06-01', passing), framework: { id: 'xueqian-puji-puhui', version: '1', title: '学前' } };
    const badValue = { ...school('2024-05-01', { ...passing, backbone: -3 }), savedAt: '2024-05-01T08:00:00.000Z' };
    const read = readRecordsFile(JSON.stringify([good, foreign, 'x', badValue]), framework, '2026-12-03T00:00:00.000Z');
    if (!read.ok) throw new Error(read.error);
    expect(read.value.records.map((record) => record.savedAt)).toEqual(['2025-05-01T08:00:00.000Z', '2024-05-01T08:00:00.000Z']);
    expect(read.value.rejected).toEqual([
      { entry: '第 2 条 南岸区示范小学 2025-06-01', reason: '这份答卷属于指标体系“学前”（编号 xueqian-puji-puhui），不是本页的“县域义务教育优质均衡发展·学校资源配置”（编号 youzhi-junheng-xuexiao）。请在对应的自评页面导入。' },
      { entry: '第 3 条', reason: '这不是督导通导出的自评答卷文件（缺少 format: "dudao-self-check"）。' },
    ]);
    expect(read.value.dropped).toEqual([{ entry: '第 4 条 南岸区示范小学 2024-05-01', reason: '答案：“县级及以上骨干教师数”的值 -3 须不少于 0' }]);
  });

  it('imports a single answers file as a record, stamped now when it has no save time', () => {
    const read = readRecordsFile(JSON.stringify(school('2025-05-01', passing)), framework, '2026-12-03T00:00:00.000Z');
    if (!read.ok) throw new Error(read.error);
    expect(read.value.records.map((record) => record.key)).toEqual(['youzhi-junheng-xuexiao@2017-1/2026-12-03T00:00:00.000Z']);
  });

  it('refuses a broken file with the checker’s message', () => {
    expect(readRecordsFile('{"format":', framework, '2026-12-03T00:00:00.000Z')).toMatchObject({ ok: false, error: expect.stringMatching(/^不是有效的 JSON 文件/u) });
    expect(readRecordsFile('[]', framework, '2026-12-03T00:00:00.000Z')).toEqual({ ok: false, error: '文件中没有自评记录（列表为空）。' });
  });
});
