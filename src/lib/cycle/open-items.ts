// The open (not 已销号) ledger items of a framework by point, for the self-check to show beside
// its points. Loaded by the self-check after the form; nothing further loads when there are none.
import type { Framework } from '../../schemas/framework.ts';
import { isOverdue, todayUtc, type LedgerItem } from './ledger.ts';
import { loadLedger } from './ledger-store.ts';

/** An open item in one line: 整改中（已逾期）：问题；责任人 王老师，时限 2027-03-01. */
export function openItemText(item: LedgerItem, today: string): string {
  const who = [item.responsible ? `责任人 ${item.responsible}` : '', item.deadline ? `时限 ${item.deadline}` : ''].filter(Boolean).join('，');
  return `${item.status}${isOverdue(item, today) ? '（已逾期）' : ''}：${item.problem}${who ? `；${who}` : ''}`;
}

/** The lines of open items per point id; null when the ledger has none or cannot be read. */
export async function openItemsByPoint(framework: Pick<Framework, 'id' | 'version'>, today = todayUtc()): Promise<Record<string, string[]> | null> {
  const stored = await loadLedger(framework);
  if (!stored.ok) return null;
  const byPoint: Record<string, string[]> = {};
  for (const item of stored.items) if (item.status !== '已销号') (byPoint[item.pointId] ??= []).push(openItemText(item, today));
  return Object.keys(byPoint).length > 0 ? byPoint : null;
}
