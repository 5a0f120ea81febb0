// The publish page's side of an import: the form read into import options with Chinese messages,
// command-line wording replaced by the page's fields, the font coverage handed to the page, and a
// zip that is the same for the same files.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/workplan/import-core';
import { browserEnvironment, decodeCoverage, EMPTY_FORM, encodeCoverage, forThePage, importFailureMessage, publishZip, readPublishForm, zipName } from '../../../src/lib/workplan/publish';

const noRegion = new TextEncoder().encode('2025年教育督导工作要点\n\n一、深化督导改革\n\n1.完善督导机构。健全督导委员会。\n');

describe('the font coverage handed to the page', () => {
  it('is written as base-36 ranges and read back', () => {
    expect(encodeCoverage([70, 65, 66, 67, 0x4e00])).toBe('1t-1v,1y,feo');
    expect([...decodeCoverage('1t-1v,1y,feo')]).toEqual([65, 66, 67, 70, 0x4e00]);
  });
});

describe('readPublishForm', () => {
  it('keeps what the importer read when the form is empty', () => {
    expect(readPublishForm(EMPTY_FORM)).toEqual({ options: {} });
  });

  it('turns the fields into the command line options and corrections (full-width digits accepted)', () => {
    const read = readPublishForm({ kind: '实施方案', region: '浙江省/杭州市/西湖区', year: '２０２６', issuers: '西湖区教育局\n\n 西湖区政府教育督导室 ', documentNumber: '西教督〔2026〕3号', date: '2026-02-28', slug: '2026-xihu-fangan' });
    expect(read).toEqual({
      options: {
        kind: '实施方案',
        region: { province: '浙江省', city: '杭州市', district: '西湖区' },
        slug: '2026-xihu-fangan',
        corrections: { year: 2026, issuers: ['西湖区教育局', '西湖区政府教育督导室'], documentNumber: '西教督〔2026〕3号', date: new Date('2026-02-28T00:00:00Z') },
      },
    });
  });

  it('names each bad field in Chinese', () => {
    expect(readPublishForm({ ...EMPTY_FORM, region: '西湖区', year: '25', date: '2026-02-30', slug: 'Xihu 2026' })).toEqual({
      errors: [
        { field: 'region', message: '地区应写成“省/区县”或“省/市/区县”，例如 重庆市/南岸区，而不是“西湖区”' },
        { field: 'year', message: '年度应是 1990 到 2100 之间的四位数字，而不是“25”' },
        { field: 'date', message: '成文日期应是有效日期，写成 2025-04-27 的形式，而不是“2026-02-30”' },
        { field: 'slug', message: '页面地址只能由小写英文字母、数字和连字符组成，例如 2025-nanan-gongzuoyaodian，而不是“Xihu 2026”' },
      ],
    });
  });
});

describe('messages on the page', () => {
  it("point at the page's fields instead of the command line's options", async () => {
    const error = await importFiles('plan.txt', noRegion, {}, browserEnvironment(null)).catch((caught: unknown) => caught);
    expect(importFailureMessage('plan.txt', error)).toBe('plan.txt:1: 标题和发文机关都没有写出区县名称；请在“核对信息”的“适用地区”中填写，例如 重庆市/南岸区，再点“按修改重新生成”');
    expect(forThePage('a.txt:3: 字符「X」(U+0058) 不在 PDF 字体中：PDF 报告印不出它，提交后下一次 npm run build 会因此失败。请核对原文')).toBe(
      'a.txt:3: 字符「X」(U+0058) 不在 PDF 字体中：PDF 报告印不出它，提交后网站下一次生成时会因此失败。请核对原文',
    );
  });

  it('a file refused for its region imports once the region is given', async () => {
    const read = readPublishForm({ ...EMPTY_FORM, region: '浙江省/杭州市/西湖区' });
    if (!('options' in read)) throw new Error('form refused');
    const files = await importFiles('plan.txt', noRegion, read.options, browserEnvironment(null));
    expect(files.mdxPath).toBe('content/workplans/2025-xihu-gongzuoyaodian.mdx');
    expect(files.result.doc.frontmatter.region).toEqual({ province: '浙江省', city: '杭州市', district: '西湖区' });
  });
});

describe('publishZip', () => {
  it('holds the two files at their repository paths, the same bytes every time', async () => {
    const files = { sourcePath: 'content/sources/plan.txt', sourceBytes: noRegion, mdxPath: 'content/workplans/2025-xihu-gongzuoyaodian.mdx', mdxText: '---\ntitle: 标题\n---\n' };
    const first = await publishZip(files);
    expect(await publishZip(files)).toEqual(first);
    const zip = await JSZip.loadAsync(first);
    expect(Object.keys(zip.files).filter((name) => !zip.files[name]!.dir)).toEqual(['content/sources/plan.txt', 'content/workplans/2025-xihu-gongzuoyaodian.mdx']);
    expect(await zip.file('content/workplans/2025-xihu-gongzuoyaodian.mdx')!.async('string')).toBe('---\ntitle: 标题\n---\n');
    expect(await zip.file('content/sources/plan.txt')!.async('uint8array')).toEqual(noRegion);
    expect(zipName(files.mdxPath)).toBe('2025-xihu-gongzuoyaodian.zip');
  });
});
