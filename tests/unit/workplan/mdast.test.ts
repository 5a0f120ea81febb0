// The structure reader over the MDX syntax tree: what a hand edit may change (text, markup inside
// a paragraph, line breaks) is read as written; what the components cannot render fails with the
// file, line and column.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WorkplanStructureError } from '../../../src/lib/workplan/mdast';
import { readWorkplanBody, readWorkplanMdx } from '../../../src/lib/workplan/mdx';

const file = 'content/workplans/2025-nanan-gongzuoyaodian.mdx';
const seed = readFileSync(file, 'utf8');

/** The seed with `from` replaced by `to` (once; `from` must occur). */
function edited(from: string | RegExp, to: string): string {
  const result = seed.replace(from, to);
  expect(result).not.toBe(seed);
  return result;
}

/** The error message reading `mdx` throws. */
function errorOf(mdx: string): string {
  try {
    readWorkplanMdx(mdx, file);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkplanStructureError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

const lineOf = (mdx: string, text: string) => mdx.slice(0, mdx.indexOf(text)).split('\n').length;

describe('a file edited by hand', () => {
  it('reads a rewritten paragraph as written, markup and line breaks included', () => {
    const mdx = edited(/(<Point id="s1-p1"[^>]*>\n\n)[^\n]+/u, '$1手工改写的第一行\n第二行，含**重点**和 `代码`。');
    const point = readWorkplanBody(mdx, file).divisions[0]!.children[0]!;
    expect(point.blocks).toEqual([{ type: 'paragraph', text: '手工改写的第一行\n第二行，含重点和 代码。' }]);
  });

  it('reads a note and a heading changed in their attributes, as "text" or {JSON}', () => {
    const mdx = edited('<Point id="s1-p1" number={"1."} heading={"巩固创建成果，完善推进机制。"}>', '<Point id="s1-p1" number="1." heading="手工标题。">\n\n<Note text="（责任单位：督导室；各中小学）" />');
    const point = readWorkplanBody(mdx, file).divisions[0]!.children[0]!;
    expect(point.heading).toBe('手工标题。');
    expect(point.blocks[0]).toEqual({ type: 'note', text: '（责任单位：督导室；各中小学）' });
  });
});

describe('a file the components cannot render', () => {
  it('refuses an unknown component, naming file, line and column', () => {
    const mdx = edited(/(<Point id="s1-p2"[^>]*>\n\n)/u, '$1<Pointt text="x" />\n\n');
    expect(errorOf(mdx)).toMatch(new RegExp(`^${file}:${lineOf(mdx, '<Pointt')}:1: 未知的组件 <Pointt>`, 'u'));
  });

  it('refuses a division without an id', () => {
    const mdx = edited('<Point id="s1-p2" ', '<Point ');
    expect(errorOf(mdx)).toMatch(/:\d+:1: <Point> 缺少 id/u);
  });

  it('refuses a duplicate id', () => {
    expect(errorOf(edited('<Point id="s1-p2" ', '<Point id="s1-p1" '))).toMatch(/id “s1-p1” 重复了/u);
  });

  it('refuses a point outside any section in a file that has sections', () => {
    const mdx = edited(/<Title [^\n]+\n/u, '$&\n<Point id="stray" number={"1."} heading={"游离的条目。"} />\n');
    expect(errorOf(mdx)).toMatch(new RegExp(`^${file}:${lineOf(mdx, '<Point id="stray"')}:1: <Point> 不在任何 <Section> 里`, 'u'));
  });

  it('refuses a section inside a point, and a point inside a note’s place', () => {
    expect(errorOf(edited('</Point>', '<Section id="inner" number={"二、"} heading={"嵌套"} />\n\n</Point>'))).toMatch(/<Section> 只能在最外层，不能放在 <Point> 里/u);
    expect(errorOf(edited(/<\/Notice>/u, '<Point id="x" number={"1."} />\n\n</Notice>'))).toMatch(/<Notice> 里只能有段落文字，不能有 <Point>/u);
  });

  it('refuses text outside the components, expressions and imports', () => {
    expect(errorOf(edited(/<Title [^\n]+\n/u, '$&\n游离的文字\n'))).toMatch(/组件之外不能有文字“游离的文字”/u);
    expect(errorOf(edited(/(<Point id="s1-p1"[^>]*>\n\n)/u, '$1文字 {1 + 1} 文字'))).toMatch(/段落里不能有表达式 \{1 \+ 1\}/u);
    expect(errorOf(edited(/<Title /u, 'import X from "./x.astro";\n\n<Title '))).toMatch(/不能有 import 或 export/u);
  });

  it('refuses a prop that is not a literal', () => {
    expect(errorOf(edited('number={"1."}', 'number={one}'))).toMatch(/属性 number 要写成 "文字" 或 \{JSON 值\}/u);
  });
});
