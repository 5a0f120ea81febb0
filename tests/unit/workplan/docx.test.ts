// .docx import: Word's automatic numbering (which mammoth drops) survives as text, so a section
// numbered 一、 and points numbered 1. 2. by Word keep their numbers and ids.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { formatWordNumber } from '../../../src/lib/workplan/docx';
import { importWorkplan } from '../../../src/lib/workplan/importer';
import { walkDivisions } from '../../../src/lib/workplan/text';

/** A Word document whose section and point numbers are all automatic (numbering.xml), none typed. */
async function autoNumberedDocx(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'plan',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: '2024年余杭区教育督导工作要点' }),
          new Paragraph({ text: '总体思路是：坚持督政、督学、评估监测并重。' }),
          new Paragraph({ text: '深化督导改革', numbering: { reference: 'plan', level: 0 } }),
          new Paragraph({ text: '完善督导机构。健全督导委员会。', numbering: { reference: 'plan', level: 1 } }),
          new Paragraph({ text: '落实“双减”督导。开展经常性督导。', numbering: { reference: 'plan', level: 1 } }),
          new Paragraph({ text: '加强队伍建设', numbering: { reference: 'plan', level: 0 } }),
          new Paragraph({ text: '配齐配强督学。选聘专兼职督学。', numbering: { reference: 'plan', level: 1 } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('importing a .docx', () => {
  it('keeps Word auto-numbers: sections 一、二、 and points 1. 2. restarting under each section', async () => {
    const result = await importWorkplan(await autoNumberedDocx(), { sourceName: 'plan.docx' });
    expect(result.format).toBe('docx');
    const outline = walkDivisions(result.doc.body.divisions).map(({ division }) => [division.id, division.number, division.heading]);
    expect(outline).toEqual([
      ['s1', '一、', '深化督导改革'],
      ['s1-p1', '1.', '完善督导机构。'],
      ['s1-p2', '2.', '落实“双减”督导。'],
      ['s2', '二、', '加强队伍建设'],
      ['s2-p1', '1.', '配齐配强督学。'],
    ]);
    expect(result.doc.body.preamble).toEqual([{ type: 'paragraph', text: '总体思路是：坚持督政、督学、评估监测并重。' }]);
  });

  it('formats Word number formats used in Chinese documents', () => {
    expect(formatWordNumber(12, 'chineseCounting')).toBe('十二');
    expect(formatWordNumber(21, 'chineseCountingThousand')).toBe('二十一');
    expect(formatWordNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatWordNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatWordNumber(4, 'lowerRoman')).toBe('iv');
  });

  it('refuses a zip that is not a Word document, naming the file', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    await expect(importWorkplan(bytes, { sourceName: 'fake.docx' })).rejects.toThrow(/^fake\.docx: 这不是 Word 文档：压缩包里没有 word\/document\.xml$/u);
  });
});

describe('a damaged .docx', () => {
  it.each([
    ['word/document.xml', (xml: string) => xml.replace('</w:body>', '')],
    ['word/numbering.xml', (xml: string) => xml.slice(0, xml.length / 2)],
  ])('with broken XML in %s gets one Chinese message naming the part', async (part, damage) => {
    const zip = await JSZip.loadAsync(await autoNumberedDocx());
    zip.file(part, damage(await zip.file(part)!.async('string')));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(importWorkplan(bytes, { sourceName: 'broken.docx' })).rejects.toThrow(
      new RegExp(`^broken\\.docx: 这个 \\.docx 文件已损坏：其中的 ${part.replace('.', '\\.')} 不是完整的 XML（第 \\d+ 行第 \\d+ 列附近）`, 'u'),
    );
  });

  it('that is not a whole ZIP archive gets a Chinese message', async () => {
    const bytes = (await autoNumberedDocx()).slice(0, 200);
    await expect(importWorkplan(bytes, { sourceName: 'cut.docx' })).rejects.toThrow(/^cut\.docx: 这个 \.docx 文件已损坏：无法按 ZIP 压缩包读取/u);
  });
});
