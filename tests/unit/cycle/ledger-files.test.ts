// Ledger files: XLSX and CSV written and read back to the same items, a GBK CSV from Excel read,
// and refused files told in Chinese.
import { describe, expect, it } from 'vitest';
import { ledgerCsv, ledgerXlsx, readLedgerFile } from '../../../src/lib/cycle/ledger-files';
import type { LedgerItem } from '../../../src/lib/cycle/ledger';
import { loadFramework } from '../framework/load';

const framework = loadFramework('youzhi-junheng-xuexiao');
const ids = () => {
  let next = 0;
  return () => `item-${++next}`;
};
const items: LedgerItem[] = [
  { id: 'item-1', pointId: 'r_qualified', problem: '=高学历教师不足', measure: '公开招聘\n分两批', responsible: '王老师', deadline: '2027-03-01', status: '整改中', evidence: '招聘公告', closedOn: '' },
  { id: 'item-2', pointId: 'r_multimedia', problem: '教室设备老化', measure: '', responsible: '', deadline: '', status: '已销号', evidence: '', closedOn: '2026-11-30' },
];
const buffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('ledger files', () => {
  it('round-trips through XLSX', async () => {
    const blob = await ledgerXlsx(items, framework);
    expect(await readLedgerFile('台账.xlsx', await blob.arrayBuffer(), framework, ids())).toEqual({ ok: true, items, rejected: [] });
  });

  it('round-trips through CSV with the formula neutralised in the file', async () => {
    const csv = ledgerCsv(items, framework);
    expect(csv).toContain(",'=高学历教师不足,");
    expect(await readLedgerFile('台账.csv', buffer(new TextEncoder().encode(csv)), framework, ids())).toEqual({ ok: true, items, rejected: [] });
  });

  it('reads a CSV Excel saved in GBK, listing the rejected row', async () => {
    // 问题描述,要点编号,整改措施,责任人,完成时限,状态,佐证说明,销号日期 / 缺教师,r_qualified,,,2027/3/1,整改中,, / 缺教室,r_multimedia,,,,完成,,
    const gbk = Uint8Array.from(Buffer.from('cecacce2c3e8caf62cd2aab5e3b1e0bac52cd5fbb8c4b4ebcaa92cd4f0c8cec8cb2ccdeab3c9cab1cfde2cd7b4ccac2cd7f4d6a4cbb5c3f72ccffabac5c8d5c6da0d0ac8b1bdcccaa62c725f7175616c69666965642c2c2c323032372f332f312cd5fbb8c4d6d02c2c0d0ac8b1bdcccad22c725f6d756c74696d656469612c2c2c2ccdeab3c92c2c0d0a', 'hex'));
    expect(await readLedgerFile('台账.csv', buffer(gbk), framework, ids())).toEqual({
      ok: true,
      items: [{ id: 'item-1', pointId: 'r_qualified', problem: '缺教师', measure: '', responsible: '', deadline: '2027-03-01', status: '整改中', evidence: '', closedOn: '' }],
      rejected: [{ row: 3, reason: '第 3 行「状态」：“完成”不是有效状态，应为未启动、整改中、待验收、已销号之一' }],
    });
  });

  it('refuses files it cannot read, in Chinese', async () => {
    expect(await readLedgerFile('台账.pdf', new ArrayBuffer(4), framework, ids())).toEqual({ ok: false, error: '只支持 .xlsx 和 .csv 表格文件' });
    expect(await readLedgerFile('台账.csv', new ArrayBuffer(0), framework, ids())).toEqual({ ok: false, error: '文件为空' });
    expect(await readLedgerFile('台账.xlsx', buffer(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), framework, ids())).toEqual({ ok: false, error: '无法读取这个 Excel 文件：文件可能已损坏或不是 .xlsx 格式，请在 Excel 中另存后重试' });
  });
});
