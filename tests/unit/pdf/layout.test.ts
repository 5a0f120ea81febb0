// What goes on which page: title and cover on page 1, a repeated table header after every page
// break, the rectification list with its people and dates, signature lines last, page footers.
import { describe, expect, it } from 'vitest';
import { emptyAnswers } from '../../../src/lib/framework/draft';
import { scoreFramework } from '../../../src/lib/framework/score';
import { layoutReport, page, type Op } from '../../../src/lib/pdf/layout';
import { loadFramework } from '../framework/load';

/** Full width for CJK, half width for ASCII, in mm at `size` points. */
const measure = (text: string, size: number) => [...text].reduce((total, char) => total + ((char.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1), 0) * size * 0.3528;
const texts = (ops: Op[]) => ops.filter((op): op is Extract<Op, { kind: 'text' }> => op.kind === 'text').map((op) => op.text);

describe('report layout', () => {
  const framework = loadFramework('youzhi-junheng-xianji');
  const file = emptyAnswers(framework);
  file.subject.name = '某某区';
  Object.assign(file.answers, { g01_ok: true, g09_rate: 90, v_exam: false });
  file.rectification.g09_rate = { responsible: '李四', deadline: '2027-06-30', measure: '' };
  const result = scoreFramework(framework, file.answers);
  const layout = layoutReport(framework, measure, { file, result, today: '2026-11-22' });

  it('puts the title and the cover block first', () => {
    const first = texts(layout.pages[0]!.ops);
    expect(first[0]).toBe('《县域义务教育优质均衡发展·县级督导评估》自查报告');
    expect(first).toContain('某某区');
  });

  it('repeats the table header on every page after the table starts', () => {
    expect(layout.pages.length).toBeGreaterThan(2);
    for (const item of layout.pages.slice(2, -1)) expect(texts(item.ops)).toContain('评估要点');
  });

  it('keeps everything inside the A4 margins and numbers the pages', () => {
    layout.pages.forEach((item, index) => {
      const footer = 285;
      for (const op of item.ops) if (op.kind === 'text' && op.y !== footer) expect(op.y).toBeLessThanOrEqual(page.bottom + 1);
      expect(texts(item.ops)).toContain(`第 ${index + 1} 页 / 共 ${layout.pages.length} 页`);
    });
  });

  it('lists unmet points with responsible person and deadline, then the signature lines', () => {
    const all = layout.pages.flatMap((item) => texts(item.ops));
    const rectification = all.indexOf('三、整改清单');
    expect(rectification).toBeGreaterThan(0);
    expect(all.slice(rectification)).toContain('李四');
    expect(all.slice(rectification)).toContain('2027-06-30');
    expect(all.slice(-5, -2)).toEqual(['负责人签字：', '单位盖章：', '日期：        年      月      日']);
  });

  it('names the file and fills the metadata', () => {
    expect(layout.fileName).toBe('某某区-优质均衡·县级-自查报告-2026-11-22.pdf');
    expect(layout.metadata).toMatchObject({ author: '某某区', creator: '督导通（dudao）' });
  });
});
