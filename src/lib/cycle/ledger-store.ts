// Where the ledger lives: IndexedDB in this browser (idb-keyval, store dudao-ledger/items), one
// list per framework id and version. Storage can fail (private mode, quota, a blocked database):
// every call says so in Chinese and never throws, so the page keeps what is on screen.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { Framework } from '../../schemas/framework.ts';
import { ledgerKey, ledgerStatuses, type LedgerItem } from './ledger.ts';

let store: UseStore | undefined;
const ledgerStore = () => (store ??= createStore('dudao-ledger', 'items'));

const textFields = ['id', 'pointId', 'problem', 'measure', 'responsible', 'deadline', 'evidence', 'closedOn'] as const;

/** Whether a stored value is a ledger item (storage is outside our control). */
function isItem(value: unknown): value is LedgerItem {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return textFields.every((field) => typeof record[field] === 'string') && (ledgerStatuses as readonly unknown[]).includes(record.status);
}

/** Why storage failed, in words a reader can act on. */
function storageMessage(error: unknown, doing: string): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return `${doing}失败：浏览器存储空间已满。页面上的台账没有丢失，请先导出 Excel 备份，再清理浏览器存储后重试。`;
  return `${doing}失败：浏览器不允许使用本机存储（可能是无痕模式或存储被禁用）。页面上的台账没有丢失，请导出 Excel 备份。`;
}

/** The stored ledger of a framework; items that are not ledger items are counted, not shown. */
export async function loadLedger(framework: Pick<Framework, 'id' | 'version'>): Promise<{ ok: true; items: LedgerItem[]; skipped: number } | { ok: false; message: string }> {
  try {
    const stored: unknown = await get(ledgerKey(framework), ledgerStore());
    if (stored === undefined) return { ok: true, items: [], skipped: 0 };
    if (!Array.isArray(stored)) return { ok: true, items: [], skipped: 1 };
    const items = stored.filter(isItem);
    return { ok: true, items, skipped: stored.length - items.length };
  } catch (error) {
    return { ok: false, message: storageMessage(error, '读取本机台账') };
  }
}

/** Save a framework's whole ledger. */
export async function saveLedger(framework: Pick<Framework, 'id' | 'version'>, items: readonly LedgerItem[]): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await set(ledgerKey(framework), items.map((item) => ({ ...item })), ledgerStore());
    return { ok: true };
  } catch (error) {
    return { ok: false, message: storageMessage(error, '保存台账') };
  }
}
