// Small hand-made documents, one per convention of a 公文 the importer must follow, so that a
// district's next document (shaped differently from the seeds) is read correctly too.
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/workplan/errors';
import { checkLossless } from '../../../src/lib/workplan/lossless';
import { parseWorkplan } from '../../../src/lib/workplan/parse';
import { walkDivisions } from '../../../src/lib/workplan/text';

const parse = (text: string) => parseWorkplan(text, { sourceName: 'sample.txt' });
const ids = (text: string) => walkDivisions(parse(text).doc.body.divisions).map(({ division }) => division.id);

const minimal = ['2024年余杭区教育督导工作要点', '一、加强督政', '1.开展履职评价。做好自评。'].join('\n');

describe('title and front matter', () => {
  it('reads a document with neither notice nor banner: title, preamble, divisions', () => {
    const { doc } = parse(['2024年余杭区教育督导工作要点', '总体要求：坚持立德树人。', '一、加强督政', '1.开展履职评价。做好自评。'].join('\n'));
    expect(doc.body.title).toBe('2024年余杭区教育督导工作要点');
    expect(doc.body.preamble).toEqual([{ type: 'paragraph', text: '总体要求：坚持立德树人。' }]);
    expect(doc.frontmatter.region).toEqual({ province: '浙江省', city: '杭州市', district: '余杭区' });
  });

  it('resolves a district name shared by several cities from the places the text mentions', () => {
    const { doc } = parse(['2024年鼓楼区教育督导工作要点', '福州市鼓楼区深入推进督导改革。', '一、加强督政', '1.开展评价。'].join('\n'));
    expect(doc.frontmatter.region).toEqual({ province: '福建省', city: '福州市', district: '鼓楼区' });
  });

  it('joins a title printed on two lines', () => {
    const { doc } = parse(['2024年余杭区深化教育督导', '体制机制改革实施方案', '一、总体要求', '1.坚持问题导向。'].join('\n'));
    expect(doc.body.title).toBe('2024年余杭区深化教育督导体制机制改革实施方案');
    expect(doc.frontmatter.kind).toBe('实施方案');
  });

  it('reads banner, 发文字号, notice title, 主送, 正文, 附件, 署名, date and 附注', () => {
    const text = [
      '杭州市西湖区教育局文件',
      '西教督〔2024〕3号',
      '关于印发《2024年西湖区教育督导工作要点》的通知',
      '各中小学、幼儿园：',
      '现将《2024年西湖区教育督导工作要点》印发给你们，请认真贯彻落实。',
      '附件：2024年西湖区教育督导工作要点',
      '杭州市西湖区教育局',
      '二〇二四年三月五日',
      '（此件公开发布）',
      '2024年西湖区教育督导工作要点',
      '一、加强督政',
      '1.开展履职评价。',
    ].join('\n');
    const { doc } = parse(text);
    expect(doc.body.masthead).toEqual({ issuers: ['杭州市西湖区教育局文件'], documentNumber: '西教督〔2024〕3号' });
    expect(doc.body.notice).toEqual({
      title: '关于印发《2024年西湖区教育督导工作要点》的通知',
      recipients: '各中小学、幼儿园：',
      paragraphs: ['现将《2024年西湖区教育督导工作要点》印发给你们，请认真贯彻落实。'],
      attachments: ['附件：2024年西湖区教育督导工作要点'],
      signature: ['杭州市西湖区教育局'],
      date: '二〇二四年三月五日',
      publication: '（此件公开发布）',
    });
    expect(doc.frontmatter).toMatchObject({
      issuers: ['杭州市西湖区教育局'],
      documentNumber: '西教督〔2024〕3号',
      date: new Date('2024-03-05'),
      recipients: ['各中小学', '幼儿园'],
    });
  });

  it('reads a 主送： line and a signature at the end of a document without notice', () => {
    const text = [...minimal.split('\n'), '杭州市西湖区教育局', '2024年3月5日', '抄送：区政府办公室。', '西湖区教育局办公室 2024年3月6日印发'].join('\n');
    const { doc } = parse(text);
    expect(doc.body.closing).toEqual({
      paragraphs: [],
      signature: ['杭州市西湖区教育局'],
      date: '2024年3月5日',
      attachments: [],
      cc: '抄送：区政府办公室。',
      printed: ['西湖区教育局办公室2024年3月6日印发'],
    });
    expect(doc.frontmatter.issuers).toEqual(['杭州市西湖区教育局']);
    expect(doc.frontmatter.cc).toEqual(['区政府办公室']);
  });
});

describe('numbered divisions', () => {
  it('accepts points numbered 1. 1、 and 1． and keeps each number as printed', () => {
    const { doc } = parse(['2024年余杭区教育督导工作要点', '一、督政', '1.甲事项。', '2.乙事项。', '二、督学', '3．丙事项。'].join('\n'));
    expect(walkDivisions(doc.body.divisions).map(({ division }) => division.number)).toEqual(['一、', '1.', '2.', '二、', '3．']);
  });

  it('treats 1、 under 一、 as points', () => {
    expect(ids(['2024年余杭区教育督导工作要点', '一、督政', '1、甲事项。', '2、乙事项。'].join('\n'))).toEqual(['s1', 's1-p1', 's1-p2']);
  });

  it('nests 一、 → （一） → 1. as section, clause and point', () => {
    const text = ['2024年余杭区教育督导工作要点', '一、督政', '（一）履职评价', '1.开展自评。', '2.迎接复核。', '（二）专项督导', '1.开学督导。', '二、督学', '（一）责任督学', '1.经常性督导。'].join('\n');
    expect(ids(text)).toEqual(['s1', 's1-c1', 's1-c1-p1', 's1-c1-p2', 's1-c2', 's1-c2-p1', 's2', 's2-c1', 's2-c1-p1']);
    const levels = walkDivisions(parse(text).doc.body.divisions).map(({ division }) => division.level);
    expect(levels.slice(0, 3)).toEqual(['section', 'clause', 'point']);
  });

  it('takes a document with points only as a flat list of points', () => {
    expect(ids(['2024年余杭区教育督导工作要点', '1.开展履职评价。', '2.开展专项督导。'].join('\n'))).toEqual(['p1', 'p2']);
  });

  it('does not take 4.0 or 2.5倍 at the start of a line for a point number', () => {
    const { doc } = parse([...minimal.split('\n'), '4.0版平台上线运行。'].join('\n'));
    const point = doc.body.divisions[0]!.children[0]!;
    expect(point.blocks.at(-1)).toEqual({ type: 'paragraph', text: '4.0版平台上线运行。' });
  });

  it('uses the lead sentence up to the first 。 outside quotes as the heading', () => {
    const { doc } = parse(['2024年余杭区教育督导工作要点', '一、督政', '1.落实“督政。督学”要求。其余正文。'].join('\n'));
    const point = doc.body.divisions[0]!.children[0]!;
    expect(point.heading).toBe('落实“督政。督学”要求。');
    expect(point.blocks).toEqual([{ type: 'paragraph', text: '其余正文。' }]);
  });

  it('warns about a gap in the numbering and keeps the number as printed', () => {
    const { doc, warnings } = parse(['2024年余杭区教育督导工作要点', '一、督政', '1.甲。', '3.丙。'].join('\n'));
    expect(doc.body.divisions[0]!.children.map((p) => p.id)).toEqual(['s1-p1', 's1-p3']);
    expect(warnings.join('\n')).toMatch(/sample\.txt:4: 3\. 接在编号 1 之后/u);
  });

  it('gives repeated numbers distinct ids', () => {
    expect(ids(['2024年余杭区教育督导工作要点', '一、督政', '1.甲。', '1.乙。'].join('\n'))).toEqual(['s1', 's1-p1', 's1-p1-2']);
  });
});

describe('inside a point', () => {
  it('splits 一是…二是… only when the markers follow a sentence break in order', () => {
    const { doc } = parse(['2024年余杭区教育督导工作要点', '一、督政', '1.强化统一是关键。一是建制度；二是抓落实。'].join('\n'));
    const point = doc.body.divisions[0]!.children[0]!;
    expect(point.heading).toBe('强化统一是关键。');
    expect(point.blocks).toEqual([
      { type: 'list', items: [{ marker: '一是', text: '建制度；' }, { marker: '二是', text: '抓落实。' }] },
    ]);
  });

  it('reads （1）（2） lines under a point as the items of a list', () => {
    const { doc } = parse(['2024年余杭区教育督导工作要点', '一、督政', '1.开展三项督导：', '（1）开学督导；', '（2）考试督导。'].join('\n'));
    const point = doc.body.divisions[0]!.children[0]!;
    expect(point.heading).toBe('开展三项督导：');
    expect(point.blocks).toEqual([
      { type: 'list', items: [{ marker: '（1）', text: '开学督导；' }, { marker: '（2）', text: '考试督导。' }] },
    ]);
  });

  it('splits a 牵头单位/配合单位 note, also on a line of its own', () => {
    const { doc } = parse(['2024年余杭区深化督导改革实施方案', '一、机构', '（一）健全机构。充实力量。', '（牵头单位：区教育局；配合单位：区财政局（预算科））'].join('\n'));
    const clause = doc.body.divisions[0]!.children[0]!;
    expect(clause.blocks).toEqual([
      { type: 'paragraph', text: '充实力量。' },
      { type: 'note', text: '（牵头单位：区教育局；配合单位：区财政局（预算科））' },
    ]);
  });
});

describe('artefacts and lossless output', () => {
  it('removes [bookmark: …] and joins a sentence split by a page break, reporting both', () => {
    const text = ['2024年余杭区教育督导工作要点', '一、督政', '[bookmark: _GoBack]1.开展评价。做好自查自评', '', '\f工作。'].join('\n');
    const { doc, removed } = parse(text);
    expect(removed.map((a) => [a.kind, a.line])).toEqual([
      ['bookmark', 3],
      ['joined-lines', 6], // the form feed starts line 6
    ]);
    expect(doc.body.divisions[0]!.children[0]!.blocks).toEqual([{ type: 'paragraph', text: '做好自查自评工作。' }]);
    expect(checkLossless(text, doc.body, removed)).toEqual({ ok: true });
  });

  it('keeps an unrecognised line as text rather than dropping it', () => {
    const text = [...minimal.split('\n'), '★ 备注：以上安排视情调整 ★'].join('\n');
    const { doc, removed } = parse(text);
    expect(JSON.stringify(doc.body)).toContain('★备注：以上安排视情调整★');
    expect(checkLossless(text, doc.body, removed)).toEqual({ ok: true });
  });

  it('the lossless check notices a lost character', () => {
    const { doc, removed } = parse(minimal);
    doc.body.divisions[0]!.children[0]!.heading = '开展评价。';
    const result = checkLossless(minimal, doc.body, removed);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.line).toBe(3);
  });
});

describe('bad input', () => {
  const fails = (text: string) => {
    try {
      parse(text);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      return (error as ImportError).message;
    }
    throw new Error('expected the parse to fail');
  };

  it('names file and line when there is no title', () => {
    expect(fails('一、督政\n1.开展评价。')).toMatch(/^sample\.txt:1: 找不到标题/u);
  });

  it('names file and line when the title is followed by no numbered structure', () => {
    expect(fails('\n2024年余杭区教育督导工作要点\n这里只有一段文字。')).toMatch(/^sample\.txt:2: 没有层次结构/u);
  });

  it('names the title line when the kind of document cannot be told', () => {
    expect(fails('2024年西湖区教育督导工作总结\n一、督政\n1.开展评价。')).toMatch(/^sample\.txt:1: 无法从标题“2024年西湖区教育督导工作总结”判断文档类型/u);
  });

  it('asks for --region when the district name is shared and nothing else tells which', () => {
    expect(fails('2024年西湖区教育督导工作要点\n一、督政\n1.开展评价。')).toMatch(/有多个地方叫西湖区.*--region 浙江省\/杭州市\/西湖区/u);
  });

  it('asks for --region when no district is named', () => {
    expect(fails('2024年教育督导工作要点\n一、督政\n1.开展评价。')).toMatch(/请用 --region 指定/u);
  });
});
