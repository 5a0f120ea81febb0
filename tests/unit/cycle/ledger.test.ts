// The rectification ledger: items from a result, overdue by date text, filters and counts, one row
// checker with Chinese messages naming the column, and the file table read back.
import { describe, expect, it } from 'vitest';
import { blankItem, checkRow, filterItems, isDate, isOverdue, itemsFromResult, ledgerFileName, ledgerProgress, ledgerTable, parseLedgerTable, progressText, type LedgerFields, type LedgerItem } from '../../../src/lib/cycle/ledger';
import { scoreFramework } from '../../../src/lib/framework/score';
import { loadFramework } from '../framework/load';

const framework = loadFramework('youzhi-junheng-xuexiao');
const ids = () => {
  let next = 0;
  return () => `item-${++next}`;
};
const item = (overrides: Partial<LedgerItem>): LedgerItem => ({ ...blankItem('x', 'r_qualified', '不足'), ...overrides });
const fields = (overrides: Partial<LedgerFields>): LedgerFields => ({ pointId: 'r_qualified', problem: '学历不足', measure: '', responsible: '', deadline: '', status: '', evidence: '', closedOn: '', ...overrides });

describe('ledger items', () => {
  it('makes one item per unmet point, with its value and share of the threshold', () => {
    const result = scoreFramework(framework, { students: 1000, teachers_higher: 30, backbone: 10 }, { stage: '小学' });
    const items = itemsFromResult(framework, result, [], ids());
    expect(items).toEqual([
      { id: 'item-1', pointId: 'r_qualified', problem: '每百名学生拥有高于规定学历教师数 3.00 人/百生，为标准的 71%（未达标）', measure: '', responsible: '', deadline: '', status: '未启动', evidence: '', closedOn: '' },
    ]);
    // A point with an open item gets no second one; a closed item does not count.
    expect(itemsFromResult(framework, result, items, ids())).toEqual([]);
    expect(itemsFromResult(framework, result, [{ ...items[0]!, status: '已销号', closedOn: '2026-12-01' }], ids())).toHaveLength(1);
  });

  it('is overdue only when the deadline has passed and it is not closed', () => {
    expect(isOverdue(item({ deadline: '2026-12-02' }), '2026-12-03')).toBe(true);
    expect(isOverdue(item({ deadline: '2026-12-03' }), '2026-12-03')).toBe(false);
    expect(isOverdue(item({ deadline: '' }), '2026-12-03')).toBe(false);
    expect(isOverdue(item({ deadline: '2026-01-01', status: '已销号', closedOn: '2026-02-01' }), '2026-12-03')).toBe(false);
  });

  it('filters by status and counts progress', () => {
    const items = [item({ id: 'a', deadline: '2026-01-01' }), item({ id: 'b', status: '整改中' }), item({ id: 'c', status: '已销号', closedOn: '2026-11-01', deadline: '2026-01-01' }), item({ id: 'd', status: '整改中' })];
    expect(filterItems(items, '整改中', '2026-12-03').map((entry) => entry.id)).toEqual(['b', 'd']);
    expect(filterItems(items, 'overdue', '2026-12-03').map((entry) => entry.id)).toEqual(['a']);
    expect(filterItems(items, 'open', '2026-12-03').map((entry) => entry.id)).toEqual(['a', 'b', 'd']);
    expect(ledgerProgress(items, '2026-12-03')).toEqual({ total: 4, byStatus: { 未启动: 1, 整改中: 2, 待验收: 0, 已销号: 1 }, overdue: 1, closedPercent: 25 });
    expect(progressText(items, '2026-12-03')).toBe('共 4 项：未启动 1 项，整改中 2 项，待验收 0 项，已销号 1 项（销号 25%）；逾期 1 项。');
    expect(progressText([], '2026-12-03')).toBe('台账中还没有事项。');
  });
});

describe('the row checker', () => {
  it('accepts a good row, normalising typed dates and an empty status', () => {
    expect(checkRow(fields({ deadline: '2027/3/1', measure: ' 补充招聘 ' }), framework)).toEqual({
      ok: true,
      item: { pointId: 'r_qualified', problem: '学历不足', measure: '补充招聘', responsible: '', deadline: '2027-03-01', status: '未启动', evidence: '', closedOn: '' },
    });
  });

  it('names every problem by column', () => {
    const checked = checkRow(fields({ pointId: 'nope', problem: ' ', deadline: '2027-02-30', status: '完成', closedOn: '' }), framework);
    expect(checked).toEqual({
      ok: false,
      problems: [
        { column: '要点编号', message: '本指标体系没有编号为“nope”的要点' },
        { column: '问题描述', message: '请填写问题描述' },
        { column: '完成时限', message: '“2027-02-30”不是有效日期，请写成 2027-03-01' },
        { column: '状态', message: '“完成”不是有效状态，应为未启动、整改中、待验收、已销号之一' },
      ],
    });
    expect(checkRow(fields({ status: '已销号' }), framework)).toEqual({ ok: false, problems: [{ column: '销号日期', message: '已销号的事项请填写销号日期' }] });
    expect(checkRow(fields({ status: '整改中', closedOn: '2026-12-01' }), framework)).toEqual({ ok: false, problems: [{ column: '销号日期', message: '只有已销号的事项才有销号日期' }] });
    expect(checkRow(fields({ measure: '字'.repeat(2001) }), framework)).toEqual({ ok: false, problems: [{ column: '整改措施', message: '超过 2000 字，请删减' }] });
  });

  it('knows real calendar dates', () => {
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2027-02-29')).toBe(false);
    expect(isDate('2027-3-1')).toBe(false);
  });
});

describe('ledger files', () => {
  const items: LedgerItem[] = [
    { id: 'a', pointId: 'r_qualified', problem: '=学历不足', measure: '招聘', responsible: '王老师', deadline: '2027-03-01', status: '整改中', evidence: '招聘公告', closedOn: '' },
    { id: 'b', pointId: 'r_multimedia', problem: '多媒体教室不足', measure: '', responsible: '', deadline: '', status: '已销号', evidence: '', closedOn: '2026-11-30' },
  ];

  it('writes a header and one row per item, with the point and indicator titles', () => {
    expect(ledgerTable(items, framework)).toEqual([
      ['要点编号', '评估要点', '所属指标', '问题描述', '整改措施', '责任人', '完成时限', '状态', '佐证说明', '销号日期'],
      ['r_qualified', '每百名学生拥有高于规定学历教师数', '每百名学生拥有高于规定学历教师数', '=学历不足', '招聘', '王老师', '2027-03-01', '整改中', '招聘公告', ''],
      ['r_multimedia', '每百名学生拥有网络多媒体教室数', '每百名学生拥有网络多媒体教室数', '多媒体教室不足', '', '', '', '已销号', '', '2026-11-30'],
    ]);
  });

  it('reads its own table back, and takes off the apostrophe the CSV writer adds before a formula', () => {
    const rows = ledgerTable(items, framework).map((row, index) => (index === 1 ? row.map((cell, column) => (column === 3 ? `'${cell}` : cell)) : row));
    const parsed = parseLedgerTable(rows, framework, ids());
    expect(parsed).toEqual({ ok: true, items: items.map((entry, index) => ({ ...entry, id: `item-${index + 1}` })), rejected: [] });
  });

  it('lists every rejected row with its reason and keeps the others; reads spreadsheet dates', () => {
    const rows = [
      ['问题描述', '要点编号', '完成时限', '状态', '整改措施', '责任人', '佐证说明', '销号日期'],
      ['缺教师', 'r_qualified', new Date(Date.UTC(2027, 2, 1)), '整改中', '', '', '', ''],
      ['', 'r_qualified', '', '', '', '', '', ''],
      [null, null, null, null, null, null, null, null],
      ['缺教室', 'r_multimedia', '明年', '已完成', '', '', '', ''],
    ];
    const parsed = parseLedgerTable(rows, framework, ids());
    expect(parsed).toEqual({
      ok: true,
      items: [{ id: 'item-1', pointId: 'r_qualified', problem: '缺教师', measure: '', responsible: '', deadline: '2027-03-01', status: '整改中', evidence: '', closedOn: '' }],
      rejected: [
        { row: 3, reason: '第 3 行「问题描述」：请填写问题描述' },
        { row: 5, reason: '第 5 行「完成时限」：“明年”不是有效日期，请写成 2027-03-01；第 5 行「状态」：“已完成”不是有效状态，应为未启动、整改中、待验收、已销号之一' },
      ],
    });
  });

  it('refuses a table without the ledger columns', () => {
    expect(parseLedgerTable([['学校', '数量']], framework, ids())).toEqual({ ok: false, error: '找不到表头：第一行应为 要点编号、评估要点、所属指标、问题描述、整改措施、责任人、完成时限、状态、佐证说明、销号日期' });
    expect(parseLedgerTable([['问题描述', '要点编号']], framework, ids())).toEqual({ ok: false, error: '表头缺少以下列：整改措施、责任人、完成时限、状态、佐证说明、销号日期' });
  });

  it('names files by school, framework and date', () => {
    expect(ledgerFileName(framework, '南岸 小学', '2026-12-03', 'xlsx')).toBe('南岸_小学-优质均衡·学校资源配置-整改台账-2026-12-03.xlsx');
  });
});
