// The five seed documents: each is parsed into the structure a reader sees, keeps every word,
// and the committed MDX under content/workplans/ is what the importer produces today.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkplan } from '../../../src/lib/workplan/importer';
import { checkLossless } from '../../../src/lib/workplan/lossless';
import { readWorkplanMdx } from '../../../src/lib/workplan/mdx';
import { parseWorkplan } from '../../../src/lib/workplan/parse';
import { walkDivisions } from '../../../src/lib/workplan/text';
import type { WorkplanDocument } from '../../../src/schemas/workplan';

const sourcesDir = 'content/sources';
const workplansDir = 'content/workplans';
const sources = readdirSync(sourcesDir).filter((name) => /\.(txt|docx)$/u.test(name)).sort();

function parseSeed(prefix: string) {
  const name = sources.find((file) => file.startsWith(prefix))!;
  const text = readFileSync(join(sourcesDir, name), 'utf8');
  return { text, ...parseWorkplan(text, { sourceName: name }) };
}

/** [id, number, heading] of every division, depth first. */
function outline(doc: WorkplanDocument): [string, string, string][] {
  return walkDivisions(doc.body.divisions).map(({ division }) => [division.id, division.number, division.heading]);
}

describe('every seed', () => {
  it('has five sources to import', () => {
    expect(sources).toHaveLength(5);
  });

  it.each(sources)('%s keeps every non-whitespace character except what it reports', (name) => {
    const text = readFileSync(join(sourcesDir, name), 'utf8');
    const { doc, removed } = parseWorkplan(text, { sourceName: name });
    expect(checkLossless(text, doc.body, removed)).toEqual({ ok: true });
  });

  it.each(sources)('%s: the committed MDX is up to date with the importer', async (name) => {
    const result = await importWorkplan(readFileSync(join(sourcesDir, name)), { sourceName: name });
    const committed = readFileSync(join(workplansDir, `${result.slug}.mdx`), 'utf8');
    expect(committed).toBe(result.mdx);
    expect(readWorkplanMdx(committed, result.slug)).toEqual(result.doc);
  });

  it('every committed work plan comes from a source in content/sources', () => {
    const committed = readdirSync(workplansDir).filter((name) => name.endsWith('.mdx'));
    const files = committed.map((name) => readWorkplanMdx(readFileSync(join(workplansDir, name), 'utf8'), name).frontmatter.source.file);
    expect(files.sort()).toEqual(sources);
  });
});

describe('000 南岸区 2025 工作要点 (cover notice, numbering across sections)', () => {
  const { doc, removed } = parseSeed('000_');

  it('reads the cover notice: recipients, body, two signing bodies and the date', () => {
    expect(doc.body.notice).toEqual({
      recipients: '各中小学、幼儿园，教师进修学院：',
      paragraphs: ['现将《2025年南岸区教育督导工作要点》印发给你们，请各单位结合实际，抓好落实。'],
      attachments: [],
      signature: ['重庆市南岸区教育委员会', '重庆市南岸区人民政府教育督导室'],
      date: '2025年4月27日',
    });
  });

  it('fills the frontmatter from the notice and the gazetteer', () => {
    expect(doc.frontmatter).toMatchObject({
      title: '2025年南岸区教育督导工作要点',
      kind: '工作要点',
      region: { province: '重庆市', district: '南岸区' },
      year: 2025,
      issuers: ['重庆市南岸区教育委员会', '重庆市南岸区人民政府教育督导室'],
      date: new Date('2025-04-27'),
      recipients: ['各中小学', '幼儿园', '教师进修学院'],
      cc: [],
    });
  });

  it('has six sections and points 1–18 numbered across them, ids from the numbering', () => {
    const sections = doc.body.divisions;
    expect(sections.map((s) => s.number)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    const points = sections.flatMap((s) => s.children);
    expect(points.map((p) => p.number)).toEqual(Array.from({ length: 18 }, (_, i) => `${i + 1}.`));
    expect(outline(doc).slice(0, 4)).toEqual([
      ['s1', '一、', '建立义务教育优质均衡发展长效机制'],
      ['s1-p1', '1.', '巩固创建成果，完善推进机制。'],
      ['s1-p2', '2.', '强化结果运用，提升教育质量。'],
      ['s2', '二、', '深化教育督导体制机制改革'],
    ]);
    expect(points[2]!.id).toBe('s2-p3');
  });

  it('splits 一是…二是…三是… into a list inside point 5', () => {
    const point = doc.body.divisions[1]!.children.find((p) => p.number === '5.')!;
    const list = point.blocks.find((block) => block.type === 'list');
    expect(list?.type === 'list' && list.items.map((item) => item.marker)).toEqual(['一是', '二是', '三是']);
    expect(list?.type === 'list' && list.items[1]!.text).toMatch(/^黄色预警，/u);
  });

  it('removes the three Word bookmarks and reports them', () => {
    expect(removed.map((a) => [a.kind, a.line, a.text])).toEqual([
      ['bookmark', 31, '[bookmark: OLE_LINK1]'],
      ['bookmark', 32, '[bookmark: OLE_LINK24]'],
      ['bookmark', 32, '[bookmark: OLE_LINK23]'],
    ]);
    const point8 = walkDivisions(doc.body.divisions).find(({ division }) => division.id === 's3-p8')!.division;
    expect(point8.heading).toBe('建好“1+8”“枫”彩南岸平台。');
  });
});

describe('001 綦江区 2026 工作要点 (no notice, numbering restarts, page breaks)', () => {
  const { doc, removed, warnings } = parseSeed('001_');

  it('takes the first line as the title, with Chinese spacing', () => {
    expect(doc.body.notice).toBeUndefined();
    expect(doc.frontmatter.title).toBe('綦江区2026年教育督导工作要点');
    expect(doc.frontmatter.region).toEqual({ province: '重庆市', district: '綦江区' });
    expect(doc.frontmatter.issuers).toEqual([]);
    expect(doc.frontmatter.date).toBeUndefined();
    expect(warnings.join('\n')).toMatch(/没有写发文机关/u);
  });

  it('restarts point numbers in each section and still gives unique ids', () => {
    expect(doc.body.divisions.map((s) => s.children.map((p) => p.id))).toEqual([
      ['s1-p1', 's1-p2', 's1-p3'],
      ['s2-p1', 's2-p2', 's2-p3', 's2-p4', 's2-p5', 's2-p6'],
      ['s3-p1', 's3-p2', 's3-p3'],
      ['s4-p1', 's4-p2', 's4-p3'],
    ]);
    expect(warnings.join('\n')).not.toMatch(/编号跳号/u);
  });

  it('joins the words split across page breaks (导|向, 开|展, 四个|100%)', () => {
    expect(removed.filter((a) => a.kind === 'joined-lines').map((a) => a.line)).toEqual([13, 31, 49]);
    const text = JSON.stringify(doc.body);
    expect(text).toContain('鲜明导向。坚持');
    expect(text).toContain('全覆盖开展自查自纠');
    expect(text).toContain('“四个100%”、“双减”');
  });
});

describe('002 涪陵区 2023 工作要点 (notice with 附注, printing footer)', () => {
  const { doc } = parseSeed('002_');

  it('reads banner, notice title, publication note and the 印发 line', () => {
    expect(doc.body.masthead).toEqual({ issuers: ['重庆市涪陵区人民政府教育督导室'] });
    expect(doc.body.notice?.title).toBe('关于印发2023年涪陵区教育督导工作要点的通知');
    expect(doc.body.notice?.publication).toBe('（此件公开发布）');
    expect(doc.body.closing.printed).toEqual(['重庆市涪陵区教委办公室2023年3月22日印发']);
    expect(doc.frontmatter.date).toEqual(new Date('2023-03-22'));
  });

  it('turns 一是…二是… into lists, with or without text before them', () => {
    const point7 = doc.body.divisions[2]!.children.find((p) => p.number === '7.')!;
    expect(point7.heading).toBe('完成各项专项督导工作。');
    expect(point7.blocks.map((b) => b.type)).toEqual(['list']);
    expect(point7.blocks[0]!.type === 'list' && point7.blocks[0]!.items).toHaveLength(4);
  });
});

describe('003 南岸区 实施方案 (parts 1、, clauses （一）, 责任单位 notes)', () => {
  const { doc } = parseSeed('003_');

  it('is an implementation plan whose year comes from the notice date', () => {
    expect(doc.frontmatter.kind).toBe('实施方案');
    expect(doc.frontmatter.year).toBe(2021);
    expect(doc.frontmatter.title).toBe('南岸区深化新时代教育督导体制机制改革工作实施方案');
    expect(doc.frontmatter.issuers).toEqual(['中共重庆市南岸区委办公室', '重庆市南岸区人民政府办公室']);
    expect(doc.body.notice?.publication).toBe('（此件依申请公开）');
  });

  it('nests clauses （一）…（二十二） under parts 1、…5、', () => {
    expect(doc.body.divisions.map((d) => [d.id, d.level, d.number])).toEqual([
      ['s1', 'section', '1、'],
      ['s2', 'section', '2、'],
      ['s3', 'section', '3、'],
      ['s4', 'section', '4、'],
      ['s5', 'section', '5、'],
    ]);
    const clauses = doc.body.divisions.flatMap((d) => d.children);
    expect(clauses).toHaveLength(22);
    expect(clauses.every((c) => c.level === 'clause')).toBe(true);
    expect(clauses.at(-1)!.id).toBe('s5-c22');
  });

  it('splits the 责任单位 note off every clause', () => {
    const clauses = doc.body.divisions.flatMap((d) => d.children);
    for (const clause of clauses) expect(clause.blocks.at(-1)?.type).toBe('note');
    expect(clauses[0]!.blocks.at(-1)).toEqual({ type: 'note', text: '（责任单位：区委组织部、区委编办、区教委、区政府教育督导室）' });
  });

  it('keeps the closing paragraph after the last note as 结束语, not as part of clause 22', () => {
    expect(doc.body.closing.paragraphs).toHaveLength(1);
    expect(doc.body.closing.paragraphs[0]).toMatch(/^各部门、各镇街要充分认识/u);
  });
});

describe('004 闵行区 2022 工作要点 (document number, 抄送 printed before point 13)', () => {
  const { doc, removed } = parseSeed('004_');

  it('reads the document number and the attachment line', () => {
    expect(doc.frontmatter.documentNumber).toBe('闵府教督办〔2022〕1号');
    expect(doc.body.notice?.attachments).toEqual(['附件：《2022年闵行区教育督导工作要点》']);
    expect(doc.frontmatter.region).toEqual({ province: '上海市', district: '闵行区' });
  });

  it('moves the 抄送 block to the closing matter and keeps point 13 in section 五', () => {
    expect(doc.body.closing.cc).toBe('抄送：上海市人民政府教育督导室，闵行区人民政府办公室。');
    expect(doc.frontmatter.cc).toEqual(['上海市人民政府教育督导室', '闵行区人民政府办公室']);
    expect(doc.body.closing.printed).toEqual(['闵行区教育督导委员办公室']);
    expect(doc.body.divisions[4]!.children.map((p) => p.id)).toEqual(['s5-p11', 's5-p12', 's5-p13']);
    expect(removed.filter((a) => a.kind === 'moved').map((a) => a.line)).toEqual([39, 41]);
  });
});
