// The Word report: opened with mammoth, it holds the cover facts, the narrative in order, every
// indicator and value, and every ledger row; the XML names the 公文 fonts and the two-character indent.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { emptyAnswers } from '../../../src/lib/framework/draft';
import { allPoints, scoreFramework } from '../../../src/lib/framework/score';
import { buildReportDocx } from '../../../src/lib/report/docx';
import { loadFramework } from '../framework/load';

const framework = loadFramework('youzhi-junheng-xuexiao');
const file = emptyAnswers(framework);
file.subject = { ...file.subject, name: '南岸区示范小学', stage: '小学', date: '2026-12-03' };
file.answers = { students: 1000, teachers_higher: 30, backbone: 10, pe_art: 12, teaching_rooms: 5000, sports: 9000, equipment_value: 2500000, multimedia_rooms: 25 };
file.narrative = { basics: '本校现有学生一千人。\n教师八十人。', practice: '加强师资建设。', problems: '高学历教师不足。', measures: '补充招聘教师。' };
const result = scoreFramework(framework, file.answers, { stage: '小学' });
const ledger = [
  { id: 'a', pointId: 'r_qualified', problem: '高学历教师不足', measure: '公开招聘', responsible: '王老师', deadline: '2026-11-30', status: '整改中' as const, evidence: '招聘公告', closedOn: '' },
  { id: 'b', pointId: 'r_multimedia', problem: '教室设备老化', measure: '更新设备', responsible: '李老师', deadline: '2027-03-01', status: '已销号' as const, evidence: '验收单', closedOn: '2026-12-01' },
];

describe('Word report', async () => {
  const { bytes, fileName } = await buildReportDocx({ framework, file, result, today: '2026-12-03', ledger });
  const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);

  it('is named after the school, the framework and the date', () => {
    expect(fileName).toBe('南岸区示范小学-优质均衡·学校资源配置-自评报告-2026-12-03.docx');
  });

  it('starts with the title and the cover facts', () => {
    expect(lines[0]).toBe('《县域义务教育优质均衡发展·学校资源配置》自评报告');
    expect(lines).toContain('学校名称：南岸区示范小学');
    expect(lines).toContain('自评日期：2026-12-03');
    expect(lines.some((line) => line.startsWith('结果：'))).toBe(true);
  });

  it('prints the narrative sections as numbered headings in order, each paragraph on its own', () => {
    const headings = lines.filter((line) => /^[一二三四五六七八九十]+、/u.test(line));
    expect(headings).toEqual(['一、基本情况', '二、主要做法与成效', '三、存在问题', '四、整改措施', '五、自评结果', '六、逐项明细', '七、整改清单', '八、整改台账']);
    expect(lines.indexOf('本校现有学生一千人。')).toBe(lines.indexOf('一、基本情况') + 1);
    expect(lines.indexOf('教师八十人。')).toBe(lines.indexOf('一、基本情况') + 2);
    for (const body of ['加强师资建设。', '高学历教师不足。', '补充招聘教师。']) expect(lines).toContain(body);
  });

  it('lists every point with its value', () => {
    for (const { point } of allPoints(framework)) expect(lines, point.title).toContain(point.title);
    for (const value of ['1000 人', '30 人', '3.00 人/百生', '2500000 元', '2.50 间/百生']) expect(lines.some((line) => line.startsWith(value)), value).toBe(true);
    expect(lines).toContain('（一）基本情况');
  });

  it('has every ledger row, an overdue item marked in words', () => {
    for (const cell of ['高学历教师不足', '公开招聘', '王老师', '2026-11-30', '整改中（已逾期）', '招聘公告', '教室设备老化', '更新设备', '李老师', '已销号', '验收单', '2026-12-01']) expect(lines, cell).toContain(cell);
  });

  it('names the 公文 fonts in the eastAsia slot and indents body paragraphs by two characters', async () => {
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:firstLineChars="200"');
    expect(xml).toMatch(/<w:jc w:val="center"\/>/u);
  });
});
