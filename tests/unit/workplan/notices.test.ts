// Plans published inside a cover notice (印发通知) whose title is wrapped over lines: after the
// issuing body, after 关于 or 印发, before 的通知; with a red-headed masthead, a 文号 and a
// (此件公开发布) line or without. The kind comes from the plan's title or the name the notice
// publishes, with no --kind, and every character of the source is kept.
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { importWorkplan } from '../../../src/lib/workplan/importer';
import { stripWhitespace } from '../../../src/lib/workplan/spacing';
import { documentText } from '../../../src/lib/workplan/text';

const dir = 'tests/fixtures/workplan/notices';

const cases: {
  file: string;
  kind: string;
  title: string;
  notice: string;
  issuers: string[];
  documentNumber?: string;
  publication?: string;
  district: string;
}[] = [
  {
    file: 'masthead-two-line-title.txt',
    kind: '实施方案',
    title: '南岸区义务教育优质均衡发展督导评估实施方案',
    notice: '重庆市南岸区人民政府教育督导室关于印发《南岸区义务教育优质均衡发展督导评估实施方案》的通知',
    issuers: ['重庆市南岸区人民政府教育督导室'],
    documentNumber: '渝南教督〔2021〕3号',
    publication: '（此件公开发布）',
    district: '南岸区',
  },
  {
    file: 'split-after-guanyu.txt',
    kind: '工作要点',
    title: '2024年綦江区教育督导工作要点',
    notice: '重庆市綦江区教育委员会关于印发《2024年綦江区教育督导工作要点》的通知',
    issuers: ['重庆市綦江区教育委员会'],
    documentNumber: '綦江教委〔2024〕12号',
    publication: '（此件公开发布）',
    district: '綦江区',
  },
  {
    file: 'split-after-yinfa.txt',
    kind: '实施方案',
    title: '涪陵区中小学校责任督学挂牌督导实施方案（试行）',
    notice: '重庆市涪陵区人民政府教育督导室关于印发《涪陵区中小学校责任督学挂牌督导实施方案（试行）》的通知',
    issuers: ['重庆市涪陵区人民政府教育督导室'],
    publication: '(此件公开发布)',
    district: '涪陵区',
  },
  {
    file: 'split-before-de-tongzhi.txt',
    kind: '工作要点',
    title: '2025年南岸区教育督导工作要点',
    notice: '重庆市南岸区教育委员会关于印发《2025年南岸区教育督导工作要点》的通知',
    issuers: ['重庆市南岸区教育委员会'],
    documentNumber: '渝南教委发〔2025〕8号',
    publication: '（此件公开发布）',
    district: '南岸区',
  },
  {
    file: 'three-line-title.txt',
    kind: '工作要点',
    title: '2022年闵行区教育督导工作要点',
    // The issuing body alone on the first line is read as the banner, as in the seeds.
    notice: '关于印发《2022年闵行区教育督导工作要点》的通知',
    issuers: ['上海市闵行区人民政府教育督导室'],
    district: '闵行区',
  },
];

describe('a plan inside a cover notice with a wrapped title', () => {
  it.each(cases)('$file: kind, title, notice and every character', async (expected) => {
    const bytes = readFileSync(`${dir}/${expected.file}`);
    const { doc } = await importWorkplan(bytes, { sourceName: expected.file });
    const { frontmatter, body } = doc;
    expect(frontmatter.kind).toBe(expected.kind);
    expect(frontmatter.title).toBe(expected.title);
    expect(frontmatter.region.district).toBe(expected.district);
    expect(frontmatter.issuers).toEqual(expected.issuers);
    expect(frontmatter.documentNumber).toBe(expected.documentNumber);
    expect(body.notice?.title).toBe(expected.notice);
    expect(body.notice?.publication).toBe(expected.publication);
    expect(body.notice?.paragraphs).toHaveLength(1);
    expect(body.divisions.length).toBeGreaterThanOrEqual(2);
    // No character lost, none added, in source order.
    expect(stripWhitespace(documentText(body).join(''))).toBe(stripWhitespace(bytes.toString('utf8')));
  });
});

describe('a plan without a cover notice', () => {
  it('is not mistaken for one when its first point cites a notice', async () => {
    const text = '2024年余杭区教育督导工作要点\n一、认真落实关于印发督导办法的通知\n1.开展评价。\n2.加强督导。\n';
    const { doc } = await importWorkplan(new TextEncoder().encode(text), { sourceName: 'plain.txt' });
    expect(doc.body.notice).toBeUndefined();
    expect(doc.frontmatter.title).toBe('2024年余杭区教育督导工作要点');
    expect(doc.body.divisions[0]!.heading).toBe('认真落实关于印发督导办法的通知');
  });
});

describe('the same notice as .txt and as .docx', () => {
  it.each(cases.map((c) => c.file))('%s reads the same from a Word file with one paragraph per line', async (file) => {
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    const paragraphs = text.split('\n').filter((line) => line.trim() !== '').map((line) => new Paragraph({ text: line.trim() }));
    const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
    const fromDocx = await importWorkplan(docx, { sourceName: file });
    const fromTxt = await importWorkplan(new TextEncoder().encode(text), { sourceName: file });
    expect(fromDocx.doc.body).toEqual(fromTxt.doc.body);
    expect(fromDocx.doc.frontmatter.kind).toBe(fromTxt.doc.frontmatter.kind);
  });
});
