// What goes on which page: title and cover on page 1, a repeated table header after every page
// break, the rectification list with its people and dates, signature lines last, page footers.
import { describe, expect, it } from 'vitest';
import { emptyAnswers } from '../../../src/lib/framework/draft';
import { scoreFramework } from '../../../src/lib/framework/score';
import { bandLine, layoutReport, page, type Op } from '../../../src/lib/pdf/layout';
import { siteConfig } from '../../../src/site.config.mjs';
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
    expect(layout.metadata).toMatchObject({ author: '某某区', creator: `${siteConfig.name}（${siteConfig.url}）` });
  });

  it('names the file with the characters as typed (the pages may print 〓)', () => {
    const named = layoutReport(framework, measure, { file, result, today: '2026-11-22' }, '王喆 㐴村/区');
    expect(named.fileName).toBe('王喆 㐴村_区-优质均衡·县级-自查报告-2026-11-22.pdf');
  });
});

/** Every framework, filled with passing and failing answers, as a report and as a blank form. */
function everyLayout() {
  const ids = ['youzhi-junheng-xianji', 'youzhi-junheng-xuexiao', 'zeren-duxue-jingchangxing', 'xueqian-puji-puhui', 'gaozhong-banxue-zhiliang', 'nanan-lide-shuren', 'nanan-yiwu-xuexiao', 'qijiang-kaixue-zhuanxiang'];
  return ids.flatMap((id) => {
    const fw = loadFramework(id);
    const answers = emptyAnswers(fw);
    answers.subject.name = '测试学校';
    answers.subject.stage = fw.stages[0]!;
    for (const indicator of fw.dimensions.flatMap((dimension) => dimension.indicators)) {
      for (const point of indicator.points) {
        if (point.input.kind === 'number' || point.input.kind === 'integer') answers.answers[point.id] = 7;
        if (point.input.kind === 'yesno') answers.answers[point.id] = false;
        answers.notes[point.id] = '已核对台账，材料见附件。'.repeat(id.length % 3);
      }
    }
    const scored = scoreFramework(fw, answers.answers, { stage: answers.subject.stage });
    return [
      { id, framework: fw, result: scored, layout: layoutReport(fw, measure, { file: answers, result: scored, today: '2026-11-22' }) },
      { id: `${id} blank`, framework: fw, result: undefined, layout: layoutReport(fw, measure) },
    ];
  });
}

describe('a report that reads like a filed document', () => {
  const layouts = everyLayout();
  const body = (ops: Op[]) => ops.filter((op): op is Extract<Op, { kind: 'text' }> => op.kind === 'text' && op.role !== 'footer');

  it('never ends a page with a heading', () => {
    for (const { id, layout } of layouts) {
      layout.pages.slice(0, -1).forEach((item, index) => {
        const last = body(item.ops).sort((a, b) => a.y - b.y).at(-1);
        expect(last?.role, `${id}, page ${index + 1}: ${last?.text}`).not.toBe('heading');
      });
    }
  });

  it('wraps chart labels instead of cutting them', () => {
    const { layout, framework } = layouts.find((item) => item.id === 'youzhi-junheng-xuexiao')!;
    const all = layout.pages.flatMap((item) => texts(item.ops));
    expect(all.some((text) => text.includes('…'))).toBe(false);
    const label = '每百名学生拥有体育、艺术（美术、音乐）专任教师数';
    expect(framework.dimensions.flatMap((dimension) => dimension.indicators).some((indicator) => indicator.points.some((point) => point.title === label))).toBe(true);
    // The chart sits before the detail table; its label lines, joined, give the whole label.
    const chart = all.slice(0, all.indexOf('二、逐项明细'));
    const start = chart.findIndex((text) => text.length >= 4 && label.startsWith(text) && text.length < label.length);
    expect(start).toBeGreaterThan(0);
    expect(chart[start]! + chart[start + 1]!).toBe(label);
  });

  it("keeps an indicator's rows (title, inputs, derived values) on one page when they fit", () => {
    const { layout, framework } = layouts.find((item) => item.id === 'youzhi-junheng-xuexiao')!;
    // In the detail table, a point's row starts with (the first line of) its title in the first column.
    const table = layout.pages.findIndex((item) => texts(item.ops).includes('二、逐项明细'));
    const pageOf = (title: string) =>
      layout.pages.findIndex((item, index) => index >= table && item.ops.some((op) => op.kind === 'text' && op.x === page.left + 1.5 && op.text.length >= 4 && title.startsWith(op.text)));
    for (const indicator of framework.dimensions.flatMap((dimension) => dimension.indicators)) {
      const pages = new Set(indicator.points.map((point) => pageOf(point.title)));
      expect(pages.size, indicator.title).toBe(1);
    }
  });

  it('says the band colour once', () => {
    expect(bandLine('yellow', '黄')).toBe('黄色');
    expect(bandLine('green', '优秀')).toBe('绿色（优秀）');
    for (const { layout } of layouts) for (const text of layout.pages.flatMap((item) => texts(item.ops))) expect(text).not.toMatch(/(绿色（绿）|黄色（黄）|红色（红）)/u);
  });
});

describe('report narrative and ledger', () => {
  const framework = loadFramework('youzhi-junheng-xuexiao');
  const file = emptyAnswers(framework);
  file.subject = { ...file.subject, name: '示范小学', stage: '小学' };
  file.answers = { students: 1000, teachers_higher: 30 };
  file.narrative = { basics: '本校现有学生一千人。\n\n教师八十人。', problems: '高学历教师不足。' };
  const result = scoreFramework(framework, file.answers, { stage: '小学' });
  const ledger = [{ id: 'a', pointId: 'r_qualified', problem: '学历不足', measure: '招聘', responsible: '王老师', deadline: '2026-12-01', status: '整改中' as const, evidence: '', closedOn: '' }];
  const all = layoutReport(framework, measure, { file, result, today: '2026-12-03', ledger }).pages.flatMap((item) => texts(item.ops));

  it('prints the narrative sections first, in order, with indented paragraphs, then the numbered parts and the ledger', () => {
    const headings = all.filter((text) => /^[一二三四五六七八九十]+、/u.test(text));
    expect(headings).toEqual(['一、基本情况', '二、存在问题', '三、自评结果', '四、逐项明细', '五、整改清单', '六、整改台账']);
    expect(all).toContain('\u3000\u3000本校现有学生一千人。');
    expect(all).toContain('\u3000\u3000教师八十人。');
    expect(all).toContain('整改中（已逾期）');
  });
});

