// Dispatch a dropped or picked file to its reader by its bytes (and its name where the bytes cannot
// tell): exported answers files (.json), spreadsheets in the county template (.csv in any encoding
// Excel writes, .txt/.tsv "Unicode 文本", .xlsx). Several files are combined; each reports its own issues,
// always in Chinese.
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import type { Framework } from '../../schemas/framework.ts';
import { decodeText, sniffFile } from './decode.ts';
import { parseAnswersJson, parseTable, type Loaded } from './load.ts';

const accepted = ['csv', 'txt', 'tsv', 'xlsx', 'xls', 'json'];

const papaMessages: Record<string, string> = {
  MissingQuotes: '引号不成对（某个单元格以引号开始但没有结束）',
  InvalidQuotes: '引号位置不对',
};

/** Read one file (name + bytes) into school records and issues. */
export async function readSchoolFile(name: string, buffer: ArrayBuffer, framework: Framework): Promise<Loaded> {
  const failed = (message: string): Loaded => ({ schools: [], issues: [{ file: name, message }] });
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (!accepted.includes(extension)) return failed('只支持 .csv、.xlsx 表格和自评答卷 .json 文件');
  const bytes = new Uint8Array(buffer);
  const kind = sniffFile(bytes);
  if (kind === 'empty') return failed('文件为空');
  if (kind === 'xls') return failed('这是旧版 Excel（.xls）文件：请在 Excel 中“另存为”.xlsx 或 CSV 后重新选择');
  if (kind === 'xlsx') {
    try {
      return parseTable(await readSheet(buffer), name, framework);
    } catch {
      return failed('无法读取这个 Excel 文件：文件可能已损坏或不是 .xlsx 格式，请在 Excel 中另存后重试');
    }
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return failed(decoded.message);
  if (extension === 'json' || /^\s*\{/u.test(decoded.text)) return parseAnswersJson(decoded.text, name, framework);
  const parsed = Papa.parse<string[]>(decoded.text, { skipEmptyLines: 'greedy' });
  const loaded = parseTable(parsed.data, name, framework);
  for (const error of parsed.errors) {
    const message = papaMessages[error.code];
    if (message) loaded.issues.push({ file: name, ...(error.row !== undefined ? { row: error.row + 1 } : {}), message: `表格格式错误：${message}` });
  }
  return loaded;
}

/** Read many files and combine them. */
export async function readSchoolFiles(files: { name: string; bytes: ArrayBuffer }[], framework: Framework): Promise<Loaded> {
  const all: Loaded = { schools: [], issues: [] };
  for (const file of files) {
    const loaded = await readSchoolFile(file.name, file.bytes, framework);
    all.schools.push(...loaded.schools);
    all.issues.push(...loaded.issues);
  }
  return all;
}
