// The report rendered with jsPDF and the built font, read back with PDF.js: every indicator
// title, the school name, the band and a note with 《》“” and ≥ come out as real text.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { frameworkSchema } from '../../src/schemas/framework';
import { emptyAnswers } from '../../src/lib/framework/draft';
import { scoreFramework } from '../../src/lib/framework/score';
import { layoutReport } from '../../src/lib/pdf/layout';
import { createDocument, renderLayout } from '../../src/lib/pdf/render';
import { printable, unprintable } from '../../src/lib/pdf/text';
import { pdfText, readPdf } from '../support/pdf-text';
import { fontRanges, fontsFor, readManifest } from '../support/pdf-fonts';
import { siteConfig } from '../../src/site.config.mjs';

const ranges = fontRanges();
const framework = (id: string) => frameworkSchema.parse(parse(readFileSync(`content/frameworks/${id}.yaml`, 'utf8')));
const dir = mkdtempSync(join(tmpdir(), 'dudao-pdf-'));

let count = 0;
/** Render and save; the tests read the file back with PDF.js. */
function renderPdf(id: string, fill?: (file: ReturnType<typeof emptyAnswers>) => void): string {
  const fw = framework(id);
  const file = emptyAnswers(fw);
  fill?.(file);
  // As the browser does: the core font and the slices the user's text needs.
  const target = createDocument(fontsFor(JSON.stringify([file.subject, file.notes, file.rectification])));
  const layout = fill ? layoutReport(fw, target.measure, { file, result: scoreFramework(fw, file.answers, { stage: file.subject.stage }), today: '2026-11-22' }) : layoutReport(fw, target.measure);
  const path = join(dir, `${id}-${fill ? 'report' : 'blank'}-${++count}.pdf`);
  writeFileSync(path, Buffer.from(renderLayout(target, layout)));
  return path;
}
const squash = (text: string) => text.replace(/\s+/gu, '');

describe('PDF report text', () => {
  const note = '已按《办学条件标准》“逐项”核对，面积≥标准';
  const path = renderPdf('youzhi-junheng-xuexiao', (file) => {
    file.subject = { ...file.subject, name: '南岸区示范小学', stage: '小学', date: '2026-11-22', filledBy: '张三' };
    Object.assign(file.answers, { students: 1000, teachers_higher: 50, backbone: 12, pe_art: 10, teaching_rooms: 5000, sports: 8000, equipment_value: 2_500_000, multimedia_rooms: 20 });
    file.notes.teaching_rooms = note;
    file.rectification.r_multimedia = { responsible: '王老师', deadline: '2027-03-01', measure: '新建2间多媒体教室' };
  });

  it('carries the school name, every indicator title, the band and the note exactly', async () => {
    const flat = squash(await pdfText(path));
    expect(flat).toContain('南岸区示范小学');
    for (const indicator of framework('youzhi-junheng-xuexiao').dimensions.flatMap((dimension) => dimension.indicators)) expect(flat).toContain(squash(indicator.title));
    expect(flat).toContain('结果颜色：黄色');
    expect(flat).toContain(squash(note));
    expect(flat).toContain('第1页/共');
    expect(flat).toContain('王老师');
  });

  it('embeds the font and sets the metadata', async () => {
    const pdf = await readPdf(path);
    // One embedded CID-keyed TrueType font with Identity-H encoding (what pdffonts showed before).
    expect(pdf.fonts).toEqual([{ name: 'DudaoSans', type: 'CIDFontType2', embedded: true }]);
    expect(readFileSync(path, 'latin1')).toMatch(/\/Encoding\s*\/Identity-H/u);
    expect(pdf.info.Title).toBe('《县域义务教育优质均衡发展·学校资源配置》自评报告');
    expect(pdf.info.Author).toBe('南岸区示范小学');
    expect(pdf.info.Creator).toBe(`${siteConfig.name}（${siteConfig.url}）`);
    expect(pdf.info.Subject).toBe('县域义务教育优质均衡发展·学校资源配置 自评报告');
    expect(readFileSync(path, 'latin1')).toMatch(/\/Lang\s*\(zh-CN\)/u);
    for (const [width, height] of pdf.pageSizes) expect([width.toFixed(2), height.toFixed(2)]).toEqual(['595.28', '841.89']);
  });

  it('prints a blank form of every framework with all its indicator titles', async () => {
    for (const id of ['youzhi-junheng-xianji', 'zeren-duxue-jingchangxing']) {
      const blank = squash(await pdfText(renderPdf(id)));
      for (const indicator of framework(id).dimensions.flatMap((dimension) => dimension.indicators)) expect(blank).toContain(squash(indicator.title));
    }
  });

  it('prints rare name characters (GB18030 beyond GB2312, Extension A, full-width) from the supplementary slices', async () => {
    const name = '王喆㐴堃玥珺昇学校';
    const note = '联系人：李玥（ＡＢＣ１２３），陈珺、张堃';
    expect(unprintable(name + note, ranges)).toEqual([]);
    const path = renderPdf('youzhi-junheng-xuexiao', (file) => {
      file.subject = { ...file.subject, name, stage: '小学' };
      file.notes.students = note;
    });
    const pdf = await readPdf(path);
    expect(squash(pdf.text)).toContain(name);
    expect(squash(pdf.text)).toContain(squash(note));
    // The core and the slices for the rare characters, each embedded.
    expect(pdf.fonts.length).toBeGreaterThan(1);
    expect(pdf.fonts.every((font) => font.embedded && font.type === 'CIDFontType2')).toBe(true);
  });

  it('replaces what the font lacks with 〓 and names it, keeping the rest of the text', async () => {
    const odd = '王喆😀说：\t好\u00a0的𠮷';
    const missing = unprintable(odd, ranges);
    expect(missing).toContain('😀');
    expect(missing).toContain('𠮷');
    const out = await pdfText(
      renderPdf('youzhi-junheng-xuexiao', (file) => {
        file.subject = { ...file.subject, name: '测试小学', stage: '小学' };
        file.notes.students = printable(odd, ranges);
      }),
    );
    expect(squash(out)).toContain(squash(printable(odd, ranges)));
    expect(squash(out)).toContain('说：好的');
  });

  it('covers every character used in content/ (the build fails otherwise; this checks the shipped font)', () => {
    const files = readdirSync('content', { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && /\.(mdx|yaml)$/u.test(entry.name));
    const text = files.map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8')).join('');
    // In the core font: a typical report downloads nothing else.
    expect(unprintable(text.replace(/\s/gu, ''), readManifest().core.ranges)).toEqual([]);
    expect(readFileSync('dist/fonts/OFL.txt', 'utf8')).toContain('SIL OPEN FONT LICENSE');
  });
});
