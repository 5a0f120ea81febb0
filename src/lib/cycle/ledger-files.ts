// The ledger as files: CSV through the formula-safe writer, XLSX with write-excel-file, and either
// read back (CSV in GBK/UTF-8/UTF-16 as Excel saves it, or XLSX) through the one row checker.
// Loaded by the ledger page on click.
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import type { Framework } from '../../schemas/framework.ts';
import { decodeText, sniffFile } from '../county/decode.ts';
import { csvDocument } from '../csv/write.ts';
import { ledgerTable, parseLedgerTable, type LedgerItem } from './ledger.ts';

/** The ledger as a CSV document (UTF-8 with BOM, formulas neutralised). */
export function ledgerCsv(items: readonly LedgerItem[], framework: Framework): string {
  return csvDocument(ledgerTable(items, framework));
}

/** The ledger as an .xlsx workbook, every cell text, the header bold. */
export async function ledgerXlsx(items: readonly LedgerItem[], framework: Framework): Promise<Blob> {
  const [header, ...rows] = ledgerTable(items, framework);
  const data = [header!.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows.map((row) => row.map((value) => ({ value, type: String })))];
  return writeXlsxFile(data, { columns: [12, 24, 24, 30, 30, 10, 12, 8, 24, 12].map((width) => ({ width })), stickyRowsCount: 1, sheet: '整改台账' }).toBlob();
}

export type LedgerRead = { ok: true; items: LedgerItem[]; rejected: { row: number; reason: string }[] } | { ok: false; error: string };

/** Read a ledger file (.xlsx or .csv/.txt in any encoding Excel writes) into items and rejected rows. */
export async function readLedgerFile(name: string, buffer: ArrayBuffer, framework: Framework, newId: () => string): Promise<LedgerRead> {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (!['csv', 'txt', 'tsv', 'xlsx', 'xls'].includes(extension)) return { ok: false, error: '只支持 .xlsx 和 .csv 表格文件' };
  const bytes = new Uint8Array(buffer);
  const kind = sniffFile(bytes);
  if (kind === 'empty') return { ok: false, error: '文件为空' };
  if (kind === 'xls') return { ok: false, error: '这是旧版 Excel（.xls）文件：请在 Excel 中“另存为”.xlsx 或 CSV 后重新选择' };
  if (kind === 'xlsx') {
    try {
      return parseLedgerTable(await readSheet(buffer), framework, newId);
    } catch {
      return { ok: false, error: '无法读取这个 Excel 文件：文件可能已损坏或不是 .xlsx 格式，请在 Excel 中另存后重试' };
    }
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, error: decoded.message };
  const parsed = Papa.parse<string[]>(decoded.text, { skipEmptyLines: 'greedy' });
  if (parsed.errors.some((error) => error.code === 'MissingQuotes')) return { ok: false, error: '表格格式错误：引号不成对（某个单元格以引号开始但没有结束）' };
  return parseLedgerTable(parsed.data, framework, newId);
}
