// The page flow shared by the report, the blank form and the county summary: headings move
// with what follows, the table header repeats on every page, kept blocks stay together.
import { describe, expect, it } from 'vitest';
import { page, PageFlow, type Op } from '../../../src/lib/pdf/flow';
import { layoutTables } from '../../../src/lib/pdf/tables';

const measure = (text: string, size: number) => [...text].reduce((total, char) => total + ((char.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1), 0) * size * 0.3528;
const texts = (ops: Op[]) => ops.filter((op): op is Extract<Op, { kind: 'text' }> => op.kind === 'text').map((op) => op.text);

/** A flow filled to `room` mm above the bottom margin. */
function nearBottom(room: number): PageFlow {
  const flow = new PageFlow(measure);
  while (flow.y + 6 < page.bottom - room) flow.paragraph('正文一行。');
  flow.y = page.bottom - room;
  return flow;
}

describe('page flow', () => {
  it('moves a heading to the next page with the table that follows it', () => {
    const flow = nearBottom(14);
    flow.heading('二、逐项明细');
    flow.startTable([{ title: '要点', width: 80 }, { title: '值', width: 85 }]);
    flow.row(['第一行很长'.repeat(20), '1']);
    flow.endTable();
    const pages = flow.finish('页脚');
    expect(pages).toHaveLength(2);
    expect(texts(pages[0]!.ops)).not.toContain('二、逐项明细');
    expect(texts(pages[1]!.ops).slice(0, 3)).toEqual(['二、逐项明细', '要点', '值']);
  });

  it('repeats the header row on every page and never draws it twice', () => {
    const flow = new PageFlow(measure);
    flow.heading('表');
    flow.startTable([{ title: '学校', width: 80 }, { title: '结果', width: 85 }]);
    for (let index = 0; index < 120; index++) flow.row([`学校${index}`, '达标']);
    flow.endTable();
    const pages = flow.finish('页脚');
    expect(pages.length).toBeGreaterThan(2);
    for (const item of pages) expect(texts(item.ops).filter((text) => text === '学校')).toHaveLength(1);
  });

  it('keeps a group title with its first row and a block together when it fits', () => {
    const flow = nearBottom(9);
    flow.startTable([{ title: '要点', width: 80 }, { title: '值', width: 85 }]);
    flow.endTable();
    const second = nearBottom(20);
    second.startTable([{ title: '要点', width: 80 }, { title: '值', width: 85 }]);
    second.keepTogether(second.rowHeight(['指标'], { span: true }) + 3 * second.rowHeight(['a', 'b']));
    second.row(['指标'], { span: true });
    for (const cell of ['a', 'b', 'c']) second.row([cell, '1']);
    const pages = second.finish('');
    expect(texts(pages[1]!.ops)).toEqual(expect.arrayContaining(['指标', 'a', 'b', 'c']));
    expect(texts(pages[0]!.ops)).not.toContain('指标');
  });

  it('gives the county summary the same footer and repeated header', () => {
    const layout = layoutTables('汇总', [{ heading: '差异系数', table: { columns: [{ title: '指标', width: 1 }, { title: '值', width: 1 }], rows: Array.from({ length: 100 }, (_, index) => [`指标${index}`, '0.3']) } }], measure, { title: '', subject: '', author: '', keywords: '', creator: '' }, 'a.pdf', '页脚');
    expect(layout.pages.length).toBeGreaterThan(1);
    layout.pages.forEach((item, index) => {
      expect(texts(item.ops)).toContain(`第 ${index + 1} 页 / 共 ${layout.pages.length} 页`);
      expect(texts(item.ops)).toContain('指标');
    });
  });
});
