// Dispatch a dropped or picked file to its reader by extension: .json answers files, .csv and
// .xlsx spreadsheets in the county template. Several files are combined; each reports its own issues.
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import type { Framework } from '../../schemas/framework.ts';
import { parseAnswersJson, parseTable, type Loaded } from './load.ts';

/** Read one file (name + bytes) into school records and issues. */
export async function readSchoolFile(name: string, bytes: ArrayBuffer, framework: Framework): Promise<Loaded> {
  const extension = name.toLowerCase().split('.').pop();
  if (extension === 'json') return parseAnswersJson(new TextDecoder().decode(bytes), name, framework);
  if (extension === 'csv') {
    const text = new TextDecoder().decode(bytes);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
    const loaded = parseTable(parsed.data, name, framework);
    for (const error of parsed.errors) loaded.issues.push({ file: name, row: (error.row ?? 0) + 1, message: `CSV 格式错误：${error.message}` });
    return loaded;
  }
  if (extension === 'xlsx') {
    try {
      return parseTable(await readSheet(bytes), name, framework);
    } catch (error) {
      return { schools: [], issues: [{ file: name, message: `无法读取 Excel 文件：${(error as Error).message}` }] };
    }
  }
  return { schools: [], issues: [{ file: name, message: '只支持 .csv、.xlsx 表格和自评答卷 .json 文件' }] };
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
